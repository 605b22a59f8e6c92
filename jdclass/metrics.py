"""Ordinal-aware metrics for the ladder: exact, within one rung, rung error, weighted kappa, calibration."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import numpy as np
from sklearn.metrics import cohen_kappa_score, confusion_matrix, f1_score

from jdclass.levels import Level

CODES = tuple(level.code for level in Level)


def _codes(levels: Sequence[Level | str]) -> list[str]:
    return [level.code if isinstance(level, Level) else Level.from_code(level).code for level in levels]


def within_one(truth: Sequence[Level | str], predicted: Sequence[Level | str]) -> float:
    """Share of predictions at most one rung from the truth; OTHER must match exactly."""
    pairs = list(zip(_codes(truth), _codes(predicted), strict=True))
    hits = 0
    for t, p in pairs:
        distance = Level[t].distance(Level[p])
        hits += distance is not None and distance <= 1
    return hits / len(pairs) if pairs else 0.0


def mean_rung_error(truth: Sequence[Level | str], predicted: Sequence[Level | str]) -> float | None:
    """Mean absolute error in rungs over pairs where both levels are on the ladder (None when there are none)."""
    rungs = [(Level[t].rung, Level[p].rung) for t, p in zip(_codes(truth), _codes(predicted), strict=True)]
    errors = [abs(t - p) for t, p in rungs if t is not None and p is not None]
    return float(np.mean(errors)) if errors else None


def ladder_kappa(truth: Sequence[Level | str], predicted: Sequence[Level | str]) -> float | None:
    """Quadratic-weighted Cohen's kappa over pairs where both levels are on the ladder."""
    pairs = [(Level[t].rung, Level[p].rung) for t, p in zip(_codes(truth), _codes(predicted), strict=True) if Level[t].on_ladder and Level[p].on_ladder]
    if len(pairs) < 2:
        return None
    t, p = zip(*pairs, strict=True)
    if len(set(t) | set(p)) < 2:
        return None
    return float(cohen_kappa_score(t, p, weights="quadratic", labels=list(range(6))))


def pm_detection_f1(truth: Sequence[Level | str], predicted: Sequence[Level | str]) -> float | None:
    """F1 of telling OTHER apart from PM roles, with OTHER as the positive class (None without any OTHER)."""
    t = [code == "OTHER" for code in _codes(truth)]
    p = [code == "OTHER" for code in _codes(predicted)]
    if not any(t):
        return None
    return float(f1_score(t, p))


def expected_calibration_error(probabilities: np.ndarray, truth_index: Sequence[int], chosen_index: Sequence[int] | None = None, bins: int = 10) -> float:
    """ECE: the bin-weighted gap between the confidence in the chosen class (default: the likeliest) and accuracy."""
    probabilities = np.asarray(probabilities)
    chosen = probabilities.argmax(axis=1) if chosen_index is None else np.asarray(chosen_index)
    confidence = probabilities[np.arange(len(probabilities)), chosen]
    correct = chosen == np.asarray(truth_index)
    edges = np.linspace(0.0, 1.0, bins + 1)
    error = 0.0
    for low, high in pairwise(edges):
        members = (confidence > low) & (confidence <= high)
        if members.any():
            error += members.mean() * abs(confidence[members].mean() - correct[members].mean())
    return float(error)


def summary(truth: Sequence[Level | str], predicted: Sequence[Level | str]) -> dict[str, float | int | None]:
    """The headline figures for one set of predictions."""
    t, p = _codes(truth), _codes(predicted)
    present = [code for code in CODES if code in t or code in p]
    return {
        "n": len(t),
        "accuracy": float(np.mean([a == b for a, b in zip(t, p, strict=True)])) if t else 0.0,
        "macro_f1": float(f1_score(t, p, labels=[code for code in CODES if code in t], average="macro", zero_division=0)) if t else 0.0,
        "within_one": within_one(t, p),
        "mean_rung_error": mean_rung_error(t, p),
        "kappa": ladder_kappa(t, p),
        "other_f1": pm_detection_f1(t, p),
        "labels": len(present),
    }


def confusion_text(truth: Sequence[Level | str], predicted: Sequence[Level | str]) -> str:
    """The confusion matrix as a fixed-width table: rows are the truth, columns the prediction."""
    t, p = _codes(truth), _codes(predicted)
    labels = [code for code in CODES if code in t or code in p]
    matrix = confusion_matrix(t, p, labels=labels)
    width = max(5, *(len(code) for code in labels)) + 1
    lines = ["truth\\pred".ljust(11) + "".join(code.rjust(width) for code in labels)]
    for code, row in zip(labels, matrix, strict=True):
        lines.append(code.ljust(11) + "".join(str(value).rjust(width) for value in row))
    return "\n".join(lines)
