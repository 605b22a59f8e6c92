"""Split a posting into its sections (about, responsibilities, requirements, ...) by their headings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from jdclass.spans import Span, lowered, trimmed

SECTION_KINDS = ("title", "about", "role", "responsibilities", "requirements", "preferred", "benefits", "eeo", "process", "other")

# Lower-case patterns, run over lowered(heading).
_HIRING = r"(?:interview(?:ing)?|hiring|recruit(?:ment|ing)?|application|selection)"  # a hiring section's first words
_HEADING_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        # How the employer hires ("Our interview process", "How to apply", "Next steps"), named by the heading as a whole:
        # "Interview users weekly" and "Own the hiring process" are duties, "Hiring process ownership" a duty's name, and
        # "Mortgage application journey" a product. A number, a question or words before a mark may lead ("5. How to apply",
        # "Interested? How to apply", "Joining Acme: our hiring process"), and another part follow a mark ("Selection
        # process / 選考プロセス").
        (
            "process",
            (
                rf"^(?:\d{{1,2}}[.)]?\s+|[^?!:|–—]*[?!:|–—]\s+|[^-]*\s-\s+)?(?:(?:here['’]?s|here\s+is)\s+)?"
                rf"(?:(?:(?:a\s+note\s+on|what\s+to\s+expect\s+(?:from|in))\s+)?(?:(?:our|the|your)\s+)?{_HIRING}(?:\s+(?:and|&)\s+{_HIRING})?"
                r"\s+(?:process|stages|steps|journey|loop)(?:\s+details)?(?![^\S\n]*\w)"
                r"|how\s+(?:we\s+(?:hire|interview|recruit)|to\s+apply)\b|(?:next\s+steps|(?:our|the)\s+process)\W*$)"
            ),
        ),
        ("eeo", r"equal\s+(?:employment\s+)?opportunit|\beeo\b|diversity|inclusion|accommodation|e-verify|non-?discrimination"),
        ("preferred", r"prefer|nice[\s-]+to[\s-]+have|bonus|plus(?:es)?\b|desirabl|good\s+to\s+have|extra\s+credit|stand\s+out"),
        ("benefits", r"benefit|perks|what\s+we\s+offer|we\s+offer|compensation|salary|\bpay\b|why\s+(?:join|work)|in\s+return|rewards|package"),
        (
            "requirements",
            r"requirement|qualification|what\s+you(?:['’]ll)?\s+(?:bring|need|have)|who\s+you\s+are|you\s+(?:have|bring|are)|about\s+you(?:rself)?\b|looking\s+for|must[\s-]+have|skills|experience|competenc|ideal\s+candidate|profile|criteria|essential",
        ),
        (
            "responsibilities",
            r"responsib|what\s+you(?:['’]ll|\s+will)\s+do|duties|accountabilit|in\s+this\s+role|your\s+(?:role|impact|mission|day)|day[\s-]+to[\s-]+day|functions|the\s+job|what\s+you\s+will\s+be\s+doing|key\s+tasks|you\s+will",
        ),
        (
            "role",
            r"about\s+(?:the|this|our|your)\s+(?:(?:new|future|next|product|wider|immediate)\s+)?(?:role|job|position|opportunity|team)|the\s+(?:role|opportunity|position)|overview|summary|introduction|the\s+team",
        ),
        ("about", r"about|who\s+we\s+are|our\s+(?:company|story|mission)|company|the\s+company"),
    )
)


_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+(.+?)\s*#*")
_BOLD_HEADING = re.compile(r"(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?")


def _chars(*ranges: tuple[int, int]) -> frozenset[str]:
    return frozenset(chr(code) for low, high in ranges for code in range(low, high + 1))


# Emoji and the symbol blocks they come from (arrows, shapes, dingbats, pictographs), with the joiners, variation
# selectors and tags that build them: decoration, no part of a title or a heading.
PICTOGRAPHS = _chars((0x2190, 0x21FF), (0x2300, 0x23FF), (0x25A0, 0x27BF), (0x2900, 0x297F), (0x2B00, 0x2BFF), (0x1F000, 0x1FAFF))
PICTOGRAPHS |= _chars((0x200D, 0x200D), (0x20E3, 0x20E3), (0xFE0E, 0xFE0F), (0xE0020, 0xE007F))
# Those of them that open a bullet as "-" and "•" do: check marks and crosses, stars, arrows, pointing hands, small
# shapes and coloured dots ("✅ Own the growth roadmap", "⭐ 6+ years in product management"). Others (🚀, 💼, 🎯)
# may lead a heading as well as a bullet, which the words then tell apart.
BULLET_SYMBOLS = _chars((0x2022, 0x2023), (0x2043, 0x2043), (0x2190, 0x21FF), (0x25A0, 0x25FF), (0x2605, 0x2606), (0x2610, 0x2612))
BULLET_SYMBOLS |= _chars((0x261B, 0x261B), (0x261E, 0x261E), (0x2666, 0x2666), (0x2705, 0x2705), (0x2713, 0x2718), (0x2726, 0x2728))
BULLET_SYMBOLS |= _chars((0x2733, 0x2734), (0x2747, 0x2747), (0x274C, 0x274C), (0x274E, 0x274E), (0x2756, 0x2756), (0x2794, 0x27BF))
BULLET_SYMBOLS |= _chars((0x2B05, 0x2B07), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55), (0x1F31F, 0x1F31F), (0x1F449, 0x1F449))
BULLET_SYMBOLS |= _chars((0x1F4A0, 0x1F4A0), (0x1F518, 0x1F518), (0x1F534, 0x1F539), (0x1F7E0, 0x1F7EB))


_BULLET_CHARS = "".join(sorted(BULLET_SYMBOLS))  # for str.lstrip, built once
DECORATION = PICTOGRAPHS | BULLET_SYMBOLS  # what may stand around a line's words: no part of them


def character_class(chars: frozenset[str]) -> str:
    """A regular-expression character class (``[...]``) of ``chars``, its runs of code points written as ranges."""
    codes = sorted(ord(char) for char in chars)
    runs: list[list[int]] = []
    for code in codes:
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "[" + "".join(re.escape(chr(low)) + (f"-{re.escape(chr(high))}" if high > low else "") for low, high in runs) + "]"


def strip_pictographs(text: str) -> str:
    """``text`` without the pictographs and spaces at its ends (``text`` itself when it has none there)."""
    if not text or (text[0] not in PICTOGRAPHS and text[-1] not in PICTOGRAPHS and not text[0].isspace() and not text[-1].isspace()):
        return text
    start, end = trimmed(text, 0, len(text), PICTOGRAPHS)
    return text[start:end] if (start, end) != (0, len(text)) else text


def without_pictographs(text: str) -> str:
    """``text`` with its pictographs taken out and the spaces around each made one: "Growth 💡 | Remote" is "Growth | Remote"."""
    if PICTOGRAPHS.isdisjoint(text):
        return text
    return " ".join("".join(" " if char in PICTOGRAPHS else char for char in text).split())


def opens_with_a_bullet_symbol(line: str) -> bool:
    """Whether a bullet symbol begins a stripped line, unless a pictograph ends it too, as decoration does ("⭐ Benefits ⭐")."""
    return line[:1] in BULLET_SYMBOLS and line[-1] not in PICTOGRAPHS


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
    if stripped[0] in DECORATION or stripped[-1] in PICTOGRAPHS:  # two look-ups for the common line, which has neither
        bullet = opens_with_a_bullet_symbol(stripped)
        stripped = strip_pictographs(stripped.lstrip(_BULLET_CHARS))  # "🚀 What you'll do 🚀": "What you'll do"
        if not stripped or (bullet and not _names_a_section(stripped)):
            return None  # "✅ Own the growth roadmap", "⭐ 6+ years in product management": bullets
    if stripped.endswith(":"):
        return stripped.rstrip(":").strip()
    if stripped.isupper() and len(stripped) > 3:
        return stripped
    if len(stripped.split()) <= 6 and stripped[-1].isalnum() and heading_kind(stripped) != "other" and not _SET_AS_A_HEADING_ONLY.fullmatch(stripped):
        return stripped  # "About Lumen Freight", "Who you are": short lines that name a section
    return None


# Words that head a section only when set as a heading ("## Next steps", "Next steps:", "NEXT STEPS"): a plain line of
# them may name a step of the work among the duties, whose lines would then be blanked as the hiring process's.
_SET_AS_A_HEADING_ONLY = re.compile(r"next\s+steps", re.IGNORECASE)


def _names_a_section(text: str) -> bool:
    """Whether the words after a bullet symbol name a section ("▶ Requirements", "🔹 What you'll do:", "▶ Nice to
    have"), not a point ("✅ Excellent communication skills", "✅ Bonus points for SQL", "✅ Our benefits are great")."""
    words = text.rstrip(":").split()
    if not words or len(words) > 5 or any(char.isdigit() for char in text) or heading_kind(text) == "other":
        return False
    if text.endswith(":") or words[0].lower() in _QUESTION_WORDS:
        return True
    return len(words) <= 3 and (words[0].lower() in ("nice", "about") or heading_kind(words[0]) != "other")


_QUESTION_WORDS = frozenset(["what", "who", "why", "how", "where"])


def heading_kind(heading: str) -> str:
    """The section kind a heading names, or ``other``."""
    return _cached_heading_kind(heading) if len(heading) <= MAX_CACHED_HEADING else _heading_kind(heading)


MAX_CACHED_HEADING = 80  # the longest line ``heading_text`` reads as a heading; a caller's line may be any length


@lru_cache(maxsize=4096)  # postings use the same few headings ("What you'll do", "Requirements") over and over
def _cached_heading_kind(heading: str) -> str:
    return _heading_kind(heading)


def _heading_kind(heading: str) -> str:
    lower = lowered(heading)
    for kind, pattern in _HEADING_WORDS:
        if pattern.search(lower):
            return kind
    return "other"


def names_the_job(heading: str) -> bool:
    """Whether a heading names the duties or the requirements, whatever kind it names first ("Compensation and
    responsibilities", "What we offer and what you'll do")."""
    lower = lowered(heading)
    return any(pattern.search(lower) for kind, pattern in _HEADING_WORDS if kind in ("responsibilities", "requirements"))


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
