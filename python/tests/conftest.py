"""Shared fixtures: the repository's own data (the seeds, the token and hostile
tables), so the Python door is held to the same cases as the native, wasm and page
tests. A missing file fails the test that needs it."""

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "www" / "seeds"
FIXTURES = ROOT / "tests" / "fixtures"


def seed_paths():
    paths = sorted(SEEDS.glob("*.txt"))
    assert len(paths) == 5, f"expected the 5 seed articles in {SEEDS}"
    return paths


@pytest.fixture(scope="session")
def seeds():
    return [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in seed_paths()]


@pytest.fixture(scope="session")
def cli():
    """The `parallax` binary the Makefile built (PARALLAX_CLI), to compare doors."""
    path = os.environ.get("PARALLAX_CLI")
    assert path, "PARALLAX_CLI must name the parallax binary (make test-python sets it)"
    assert Path(path).is_file(), f"PARALLAX_CLI={path} does not exist"

    def run(*args):
        done = subprocess.run([path, *map(str, args)], capture_output=True, check=True)
        return json.loads(done.stdout)

    return run


def load_json(relative):
    return json.loads((FIXTURES / relative).read_text(encoding="utf-8"))
