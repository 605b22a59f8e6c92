"""The level signals a posting states (years asked, people managed, P&L, reporting line, degrees, titles named) as
named numeric features, and a fitted table of them that makes the rung and family models' field columns."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy import sparse

from jdclass.experience import years_bucket
from jdclass.management import YES_NO_SIGNALS
from jdclass.nlp import Analysis
from jdclass.posting import Posting, parse_text
from jdclass.saving import check_vocabulary

FIELD_GROUPS = ("years", "management", "education", "role", "mentions")
# A degree of no stated level ("a degree in any field", "a relevant degree") is the feature of a first degree, a
# bachelor's: that is the degree such a phrase asks for, and a column of its own would split one signal in two.
FEATURE_DEGREE = {"degree": "bachelor"}


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
            level = FEATURE_DEGREE.get(degree.level, degree.level)
            features[f"degree={level}:{'required' if degree.required else 'preferred'}"] = 1.0
    return features


def field_dicts(items: Sequence[Posting | Analysis | str], groups: tuple[str, ...], boss_mentions: bool) -> list[dict[str, float]]:
    """Each item's ``posting_fields`` (text is parsed first)."""
    postings = [item.posting if isinstance(item, Analysis) else item for item in items]
    return [posting_fields(item if isinstance(item, Posting) else parse_text(item), groups, boss_mentions) for item in postings]


class FieldTable:
    """The columns of fitted field features: ``transform`` gives the matrix scikit-learn's ``DictVectorizer`` (fitted
    in ``features.PostingFields``) gives, with numpy and scipy alone, so that classifying needs no scikit-learn."""

    def __init__(self, groups: tuple[str, ...], boss_mentions: bool, vocabulary: dict[str, int]) -> None:
        self.groups = tuple(groups)
        self.boss_mentions = boss_mentions
        self.vocabulary = dict(vocabulary)

    def check(self, what: str) -> int:
        """The number of columns, once the groups and columns are checked; else a ValueError."""
        if not isinstance(self.groups, tuple) or not set(self.groups) <= set(FIELD_GROUPS) or type(self.boss_mentions) is not bool:
            raise ValueError(f"{what} name groups no model has")
        return check_vocabulary(self.vocabulary, f"{what}' columns")

    def transform(self, items: Sequence[Posting | Analysis | str]) -> Any:
        """A CSR matrix of float64, one row per item: the value of each feature the table knows, in its column."""
        get = self.vocabulary.get
        indices: list[int] = []
        values: list[float] = []
        ends = [0]
        for features in field_dicts(items, self.groups, self.boss_mentions):
            for name, value in features.items():
                column = get(name)
                if column is not None:
                    indices.append(column)
                    values.append(value)
            ends.append(len(indices))
        matrix = sparse.csr_matrix(
            (np.array(values, dtype=np.float64), np.array(indices, dtype=np.intc), np.array(ends, dtype=np.intc)), shape=(len(ends) - 1, len(self.vocabulary))
        )
        matrix.sort_indices()
        return matrix
