"""Parallax on Apache Spark: ``python -m parallax.spark INPUT OUTPUT [--master URL]``.

INPUT is a directory of text or web-page files (``.txt``, ``.md``, ``.html``,
``.htm``, recursively; ids are the paths under it without extension, as
``parallax compare`` gives them), or a JSON Lines (``.jsonl``/``.json``) or Parquet
table of ``{id, title?, text}``. OUTPUT is a directory of three Parquet tables:

- ``documents``: id, title, words, language, encoding, meta_title, byline,
  dateline, outlet (the report's ``documents[]``: ``tokens`` is ``words``);
- ``pairs``: a, b, a_in_b, b_in_a (containment both ways), jaccard, cosine,
  relation (``copy``, ``partial``, ``common-source`` or null), relation_from,
  relation_to, relation_source, relation_share, relation_evidence, listed
  (whether ``compare`` lists the pair: a pair it does not list appears only when
  it has a relation);
- ``passages``: a, b, a_start, a_end, b_start, b_end (UTF-16 code units of each
  text, as the report gives them), score.

The answers are those of ``parallax compare --json`` over the same articles in
the order of their ids: the job runs ``analyze`` in the three phases of
``parallax::distributed`` (see its documentation):

1. each article's line keys -> the keys' first occurrences (a window per key) ->
   each article's boilerplate from the occurrences of its own keys;
2. each article read without boilerplate: its stems (summed into document
   frequencies, joined back to each article), its candidate shingles (the
   candidate index as a join: shingle -> articles, pairs of short lists counted),
   its quotes' words (the one step that meets on the driver: quote matches are
   grouped across the set; quotes are a small part of a text);
3. the articles are cut into blocks of consecutive ids (at most 10,000; few
   enough blocks that each article is read and sent a few times only, enough that
   every core has tasks), and a task is the pairs between two blocks: it receives
   the texts of the articles its pairs name once (a cogroup by task, Arrow
   batches), reads each once, and aligns its pairs with the Rust core, tasks in
   parallel.

Up to ``--all-pairs-up-to`` articles (50) every pair is aligned, as ``compare``
does; above, the pairs the candidate index proposes.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import re
import sys
import time
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Tuple

from . import _parallax as core

if TYPE_CHECKING:  # the stub's TypedDict; no such name at run time
    from ._parallax import Article

EXTENSIONS = (".txt", ".md", ".html", ".htm")
HTML = (".html", ".htm")
MAX_COMPARED = 64  # each line key's occurrences the boilerplate rules compare
# A task aligns the pairs between two blocks of articles, reading each article of
# both once: an article is read (and its text sent) once per block its
# candidates fall in, so blocks are as large as a task's memory allows (10,000
# news-sized articles read for alignment are about 0.4 GB), and only as many as
# keep every core busy (b blocks make b(b+1)/2 tasks).
DOCS_PER_BLOCK = 10_000

ARTICLE_SCHEMA = "id string, title string, text string, encoding string"
INFO_SCHEMA = (
    "idx long, id string, title string, words long, language string, encoding string, "
    "meta_title string, byline string, dateline string, outlet string, "
    "stems array<long>, shingles array<long>, "
    "quotes array<struct<quote:long, words:array<string>, speaker:string>>"
)
PAIR_SCHEMA = (
    "a string, b string, a_index long, b_index long, listed boolean, "
    "a_in_b double, b_in_a double, jaccard double, cosine double, "
    "relation string, relation_from string, relation_to string, relation_source string, "
    "relation_share double, relation_evidence array<string>, "
    "passages array<struct<a_start:long, a_end:long, b_start:long, b_end:long, score:double>>"
)


# ---------------------------------------------------------------- errors

# A ParallaxError raised in a Python worker reaches the driver as Spark's
# PythonException, a long Java and Python trace with the message somewhere inside.
# Workers mark it with its code; the driver raises it again as a ParallaxError.
WORKER_ERROR = re.compile(r"\[parallax-error ([a-z-]+)\] ([^\n]*)")


def error(code: str, message: str) -> core.ParallaxError:
    """A ParallaxError with its `code`, as the extension raises them."""
    e = core.ParallaxError(message)
    setattr(e, "code", code)
    return e


def _marked(e: core.ParallaxError) -> RuntimeError:
    return RuntimeError(f"[parallax-error {getattr(e, 'code', 'internal')}] {e}")


@contextlib.contextmanager
def reported() -> Iterator[None]:
    """Around a worker function's body: its ParallaxError, marked for `run`."""
    try:
        yield
    except core.ParallaxError as e:
        raise _marked(e) from None


