//! The term count of one text in one table: [`Tally`], what `stats::count_text`
//! fills as the walk hands it each token.
//!
//! Half the terms of a news-sized article occur once, so the count is as much
//! inserting as finding. A `HashMap<Cow<str>, usize>` hashed a new term twice
//! (the lookup, then the insert) and allocated a `String` for each term the
//! walk lower-cased. Here a term
//! is hashed once, kept as a place: in the text when the term is a slice of it,
//! else in one buffer of made terms (lower-cased, normalized) shared by all, and
//! the table holds only the entries' numbers, with linear probing over them.
//! Entries stay in the order their terms were first seen.
//!
//! Most words are eight bytes or fewer, so an entry also keeps its term's first
//! eight bytes as a number (its head): a short term is hashed by one
//! multiplication of its head and found by comparing two numbers, without
//! reading either term's bytes again.

use std::hash::BuildHasher;

use rustc_hash::FxBuildHasher;

/// The distinct terms of one text and how often each occurs.
#[derive(Debug, Clone)]
pub struct Tally<'t> {
    text: &'t str,
    /// Terms that are not a slice of the text, back to back.
    made: String,
    /// 0 for an empty slot, else 1 + the entry's index; a power of two long,
    /// at most half full.
    slots: Vec<usize>,
    entries: Vec<Entry>,
}

impl Default for Tally<'_> {
    fn default() -> Self {
        Tally::new("", 0)
    }
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    /// Where the term is: below the text's length a byte offset into it, from
    /// there on one into `made` (plus the text's length).
    at: usize,
    len: usize,
    count: usize,
    hash: u32,
    /// The term's first eight bytes.
    head: u64,
}

/// What a term is looked up by.
#[derive(Debug, Clone, Copy)]
struct Key {
    head: u64,
    hash: u32,
}

impl Key {
    /// The key of `term`, whose first eight bytes are `head` (zero-padded).
    fn new(term: &str, head: u64) -> Key {
        let hash = if term.len() <= 8 {
            // The high half of the product: where every bit of the head counts.
            (head.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as u32
        } else {
            let h = FxBuildHasher.hash_one(term);
            (h ^ (h >> 32)) as u32
        };
        Key { head, hash }
    }

    fn of(term: &str) -> Key {
        Key::new(term, head(term.as_bytes()))
    }
}

/// The first eight bytes of `bytes` as a little-endian number, zero-padded
/// (byte by byte below eight, rather than copied into a buffer: a copy of a
/// length not known in advance is a `memcpy` call in wasm).
pub fn head(bytes: &[u8]) -> u64 {
    match bytes.first_chunk::<8>() {
        Some(first) => u64::from_le_bytes(*first),
        None => bytes
            .iter()
            .rev()
            .fold(0, |head, &b| head << 8 | u64::from(b)),
    }
}

impl<'t> Tally<'t> {
    /// An empty tally of terms of `text`, with room for about `terms` of them.
    pub fn new(text: &'t str, terms: usize) -> Tally<'t> {
        Tally {
            text,
            made: String::new(),
            slots: vec![0; (2 * terms).next_power_of_two().max(16)],
            entries: Vec::with_capacity(terms),
        }
    }

    /// Counts one more occurrence of the term `text[start..end]`.
    pub fn add_slice(&mut self, start: usize, end: usize) {
        // The walk's spans are always on character boundaries.
        let Some(term) = self.text.get(start..end) else {
            return;
        };
        // The eight bytes from the term's start, those past it masked away: one
        // load, where the text has eight bytes left.
        let window = self
            .text
            .as_bytes()
            .get(start..)
            .and_then(<[u8]>::first_chunk::<8>);
        let head = match window {
            Some(w) if term.len() < 8 => u64::from_le_bytes(*w) & ((1 << (8 * term.len())) - 1),
            Some(w) => u64::from_le_bytes(*w),
            None => head(term.as_bytes()),
        };
        let key = Key::new(term, head);
        match self.find(term, key) {
            Ok(entry) => self.entries[entry].count += 1,
            Err(slot) => self.insert(slot, start, term.len(), key, 1),
        }
    }

    /// An empty tally of terms of `text`, as [`Tally::new`], whose first entries
    /// are the terms of the `known` tallies, each counted 0: the stop words,
    /// so that a term of the text is hashed and looked up once, not a second
    /// time to ask whether it is one (a twentieth of a news-sized article's
    /// `termFrequencies` in wasm). Their hashes are kept, not computed again.
    pub fn with_known<'k>(
        text: &'t str,
        terms: usize,
        known: impl Iterator<Item = &'k Tally<'k>> + Clone,
    ) -> Tally<'t> {
        let mut tally = Tally::new(text, terms + known.clone().map(Tally::len).sum::<usize>());
        for k in known {
            tally.know(k);
        }
        tally
    }

