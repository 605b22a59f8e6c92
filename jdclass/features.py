"""scikit-learn transformers: spaCy-normalized content text, and the structured fields a posting states."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction import DictVectorizer
from sklearn.utils.validation import check_is_fitted

from jdclass.fields import FIELD_GROUPS, FieldTable, field_dicts
from jdclass.nlp import DEFAULT_BATCH_SIZE, Analysis, analyze
from jdclass.posting import Posting

PostingLike = str | Posting | Analysis


def as_analyses(X: Sequence[PostingLike] | Any, batch_size: int = DEFAULT_BATCH_SIZE) -> list[Analysis]:
    """Analyze whatever needs it; analyses already made pass through untouched."""
    if isinstance(X, str):
        raise TypeError("expected a sequence of postings, got a single string")
    return list(analyze(list(X), batch_size=batch_size))


class SpacyNormalizer(TransformerMixin, BaseEstimator):
    """Postings (text, ``Posting`` or ``Analysis``) to their content as normalized lemmas, title and offer sections masked.

    Numbers vanish except years-of-experience requirements, which become tokens such as ``yoe_5``.
    """

    def __init__(self, batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        self.batch_size = batch_size

    def fit(self, X: Sequence[PostingLike], y: Any = None) -> SpacyNormalizer:
        if not isinstance(self.batch_size, int) or self.batch_size < 1:
            raise ValueError(f"batch_size must be a positive integer, got {self.batch_size!r}")
        self.is_fitted_ = True
        return self

    def transform(self, X: Sequence[PostingLike]) -> list[str]:
        check_is_fitted(self)
        return [analysis.tokens for analysis in as_analyses(X, self.batch_size)]

    def __sklearn_tags__(self):  # type: ignore[no-untyped-def]
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.requires_fit = False
        return tags


class PostingFields(TransformerMixin, BaseEstimator):
    """Postings to a sparse matrix of their stated signals: years asked, people managed, P&L, reporting line, degrees."""

    def __init__(self, groups: tuple[str, ...] = FIELD_GROUPS, boss_mentions: bool = True) -> None:
        self.groups = groups
        self.boss_mentions = boss_mentions

    def fit(self, X: Sequence[PostingLike], y: Any = None) -> PostingFields:
        unknown = set(self.groups) - set(FIELD_GROUPS)
        if unknown:
            raise ValueError(f"unknown field groups {sorted(unknown)}; expected some of {FIELD_GROUPS}")
        self.vectorizer_ = DictVectorizer(sort=True).fit(self._dicts(X))
        return self

    def transform(self, X: Sequence[PostingLike]) -> Any:
        check_is_fitted(self)
        return self.vectorizer_.transform(self._dicts(X))

    def get_feature_names_out(self, input_features: Any = None) -> Any:
        check_is_fitted(self)
        return self.vectorizer_.get_feature_names_out()

    def _dicts(self, X: Sequence[PostingLike]) -> list[dict[str, float]]:
        return field_dicts(X, tuple(self.groups), self.boss_mentions)

    def table(self) -> FieldTable:
        """The fitted columns, for classifying without scikit-learn (``FieldTable.transform`` gives ``transform``'s matrix)."""
        check_is_fitted(self)
        return FieldTable(tuple(self.groups), self.boss_mentions, self.vectorizer_.vocabulary_)

    def __sklearn_tags__(self):  # type: ignore[no-untyped-def]
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        return tags