def from_worker(e: BaseException) -> Optional[core.ParallaxError]:
    """The ParallaxError a worker marked inside Spark's error `e`, if any."""
    found = WORKER_ERROR.findall(str(e))
    if not found:
        return None
    code, message = found[-1]
    return error(code, message)


# ---------------------------------------------------------------- input


def _article_from_file(rel: str, content: bytes) -> Dict[str, Any]:
    lower = rel.lower()
    html = lower.endswith(HTML)
    decoded = core.decode(content, name=rel, html=html)
    encoding = decoded["encoding"]
    title: Optional[str] = None
    text = decoded["text"]
    if html:
        page = core.extract(text)
        title, text = page["title"], page["text"]
    return {
        "id": rel.rsplit(".", 1)[0],
        "title": title,
        "text": text,
        "encoding": None if encoding.lower() == "utf-8" else encoding,
    }


def read_articles(spark: Any, path: str) -> Any:
    """The articles at `path` as a DataFrame (id, title, text, encoding)."""
    from pyspark.sql import functions as F

    lower = path.rstrip("/").lower()
    is_dir = os.path.isdir(path) or "://" in path and not lower.endswith((".jsonl", ".json", ".parquet"))
    if lower.endswith((".jsonl", ".json")):
        table = spark.read.schema("id string, title string, text string").json(path)
        return table.select("id", "title", "text", F.lit(None).cast("string").alias("encoding"))
    if lower.endswith(".parquet") or (is_dir and _is_parquet_dir(path)):
        table = spark.read.parquet(path)
        title = F.col("title") if "title" in table.columns else F.lit(None).cast("string")
        return table.select(
            F.col("id").cast("string"),
            title.cast("string").alias("title"),
            F.col("text").cast("string"),
            F.lit(None).cast("string").alias("encoding"),
        )
    base = os.path.abspath(path) if "://" not in path else path.rstrip("/")
    files = (
        spark.read.format("binaryFile")
        .option("recursiveFileLookup", "true")
        .load(path)
        .select("path", "content")
    )

    def decode(batches: Iterator[Any]) -> Iterator[Any]:
        with reported():
            import pandas as pd

            for batch in batches:
                rows = []
                for uri, content in zip(batch["path"], batch["content"]):
                    at = uri.find(base.rstrip("/") + "/")
                    rel = uri[at + len(base.rstrip("/")) + 1 :] if at >= 0 else uri.rsplit("/", 1)[-1]
                    from urllib.parse import unquote

                    rel = unquote(rel)
                    if rel.lower().endswith(EXTENSIONS):
                        rows.append(_article_from_file(rel, bytes(content)))
                yield pd.DataFrame(rows, columns=["id", "title", "text", "encoding"])

    return files.mapInPandas(decode, ARTICLE_SCHEMA)


def _is_parquet_dir(path: str) -> bool:
    if not os.path.isdir(path):
        return False
    for _, _, names in os.walk(path):
        if any(n.endswith(".parquet") for n in names):
            return True
    return False


# ---------------------------------------------------------------- the job


