"""The Python door: the same answers, shapes, offsets and error codes as the CLI
and the npm package."""

import parallax
import pytest

from conftest import FIXTURES, load_json, seed_paths


def test_seeds_report_equals_the_cli(seeds, cli):
    report = parallax.analyze(seeds)
    assert report == cli("compare", "--json", *seed_paths())
    assert len(report["documents"]) == 5
    assert len(report["pairs"]) == 10


def test_seeds_have_the_republished_copy(seeds):
    report = parallax.analyze(seeds)
    copies = [r for r in report["relations"] if r["kind"] == "copy"]
    assert [(r["from"], r["to"]) for r in copies] == [
        ("002_da9d12f0e6c681db", "003_b401989aadad514e")
    ]


def test_options_are_snake_case_keywords(seeds):
    loose = parallax.analyze(seeds, min_passage_words=5, top_terms=3)
    strict = parallax.analyze(seeds, min_passage_words=40, top_terms=3)
    passages = lambda r: sum(len(p["passages"]) for p in r["pairs"])  # noqa: E731
    assert passages(loose) > passages(strict)
    assert all(len(d["topTerms"]) == 3 for d in loose["documents"])


def test_comparison_only_is_the_cli_comparison_only(seeds, cli):
    only = parallax.analyze(seeds, comparison_only=True)
    assert only == cli("compare", "--json", "--comparison-only", *seed_paths())
    assert only["comparisonOnly"] and not parallax.analyze(seeds)["comparisonOnly"]
    assert only["pairs"] == parallax.analyze(seeds)["pairs"]
    assert only["relations"] == [] and all(d["tokens"] == 0 for d in only["documents"])


def test_unknown_option_names_the_known_ones(seeds):
    with pytest.raises(parallax.ParallaxError) as caught:
        parallax.analyze(seeds, minPassageWords=5)
    assert caught.value.code == "invalid-input"
    assert "min_passage_words" in str(caught.value)


@pytest.mark.parametrize(
    "articles, options, code",
    [
        ([{"id": "a", "text": "  "}], {}, "empty-article"),
        ([{"id": "a", "text": "One text."}, {"id": "a", "text": "Two."}], {}, "duplicate-id"),
        ([{"id": "a", "text": "One text."}], {"language": "xx"}, "invalid-option"),
        ([{"id": "a", "text": "One text."}], {"shingle": 0}, "invalid-option"),
        ([{"id": "a"}], {}, "invalid-input"),
        ("not a list", {}, "invalid-input"),
    ],
)
def test_errors_carry_the_library_code(articles, options, code):
    with pytest.raises(parallax.ParallaxError) as caught:
        parallax.analyze(articles, **options)
    assert caught.value.code == code
    assert isinstance(caught.value, ValueError)


def test_too_large_article_is_refused_by_name():
    huge = "word " * (7 * 1024 * 1024)  # 35 MiB, over the 32 MiB article limit
    with pytest.raises(parallax.ParallaxError) as caught:
        parallax.analyze([{"id": "huge", "text": huge}])
    assert caught.value.code == "too-large"
    assert "huge" in str(caught.value)


def test_tokens_match_the_shared_table():
    cases = load_json("tokens.json")
    assert len(cases) > 10
    for case in cases:
        options = {k: v for k, v in case.get("options", {}).items()}
        renamed = {
            "".join("_" + c.lower() if c.isupper() else c for c in k): v
            for k, v in options.items()
        }
        assert parallax.tokenize(case["text"], **renamed) == case["tokens"], case["name"]


def test_offsets_are_utf16_code_units():
    text = "😀 Obama spoke"
    words = parallax.tokenize(text)
    obama = next(w for w in words if w["term"] == "obama")
    utf16 = text.encode("utf-16-le")
    assert utf16[obama["start"] * 2 : obama["end"] * 2].decode("utf-16-le") == "Obama"


def test_align_texts_finds_the_shared_sentence():
    shared = "the two leaders met on monday and failed to agree on a truce in syria"
    a = f"Breaking news tonight. {shared}. More later."
    b = f"{shared}. Other words entirely here."
    passages = parallax.align_texts(a, b, min_passage_words=5)
    assert len(passages) == 1
    span = passages[0]["a"]
    assert shared in a[span["start"] : span["end"]]


def test_term_frequencies_and_stop_words():
    terms = parallax.term_frequencies("The talks failed. The talks resume.")
    assert terms[0] == {"term": "talks", "count": 2}
    assert "the" not in {t["term"] for t in terms}
    assert "the" in parallax.stop_word_list("en")


def test_concordance_lines(seeds):
    lines = parallax.concordance(seeds, "Syria", context=20)
    assert lines, "the seeds mention Syria"
    for line in lines:
        assert line["match"].lower() == "syria"


def test_extract_reads_an_html_page():
    pages = sorted((FIXTURES / "html").glob("*.html"))
    assert pages, "the HTML reader's fixtures"
    page = parallax.extract(pages[0].read_text(encoding="utf-8"))
    assert set(page) == {"title", "byline", "text"}
    assert len(page["text"]) > 100


def test_decode_reads_every_hostile_encoding():
    cases = load_json("hostile/expected.json")
    assert len(cases) >= 6
    for case in cases:
        data = (FIXTURES / "hostile" / case["file"]).read_bytes()
        decoded = parallax.decode(data, name=case["file"])
        assert decoded["encoding"] == case["encoding"], case["file"]
        assert decoded["text"] == case["text"], case["file"]


def test_decode_refuses_binary_by_name():
    with pytest.raises(parallax.ParallaxError) as caught:
        parallax.decode(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, name="photo.png")
    assert caught.value.code == "binary"
    assert "photo.png" in str(caught.value)


def test_pan_align_in_code_points():
    shared = (
        "Die beiden Staatschefs trafen sich am Montag in Genf und konnten sich nicht "
        "über einen Waffenstillstand in Syrien einigen. Nach Angaben von Diplomaten "
        "dauerte das Gespräch fast zwei Stunden, und beide Seiten vereinbarten, die "
        "Verhandlungen in der kommenden Woche in Wien fortzusetzen. Der Außenminister "
        "sagte später, man habe offene und ehrliche Worte gewechselt, doch über den "
        "Zeitplan für eine Feuerpause gebe es weiterhin keine Einigung zwischen Moskau "
        "und Washington, während die Kämpfe um Aleppo unvermindert andauerten."
    )
    susp = "Ärger überall in Europa, schreiben die Zeitungen am Dienstag. " + shared
    source = "Völlig anderer Anfang über Wetter, Sport und Börse in Zürich. " + shared
    passages = parallax.pan_align(susp, source)
    assert len(passages) == 1
    p = passages[0]
    found = susp[p["thisOffset"] : p["thisOffset"] + p["thisLength"]]
    # Code points: the umlauts before the passage do not shift it.
    assert found.startswith("Die beiden") and found.rstrip(".").endswith("andauerten")
    assert source[p["sourceOffset"] :].startswith("Die beiden")
