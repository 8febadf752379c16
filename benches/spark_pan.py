"""The Spark job on the PAN 2013 training corpus: makes the input, scores the output.

    .venv/bin/python benches/spark_pan.py input PAN_TRAIN OUT.jsonl [LIMIT]
        writes the corpus's documents as JSON Lines (ids src/NAME and susp/NAME,
        without .txt); LIMIT keeps the documents of the first pairs until LIMIT are
        kept (all 5,057 without it)
    .venv/bin/python -m parallax.spark OUT.jsonl JOB_OUT --master local[2]
    .venv/bin/python benches/spark_pan.py detections PAN_TRAIN JOB_OUT DET_DIR
        writes one PAN detection XML per pair of PAN_TRAIN/pairs from the job's
        passages table (UTF-16 code units taken to code points)
    target/release/parallax pan-eval PAN_TRAIN DET_DIR
"""

import json
import sys
from pathlib import Path


def pan_pairs(train):
    for line in (train / "pairs").read_text().split("\n"):
        if line.strip():
            susp, src = line.split()
            yield susp, src


def make_input(train, out, limit=None):
    names = []
    seen = set()
    for susp, src in pan_pairs(train):
        for name in (f"susp/{susp}", f"src/{src}"):
            if name not in seen:
                seen.add(name)
                names.append(name)
        if limit and len(names) >= limit:
            break
    if not limit:
        for folder in ("src", "susp"):
            for path in sorted((train / folder).glob("*.txt")):
                name = f"{folder}/{path.name}"
                if name not in seen:
                    seen.add(name)
                    names.append(name)
    with open(out, "w", encoding="utf-8") as f:
        for name in names:
            text = (train / name).read_text(encoding="utf-8")
            f.write(json.dumps({"id": name[: -len(".txt")], "text": text}) + "\n")
    print(f"{len(names)} documents -> {out}", file=sys.stderr)


def write_detection(det_dir, susp, src, features):
    """One pair's PAN detection XML; `features` are (this_offset, this_length,
    source_offset, source_length) in code points."""
    lines = [f'<document reference="{susp}">']
    for this_offset, this_length, source_offset, source_length in sorted(features):
        lines.append(
            f'<feature name="detected-plagiarism" this_offset="{this_offset}" '
            f'this_length="{this_length}" source_reference="{src}" '
            f'source_offset="{source_offset}" source_length="{source_length}" />'
        )
    lines.append("</document>")
    name = f"{susp[:-4]}-{src[:-4]}.xml"
    (det_dir / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def code_points(text):
    """UTF-16 offset -> code point offset, for every offset of `text`."""
    table = [0]
    for i, c in enumerate(text):
        table.extend([i + 1] * (2 if ord(c) > 0xFFFF else 1))
    return table


def detections(train, job_out, det_dir):
    import pandas as pd

    passages = pd.read_parquet(Path(job_out) / "passages")
    det_dir = Path(det_dir)
    det_dir.mkdir(parents=True, exist_ok=True)
    by_pair = {}
    for row in passages.itertuples(index=False):
        by_pair.setdefault((row.a, row.b), []).append(row)
    tables = {}

    def table(name):
        if name not in tables:
            tables[name] = code_points((train / f"{name}.txt").read_text(encoding="utf-8"))
        return tables[name]

    written = 0
    for susp, src in pan_pairs(train):
        s_id, r_id = f"susp/{susp[:-4]}", f"src/{src[:-4]}"
        features = []
        for (a, b), rows in ((k, by_pair.get(k, [])) for k in ((s_id, r_id), (r_id, s_id))):
            for p in rows:
                (s0, s1, r0, r1) = (
                    (p.a_start, p.a_end, p.b_start, p.b_end)
                    if a == s_id
                    else (p.b_start, p.b_end, p.a_start, p.a_end)
                )
                ts, tr = table(s_id), table(r_id)
                features.append((ts[s0], ts[s1] - ts[s0], tr[r0], tr[r1] - tr[r0]))
        write_detection(det_dir, susp, src, features)
        written += 1
    print(f"{written} detection files -> {det_dir}", file=sys.stderr)


if __name__ == "__main__":
    command, train = sys.argv[1], Path(sys.argv[2])
    if command == "input":
        make_input(train, sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else None)
    elif command == "detections":
        detections(train, sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
