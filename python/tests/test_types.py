"""The hand-written stub (parallax/_parallax.pyi) held to real values, as the npm
package's types are held to real reports by tsc: every TypedDict's keys are exactly
the keys of the values the extension returns, recursively, and mypy --strict accepts
code that reads a report through them."""

import ast
import subprocess
import sys
from pathlib import Path

import parallax

from conftest import FIXTURES

STUB = Path(parallax.__file__).with_name("_parallax.pyi")


def typed_dicts():
    """Each TypedDict of the stub: its keys and, for nested ones, their types' names."""
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    found = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and any(
            getattr(b, "id", "").endswith("TypedDict") or getattr(b, "id", "").startswith("_")
            for b in node.bases
        ):
            fields = {
                n.target.id: ast.unparse(n.annotation)
                for n in node.body
                if isinstance(n, ast.AnnAssign)
            }
            for base in node.bases:
                fields.update(found.get(getattr(base, "id", ""), {}))
            found[node.name] = fields
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            call = node.value
            if getattr(call.func, "id", "") == "TypedDict":
                mapping = call.args[1]
                found[node.targets[0].id] = {
                    k.value: ast.unparse(v) for k, v in zip(mapping.keys, mapping.values)
                }
    return found


def check(value, type_name, types, path):
    """Asserts `value` has exactly the keys of `type_name`, and recurses."""
    fields = types[type_name]
    assert set(value) == set(fields), f"{path}: {sorted(value)} vs {sorted(fields)}"
    for key, annotation in fields.items():
        inner = annotation.replace("Optional[", "").replace("List[", "").rstrip("]")
        if inner in types and value[key] is not None:
            items = value[key] if annotation.startswith("List[") else [value[key]]
            for i, item in enumerate(items):
                check(item, inner, types, f"{path}.{key}[{i}]")


def test_stub_matches_real_values(seeds):
    types = typed_dicts()
    assert {"Report", "DocumentReport", "Relation", "Quote"} <= set(types)
    report = parallax.analyze(seeds)
    assert report["quoteMatches"] and report["relations"], "the seeds have both"
    check(report, "Report", types, "report")
    check(parallax.tokenize("Obama spoke")[0], "Token", types, "token")
    check(parallax.term_frequencies("Obama spoke")[0], "TermCount", types, "term")
    check(parallax.concordance(seeds, "Syria")[0], "ConcordanceLine", types, "line")
    html = sorted((FIXTURES / "html").glob("*.html"))[0].read_text(encoding="utf-8")
    check(parallax.extract(html), "Extracted", types, "page")
    check(parallax.decode(b"plain text"), "Decoded", types, "decoded")


USAGE = '''
from typing import List
import parallax
from parallax._parallax import Report

def passages(report: Report) -> List[int]:
    return [p["passages"][0]["a"]["start"] for p in report["pairs"] if p["passages"]]

report = parallax.analyze([{"id": "a", "text": "One."}, {"id": "b", "text": "Two."}],
                          min_passage_words=5, language="en")
starts: List[int] = passages(report)
names: List[str] = [q["speaker"]["name"] for d in report["documents"]
                    for q in d["quotes"] if q["speaker"] is not None]
sources: List[str] = [r["from"] for r in report["relations"]]
try:
    parallax.decode(b"x", name="a.txt")
except parallax.ParallaxError as e:
    code: str = e.code
'''


def test_mypy_strict_accepts_typed_use(tmp_path):
    script = tmp_path / "use.py"
    script.write_text(USAGE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(script)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_accepts_the_spark_job():
    """parallax.spark is typed too (pyspark and pandas untyped where they are)."""
    job = Path(parallax.__file__).with_name("spark.py")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--ignore-missing-imports", "--no-incremental", str(job)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
