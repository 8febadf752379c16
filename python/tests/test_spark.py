"""The Spark job (``python -m parallax.spark``) on local[2] answers what ``parallax
compare --json`` answers for the same articles: every document's words and meta,
every listed pair's scores, every passage, every relation; every pair aligned, and
through the candidate index as a Spark join. The corpus: the seeds and the news
fixtures' relation sets, copied into one directory (the repository's files only)."""

import json
import math
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, seed_paths

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed (make python installs it)")
pytest.importorskip("pandas", reason="pandas is not installed (make python installs it)")
pytest.importorskip("pyarrow", reason="pyarrow is not installed (make python installs it)")

from parallax import spark as job  # noqa: E402


@pytest.fixture(scope="module")
def session():
    import os
    import sys

    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("parallax-test")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    yield spark
    spark.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seeds, and the articles of the relation fixtures' sets kept in files."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in seed_paths():
        shutil.copy(path, folder / path.name)
    cases = json.loads((FIXTURES / "news" / "relations.json").read_text(encoding="utf-8"))
    sub = folder / "news"
    sub.mkdir()
    for case in cases:
        for a in case["articles"]:
            text = a.get("text")
            if text is None and a.get("file"):
                text = (ROOT / a["file"]).read_text(encoding="utf-8")
            name = f"{a['id']}.txt"
            if text and not (sub / name).exists() and len(list(sub.iterdir())) < 12:
                (sub / name).write_text(text, encoding="utf-8")
    return folder


def table(spark, path):
    return [r.asDict(recursive=True) for r in spark.read.parquet(str(path)).collect()]


def same_float(x, y):
    return x == y or (math.isnan(x) and math.isnan(y))


def check(spark, out, report):
    documents = {d["id"]: d for d in table(spark, out / "documents")}
    assert sorted(documents) == sorted(d["id"] for d in report["documents"])
    for d in report["documents"]:
        got = documents[d["id"]]
        assert got["title"] == d["title"]
        assert got["words"] == d["tokens"]
        assert got["language"] == d["language"]
        assert got["encoding"] == d["encoding"]
        assert (got["meta_title"], got["byline"], got["dateline"], got["outlet"]) == (
            d["meta"]["title"],
            d["meta"]["byline"],
            d["meta"]["dateline"],
            d["meta"]["outlet"],
        ), d["id"]
    rows = table(spark, out / "pairs")
    listed = {(r["a"], r["b"]): r for r in rows if r["listed"]}
    assert sorted(listed) == sorted((p["a"], p["b"]) for p in report["pairs"])
    for p in report["pairs"]:
        got = listed[(p["a"], p["b"])]
        assert got["a_in_b"] == p["containment"]["aInB"], p["a"] + " " + p["b"]
        assert got["b_in_a"] == p["containment"]["bInA"]
        assert got["jaccard"] == p["jaccard"]
        assert same_float(got["cosine"], p["cosine"])
    relations = sorted(
        (r["relation_from"], r["relation_to"], r["relation"], r["relation_source"], r["relation_share"], r["relation_evidence"])
        for r in rows
        if r["relation"] is not None
    )
    expected = sorted(
        (r["from"], r["to"], r["kind"], r["source"], r["share"], r["evidence"]) for r in report["relations"]
    )
    assert relations == expected
    passages = sorted(
        (r["a"], r["b"], r["a_start"], r["a_end"], r["b_start"], r["b_end"], r["score"])
        for r in table(spark, out / "passages")
    )
    expected = sorted(
        (p["a"], p["b"], s["a"]["start"], s["a"]["end"], s["b"]["start"], s["b"]["end"], s["score"])
        for p in report["pairs"]
        for s in p["passages"]
    )
    assert passages == expected
    return len(report["pairs"]), len(expected), len(report["relations"])


def test_spark_job_equals_compare(session, corpus, cli, tmp_path):
    report = cli("compare", "--json", corpus)
    assert len(report["documents"]) > 5 and report["relations"], "the corpus has relations"
    job.run(session, str(corpus), str(tmp_path / "all"))
    pairs, passages, relations = check(session, tmp_path / "all", report)
    assert pairs == len(report["documents"]) * (len(report["documents"]) - 1) // 2
    assert passages > 0 and relations > 0


def test_spark_candidates_equal_compare(session, corpus, cli, tmp_path):
    """Above --all-pairs-up-to, the candidate index (a Spark join) proposes the pairs."""
    report = cli("compare", "--json", "--all-pairs-up-to", "3", corpus)
    job.run(session, str(corpus), str(tmp_path / "index"), {"all_pairs_up_to": 3})
    pairs, _, _ = check(session, tmp_path / "index", report)
    assert 0 < pairs < len(report["documents"]) * (len(report["documents"]) - 1) // 2


def test_spark_reads_json_lines(session, corpus, cli, tmp_path):
    articles = [
        {"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted(corpus.glob("*.txt"))
    ]
    source = tmp_path / "seeds.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    report = cli("compare", "--json", source)
    job.run(session, str(source), str(tmp_path / "jsonl"))
    check(session, tmp_path / "jsonl", report)


def test_spark_worker_error_is_parallax_error(session, corpus, tmp_path):
    """An article with no words is found by a Python worker; the caller gets the
    ParallaxError with its code and the article's id, not Spark's trace."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))[:2]]
    articles = [{"id": f"a{k}", "text": t} for k, t in enumerate(texts)] + [{"id": "blank", "text": " \n ... \n"}]
    source = tmp_path / "blank.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    from parallax import ParallaxError

    with pytest.raises(ParallaxError) as raised:
        job.run(session, str(source), str(tmp_path / "blank"))
    assert raised.value.code == "empty-article"
    assert '"blank"' in str(raised.value) and "Traceback" not in str(raised.value)


def test_spark_no_articles_is_parallax_error(session, tmp_path):
    source = tmp_path / "none.jsonl"
    source.write_text(json.dumps({"id": "x", "text": None}) + "\n", encoding="utf-8")
    from parallax import ParallaxError

    with pytest.raises(ParallaxError) as raised:
        job.run(session, str(source), str(tmp_path / "none"))
    assert raised.value.code == "too-few-articles"
