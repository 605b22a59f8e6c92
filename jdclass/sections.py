"""Split a posting into its sections (about, responsibilities, requirements, ...) by their headings."""

from __future__ import annotations

import re
from dataclasses import dataclass

from jdclass.spans import Span, lowered

SECTION_KINDS = ("title", "about", "role", "responsibilities", "requirements", "preferred", "benefits", "eeo", "other")

# Lower-case patterns, run over lowered(heading).
_HEADING_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("eeo", r"equal\s+(?:employment\s+)?opportunit|\beeo\b|diversity|inclusion|accommodation|e-verify|non-?discrimination"),
        ("preferred", r"prefer|nice[\s-]+to[\s-]+have|bonus|plus(?:es)?\b|desirabl|good\s+to\s+have|extra\s+credit|stand\s+out"),
        ("benefits", r"benefit|perks|what\s+we\s+offer|we\s+offer|compensation|salary|\bpay\b|why\s+(?:join|work)|in\s+return|rewards|package"),
        (
            "requirements",
            r"requirement|qualification|what\s+you(?:['’]ll)?\s+(?:bring|need|have)|who\s+you\s+are|you\s+(?:have|bring|are)|about\s+you|looking\s+for|must[\s-]+have|skills|experience|competenc|ideal\s+candidate|profile|criteria|essential",
        ),
        (
            "responsibilities",
            r"responsib|what\s+you(?:['’]ll|\s+will)\s+do|duties|accountabilit|in\s+this\s+role|your\s+(?:role|impact|mission|day)|day[\s-]+to[\s-]+day|functions|the\s+job|what\s+you\s+will\s+be\s+doing|key\s+tasks|you\s+will",
        ),
        ("role", r"about\s+the\s+(?:role|job|position|opportunity|team)|the\s+(?:role|opportunity|position)|overview|summary|introduction|the\s+team"),
        ("about", r"about|who\s+we\s+are|our\s+(?:company|story|mission)|company|the\s+company"),
    )
)


_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+(.+?)\s*#*")
_BOLD_HEADING = re.compile(r"(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?")


@dataclass(frozen=True)
class Section:
    """A run of lines under one heading; ``kind`` is what the heading says it holds."""

    kind: str
    heading: str
    span: Span

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "heading": self.heading, "span": self.span.to_list()}


def heading_text(line: str) -> str | None:
    """The heading a line states (without ``#``, ``**`` or a trailing colon), or None when it is body text."""
    stripped = line.strip()
    if not stripped or len(stripped) > 80:
        return None
    # Most lines are body text: the Markdown patterns run only on lines that start as they must.
    markdown = _MARKDOWN_HEADING.fullmatch(stripped) if stripped[0] == "#" else None
    if markdown:
        return markdown.group(1).strip("*_ :").strip()
    bold = _BOLD_HEADING.fullmatch(stripped) if stripped[:2] in ("**", "__") else None
    if bold:
        return bold.group(1).strip(" :")
    if stripped.startswith(("-", "*", "•", "·")) or len(stripped.split()) > 8:
        return None
    if stripped.endswith(":"):
        return stripped.rstrip(":").strip()
    if stripped.isupper() and len(stripped) > 3:
        return stripped
    if len(stripped.split()) <= 6 and stripped[-1].isalnum() and heading_kind(stripped) != "other":
        return stripped  # "About Lumen Freight", "Who you are": short lines that name a section
    return None


def heading_kind(heading: str) -> str:
    """The section kind a heading names, or ``other``."""
    lower = lowered(heading)
    for kind, pattern in _HEADING_WORDS:
        if pattern.search(lower):
            return kind
    return "other"


def split_sections(text: str) -> list[Section]:
    """The sections of ``text`` in order; text before the first heading is a section of kind ``role``."""
    sections: list[Section] = []
    kind, heading, start = "role", "", 0
    offset = 0
    for line in text.splitlines(keepends=True):
        found = heading_text(line)
        if found is not None:
            if text[start:offset].strip():
                sections.append(Section(kind, heading, Span(start, offset)))
            kind, heading, start = heading_kind(found), found, offset
        offset += len(line)
    if text[start:].strip():
        sections.append(Section(kind, heading, Span(start, len(text))))
    return sections
