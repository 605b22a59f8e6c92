from __future__ import annotations

import json
from pathlib import Path

import pytest

import jdclass
from jdclass.model import LevelClassifier

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
HELD_BACK = ROOT / "tests" / "data" / "held_back"


@pytest.fixture(autouse=True)
def _isolated_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every user-writable path points into the test's own folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture(scope="session")
def classifier() -> LevelClassifier:
    """The shipped model, loaded once."""
    return jdclass.load()


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def real_postings() -> list[dict[str, object]]:
    """The real PM postings of ../shared/eval (full text), or skip when ../shared is absent."""
    files = [EVAL / "real_pm_postings.jsonl", EVAL / "real_pm_postings_senior.jsonl"]
    if not all(path.is_file() for path in files):
        pytest.skip("../shared/eval is not present beside the project")
    return [row for path in files for row in read_jsonl(path)]
