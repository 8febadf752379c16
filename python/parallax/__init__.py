"""Parallax: compare news articles about one story.

The Rust core as a Python extension. Every function returns plain Python values
shaped like the report of ``parallax compare --json`` and the npm package, with the
same camelCase keys, so a report from Python, from the command line and from a web
page read the same (``json.dumps(analyze(...))`` is what the CLI prints). Options
are keyword arguments in snake_case (``min_passage_words=12``); offsets are UTF-16
code units, as in the report, except ``pan_align``'s, which are code points (PAN's
unit). Errors raise :class:`ParallaxError`, whose ``code`` is the same stable code
the other doors give (``"invalid-option"``, ``"empty-article"``, ``"too-large"``...).
"""

from ._parallax import (
    ParallaxError,
    align_texts,
    analyze,
    concordance,
    decode,
    extract,
    pan_align,
    stop_word_list,
    term_frequencies,
    tokenize,
    version,
)

__all__ = [
    "ParallaxError",
    "align_texts",
    "analyze",
    "concordance",
    "decode",
    "extract",
    "pan_align",
    "stop_word_list",
    "term_frequencies",
    "tokenize",
    "version",
]
__version__ = version()
