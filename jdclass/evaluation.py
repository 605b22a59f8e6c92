"""Measuring a model on labelled postings, beside baselines run on the same data."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_recall_fscore_support
from sklearn.pipeline import make_pipeline

from jdclass.corpus import Corpus
from jdclass.errors import InputError, TrainingError, UnknownLevel
from jdclass.judgement import FLAGS
from jdclass.levels import Level
from jdclass.metrics import CODES, confusion_text, expected_calibration_error, summary
from jdclass.model import LevelClassifier, decide
from jdclass.nlp import analyze
from jdclass.posting import Posting, parse_text
from jdclass.result import Classification
from jdclass.titles import title_level
from jdclass.training import corpus_posting, cross_validated_probabilities, writer_of

TEXT_COLUMNS = ("text", "description")


@dataclass(frozen=True)
class LabelledPosting:
    """A posting with a known level; ``title`` is kept apart from ``text``. ``row`` is where it came from."""

    text: str
    level: str
    title: str | None = None
    row: str = ""


def load_labelled(path: Path | str) -> list[LabelledPosting]:
    """Labelled postings from a JSONL or CSV file, or from every such file in a folder.

    Each row needs ``text`` (or ``description``) and ``level``; ``title`` is optional. Bad rows are named together.
    """
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in (".jsonl", ".csv"))
        if not files:
            raise InputError(f"{path}: no .jsonl or .csv files in the folder")
        return [row for file in files for row in load_labelled(file)]
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read ({error})") from None
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(raw, newline=""))
        records = [(f"{path}:{reader.line_num}", dict(record)) for record in reader]
    elif path.suffix.lower() in (".jsonl", ".json", ".ndjson"):
        records = []
        for number, line in enumerate(raw.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                raise InputError(f"{path}:{number}: not valid JSON") from None
            if not isinstance(record, dict):
                raise InputError(f"{path}:{number}: expected a JSON object")
            records.append((f"{path}:{number}", record))
    else:
        raise InputError(f"{path}: labelled data must be .jsonl or .csv")
    rows, unknown, empty = [], [], []
    for where, record in records:
        text = next((str(record[c]) for c in TEXT_COLUMNS if record.get(c)), "")
        try:
            level = Level.from_code(str(record.get("level") or "")).code
        except UnknownLevel:
            unknown.append(f"{where.rsplit(':', 1)[1]} ({record.get('level')!r})")
            continue
        if not text.strip():
            empty.append(where.rsplit(":", 1)[1])
            continue
        title = record.get("title")
        rows.append(LabelledPosting(text, level, str(title) if title else None, where))
    problems = []
    if unknown:
        problems.append(f"unknown level in row(s) {', '.join(unknown[:10])}{' ...' if len(unknown) > 10 else ''} (expected {', '.join(CODES)})")
    if empty:
        problems.append(f"empty text in row(s) {', '.join(empty[:10])}{' ...' if len(empty) > 10 else ''}")
    if problems:
        raise TrainingError(f"{path}: " + "; ".join(problems))
    if not rows:
        raise InputError(f"{path}: no labelled postings")
    return rows


def labelled_posting(row: LabelledPosting) -> Posting:
    """Parse a labelled row; its title, when given, is attached beside the text (and blanked where the text states it)."""
    return parse_text(row.text, title=row.title)


def title_rule_predictions(rows: Sequence[LabelledPosting]) -> list[str]:
    """The title rules alone; a posting without a title is called PM, the commonest level."""
    out = []
    for row in rows:
        found = title_level(row.title)
        out.append(found.level.code if found else Level.PM.code)
    return out


# The plain baseline last fitted, by the digest of its corpus: ``make bench`` measures it on four sets of rows, and each
# fit took 6 s.
_PLAIN_TFIDF: dict[str, Any] = {}


def plain_tfidf_predictions(corpus: Corpus, rows: Sequence[LabelledPosting]) -> list[str]:
    """A plain scikit-learn TF-IDF and logistic regression on the corpus: no spaCy, no parsed fields."""
    digest = corpus.digest()
    baseline = _PLAIN_TFIDF.get(digest)
    if baseline is None:
        baseline = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True), LogisticRegression(max_iter=5000, class_weight="balanced"))
        baseline.fit([p.text for p in corpus.postings], [p.level.code for p in corpus.postings])
        _PLAIN_TFIDF.clear()  # one corpus at a time: a fitted model holds its whole vocabulary
        _PLAIN_TFIDF[digest] = baseline
    return [str(code) for code in baseline.predict([row.text for row in rows])]


@dataclass(frozen=True)
class Mistake:
    """A posting the model got wrong, how far off it was, and its top evidence."""

    row: str
    truth: str
    predicted: str
    confidence: float
    distance: int | None
    evidence: str | None

    def to_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Evaluation:
    """Everything `jdclass evaluate` reports."""

    mode: str
    figures: dict[str, dict[str, Any]]
    per_level: dict[str, dict[str, float | int]]
    confusion: str
    calibration_error: float
    mistakes: tuple[Mistake, ...] = field(default=())
    truth: tuple[str, ...] = ()
    predicted: tuple[str, ...] = ()
    confidence: tuple[float, ...] = ()
    correct: tuple[bool, ...] = ()
    # Our figures on the rows whose body states a level cue and on those flagged ``no_level_cue`` (labelled rows only).
    by_cue: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Our figures on the rows that carry each flag, in the order of ``FLAGS``, then on the rows with none.
    by_flag: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {
            "mode": self.mode,
            "figures": self.figures,
            "per_level": self.per_level,
            "confusion": self.confusion,
            "calibration_error": self.calibration_error,
            "by_cue": self.by_cue,
            "by_flag": self.by_flag,
            "mistakes": [m.to_dict() for m in self.mistakes],
        }


def _per_level(truth: list[str], predicted: list[str]) -> dict[str, dict[str, float | int]]:
    labels = [code for code in CODES if code in truth or code in predicted]
    precision, recall, f1, support = precision_recall_fscore_support(truth, predicted, labels=labels, zero_division=0)
    return {
        code: {"precision": float(p), "recall": float(r), "f1": float(f), "support": int(n)}
        for code, p, r, f, n in zip(labels, precision, recall, f1, support, strict=True)
    }


def _mistakes(
    rows: Sequence[str], truth: list[str], predicted: list[str], confidence: list[float], evidence: list[str | None], limit: int
) -> tuple[Mistake, ...]:
    wrong = []
    for row, t, p, c, e in zip(rows, truth, predicted, confidence, evidence, strict=True):
        if t != p:
            distance = Level[t].distance(Level[p])
            wrong.append(Mistake(row, t, p, c, distance, e))
    # Worst first: off the ladder or many rungs away, then the most confident.
    wrong.sort(key=lambda m: (-(m.distance if m.distance is not None else 9), -m.confidence))
    return tuple(wrong[:limit])


def _evaluation(
    mode: str,
    truth: list[str],
    predicted: list[str],
    probabilities: np.ndarray,
    classes: list[str],
    rows: Sequence[str],
    evidence: list[str | None],
    errors: int,
) -> Evaluation:
    confidence = [float(row.max()) for row in probabilities]
    index = [classes.index(t) if t in classes else -1 for t in truth]
    return Evaluation(
        mode=mode,
        figures={"jdclass": summary(truth, predicted)},
        per_level=_per_level(truth, predicted),
        confusion=confusion_text(truth, predicted),
        calibration_error=expected_calibration_error(probabilities, index, [classes.index(p) for p in predicted]),
        mistakes=_mistakes(rows, truth, predicted, confidence, evidence, errors),
        truth=tuple(truth),
        predicted=tuple(predicted),
        confidence=tuple(confidence),
        correct=tuple(t == p for t, p in zip(truth, predicted, strict=True)),
    )


def evaluate_rows(
    classifier: LevelClassifier, rows: Sequence[LabelledPosting], *, mask_title: bool = True, baselines: Corpus | None = None, errors: int = 0
) -> Evaluation:
    """Our figures on labelled rows: content only (``mask_title``) or with the title; baselines when a corpus is given."""
    results: list[Classification] = list(classifier.classify_many(labelled_posting(row) for row in rows))
    codes = [level.code for level in Level]
    if mask_title:
        predicted = [r.content_level.code for r in results]
        probabilities = np.array([[p for _, p in r.content_probabilities] for r in results])
    else:
        predicted = [r.level.code for r in results]
        probabilities = np.array([[p for _, p in r.probabilities] for r in results])
    truth = [row.level for row in rows]
    evidence = [r.evidence[0].plain if r.evidence else None for r in results]
    evaluation = _evaluation(
        "content only" if mask_title else "with title", truth, predicted, probabilities, codes, [row.row for row in rows], evidence, errors
    )

    def figures_of(picked: list[int]) -> dict[str, Any]:
        return summary([truth[i] for i in picked], [predicted[i] for i in picked])

    flagged = ["no_level_cue" in r.flags for r in results]
    for name, wanted in (("level cue stated", False), ("no level cue", True)):
        picked = [index for index, flag in enumerate(flagged) if flag is wanted]
        if picked:
            evaluation.by_cue[name] = figures_of(picked)
    for name in (*FLAGS, "no flag"):
        picked = [index for index, result in enumerate(results) if (name in result.flags if name in FLAGS else not result.flags)]
        if picked:
            evaluation.by_flag[name] = figures_of(picked)
    if baselines is not None:
        majority = max(set(truth), key=truth.count)
        evaluation.figures["majority"] = summary(truth, [majority] * len(rows))
        evaluation.figures["title rules"] = summary(truth, title_rule_predictions(rows))
        evaluation.figures["plain tf-idf"] = summary(truth, plain_tfidf_predictions(baselines, rows))
    return evaluation


def evaluate_corpus(corpus: Corpus, *, folds: int = 5, seed: int = 0, baselines: bool = False, errors: int = 0, by_writer: bool = False) -> Evaluation:
    """Stratified cross-validation on the corpus (content only), with a fixed seed; or, ``by_writer``, each writer
    held out in turn, which asks how well the model reads a voice it has not seen."""
    postings = [corpus_posting(item) for item in corpus.postings]
    truth = [item.level.code for item in corpus.postings]
    analyses = list(analyze(postings))
    groups = [writer_of(item) for item in corpus.postings] if by_writer else None
    if groups is not None and len(set(groups)) < 2:
        raise InputError("holding out writers needs postings from at least two writers")
    classes, probabilities = cross_validated_probabilities(analyses, truth, seed, folds, groups)
    predicted = [decide(classes, row) for row in probabilities]
    names = [str(item.path) for item in corpus.postings]
    mode = f"corpus, each of {len(set(groups))} writers held out" if groups else f"corpus, {folds}-fold cross-validation"
    evaluation = _evaluation(mode, truth, predicted, probabilities, classes, names, [None] * len(truth), errors)
    if baselines:
        from sklearn.model_selection import StratifiedKFold, cross_val_predict

        folds_split = StratifiedKFold(folds, shuffle=True, random_state=seed)
        majority = max(set(truth), key=truth.count)
        plain = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True), LogisticRegression(max_iter=5000, class_weight="balanced"))
        evaluation.figures["majority"] = summary(truth, [majority] * len(truth))
        evaluation.figures["title rules"] = summary(truth, title_rule_predictions([LabelledPosting(p.text, p.level.code, p.title) for p in corpus.postings]))
        evaluation.figures["plain tf-idf"] = summary(
            truth, [str(c) for c in cross_val_predict(plain, [p.text for p in corpus.postings], truth, cv=folds_split)]
        )
    return evaluation


def plot(evaluation: Evaluation, directory: Path) -> list[Path]:
    """Write the confusion matrix and a reliability diagram as PNG files (needs the ``plot`` extra)."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        from jdclass.errors import MissingExtra

        raise MissingExtra("plotting needs matplotlib: pip install 'jdclass[plot]'") from None
    from sklearn.metrics import confusion_matrix

    directory.mkdir(parents=True, exist_ok=True)
    labels = [code for code in CODES if code in evaluation.truth or code in evaluation.predicted]
    matrix = confusion_matrix(evaluation.truth, evaluation.predicted, labels=labels)
    figure, axes = plt.subplots(figsize=(6, 5))
    axes.imshow(matrix, cmap="Blues")
    axes.set_xticks(range(len(labels)), labels)
    axes.set_yticks(range(len(labels)), labels)
    axes.set_xlabel("predicted")
    axes.set_ylabel("truth")
    for (i, j), value in np.ndenumerate(matrix):
        axes.text(j, i, str(value), ha="center", va="center", color="white" if value > matrix.max() / 2 else "black")
    axes.set_title(f"jdclass, {evaluation.mode}")
    figure.tight_layout()
    confusion_path = directory / "confusion.png"
    figure.savefig(confusion_path, dpi=120)
    plt.close(figure)
    confidence, correct = np.array(evaluation.confidence), np.array(evaluation.correct, dtype=float)
    edges = np.linspace(0, 1, 11)
    centres, accuracy = [], []
    for low, high in pairwise(edges):
        members = (confidence > low) & (confidence <= high)
        if members.any():
            centres.append(confidence[members].mean())
            accuracy.append(correct[members].mean())
    figure, axes = plt.subplots(figsize=(5, 5))
    axes.plot([0, 1], [0, 1], linestyle="--", color="grey", label="perfect calibration")
    axes.plot(centres, accuracy, marker="o", label="jdclass")
    axes.set_xlabel("confidence")
    axes.set_ylabel("accuracy")
    axes.set_title(f"Reliability, {evaluation.mode} (ECE {evaluation.calibration_error:.3f})")
    axes.legend()
    figure.tight_layout()
    reliability_path = directory / "reliability.png"
    figure.savefig(reliability_path, dpi=120)
    plt.close(figure)
    return [confusion_path, reliability_path]


