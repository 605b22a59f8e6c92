"""Measuring a model on labelled postings, beside baselines run on the same data."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from jdclass.corpus import Corpus
from jdclass.errors import InputError
from jdclass.levels import Level
from jdclass.metrics import summary
from jdclass.model import LevelClassifier
from jdclass.titles import title_level


@dataclass(frozen=True)
class LabelledPosting:
    """A posting with a known level; ``title`` is kept apart from ``text``."""

    text: str
    level: str
    title: str | None = None


def load_labelled(path: Path | str) -> list[LabelledPosting]:
    """Read a JSONL file of postings with ``description`` (or ``text``), ``level`` and optional ``title``."""
    path = Path(path)
    rows: list[LabelledPosting] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read ({error})") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            text = row.get("description") or row.get("text")
            level = Level.from_code(str(row["level"])).code
        except (json.JSONDecodeError, KeyError, AttributeError, TypeError) as error:
            raise InputError(f"{path}:{number}: not a labelled posting ({type(error).__name__})") from None
        if not text:
            raise InputError(f"{path}:{number}: empty text")
        rows.append(LabelledPosting(text, level, row.get("title")))
    return rows


def model_predictions(classifier: LevelClassifier, rows: Sequence[LabelledPosting], with_title: bool) -> list[str]:
    """Our levels: the content judgement (title field left out), or the overall level given the title."""
    if with_title:
        return [classifier.classify(row.text, title=row.title).level.code for row in rows]
    return [result.content_level.code for result in classifier.classify_many(row.text for row in rows)]


def title_rule_predictions(rows: Sequence[LabelledPosting]) -> list[str]:
    """The title rules alone; a posting without a title is called PM, the commonest level."""
    out = []
    for row in rows:
        found = title_level(row.title)
        out.append(found.level.code if found else Level.PM.code)
    return out


def plain_tfidf_predictions(corpus: Corpus, rows: Sequence[LabelledPosting]) -> list[str]:
    """A plain scikit-learn TF-IDF and logistic regression on the corpus: no spaCy, no parsed fields."""
    baseline = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True), LogisticRegression(max_iter=5000, class_weight="balanced"))
    baseline.fit([p.text for p in corpus.postings], [p.level.code for p in corpus.postings])
    return [str(code) for code in baseline.predict([row.text for row in rows])]


def compare(classifier: LevelClassifier, corpus: Corpus, rows: Sequence[LabelledPosting], with_title: bool = False) -> dict[str, dict[str, float | int | None]]:
    """Our figures beside the majority class, the title rules and a plain TF-IDF model, on the same rows."""
    truth = [row.level for row in rows]
    majority = max(set(truth), key=truth.count)
    return {
        "jdclass": summary(truth, model_predictions(classifier, rows, with_title)),
        "majority": summary(truth, [majority] * len(rows)),
        "title rules": summary(truth, title_rule_predictions(rows)),
        "plain tf-idf": summary(truth, plain_tfidf_predictions(corpus, rows)),
    }
