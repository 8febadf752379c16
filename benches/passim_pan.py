"""passim on the PAN 2013 training corpus, side by side with the Spark job: scores
passim's pairwise alignments with the same plagdet scorer.

passim (github.com/dasmiq/passim, its PySpark `passim/seriatim.py`) is not on the
PyPI these machines reach (PyPI's `passim` is an unrelated password library), and
its launcher wants the GraphFrames jar, which is only used to cluster the alignments
after they are written. So the measurement runs passim's alignment from a checkout
(PASSIM_DIR, with `passim/seriatim.py`) up to its pairwise extents
(`OUT/tmp/extents.parquet`) with its published defaults (20-character n-grams at word
starts, document frequency 2-100, at least 5 shared n-grams, gap 600, passages of 50
characters or more), on the same Spark, the same master and the same input.
`--fields id` is there because passim writes each document's fields as a Parquet
group, and with none it fails ("Cannot write a schema with an empty group"):

    .venv/bin/python benches/spark_pan.py input PAN_TRAIN IN.jsonl
    PYTHONPATH=PASSIM_DIR PYSPARK_SUBMIT_ARGS='--master local[2] pyspark-shell' \\
        benches/tree-peak.sh .venv/bin/python -m passim.seriatim IN.jsonl OUT --fields id
    .venv/bin/python benches/passim_pan.py PAN_TRAIN IN.jsonl OUT DET_DIR
    target/release/parallax pan-eval PAN_TRAIN DET_DIR

passim's offsets are code points of the text (Python string indexes), as PAN's are.
Its ids are Spark's `xxhash64` of the `id` column; they are mapped back with the
same function.
"""

import sys
from pathlib import Path

from spark_pan import pan_pairs, write_detection  # benches/, beside this script


def uid_names(input_jsonl):
    """passim's uid (xxhash64 of the id) -> id, computed by Spark itself."""
    from pyspark.sql import SparkSession
    from pyspark.sql.functions import xxhash64

    spark = SparkSession.builder.master("local[2]").appName("passim-ids").getOrCreate()
    try:
        ids = spark.read.json(str(input_jsonl)).select("id", xxhash64("id").alias("uid"))
        return {row.uid: row.id for row in ids.collect()}
    finally:
        spark.stop()


def detections(train, input_jsonl, passim_out, det_dir):
    import pandas as pd

    extents = pd.read_parquet(
        Path(passim_out) / "tmp" / "extents.parquet",
        columns=["uid", "uid2", "begin", "end", "begin2", "end2"],
    )
    if extents.empty:
        sys.exit(f"no extents in {passim_out}: did passim finish?")
    names = uid_names(input_jsonl)
    by_pair = {}
    for row in extents.itertuples(index=False):
        a, b = names[row.uid], names[row.uid2]
        by_pair.setdefault((a, b), []).append((row.begin, row.end, row.begin2, row.end2))
    det_dir = Path(det_dir)
    det_dir.mkdir(parents=True, exist_ok=True)
    known = set(names.values())
    written = found = 0
    for susp, src in pan_pairs(train):
        s_id, r_id = f"susp/{susp[:-4]}", f"src/{src[:-4]}"
        if s_id not in known or r_id not in known:
            continue  # a pair outside the input (a LIMIT of spark_pan.py input)
        features = []
        # `uid`'s span is (begin, end), `uid2`'s is (begin2, end2).
        for b0, b1, t0, t1 in by_pair.get((s_id, r_id), []):
            features.append((b0, b1 - b0, t0, t1 - t0))
        for b0, b1, t0, t1 in by_pair.get((r_id, s_id), []):
            features.append((t0, t1 - t0, b0, b1 - b0))
        found += len(features)
        write_detection(det_dir, susp, src, features)
        written += 1
    pairs = len(by_pair)
    print(
        f"{len(extents)} extents over {pairs} document pairs; {found} passages in "
        f"{written} PAN pairs -> {det_dir}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    detections(Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4])