@dataclass(frozen=True)
class TitleCheckRates:
    """How often the title-versus-content verdict fires, on corpus postings whose titles mislead and whose titles fit."""

    misleading: int
    flagged_misleading: int
    fitting: int
    flagged_fitting: int

    @property
    def detection_rate(self) -> float:
        return self.flagged_misleading / self.misleading if self.misleading else 0.0

    @property
    def false_alarm_rate(self) -> float:
        return self.flagged_fitting / self.fitting if self.fitting else 0.0


def title_check_rates(corpus: Corpus, folds: int = 5, seed: int = 0) -> TitleCheckRates:
    """Cross-validated: each posting's content is judged by a model that did not see it, then set against its title."""
    from jdclass.judgement import verdict

    postings = [corpus_posting(item) for item in corpus.postings]
    truth = [item.level.code for item in corpus.postings]
    classes, probabilities = cross_validated_probabilities(list(analyze(postings)), truth, seed, folds)
    counts = {"misleading": 0, "flagged_misleading": 0, "fitting": 0, "flagged_fitting": 0}
    for item, posting, row in zip(corpus.postings, postings, probabilities, strict=True):
        if item.title is None or posting.title_level is None:
            continue
        content = {Level.from_code(code): float(p) for code, p in zip(classes, row, strict=True)}
        flagged = verdict(posting, content, Level.from_code(decide(classes, row))).mismatch
        kind = "misleading" if item.hard_case in ("title_overstates", "title_understates") else "fitting"
        counts[kind] += 1
        counts[f"flagged_{kind}"] += flagged
    return TitleCheckRates(**counts)