def _none(value: Any) -> Any:
    """A pandas cell as Python: NaN and missing as None."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _article(row: Any) -> "Article":
    article: "Article" = {"id": row["id"], "text": row["text"]}
    if _none(row["title"]) is not None:
        article["title"] = row["title"]
    if _none(row["encoding"]) is not None:
        article["encoding"] = row["encoding"]
    return article


def _repeats(cell: Any) -> List[Tuple[int, int, int, Optional[int], Optional[int]]]:
    cell = _none(cell) if not hasattr(cell, "__len__") else cell
    if cell is None:
        return []
    def key(value: Any) -> Optional[int]:
        return None if int(value) == 0 else int(value)

    return [(int(o["key"]), int(o["doc"]), int(o["line"]), key(o["before"]), key(o["after"])) for o in cell]


def _document(row: Any, options: Dict[str, Any]) -> Any:
    return core.Document(int(row["idx"]), _article(row), _repeats(row["repeats"]), **options)


def run(spark: Any, source: str, output: str, options: Optional[Dict[str, Any]] = None) -> Dict[str, int]:
    """Runs the job on `spark` (any master) from `source` into `output`; returns counts.
    Raises ParallaxError (with its `code`) for bad input or options, also when a
    worker found it."""
    try:
        return _run(spark, source, output, options)
    except Exception as e:
        found = from_worker(e)
        if found is None:
            raise
        raise found from None


def _run(spark: Any, source: str, output: str, options: Optional[Dict[str, Any]]) -> Dict[str, int]:
    from pyspark.sql import Window
    from pyspark.sql import functions as F
    import pandas as pd

    options = dict(options or {})
    started = time.monotonic()

    def said(what: str) -> None:
        if os.environ.get("PARALLAX_SPARK_TIMINGS"):
            print(f"parallax.spark: {time.monotonic() - started:7.1f} s {what}", file=sys.stderr)

    core.candidate_settings(2, **options)  # refuses a bad option before any work
    articles = read_articles(spark, source).where(F.col("id").isNotNull() & F.col("text").isNotNull())
    articles = articles.persist()
    n = articles.count()
    said(f"{n} articles read")
    if n == 0:
        raise error("too-few-articles", "no articles in " + source)
    # Set order is id order. The articles are cut into blocks of consecutive ids
    # (range partitions); `idx` increases with the id, and its high bits are the
    # block (monotonically_increasing_id: partition << 33 | row in partition).
    parallelism = spark.sparkContext.defaultParallelism
    # Spark's default of 200 shuffle partitions makes 200 Python tasks of a few
    # articles each on a small set; left alone when set to anything else.
    if spark.conf.get("spark.sql.shuffle.partitions") == "200":
        spark.conf.set("spark.sql.shuffle.partitions", str(max(2 * parallelism, math.ceil(n / 1000))))
    blocks = min(n, max(math.ceil(n / DOCS_PER_BLOCK), math.ceil(2 * math.sqrt(parallelism))))
    indexed = (
        articles.repartitionByRange(blocks, "id")
        .sortWithinPartitions("id")
        .withColumn("idx", F.monotonically_increasing_id())
        .persist()
    )
    duplicate = indexed.groupBy("id").count().where("count > 1").limit(1).collect()
    if duplicate:
        raise error("duplicate-id", f"duplicate id {duplicate[0]['id']!r}")

    # Phase 1 and 2 of boilerplate: each line key's first occurrences in set order.
    empty = core.EMPTY_LINE_KEY

    def keys_of(batches: Iterator[Any]) -> Iterator[Any]:
        with reported():
            for batch in batches:
                rows = []
                for idx, text in zip(batch["idx"], batch["text"]):
                    keys = core.line_keys(text)
                    for line, key in enumerate(keys):
                        if key == empty:
                            continue
                        # No line before or after is 0, never a key: no nulls in the column
                        # (pandas would turn a column of longs with nulls into floats).
                        before = keys[line - 1] if line > 0 else 0
                        after = keys[line + 1] if line + 1 < len(keys) else 0
                        rows.append((key, int(idx), line, before, after))
                yield pd.DataFrame(rows, columns=["key", "doc", "line", "before", "after"])

    occurrences = indexed.select("idx", "text").mapInPandas(
        keys_of, "key long, doc long, line long, before long, after long"
    )
    by_key = Window.partitionBy("key")
    first = (
        occurrences.withColumn("rank", F.row_number().over(by_key.orderBy("doc", "line")))
        .withColumn("seen", F.count(F.lit(1)).over(by_key))
        .where((F.col("seen") >= 2) & (F.col("rank") <= MAX_COMPARED))
        .drop("rank", "seen")
    )
    # Each article receives the kept occurrences of its own keys.
    own = occurrences.select(F.col("doc").alias("idx"), "key").distinct()
    repeats = (
        own.join(first, "key")
        .groupBy("idx")
        .agg(F.collect_list(F.struct("key", "doc", "line", "before", "after")).alias("repeats"))
    )
    docs = indexed.join(repeats, "idx", "left").persist()

    # Phase 1 of the rest: what each article adds to the frequencies, the index, the quotes.
    settings = core.candidate_settings(n, **options)
    all_pairs = settings["all_pairs"]

    def read_docs(batches: Iterator[Any]) -> Iterator[Any]:
        with reported():
            for batch in batches:
                rows = []
                for _, row in batch.iterrows():
                    doc = _document(row, options)
                    s = doc.summary()
                    rows.append(
                        {
                            "idx": int(row["idx"]),
                            "id": s["id"],
                            "title": s["title"],
                            "words": s["words"],
                            "language": s["language"],
                            "encoding": s["encoding"],
                            "meta_title": s["meta"]["title"],
                            "byline": s["meta"]["byline"],
                            "dateline": s["meta"]["dateline"],
                            "outlet": s["meta"]["outlet"],
                            "stems": doc.stems(),
                            "shingles": [] if all_pairs else doc.candidate_shingles(),
                            "quotes": [
                                {"quote": q, "words": w, "speaker": sp} for q, w, sp in doc.quote_words()
                            ],
                        }
                    )
                yield pd.DataFrame(rows, columns=[c.split(" ")[0] for c in _columns(INFO_SCHEMA)])

    info = docs.mapInPandas(read_docs, INFO_SCHEMA).persist()

    # Phase 2: document frequencies, joined back to the articles that have each stem.
    stems = info.select("idx", F.explode("stems").alias("stem"))
    df = stems.groupBy("stem").agg(F.count(F.lit(1)).alias("df"))
    # Two flat arrays, not a list of structs: pandas reads them as two numpy arrays
    # instead of a Python dict per stem.
    weights = (
        stems.join(df, "stem")
        .groupBy("idx")
        .agg(F.collect_list(F.struct("stem", "df")).alias("weights"))
        .select("idx", F.col("weights.stem").alias("stems"), F.col("weights.df").alias("df"))
    )

    # The pairs: every pair, or the candidate index as a join.
    if all_pairs:
        ids = info.select("idx")
        pairs = (
            ids.alias("x")
            .crossJoin(ids.alias("y"))
            .where(F.col("x.idx") < F.col("y.idx"))
            .select(F.col("x.idx").alias("a"), F.col("y.idx").alias("b"))
        )
    else:
        held = info.select("idx", F.explode("shingles").alias("shingle"))
        useful = (
            held.groupBy("shingle")
            .agg(F.count(F.lit(1)).alias("docs"))
            .where((F.col("docs") >= 2) & (F.col("docs") <= settings["max_docs"]))
            .select("shingle")
        )
        postings = held.join(useful, "shingle")
        pairs = (
            postings.alias("x")
            .join(postings.alias("y"), (F.col("x.shingle") == F.col("y.shingle")) & (F.col("x.idx") < F.col("y.idx")))
            .groupBy(F.col("x.idx").alias("a"), F.col("y.idx").alias("b"))
            .agg(F.count(F.lit(1)).alias("shared"))
            .where(F.col("shared") >= settings["min_shared"])
            .select("a", "b")
        )

    # Quotes shared by each pair: matched across the set on the driver (quotes only).
    info.count()
    said("articles read without boilerplate")
    quoted = info.where(F.size("quotes") > 0).select("idx", "quotes").collect()
    shared = core.shared_quotes(
        [
            (int(r["idx"]), [(int(q["quote"]), list(q["words"]), q["speaker"]) for q in r["quotes"]])
            for r in quoted
        ]
    )
    shared_df = spark.createDataFrame(shared or [], "a long, b long, shared_quotes long")
    pairs = pairs.join(F.broadcast(shared_df), ["a", "b"], "left").fillna(0, ["shared_quotes"]).persist()
    count = pairs.count()
    said(f"{count} pairs to align, {len(shared)} sharing quotes")

    def task() -> Any:
        # A task is a pair of blocks: it needs the texts of two blocks at most.
        # (A new expression each time: a column of `pairs` used on both sides of
        # the cogroup would be an ambiguous self-join.)
        return (F.shiftright("a", 33) * F.lit(blocks + 1) + F.shiftright("b", 33)).alias("task")

    # Phase 3: each task gets the texts its pairs name, once, and aligns its pairs.
    needed = (
        pairs.select(task(), F.col("a").alias("idx"))
        .union(pairs.select(task(), F.col("b").alias("idx")))
        .distinct()
    )
    pairs = pairs.select("a", "b", "shared_quotes", task())
    texts = needed.join(
        docs.select("idx", "id", "title", "text", "encoding", "repeats").join(weights, "idx", "left"),
        "idx",
    )

    def align(task_pairs: Any, task_docs: Any) -> Any:
        with reported():
            read: Dict[int, Any] = {}
            for row in task_docs.to_dict("records"):
                doc = _document(row, options)
                stems, df = row["stems"], row["df"]
                if hasattr(stems, "__len__"):  # an article with no stems has none (NaN)
                    doc.weigh(n, stems.tolist(), df.tolist())
                read[int(row["idx"])] = doc
            # One call for the task's pairs: the core returns only the ones the
            # report lists or relates (most candidate pairs are neither).
            place = {idx: k for k, idx in enumerate(read)}
            a_idx, b_idx = task_pairs["a"].tolist(), task_pairs["b"].tolist()
            found = core.compare_pairs(
                list(read.values()),
                [place[int(a)] for a in a_idx],
                [place[int(b)] for b in b_idx],
                n,
                [int(k) for k in task_pairs["shared_quotes"]],
            )
            rows = []
            for k, result in found:
                a, b = a_idx[k], b_idx[k]
                pair, relation = result["pair"], result["relation"]
                rows.append(
                    {
                        "a": pair["a"],
                        "b": pair["b"],
                        "a_index": int(a),
                        "b_index": int(b),
                        "listed": result["listed"],
                        "a_in_b": pair["containment"]["aInB"],
                        "b_in_a": pair["containment"]["bInA"],
                        "jaccard": pair["jaccard"],
                        "cosine": pair["cosine"],
                        "relation": relation and relation["kind"],
                        "relation_from": relation and relation["from"],
                        "relation_to": relation and relation["to"],
                        "relation_source": relation and relation["source"],
                        "relation_share": relation and relation["share"],
                        "relation_evidence": relation and relation["evidence"],
                        "passages": [
                            {
                                "a_start": p["a"]["start"],
                                "a_end": p["a"]["end"],
                                "b_start": p["b"]["start"],
                                "b_end": p["b"]["end"],
                                "score": p["score"],
                            }
                            for p in (pair["passages"] if result["listed"] else [])
                        ],
                    }
                )
            return pd.DataFrame(rows, columns=[c.split(" ")[0] for c in _columns(PAIR_SCHEMA)])

    compared = (
        pairs.groupBy("task")
        .cogroup(texts.groupBy("task"))
        .applyInPandas(align, PAIR_SCHEMA)
        .persist()
    )
    said(f"{compared.count()} pairs aligned")
    documents = info.drop("stems", "shingles", "quotes").orderBy("idx").drop("idx")
    documents.write.mode("overwrite").parquet(os.path.join(output, "documents"))
    compared.drop("passages").orderBy("a_index", "b_index").drop("a_index", "b_index").write.mode(
        "overwrite"
    ).parquet(os.path.join(output, "pairs"))
    passages = compared.select(
        "a_index", "b_index", "a", "b", F.posexplode("passages").alias("k", "p")
    ).select("a_index", "b_index", "k", "a", "b", "p.a_start", "p.a_end", "p.b_start", "p.b_end", "p.score")
    passages.orderBy("a_index", "b_index", "k").drop("a_index", "b_index", "k").write.mode(
        "overwrite"
    ).parquet(os.path.join(output, "passages"))
    said("written")
    return {"documents": n, "candidates": count}


def _columns(schema: str) -> List[str]:
    """The top-level fields of a DDL schema string (commas inside <> skipped)."""
    out, depth, field = [], 0, ""
    for c in schema:
        depth += (c == "<") - (c == ">")
        if c == "," and depth == 0:
            out.append(field.strip())
            field = ""
        else:
            field += c
    out.append(field.strip())
    return out


# ---------------------------------------------------------------- command line


def session(master: Optional[str] = None) -> Any:
    """A Spark session on `master`; without one, spark-submit's, else local[*]. Local
    workers run this interpreter (which has the package) unless PYSPARK_PYTHON says."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("parallax").config("spark.ui.showConsoleProgress", "false")
    if master:
        builder = builder.master(master)
    elif "PYSPARK_GATEWAY_PORT" not in os.environ:  # not launched by spark-submit
        builder = builder.master("local[*]")
    return builder.getOrCreate()


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m parallax.spark",
        description="Compare a set of articles on Apache Spark: documents, pairs and passages as Parquet.",
    )
    parser.add_argument("input", help="a directory of .txt/.md/.html files, or a .jsonl or Parquet table of {id, title?, text}")
    parser.add_argument("output", help="a directory for the Parquet tables documents, pairs, passages")
    parser.add_argument("--master", help="Spark master URL (default: the environment's, else local[*])")
    parser.add_argument("--all-pairs-up-to", type=int, help="align every pair up to N articles (50)")
    parser.add_argument("--list-pairs", choices=["auto", "all", "related"], help="which pairs are listed (auto)")
    parser.add_argument("--min-words", type=int, help="the fewest words a shared passage has (8)")
    args = parser.parse_args(argv)
    options: Dict[str, Any] = {}
    if args.all_pairs_up_to is not None:
        options["all_pairs_up_to"] = args.all_pairs_up_to
    if args.list_pairs is not None:
        options["list_pairs"] = args.list_pairs
    if args.min_words is not None:
        options["min_passage_words"] = args.min_words

    spark = session(args.master)
    try:
        counts = run(spark, args.input, args.output, options)
    except core.ParallaxError as e:
        print(f"parallax: error: {e}", file=sys.stderr)
        return 2
    finally:
        spark.stop()
    print(f"{counts['documents']} documents, {counts['candidates']} pairs aligned -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
