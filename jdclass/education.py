"""Degrees a posting asks for: level, field, and whether required or a plus."""

from __future__ import annotations

import re
from dataclasses import dataclass

from jdclass.spans import Span, clause_around, lowered

# Lower-case patterns, run over lowered(text).
_DEGREES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (level, re.compile(pattern))
    for level, pattern in (
        ("mba", r"\bmba\b|master\s+of\s+business\s+administration"),
        ("phd", r"\bph\.?\s?d\b|\bdoctora(?:te|l)\b"),
        ("master", r"\bmaster['’]?s\b|\bmaster\s+(?:of|degree)\b|\bm\.?s\.?c?\.?(?=\s+(?:in|degree|or)\b)|\bm\.?tech\b|\bmsc\b"),
        (
            "bachelor",
            (
                r"\bbachelor['’]?s?\b|\bb\.?s\.?c?\.?(?=[\s/,]+(?:in|degree|or|ba)\b)|\bb\.?a\.?(?=[\s/,]+(?:in|degree|or|bs)\b)|\bb\.?tech\b|\bb\.?e\.?(?=\s*(?:/|in\b|or\b))"
                r"|\bundergraduate\s+degree|\bcollege\s+degree|\buniversity\s+degree|\bfour[- ]year\s+degree"
                r"|\b(?:a|relevant|related|technical|appropriate)\s+degree\b(?!\s+of\b)|\bdegree\b(?=\s+(?:in|required|preferred|from|or\s+equivalent)\b)"
            ),
        ),
    )
)
# Words that every match of a degree pattern contains: most postings have none of those for an MBA, a PhD or
# a master's, and a substring test is far cheaper than a scan with the pattern (tests/test_posting.py checks them).
_NEEDS: dict[str, tuple[str, ...]] = {"mba": ("mba", "master"), "phd": ("ph", "doctora"), "master": ("master", "ms", "m.s", "mtech", "m.tech")}
_PREFERRED = re.compile(
    r"\b(?:preferred|a\s+plus|plus\b|nice[- ]to[- ]have|bonus|desir(?:ed|able)|advantage\w*|ideally|good\s+to\s+have|is\s+valued)", re.IGNORECASE
)
_FIELD = re.compile(
    r"\bin\s+(?P<field>(?:[A-Z][\w&]*|computer|business|engineering|economics|finance|mathematics|statistics|design|a\s+related|related|technical)[\w ,&/-]{0,60})",
    re.IGNORECASE,
)


_FIELD_TAIL = re.compile(r"\s+(?:is\s+)?(?:required|preferred|a\s+plus|(?:is\s+)?(?:strongly\s+)?desired|or\s+equivalent.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class EducationRequirement:
    """A degree a posting names: ``level`` is bachelor, master, mba or phd."""

    level: str
    field: str | None
    required: bool
    span: Span

    def to_dict(self) -> dict[str, object]:
        return {"level": self.level, "field": self.field, "required": self.required, "span": self.span.to_list()}


def extract_education(text: str) -> list[EducationRequirement]:
    """Each degree mentioned as a requirement or preference, in order, one entry per degree level per clause."""
    found: list[EducationRequirement] = []
    seen: set[tuple[str, int]] = set()
    lower = lowered(text)
    for level, pattern in _DEGREES:
        if level in _NEEDS and not any(word in lower for word in _NEEDS[level]):
            continue
        for match in pattern.finditer(lower):
            clause = clause_around(text, *match.span())
            if (level, clause[0]) in seen or (level == "bachelor" and match.group() == "degree" and _other_degree_in(lower, clause)):
                continue
            seen.add((level, clause[0]))
            sentence = text[clause[0] : clause[1]]
            after = text[match.end() : clause[1]]
            field_match = _FIELD.search(after)
            field = _FIELD_TAIL.sub("", field_match.group("field")).strip(" ,.") if field_match else None
            found.append(EducationRequirement(level, field, not _PREFERRED.search(sentence), Span(*match.span())))
    return sorted(found, key=lambda item: item.span.start)


def _other_degree_in(lower: str, clause: tuple[int, int]) -> bool:
    sentence = lower[clause[0] : clause[1]]
    return any(pattern.search(sentence) for level, pattern in _DEGREES if level != "bachelor") or bool(re.search(r"\bbachelor|\bb\.?s\b|\bb\.?a\b", sentence))
