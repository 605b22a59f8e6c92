"""Degrees a posting asks for: level, field, and whether required or a plus."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from jdclass.spans import BOUNDARY_BEHIND, Span, clause_around, lowered, matches_at, matches_from, occurrences, words_before

# Lower-case patterns, run over lowered(text). Each alternative opens with a letter and checks the word boundary
# behind it (``BOUNDARY_BEHIND``). Against their ``\b`` forms, the MBA and master's patterns run 12 to 20 times
# faster, the PhD pattern 3 times, the bachelor's 1.3 times (its alternatives begin with eight letters, the common
# "a" and "t" among them); tests/test_posting.py checks each pattern against its ``\b`` form.
_B = BOUNDARY_BEHIND
_NOT_OF = r"\b(?!\s+of\b)"
# The bachelor's pattern: its abbreviations and names, all beginning with "b", then the phrases with "degree". Those
# that begin with "a", "d", "r" or "t" name no level ("a degree in any field", "a relevant degree", "degree in economics"):
# one scan finds both, and ``extract_education`` reads these as level "degree" (``_NAMES_NO_LEVEL``).
_BACHELOR_B = (
    rf"b{_B}(?:achelor['’]?s?\b|\.?s\.?c?\.?(?=[\s/,]+(?:in|degree|or|ba)\b)|\.?a\.?(?=[\s/,]+(?:in|degree|or|bs)\b)|\.?tech\b|\.?e\.?(?=\s*(?:/|in\b|or\b)))"
)
_BACHELOR_DEGREE = (
    rf"u{_B}(?:ndergraduate|niversity)\s+degree|c{_B}ollege\s+degree|f{_B}our[- ]year\s+degree"
    rf"|a{_B}(?:ppropriate)?\s+degree{_NOT_OF}|r{_B}(?:elevant|elated)\s+degree{_NOT_OF}|t{_B}echnical\s+degree{_NOT_OF}"
    rf"|d{_B}egree\b(?=\s+(?:in|required|preferred|from|or\s+equivalent)\b)"
)
_DEGREES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (level, re.compile(pattern))
    for level, pattern in (
        ("mba", rf"m(?:{_B}ba\b|aster\s+of\s+business\s+administration)"),
        ("phd", rf"p{_B}h\.?\s?d\b|d{_B}octora(?:te|l)\b"),
        ("master", rf"m{_B}(?:aster['’]?s\b|aster\s+(?:of|degree)\b|\.?s\.?c?\.?(?=\s+(?:in|degree|or)\b)|\.?tech\b|sc\b)"),
        ("bachelor", f"{_BACHELOR_B}|{_BACHELOR_DEGREE}"),
    )
)
# In a text without "degree" (two postings in three), the bachelor's pattern can match only where its "b"
# alternatives do: alone, they open with a letter that ``re`` skips ahead to, where the whole pattern is tried
# at every "a", "b", "c", "d", "f", "r", "t" and "u" (3 against 37 us a posting, bench postings).
_WITHOUT_DEGREE = {"bachelor": re.compile(_BACHELOR_B)}
# Words that every match of the PhD pattern begins with: it is tried only where they are, where a scan with it stops
# at every "p" and "d" (tests/test_posting.py checks them). The MBA and master's patterns open with "m", and a scan
# with each costs less than looking first for the words their matches hold ("mba", "master", "ms": most postings
# hold "ms", in "teams" and "platforms").
_NEEDS: dict[str, tuple[str, ...]] = {"phd": ("ph", "doctora")}
_PREFERRED = re.compile(
    r"\b(?:preferred|a\s+plus|plus\b|nice[- ]to[- ]have|bonus|desir(?:ed|able)|advantage\w*|ideally|good\s+to\s+have|is\s+valued)", re.IGNORECASE
)
_FIELD = re.compile(
    r"\bin\s+(?P<field>(?:[A-Z][\w&]*|computer|business|engineering|economics|finance|mathematics|statistics|design|a\s+related|related|technical)[\w ,&/-]{0,60})",
    re.IGNORECASE,
)


_NAMES_NO_LEVEL = ("a", "d", "r", "t")
_FIELD_TAIL = re.compile(r"\s+(?:is\s+)?(?:required|preferred|a\s+plus|(?:is\s+)?(?:strongly\s+)?desired|or\s+equivalent.*)$", re.IGNORECASE)
# "in any field", "in any discipline or none": no particular subject.
_ANY_FIELD = re.compile(r"any\b", re.IGNORECASE)


@dataclass(frozen=True)
class EducationRequirement:
    """A degree a posting names: ``level`` is bachelor, master, mba, phd, or degree when it names no level ("a degree in
    any field", "a relevant degree"); ``field`` is None when it names no subject, or any ("in any discipline")."""

    level: str
    field: str | None
    required: bool
    span: Span

    def to_dict(self) -> dict[str, object]:
        return {"level": self.level, "field": self.field, "required": self.required, "span": self.span.to_list()}


def extract_education(text: str) -> list[EducationRequirement]:
    """Each degree mentioned as a requirement or preference, in order, one entry per degree level per clause."""
    found: list[tuple[EducationRequirement, int]] = []
    seen: set[tuple[str, int]] = set()
    lower = lowered(text)
    for level, pattern in _DEGREES:
        for match in _degree_matches(level, pattern, lower):
            if _not_a_degree(text, lower, match):
                continue
            named = "degree" if level == "bachelor" and match.group().startswith(_NAMES_NO_LEVEL) else level
            clause = clause_around(text, *match.span())
            if (named, clause[0]) in seen or (named == "degree" and _names_its_level(lower, clause, match.group(), seen)):
                continue
            seen.add((named, clause[0]))
            sentence = text[clause[0] : clause[1]]
            after = text[match.end() : clause[1]]
            field_match = _FIELD.search(after)
            field = _FIELD_TAIL.sub("", field_match.group("field")).strip(" ,.") if field_match else None
            field = None if field is not None and _ANY_FIELD.match(field) else field
            found.append((EducationRequirement(named, field, not _PREFERRED.search(sentence), Span(*match.span())), clause[0]))
    # "A relevant degree (a bachelor's)": a bachelor's named after the degree in its clause is its level.
    kept = [item for item, clause_start in found if item.level != "degree" or ("bachelor", clause_start) not in seen]
    return sorted(kept, key=lambda item: item.span.start)


def _degree_matches(level: str, pattern: re.Pattern[str], lower: str) -> Iterator[re.Match[str]]:
    """The matches of a degree ``pattern`` in ``lower``, in order, read the cheapest way (tests/test_posting.py checks
    each way against a scan)."""
    if level == "phd":
        return matches_from(pattern, lower, _NEEDS[level])  # every match begins with one of the words it needs
    if level not in _WITHOUT_DEGREE:
        return pattern.finditer(lower)
    degrees = occurrences(lower, ("degree",))
    if not degrees:
        return _WITHOUT_DEGREE[level].finditer(lower)
    # A match of the "b" alternatives begins at a "b" that opens a word, and no match holds such a "b" past its start
    # (the degree phrases hold none): the "b" alternatives alone find every place the pattern matches at a "b". The
    # others hold "degree" and begin there or a word or two before it ("a degree", "four-year degree").
    places = [match.start() for match in _WITHOUT_DEGREE[level].finditer(lower)]
    return matches_at(pattern, lower, sorted(places + degrees + words_before(lower, degrees)))


# "BE" then "IN" or "OR" in capitals: a phrase in capitals, where the verb is likelier than the degree.
_SHOUTED_AFTER_BE = re.compile(r"\s*(?:IN|OR)\b")
# A degree said to be needed no more than that: "No degree required", "you don't need a college degree", "a degree is
# not required", "degree optional": no degree asked (``extract_education``) and no evidence for a duty asking one
# (``waived_degrees``). Not "without" nor "never": "we never hire without a bachelor's degree" asks for one.
_WAIVED_BEFORE = re.compile(
    r"(?:\b(?:no|not)|n['’]t)\b(?:\s+(?:need|needs|require|required|requires|have|hold|a|an|any|necessarily|formal|college|university|four-year|specific|particular))*\s+$"
)
_WAIVED_AFTER = re.compile(
    r"(?:['’]?s)?(?:\s+degree)?(?:\s+(?:is|are))?\s*(?:not\s+(?:required|needed|necessary|mandatory|essential|a\s+(?:requirement|must))|optional)\b"
)


def _not_a_degree(text: str, lower: str, match: re.Match[str]) -> bool:
    """Whether a degree pattern's match is none the posting asks: "be" not in capitals ("be in the room"; "BE in
    mechanical engineering" is one) or in a line of capitals ("BE IN THE ROOM", "TO BE OR NOT"), "ms" after a number
    ("300 ms in production") or a degree stated as not needed."""
    found = match.group()
    if found == "be" and (text[match.start() : match.end()] != "BE" or _SHOUTED_AFTER_BE.match(text, match.end())):
        return True
    if found in ("ms", "bs") and re.search(r"\d\s*$", text[max(0, match.start() - 8) : match.start()]):
        return True  # "page loads under 300 ms in production": milliseconds
    return bool(_WAIVED_BEFORE.search(lower, max(0, match.start() - 40), match.start()) or _WAIVED_AFTER.match(lower, match.end()))


def _names_its_level(lower: str, clause: tuple[int, int], degree: str, seen: set[tuple[str, int]]) -> bool:
    """Whether the clause of a degree of no level names the level before it ("a bachelor's degree in economics"), or
    names another degree beside a bare "degree" ("a master's or PhD degree in statistics")."""
    return ("bachelor", clause[0]) in seen or (degree == "degree" and _other_degree_in(lower, clause))


def _other_degree_in(lower: str, clause: tuple[int, int]) -> bool:
    sentence = lower[clause[0] : clause[1]]
    return any(pattern.search(sentence) for level, pattern in _DEGREES if level != "bachelor") or bool(re.search(r"\bbachelor|\bb\.?s\b|\bb\.?a\b", sentence))


DEGREE_WORDS = ("degree", "diploma", "bachelor", "mba")  # words a waiver names (normalized tokens hold them so too)


def waived_degrees(text: str) -> list[int]:
    """Where ``text`` says a degree is not needed: the offset of each degree word so waived, in order."""
    lower = lowered(text)
    found = []
    for word in DEGREE_WORDS:
        at = lower.find(word)
        while at >= 0:
            if _WAIVED_BEFORE.search(lower, max(0, at - 40), at) or _WAIVED_AFTER.match(lower, at + len(word)):
                found.append(at)
            at = lower.find(word, at + 1)
    return sorted(found)