    /// The terms of `k` not yet here, as entries counted 0.
    fn know(&mut self, k: &Tally<'_>) {
        if self.entries.is_empty() && k.text.is_empty() {
            // Into an empty tally, a tally of made terms alone (a set) is taken
            // over whole, its terms being distinct: one copy of them, each entry
            // placed by its kept hash. Looked up and copied one by one, the 180
            // English stop words cost a call of `termFrequencies` some 50,000
            // instructions in wasm (a tenth of a short article's).
            let shift = self.text.len() + self.made.len();
            self.made.push_str(&k.made);
            for e in &k.entries {
                self.entries.push(Entry {
                    at: e.at + shift,
                    count: 0,
                    ..*e
                });
                let entry = self.entries.len();
                self.place(e.hash, entry);
            }
            return;
        }
        for e in &k.entries {
            let term = k.term(e);
            let key = Key {
                head: e.head,
                hash: e.hash,
            };
            if let Err(slot) = self.find(term, key) {
                self.insert_made(slot, term, key, 0);
            }
        }
    }

    /// Counts one more occurrence of `term`, which need not be in the text.
    pub fn add(&mut self, term: &str) {
        let key = Key::of(term);
        match self.find(term, key) {
            Ok(entry) => self.entries[entry].count += 1,
            Err(slot) => self.insert_made(slot, term, key, 1),
        }
    }

    /// True when `term` has an entry (counted 0 for a known one).
    pub fn contains(&self, term: &str) -> bool {
        self.find(term, Key::of(term)).is_ok()
    }

