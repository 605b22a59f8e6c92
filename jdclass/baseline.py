"""The plain baseline of `make bench`, end to end: read every file, TF-IDF and logistic regression, one CSV row each.

Its process imports what such a script would (scikit-learn through the fitted model, and our file reader, so that
both sides read the files alike) and nothing of jdclass's parsing or spaCy: a baseline that paid their start-up
would make our ratio to it look better than it is.
"""

from __future__ import annotations

import csv
import os
import sys
from collections.abc import Iterator
from multiprocessing import Pool
from typing import Any

import joblib

from jdclass.readers import read_posting

CHUNK = 256

_model: Any = None


def _start(model_file: str) -> None:
    global _model
    _model = joblib.load(model_file)


def _rows(paths: list[str]) -> list[list[object]]:
    texts = [read_posting(path) for path in paths]
    return [[path, _model.classes_[row.argmax()], *row.round(4)] for path, row in zip(paths, _model.predict_proba(texts), strict=True)]


def files_in(folder: str) -> Iterator[str]:
    """Every file under ``folder``, hidden entries skipped, in sorted order: the folders the benchmark generates hold
    postings and plain folders only (`jdclass batch` lists more cases: links, a folder named like a posting)."""
    with os.scandir(folder) as listing:
        entries = sorted((entry for entry in listing if not entry.name.startswith(".")), key=lambda entry: entry.name)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from files_in(entry.path)
        elif entry.is_file():
            yield entry.path


def baseline_batch(folder: str, model_file: str, out: str, jobs: int) -> None:
    """Score every file of ``folder`` with the fitted pipeline in ``model_file`` on ``jobs`` processes, into the CSV ``out``."""
    paths = list(files_in(folder))
    chunks = [paths[i : i + CHUNK] for i in range(0, len(paths), CHUNK)]
    with open(out, "w", newline="", encoding="utf-8") as handle, Pool(jobs, _start, (model_file,)) as pool:
        writer = csv.writer(handle)
        for rows in pool.imap(_rows, chunks):
            writer.writerows(rows)


if __name__ == "__main__":
    if len(sys.argv) != 5 or not sys.argv[4].isdigit() or int(sys.argv[4]) < 1:
        sys.exit("usage: python -m jdclass.baseline FOLDER MODEL_FILE OUT_CSV JOBS (the plain baseline of make bench)")
    try:
        baseline_batch(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
    except (OSError, ValueError) as error:  # a missing folder or model file, an unreadable posting
        sys.exit(f"Error: {error}")
