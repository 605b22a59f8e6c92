"""scikit-learn transformers: spaCy-normalized content text, and the structured fields a posting states."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction import DictVectorizer
from sklearn.utils.validation import check_is_fitted

from jdclass.experience import years_bucket
from jdclass.management import YES_NO_SIGNALS
from jdclass.nlp import DEFAULT_BATCH_SIZE, Analysis, analyze
from jdclass.posting import Posting, parse_text

PostingLike = str | Posting | Analysis


def as_analyses(X: Sequence[PostingLike] | Any, batch_size: int = DEFAULT_BATCH_SIZE) -> list[Analysis]:
    """Analyze whatever needs it; analyses already made pass through untouched."""
    if isinstance(X, str):
        raise TypeError("expected a sequence of postings, got a single string")
    return list(analyze(list(X), batch_size=batch_size))


class SpacyNormalizer(TransformerMixin, BaseEstimator):
    """Postings (text, ``Posting`` or ``Analysis``) to their content as normalized lemmas, title masked.

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


FIELD_GROUPS = ("years", "management", "education", "role", "mentions")


def posting_fields(posting: Posting, groups: tuple[str, ...] = FIELD_GROUPS, boss_mentions: bool = True) -> dict[str, float]:
    """The level signals a posting states, as named numeric features, from the chosen groups.

    ``years``: years asked; ``management``: people, money and reporting line; ``education``: degrees;
    ``role``: the role the body says it advertises; ``mentions``: ladder titles named anywhere in the body,
    but for ``boss_mentions=False`` not the one in the reporting line ("reports to the Director of Product"):
    that is the boss's rung, which the ``management`` group reads as ``reports_to``, not the role's.
    """
    scope = posting.management
    features: dict[str, float] = {}
    main = posting.main_years
    # Not stating years is no feature: real employers leave years out at every level, while the corpus
    # writers left them out mostly for graduate roles, and a model that learned that read real
    # directors as associates (docs/model.md).
    if "years" in groups and main is not None and main.minimum is not None:
        features[f"years={years_bucket(main.minimum)}"] = 1.0
        features["years"] = min(main.minimum, 20.0) / 20.0
        if main.maximum is not None:
            features["years_max"] = min(main.maximum, 20.0) / 20.0
    if "years" in groups and posting.people_management_years is not None:
        features[f"people_years={years_bucket(posting.people_management_years)}"] = 1.0
    if "management" in groups:
        if scope.direct_reports:
            band = "1-3" if scope.direct_reports <= 3 else "4-9" if scope.direct_reports <= 9 else "10+"
            features[f"direct_reports={band}"] = 1.0
        for name in YES_NO_SIGNALS:
            if getattr(scope, name):
                features[name] = 1.0
        if scope.reports_to:
            features[f"reports_to={scope.reports_to}"] = 1.0
    if "role" in groups and posting.self_reference is not None:
        features[f"self_title={posting.self_reference.level.level.code}"] = 1.0
    if "mentions" in groups:
        boss = None if boss_mentions else scope.spans.get("reports_to")
        for mention in posting.mentions:
            if boss is None or not boss.start <= mention.span.start < boss.end:
                features[f"mentions={mention.level.level.code}"] = 1.0
    if "education" in groups:
        for degree in posting.education:
            features[f"degree={degree.level}:{'required' if degree.required else 'preferred'}"] = 1.0
    return features


class PostingFields(TransformerMixin, BaseEstimator):
    """Postings to a sparse matrix of their stated signals: years asked, people managed, P&L, reporting line, degrees."""

    def __init__(self, groups: tuple[str, ...] = FIELD_GROUPS, boss_mentions: bool = True) -> None:
        self.groups = groups
        self.boss_mentions = boss_mentions

    def __setstate__(self, state: dict[str, Any]) -> None:
        # A model trained before ``boss_mentions`` existed counted every mention: it reads its postings as it was trained.
        state.setdefault("boss_mentions", True)
        super().__setstate__(state)

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
        postings = [item.posting if isinstance(item, Analysis) else item for item in X]
        return [posting_fields(item if isinstance(item, Posting) else parse_text(item), tuple(self.groups), self.boss_mentions) for item in postings]

    def __sklearn_tags__(self):  # type: ignore[no-untyped-def]
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        return tags
