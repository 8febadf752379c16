# Rewrites whatlang's trigram profiles (src/trigrams/profiles.rs), lists of
# `Trigram(char, char, char)`, as one UTF-8 string per language: three
# characters per trigram, in the same order. Run once on upstream's file.
import re, sys

path = sys.argv[1]
source = open(path, encoding="utf-8").read()
CHAR = r"'((?:\\.|\\u\{[0-9a-fA-F]+\}|[^'\\])+)'"
TRIGRAM = re.compile(r"Trigram\(" + CHAR + r", " + CHAR + r", " + CHAR + r"\)")

def char(literal):
    if literal.startswith("\\u{"):
        return chr(int(literal[3:-1], 16))
    if literal.startswith("\\"):
        return {"\\'": "'", '\\"': '"', "\\\\": "\\", "\\n": "\n", "\\t": "\t"}[literal]
    return literal

def as_string(match):
    text = "".join(char(c) for t in TRIGRAM.findall(match.group(1)) for c in t)
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped + '"'

out = re.sub(r"&\[\s*((?:Trigram\([^)]*\),?\s*)+)\]", as_string, source)
out = out.replace("pub type LangProfile = &'static [Trigram];",
                  "/// A language's trigrams, most frequent first: three characters each (Parallax's fork).\n"
                  "pub type LangProfile = &'static str;")
out = out.replace("use crate::trigrams::Trigram;\n", "")
assert "Trigram(" not in out
open(path, "w", encoding="utf-8").write(out)
