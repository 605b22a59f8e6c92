"""The fitted two-question model as arrays: its probabilities with numpy and scipy alone, so that loading the
shipped model and classifying import no scikit-learn (about 0.9 s of every process's start)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy import sparse
from scipy.special import expit

from jdclass.fields import FieldTable
from jdclass.grams import TfidfTable
from jdclass.levels import CODES, Level
from jdclass.nlp import Analysis
from jdclass.saving import check_array


class Linear:
    """A fitted logistic regression's coefficients: ``probabilities`` is scikit-learn's ``predict_proba`` (binary:
    the logistic of the score; more classes: the softmax), the same arithmetic to the last bit (tested)."""

    def __init__(self, coef: np.ndarray, intercept: np.ndarray, classes: np.ndarray) -> None:
        # Kept transposed (a column per class) and contiguous: scipy copies a transposed view to multiply by it, and
        # ``X @ coef.T`` copied all the rung model's weights (4 MB) for every batch, 0.8 ms each time.
        self.weights = np.ascontiguousarray(np.asarray(coef, dtype=np.float64).T)
        self.intercept = np.asarray(intercept, dtype=np.float64)
        self.classes = np.asarray(classes)

    @property
    def coef(self) -> np.ndarray:
        """The coefficients as scikit-learn has them, a row per class (one for two classes)."""
        return self.weights.T

    def check(self, what: str, features: int) -> None:
        """A ValueError unless the coefficients fit ``features`` columns and the classes, one row per class (one for two)."""
        if not isinstance(self.classes, np.ndarray) or self.classes.ndim != 1 or len(self.classes) < 2 or len(set(self.classes.tolist())) != len(self.classes):
            raise ValueError(f"{what}'s classes are not a list of two or more")
        rows = 1 if len(self.classes) == 2 else len(self.classes)
        # Bounded far beyond any fitted model's (|weight| < 100): a weight near the float limit gives no probability.
        check_array(self.coef, f"{what}'s coefficients", "f", (rows, features), -1e4, 1e4)
        check_array(self.intercept, f"{what}'s intercept", "f", (rows,), -1e4, 1e4)

    def probabilities(self, X: Any) -> np.ndarray:
        """One row of class probabilities per row of ``X`` (a CSR matrix), columns in the order of ``classes``."""
        scores = np.asarray(X @ self.weights) + self.intercept
        if len(self.classes) <= 2:
            positive = expit(scores.reshape(-1))
            return np.stack([1 - positive, positive], axis=1)
        scores -= scores.max(axis=1).reshape((-1, 1))
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1).reshape((-1, 1))
        return scores


class TwoQuestions:
    """``training.FamilyThenRung`` once fitted, as arrays: is it a PM role (``family``, absent when the training data
    held no OTHER posting), and which rung (``rung``), each reading the shared ``text`` TF-IDF beside its own fields."""

    def __init__(
        self,
        text: TfidfTable,
        family: Linear | None,
        family_fields: FieldTable | None,
        rung: Linear,
        rung_fields: FieldTable | None,
        fields_weight: float,
        classes: np.ndarray,
        other_label: str,
    ) -> None:
        self.text = text
        self.family, self.family_fields = family, family_fields
        self.rung, self.rung_fields = rung, rung_fields
        self.fields_weight = fields_weight
        self.classes_ = np.asarray(classes)
        self.other_label = other_label

    def check(self) -> None:
        """A ValueError (or TypeError) unless every part is what ``predict_proba`` reads, of matching sizes."""
        words = self.text.check("the model's TF-IDF")
        if not isinstance(self.fields_weight, int | float) or isinstance(self.fields_weight, bool) or not 0.0 < self.fields_weight < 1e4:
            raise ValueError("the model has settings no model has")
        if self.other_label != Level.OTHER.code:
            raise ValueError("the model has settings no model has")
        rung_columns = words + (0 if self.rung_fields is None else self.rung_fields.check("the rung model's fields"))
        self.rung.check("the rung model", rung_columns)
        labels = check_array(self.classes_, "the model's classes", "U", (None,)).tolist()
        if not set(labels) <= set(CODES) or sorted(set(labels)) != labels or not set(self.rung.classes.tolist()) <= set(labels) - {self.other_label}:
            raise ValueError("the model's classes do not match its rung model's")
        if self.family is None:
            if self.family_fields is not None or self.other_label in labels:
                raise ValueError("the model has fields or a class for a family model it lacks")
            return
        family_columns = words + (0 if self.family_fields is None else self.family_fields.check("the family model's fields"))
        self.family.check("the family model", family_columns)
        if self.family.classes.tolist() != [False, True] or self.other_label not in labels:
            raise ValueError("the family model does not answer whether a posting is a PM role")

    def predict_proba(self, analyses: Sequence[Analysis]) -> np.ndarray:
        """P(level) for each analysis, columns in the order of ``classes_``."""
        return self.predict_proba_text(self.text.transform([analysis.tokens for analysis in analyses]), analyses)

    def predict_proba_text(self, shared: Any, items: Sequence[Analysis]) -> np.ndarray:
        """``predict_proba`` of ``items`` whose TF-IDF rows (``text.transform`` of their tokens) are ``shared``."""
        rung = self.rung.probabilities(self._with_fields(shared, self.rung_fields, items))
        other = None
        if self.family is not None:
            family = self.family.probabilities(self._with_fields(shared, self.family_fields, items))
            other = family[:, list(self.family.classes).index(True)]
        return combined(self.classes_, self.other_label, rung, self.rung.classes, other)

    def _with_fields(self, shared: Any, fields: FieldTable | None, items: Sequence[Analysis]) -> Any:
        if fields is None:
            return shared
        parsed = fields.transform(items)
        return side_by_side(sparse.csr_matrix(shared), parsed if self.fields_weight == 1.0 else parsed * self.fields_weight)


def combined(classes: np.ndarray, other_label: str, rung: np.ndarray, rung_classes: np.ndarray, other: np.ndarray | None) -> np.ndarray:
    """P(level) in the order of ``classes``: P(OTHER) is ``other`` (none: no family question), each rung's
    ``rung`` (P(rung | PM role), columns in the order of ``rung_classes``) times 1 - P(OTHER)."""
    out = np.zeros((rung.shape[0], len(classes)))
    index = {label: i for i, label in enumerate(classes)}
    if other is None:
        other = np.zeros(rung.shape[0])
    else:
        out[:, index[other_label]] = other
    for column, label in enumerate(rung_classes):
        out[:, index[label]] = rung[:, column] * (1.0 - other)
    return out


def side_by_side(left: sparse.csr_matrix, right: sparse.csr_matrix) -> sparse.csr_matrix:
    """``sparse.hstack([left, right], format="csr")`` of two CSR matrices with as many rows: each row holds left's
    entries, then right's. The same matrix, built with a few numpy calls instead of scipy's general stacking (about
    0.1 ms a call, which a batch of one posting pays twice)."""
    left_counts, right_counts = np.diff(left.indptr), np.diff(right.indptr)
    indptr = np.zeros(left.shape[0] + 1, dtype=np.int64)
    np.cumsum(left_counts + right_counts, out=indptr[1:])
    left_at = np.arange(left.nnz) + np.repeat(indptr[:-1] - left.indptr[:-1], left_counts)
    right_at = np.arange(right.nnz) + np.repeat(indptr[:-1] + left_counts - right.indptr[:-1], right_counts)
    data = np.empty(left.nnz + right.nnz, dtype=np.result_type(left.dtype, right.dtype))
    indices = np.empty(left.nnz + right.nnz, dtype=np.int64)
    data[left_at], data[right_at] = left.data, right.data
    indices[left_at], indices[right_at] = left.indices, right.indices.astype(np.int64) + left.shape[1]
    shape = (left.shape[0], left.shape[1] + right.shape[1])
    index_type = np.int32 if max(len(data), shape[1]) < np.iinfo(np.int32).max else np.int64
    return sparse.csr_matrix((data, indices.astype(index_type), indptr.astype(index_type)), shape=shape)