    /// Every distinct term with its count, in the order first seen.
    pub fn iter(&self) -> impl Iterator<Item = (&str, usize)> + '_ {
        self.iter_from(0)
    }

    /// The terms of [`Self::iter`] from the `first`-th on (past the known ones).
    pub fn iter_from(&self, first: usize) -> impl Iterator<Item = (&str, usize)> + '_ {
        let entries = self.entries.get(first..).unwrap_or_default();
        entries.iter().map(|e| (self.term(e), e.count))
    }

    /// The text whose terms these are.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// How many distinct terms there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing was counted.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry of `term`, or the empty slot where it goes.
    fn find(&self, term: &str, key: Key) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        let mut slot = key.hash as usize & mask;
        loop {
            let Some(entry) = self.slots[slot].checked_sub(1) else {
                return Err(slot);
            };
            let e = &self.entries[entry];
            // Equal heads and lengths are equal terms up to eight bytes.
            if e.head == key.head
                && e.len == term.len()
                && (e.len <= 8 || same(self.term(e).as_bytes(), term.as_bytes()))
            {
                return Ok(entry);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// `term` kept in the made terms, and given the entry at `slot`.
    fn insert_made(&mut self, slot: usize, term: &str, key: Key, count: usize) {
        let at = self.text.len() + self.made.len();
        self.made.push_str(term);
        self.insert(slot, at, term.len(), key, count);
    }

    fn insert(&mut self, slot: usize, at: usize, len: usize, key: Key, count: usize) {
        self.entries.push(Entry {
            at,
            len,
            count,
            hash: key.hash,
            head: key.head,
        });
        self.slots[slot] = self.entries.len();
        if 2 * self.entries.len() > self.slots.len() {
            self.grow();
        }
    }

    /// Twice the slots, every entry placed again by its kept hash.
    fn grow(&mut self) {
        self.slots = vec![0; 2 * self.slots.len()];
        for i in 0..self.entries.len() {
            self.place(self.entries[i].hash, i + 1);
        }
    }

    /// `entry` (1 + its index) in the first empty slot from its hash's.
    fn place(&mut self, hash: u32, entry: usize) {
        let mask = self.slots.len() - 1;
        let mut slot = hash as usize & mask;
        while self.slots[slot] != 0 {
            slot = (slot + 1) & mask;
        }
        self.slots[slot] = entry;
    }

    fn term(&self, e: &Entry) -> &str {
        match e.at.checked_sub(self.text.len()) {
            None => &self.text[e.at..e.at + e.len],
            Some(at) => &self.made[at..at + e.len],
        }
    }
}

/// `a == b`, four bytes at a time:
/// `==` calls `memcmp`, which in wasm compares a byte at a time, a call per
/// term found (3 % of a news-sized article's `termFrequencies`).
fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if n < 4 {
        // The first, middle and last bytes are every byte of up to three.
        return n == 0 || (a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1]);
    }
    // Four bytes at a time, the last four last (which may overlap the ones before).
    let word = |s: &[u8], i: usize| s.get(i..).and_then(|s| s.first_chunk::<4>()).copied();
    let mut i = 0;
    while i + 4 < n {
        if word(a, i) != word(b, i) {
            return false;
        }
        i += 4;
    }
    word(a, n - 4) == word(b, n - 4)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn tally_of(text: &str, words: &[&str]) -> HashMap<String, usize> {
        let mut tally = Tally::new(text, 1);
        for w in words {
            match text.find(w) {
                Some(at) => tally.add_slice(at, at + w.len()),
                None => tally.add(w),
            }
        }
        assert_eq!(tally.len(), tally.iter().count());
        tally.iter().map(|(t, n)| (t.to_string(), n)).collect()
    }

    #[test]
    fn slices_and_made_terms_count_as_one_term() {
        let text = "the cat saw the dog";
        let counts = tally_of(text, &["the", "cat", "dog", "the", "cats", "cats", "saw"]);
        assert_eq!(counts["the"], 2);
        assert_eq!(counts["cats"], 2);
        assert_eq!(counts.len(), 5);
        // A term made elsewhere finds the same term seen in the text.
        let mut tally = Tally::new(text, 1);
        tally.add_slice(4, 7);
        tally.add("cat");
        assert_eq!(tally.iter().collect::<Vec<_>>(), vec![("cat", 2)]);
    }

    #[test]
    fn known_terms_come_first_counted_zero() {
        let mut stop = Tally::new("", 0);
        stop.add("the");
        stop.add("a");
        let mut extra = Tally::new("", 0);
        extra.add("a");
        extra.add("reuters");
        let text = "the cat and the hat";
        let mut tally = Tally::with_known(text, 1, [&stop, &extra].into_iter());
        assert_eq!(tally.len(), 3);
        assert!(tally.contains("reuters") && !tally.contains("cat"));
        tally.add_slice(0, 3);
        tally.add_slice(4, 7);
        tally.add_slice(12, 15);
        let got: Vec<(&str, usize)> = tally.iter().collect();
        assert_eq!(got, vec![("the", 2), ("a", 0), ("reuters", 0), ("cat", 1)]);
    }

    #[test]
    fn order_is_first_seen_and_growth_loses_nothing() {
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        let mut tally = Tally::new("", 1);
        for round in 0..3 {
            for w in &words[..words.len() - round * 1000] {
                tally.add(w);
            }
        }
        let seen: Vec<(&str, usize)> = tally.iter().collect();
        assert_eq!(seen.len(), 5000);
        assert_eq!(seen[0], ("w0", 3));
        assert_eq!(seen[4999], ("w4999", 1));
        assert_eq!(
            seen.iter().map(|&(_, n)| n).sum::<usize>(),
            5000 + 4000 + 3000
        );
    }

    #[test]
    fn same_is_slice_equality() {
        let words = [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abcde",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
        ];
        for a in words
            .iter()
            .chain(&["abcdefghijklmnopq", "abcdefghijklmnopr"])
        {
            for i in 0..a.len() {
                let mut b = a.as_bytes().to_vec();
                b[i] ^= 1;
                assert!(!same(a.as_bytes(), &b), "{a} {i}");
            }
            assert!(same(a.as_bytes(), a.as_bytes()));
            assert!(!same(a.as_bytes(), format!("{a}a").as_bytes()));
        }
    }

    // proptest needs an OS random source: property tests run natively only.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn counts_as_a_hash_map_does(words in proptest::collection::vec("[ab\u{e9}]{1,3}|abcdefg[ab\u{e9}]{0,3}|x{7,9}", 0..200)) {
            let text: String = words.iter().take(20).map(String::as_str).collect::<Vec<_>>().join(" ");
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            let mut naive: HashMap<String, usize> = HashMap::new();
            for w in &words {
                *naive.entry(w.clone()).or_default() += 1;
            }
            proptest::prop_assert_eq!(tally_of(&text, &refs), naive);
        }
    }
}
