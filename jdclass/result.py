"""What a classification returns: a typed, immutable result with ``to_dict()``."""

from __future__ import annotations

from dataclasses import dataclass

from jdclass.duties import Evidence
from jdclass.judgement import Verdict
from jdclass.levels import Level
from jdclass.posting import Posting


@dataclass(frozen=True)
class Classification:
    """The level of a posting, the probability of every level, the evidence, and the signals read from it.

    ``level`` weighs the content and the stated title together; ``content_level`` judges the content alone
    (title masked); ``title_level`` is what the title implies by the title rules (None without a title).
    """

    level: Level
    probabilities: tuple[tuple[Level, float], ...]
    content_level: Level
    content_probabilities: tuple[tuple[Level, float], ...]
    title_level: Level | None
    title_rule: str | None
    evidence: tuple[Evidence, ...]
    posting: Posting
    model_version: str
    verdict: Verdict
    flags: tuple[str, ...] = ()
    between: tuple[Level, Level] | None = None
    highlights: tuple[Evidence, ...] = ()
    evidence_by_level: tuple[tuple[Level, tuple[Evidence, ...]], ...] = ()

    @property
    def confidence(self) -> float:
        """The probability of the chosen level."""
        return dict(self.probabilities)[self.level]

    def probability(self, level: Level | str) -> float:
        """The probability of one level, given as a ``Level`` or a code."""
        key = level if isinstance(level, Level) else Level.from_code(level)
        return dict(self.probabilities)[key]

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict; offsets in ``evidence`` and ``signals`` index into ``text``."""
        posting = self.posting
        return {
            "level": self.level.code,
            "level_name": self.level.display_name,
            "confidence": round(self.confidence, 6),
            "probabilities": {level.code: p for level, p in self.probabilities},
            "content_level": self.content_level.code,
            "content_probabilities": {level.code: p for level, p in self.content_probabilities},
            "title": posting.title.to_dict() if posting.title else None,
            "title_level": self.title_level.code if self.title_level else None,
            "title_rule": self.title_rule,
            "verdict": self.verdict.to_dict(),
            "flags": list(self.flags),
            "between": [level.code for level in self.between] if self.between else None,
            "evidence": [item.to_dict() for item in self.evidence],
            "evidence_by_level": {level.code: [item.to_dict() for item in items] for level, items in self.evidence_by_level},
            "highlights": [item.to_dict() for item in self.highlights],
            "signals": {
                "minimum_years": posting.minimum_years,
                "people_management_years": posting.people_management_years,
                "management": posting.management.to_dict(),
                "education": [item.to_dict() for item in posting.education],
            },
            "posting": posting.to_dict(),
            "model_version": self.model_version,
            "text": posting.text,
        }
