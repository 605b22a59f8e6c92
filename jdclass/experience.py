"""Years of experience that a posting asks for, told apart from company age and other numbers with 'years'."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from jdclass.spans import Span, clause_around, lowered, matches_where, starts_pattern, trimmed

Field = Literal["product_management", "people_management", "general", "specialty"]

NUMBER_WORDS = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "twenty-five": 25, "thirty": 30,
}  # fmt: skip

_WORD = r"(?:twenty-five|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty)"
# "five (5)" reads as one number; digits may carry a decimal ("2.5 years", "1.75 years"), and a number is read
# whole: "2.25 years" is not "25 years", nor ".5 years" 5 years. A full stop after a letter or a closing mark
# (a percent sign, bracket or quote) is a sentence's end, not a decimal point: scraped ads often lose the line break
# between two list items ("...messy data.4+ years of experience", "on call 10%.5+ years").
_NUM = rf"(?:(?:(?<![\d.])|(?<=[^\W\d_]\.|[%)\x22'’]\.))\d{{1,2}}(?:\.\d{{1,2}})?(?!\d|\.\d)|{_WORD}(?:\s*\(\d{{1,2}}\))?)"
# Only the abbreviation takes a full stop ("5 yrs."): a sentence's own full stop must stay outside the match.
_UNIT = r"(?:years?\b|yrs?\b\.?|yoe\b)(?:['’]s?)?"
_LOWER_CUE = (
    r"(?P<lower>at\s+least|a\s+minimum\s+of|minimum\s+of|minimum|min\.?|over|more\s+than|upwards\s+of|in\s+excess\s+of|no\s+less\s+than|not\s+less\s+than)"
)
_UPPER_CUE = r"(?P<upper>up\s+to|no\s+more\s+than|less\s+than|under)"

YEARS_PATTERN = re.compile(
    rf"""
    (?:{_LOWER_CUE}\s+|{_UPPER_CUE}\s+|(?P<between>between)\s+)?
    (?:
        (?P<lo>{_NUM})\s*(?:-|–|—|to|and|or)\s*(?P<hi>{_NUM})\s*(?P<plus_r>\+|plus)?\s*-?\s*{_UNIT}
      | (?P<n>{_NUM})\s*(?P<plus>\+|-?\s*plus|\s+or\s+more)?\s*-?\s*{_UNIT}(?P<plus_after>\s*\+|\s+or\s+more|\s+minimum)?
      | (?P<decades>a|one|two|three)\s+decades?
    )
    """,
    re.VERBOSE,
)  # run over lowered(text), like the months pattern: lower-case patterns on lower-cased text are faster than IGNORECASE

# Months count only when "experience" follows within a few words ("6-12 months of product experience"):
# "in your first 6 months" and "a 6-month contract" are about the job, not the candidate.
_MONTH_UNIT = r"(?:months?['’]?|mos\b\.?)(?:\s+or\s+more)?"
_EXPERIENCE_AFTER = r"(?=\s+(?:of\s+)?(?:[\w-]+\s+){0,3}?(?:experience|exp)\b)"
MONTHS_PATTERN = re.compile(
    rf"""
    (?:{_LOWER_CUE}\s+)?
    (?:(?P<lo>\d{{1,2}})\s*(?:-|–|—|to)\s*(?P<hi>\d{{1,2}})|(?P<n>\d{{1,2}}|{_WORD}))
    \s*(?P<plus>\+)?\s*-?\s*(?P<unit>{_MONTH_UNIT}){_EXPERIENCE_AFTER}
    """,
    re.VERBOSE,
)
# A unit that experience follows: most units are in none ("a 6-month contract"), and the pattern is tried around those only.
_MONTH_UNIT_BEFORE_EXPERIENCE = re.compile(_MONTH_UNIT + _EXPERIENCE_AFTER)

# Words before a match that make it about the company, the product or the future, not the candidate.
_NOT_REQUIREMENT_BEFORE = re.compile(
    r"(?:founded|established|since|history|anniversary|in\s+business|been\s+(?:around|operating|serving|trusted|building|helping|in)|"
    r"for\s+the\s+(?:past|last)|over\s+the\s+(?:past|last|next|coming)|in\s+the\s+(?:next|coming|past|last)|\b(?:the|your|their|its|our)\s+first|within\s+(?:the\s+(?:first|next)\s+)?|"
    r"contract\s+(?:of|for)|term\s+of|after|every|per|retention|vest\w*(?:\s+over)?|horizon\s+of|we\s+have|we['’]ve|our\s+\w+\s+has|"
    # "your first two years here", but not the German "first 2 years of experience" ("erste Berufserfahrung");
    # "where it should stand in two to three years", but not "experience in 5+ years of ..." (Indian job boards)
    r"(?:throughout|during)(?:\s+(?:the|these|those|your|its))?|(?<!experience\s)(?<!exp\s)(?<!background\s)(?<!record\s)\bin(?:\s+(?:about|around|roughly|approximately))?)\s*$",
)
_NOT_REQUIREMENT_AFTER = re.compile(
    r"^\s*(?:-|\s)?(?:ago|old\b|later|from\s+now|in\s+(?:business|operation|the\s+market)|of\s+(?:growth|history|success|innovation|trust|service|operation\b|profitab)|"
    r"(?:product\s+)?(?:vision|plan|roadmap|strategy|strategic|horizon|outlook|contract|fixed[- ]term|term|warranty|anniversary|cliff|vesting|(?:equity|stock|rsus?)\s+(?:grants?|awards?|packages?)|grants?\b(?!\s+(?:writ|manag|admin|fund)))\b|running(?![ \t]+\w)|straight|in\s+a\s+row|"
    # a programme's or track's length ("a two-year development programme"), but "5+ years program management experience" asks
    r"(?:bachelor['’]?s?\s+|college\s+|university\s+|(?:development|leadership|graduate|training|onboarding|probation(?:ary)?|rotation(?:al)?|early[- ]career)\s+){0,2}"
    r"(?:degree|rotation|rotational|program(?:me)?(?![\s/]+(?:(?:and|or|&)\s+)?(?:\w+\s+)?manag)|track(?!\s+record)|course|apprenticeship|fellowship|stint|assignment|period|commitment)\b|"
    # "15 years of full-time education" (a common eligibility line on Indian job boards) is schooling, not experience;
    # "5+ years higher education experience" is experience, in a sector
    r"(?:of\s+)?(?:(?:full[- ]time|formal|regular|school|college|university|post[- ]?secondary|tertiary|higher)\s+)?(?:education|schooling|studies)\b"
    r"(?![^\S\n]+(?:[\w-]+[^\S\n]+){0,2}?(?:experience|exp)\b))",
)
_WRAPPED_LINE = re.compile(r"\n[ \t]*[a-z]")
_COMPANY_SUBJECT = re.compile(r"\b(?:we|we['’]ve|we['’]re|our|us|company|firm|founded|team\s+has|has\s+been|have\s+been)\b")
# The subject that follows the years, when it is the company: "For more than 20 years, Acme Freight has helped ...",
# "for 12 years we have built ...". A name is capitalized and set off by a comma (so that a requirement bullet such as
# "6+ years Product Management is key" keeps its years); this pattern is case-sensitive but for "we", "our" and "the".
_COMPANY_SUBJECT_AFTER = re.compile(
    r"(?:[ \t]*,[ \t]*(?:[A-Z][\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*){0,3}|(?i:we|our\s+\w+|the\s+company))|[ \t]*(?i:we|our\s+\w+|the\s+company))"
    r"[ \t]+(?:has|have|had|['’]ve)\b"
)
_CANDIDATE_CUE = re.compile(
    r"\b(?:experience|experienced|exp|background|track\s+record|you|your|candidate|applicant|proven|required|requirement|minimum|must|should|ideally|preferred"
    r")\b",
)
# The employer asking for the years just before them: "We expect at least six years in product management" (the
# years follow the verb; "we are looking for a Director who will set our strategy for the next ten years" is no ask).
_WE_ASK = re.compile(
    r"\bwe(?:['’]re|['’]d|\s+are|\s+would)?(?:\s+(?:also|typically|usually|generally|normally))?\s+"
    r"(?:expect|require|ask\s+for|look\s+for|looking\s+for|seek|seeking|need|want|like\s+to\s+see)"
    r"(?:\s+(?:candidates|applicants|you|someone|a\s+candidate)(?:\s+to\s+(?:have|bring))?|\s+to\s+see)?"
    r"(?:\s+(?:[\w'’-]+\s+){1,6}?(?:and|plus|with))?\s+$",  # "We expect a bachelor's degree and two years in ..."
)
_ACTIVITY_CUE = re.compile(r"\b(?:worked|working|managing|leading|building|shipping|as\s+an?|in\s+(?:a\s+)?product)\b")
_PREFERRED_CUE = re.compile(
    r"\b(?:preferred|(?:a|big|huge|definite|strong)\s+plus\b|nice[- ]to[- ]have|bonus|ideally(?!\s+(?:in|with|on|at|from|within|across|as|for)\b)|desir(?:ed|able)|good\s+to\s+have|advantage|advantageous|beneficial|strongly\s+preferred|would\s+be\s+great)",
)
_PM_FIELD = re.compile(
    r"\b(?:product\s+management|product\s+manag\w*|product\s+leadership|product\s+(?:role|experience|ownership|owner)|"
    r"in\s+(?:a\s+)?product\b(?!\s+(?:marketing|design|analytics|operations|ops|support|engineering|sales|data))|(?:as\s+an?\s+)?(?:senior\s+)?pm\b|"
    r"pm\s+experience|product\s+(?:strategy|development)|building\s+(?:and\s+shipping\s+)?(?:software\s+)?products|shipping\s+products)",
)
_PEOPLE_FIELD = re.compile(
    # "managing product teams", "leading organizations of product managers", "disciplinary responsibility for PMs";
    # not a "management team" or a "leadership team" someone else is on, "managing team budgets", "a leading product
    # team" or "leading organizations of global scale"
    r"\b(?:(?:people|team|line)\s+manag\w*|manag(?!ement)\w*\s+(?:and\s+\w+\s+)?(?:an?\s+(?:product\s+)?team|(?:product\s+)?teams|people|product\s+managers|pms|managers|others|direct\s+reports|engineers|designers|analysts|staff|employees)\b|"
    r"(?<!\ban\s)(?<!\ba\s)(?<!\bthe\s)lead(?!ership)\w*\s+(?:and\s+\w+\s+)?(?:an?\s+(?:product\s+)?team|(?:product\s+)?teams|product\s+managers|pms|people|managers|"
    r"(?:an?\s+)?(?:organi[sz]ations?|orgs?|groups?)\s+of\s+(?:[\w+-]+\s+){0,2}?(?:product\s+managers|pms|people|managers|engineers|designers|staff|employees)\b)|leadership\s+(?:experience|role)|"
    r"managerial|supervis\w*|as\s+a\s+(?:people\s+)?manager|hiring\s+and\s+(?:developing|coaching)|(?:disciplinary|people|line)\s+(?:responsibility|leadership))",
)
_GENERAL_FIELD = re.compile(
    r"^\W*in\s+(?:the\s+)?(?:technology|tech|(?:tech\s+|software\s+)?industry|workforce|business|professional\s+(?:roles|settings))\b|^\W*(?:of\s+)?(?:(?:relevant|total|overall|professional|progressive|full[- ]time|industry|post[- ]graduate|work|working|related|hands[- ]on|combined)\s+)*(?:work\s+)?(?:experience|exp)\b(?!\s+(?:in|with|of|building|working|using|at|on)\b)",
)


@dataclass(frozen=True)
class YearsRequirement:
    """A years-of-experience requirement: ``minimum``/``maximum`` years, what field they are of, and whether required."""

    minimum: float | None
    maximum: float | None
    field: Field
    required: bool
    field_text: str
    span: Span

    def to_dict(self) -> dict[str, object]:
        return {
            "minimum": self.minimum,
            "maximum": self.maximum,
            "field": self.field,
            "required": self.required,
            "field_text": self.field_text,
            "span": self.span.to_list(),
        }


_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_NUMBER_WORD = re.compile(r"[a-z-]+")


def number_value(token: str) -> float:
    """The value of a number as a posting writes it: ``"7"``, ``"seven"``, ``"five (5)"``, ``"2.5"``."""
    token = token.strip().lower()
    digits = _DIGITS.search(token)
    if digits:
        return float(digits.group())
    word = _NUMBER_WORD.match(token)
    if word and word.group() in NUMBER_WORDS:
        return float(NUMBER_WORDS[word.group()])
    raise ValueError(f"not a number: {token!r}")


def _bounds(match: re.Match[str]) -> tuple[float | None, float | None]:
    if match.group("decades"):
        count = number_value(match.group("decades"))
        low: float | None = count * 10
        high: float | None = None
    elif match.group("lo"):
        low, high = number_value(match.group("lo")), number_value(match.group("hi"))
        if match.group("plus_r"):
            high = None
        if low is not None and high is not None and high < low:
            low, high = high, low
    else:
        low, high = number_value(match.group("n")), None
    if match.group("upper"):
        return 0.0, low if high is None else high
    return low, high


def _field_of(text: str, lower: str, start: int, end: int, clause: tuple[int, int]) -> tuple[Field, str]:
    # The words right after the number ("of product management", "managing people") say what the years are of.
    near = _NEAR_END.split(text[end : clause[1]], maxsplit=1)[0]
    near_start, near_end = trimmed(text, end, end + len(near))
    near_end = min(near_end, near_start + 90)
    near_after, lower_after = text[near_start:near_end], lower[near_start:near_end]
    people, product = _PEOPLE_FIELD.search(lower_after), _PM_FIELD.search(lower_after)
    if people and not (product and product.start() < people.start()):  # "of product management ... managing engineers"
        return "people_management", near_after
    if product:
        return "product_management", near_after
    if _AS_ANOTHER_ROLE.match(lower_after):
        return "specialty", near_after  # "5+ years as a software engineer": years in another role
    if _IN_A_SPECIALTY.search(lower_after) and not _GENERAL_FIELD.match(lower_after):
        return "specialty", near_after
    # A label before the number ("Product management experience: 5+ years"), not an earlier clause of the sentence.
    label_start, label_end = trimmed(text, start - len(_LABEL_END.split(text[clause[0] : start])[-1]), start)
    label_start = max(label_start, label_end - 60)
    label, lower_label = text[label_start:label_end], lower[label_start:label_end]
    if _PEOPLE_FIELD.search(lower_label):
        return "people_management", label
    if _PM_FIELD.search(lower_label):
        return "product_management", label
    return "general", near_after or label


# In the original case: "AND" ends none. A second number after "with" ends the first's words ("with 5+ years leading
# teams", "with 10+", "with five years"), not a figure of the field ("with 5G", "with 100 million users"). No two runs
# of spaces meet where a "+" is missing: they would share a long run in every way.
_NEAR_END = re.compile(
    rf"\b(?:and|including|with\s+(?:at\s+least|(?:\d{{1,2}}|{_WORD})(?:\s*(?:-|–|to)\s*\d{{1,2}})?(?:\s*\+)?\s*(?:years?|yrs?)|\d{{1,2}}(?=\s*\+))|of\s+which|plus|,)\b|,|\("
)
_AS_ANOTHER_ROLE = re.compile(r"(?:of\s+\w+\s+)?(?:experience\s+)?as\s+an?\s+\w")
_IN_A_SPECIALTY = re.compile(r"\b(?:in|of|on|across|within|with|using|building|doing|working\s+(?:in|on|with))\s+\w")
_LABEL_END = re.compile(r",|;|\band\b|\bor\b")  # in the original case


_UNIT_AT_END = re.compile(r"\s*-?\s*(?:year|yr)")  # the years unit that ends a match: "5-year-" is no requirement
_UP_TO_A_COMMA = re.compile(r"[,;(]")


def _is_requirement(text: str, lower: str, match: re.Match[str], clause: tuple[int, int], in_requirements: bool) -> bool:
    before = lower[max(clause[0], match.start() - 40) : match.start()]
    # The words after the number within its own sentence or line: a heading on the next line is not about it. A next
    # line that goes on in lower case is the same sentence, wrapped (text from a PDF keeps its line breaks).
    after_end = match.end() + 40
    if clause[1] < match.end() + 40 and not _WRAPPED_LINE.match(text, clause[1]):
        after_end = clause[1]
    after = lower[match.end() : after_end]
    if _NOT_REQUIREMENT_BEFORE.search(before) or _NOT_REQUIREMENT_AFTER.match(after):
        return False
    if _UNIT_AT_END.match(text[match.end() - 4 : match.end() + 2]) and after.startswith("-"):
        return False
    sentence = lower[clause[0] : clause[1]]
    if _CANDIDATE_CUE.search(sentence) or in_requirements:
        return True
    lead_in = lower[clause[0] : match.start()]
    if _WE_ASK.search(lead_in):
        return True
    if _COMPANY_SUBJECT.search(lead_in) or _COMPANY_SUBJECT_AFTER.match(text, match.end(), min(clause[1], match.end() + 80)):
        return False  # "our team has been building payments software for 12 years", "For 20 years, Acme has helped"
    if _ACTIVITY_CUE.search(sentence):
        return True
    # With no cue either way, only a bullet or line that starts with the number ("- 3-5 yrs in SaaS") asks for it;
    # "Acme has helped retailers grow for 12 years" does not.
    return not re.search(r"[A-Za-z]{2,}", text[clause[0] : match.start()].replace("Exp", ""))


def _requirement(
    text: str, lower: str, start: int, end: int, clause: tuple[int, int], low: float | None, high: float | None, preferred_spans: tuple[Span, ...]
) -> YearsRequirement:
    field, field_text = _field_of(text, lower, start, end, clause)
    # Only the words that lead in and the words up to the next comma qualify this number: in
    # "7+ years of product experience, MBA preferred" the MBA is preferred, the years are not.
    near = lower[clause[0] : start] + _UP_TO_A_COMMA.split(lower[end : clause[1]], maxsplit=1)[0]
    preferred = bool(_PREFERRED_CUE.search(near)) or any(s.start <= start < s.end for s in preferred_spans)
    return YearsRequirement(low, high, field, not preferred, field_text, Span(start, end))


def extract_years_of_experience(text: str, requirement_spans: tuple[Span, ...] = (), preferred_spans: tuple[Span, ...] = ()) -> list[YearsRequirement]:
    """Every years-of-experience requirement in ``text``, in order of appearance.

    ``requirement_spans`` and ``preferred_spans`` are the requirements and nice-to-have sections, when known:
    a bare "5+ years" in a requirements list is a requirement, and one under "Nice to have" is preferred.
    """
    found: list[YearsRequirement] = []
    lower = lowered(text)  # the years and months patterns run over it; spans index ``text`` unchanged
    for match in _month_candidates(lower):
        start, end = match.start(), match.end("unit")
        clause = clause_around(text, start, end)
        if _NOT_REQUIREMENT_BEFORE.search(lower[max(clause[0], start - 40) : start]):
            continue
        found.append(_requirement(text, lower, start, end, clause, *_month_bounds(match), preferred_spans))
    for match in _candidates(lower):
        if match.group("decades") and not re.match(
            r"\s*(?:of|in|\+|or\s+more|plus|experience|as)\b|\s*\+", text[match.end() : match.end() + 12], re.IGNORECASE
        ):
            continue
        start, end = match.span()
        clause = clause_around(text, start, end)
        in_requirements = any(s.start <= start < s.end for s in requirement_spans + preferred_spans)
        if not _is_requirement(text, lower, match, clause, in_requirements):
            continue
        try:
            low, high = _bounds(match)
        except ValueError:
            continue
        if low is not None and low > MAX_YEARS:
            continue  # "35 years" is a company's age or a product's, not a requirement
        found.append(_requirement(text, lower, start, end, clause, low, high, preferred_spans))
    return sorted(found, key=lambda item: item.span.start)


def _month_bounds(match: re.Match[str]) -> tuple[float, float | None]:
    """A months match as years (to two decimals), the smaller bound first."""
    low = round(number_value(match.group("lo") or match.group("n")) / 12, 2)
    high = round(number_value(match.group("hi")) / 12, 2) if match.group("hi") else None
    return (high, low) if high is not None and high < low else (low, high)


# Where a years unit starts, in lowered(text): the units in "y" and the decades are found apart, each by a scan that
# skips ahead to the letters it opens with, in under half the time of a scan for all four or a str.find for each.
_YEAR_UNIT = re.compile(r"y(?:ears?|rs?|oe)")
_DECADE_UNIT = re.compile(r"decades?")
_MONTH_WORD = re.compile(r"month|mos\b")  # where a months unit starts, in lowered(text)
# How every match of YEARS_PATTERN and MONTHS_PATTERN begins (tests/test_posting.py checks them): the patterns, tried
# at every character around a unit, are tried only where a number, a number word or a cue word ("at least", "up to")
# can begin. Short starts ("a", "ten") are found inside words too ("years", "often"); the pattern fails there, as in a scan.
_NUMBER_STARTS = (*"0123456789", "zero", "one", "tw", "thr", "thir", "four", "fif", "five", "six", "seven", "eight", "nine", "ten", "eleven")
_MONTHS_STARTS = (*_NUMBER_STARTS, "a", "min", "over", "more", "up", "in", "no")
_YEARS_STARTS = (*_MONTHS_STARTS, "less", "under", "between")
# What follows a cue's start in every match ("a" begins only "at least", "a minimum of" and "a decade"; "in" only "in
# excess of"): the windows are scanned for their starts with one pattern each (``starts_pattern``), which passes over
# the "a"s and "in"s inside words, three of the four places where the starts occur (bench postings).
_CUE_FOLLOWED_BY = {"a": r"t?\s", "in": r"\s", "no": r"t?\s", "up": r"\s|wards", "min": r"(?:imum|\.)?\s"}
_CUE_FOLLOWED_BY |= {start: r"\s" for start in ("over", "more", "less", "under", "between")}
_MONTHS_WHERE = starts_pattern(_MONTHS_STARTS, _CUE_FOLLOWED_BY)
_YEARS_WHERE = starts_pattern(_YEARS_STARTS, _CUE_FOLLOWED_BY)
# The patterns' ``\d`` reads every decimal digit ("٣", "５", "𝟓"), the starts only 0 to 9: a window that holds another
# digit is scanned whole.
_OTHER_DIGIT = re.compile(r"[^\D0-9]")


def _tried_where_they_start(pattern: re.Pattern[str], lower: str, where: re.Pattern[str], pos: int, endpos: int) -> Iterator[re.Match[str]]:
    """``pattern.finditer(lower, pos, endpos)`` for the years and months patterns, tried only where ``where`` matches."""
    window = lower[pos:endpos]
    if window.isascii() or not _OTHER_DIGIT.search(window):
        return matches_where(pattern, lower, where, pos, endpos)
    return pattern.finditer(lower, pos, endpos)


MAX_YEARS = 25
# No real posting states more; a pasted page of thousands of "years" is cut off here instead of slowing parsing.
MAX_CANDIDATES = 100


def _month_candidates(lower: str) -> list[re.Match[str]]:
    """Matches of the months pattern in ``lowered(text)``, searched only around each "month" or "mos" (most postings have none)."""
    matches: list[re.Match[str]] = []
    done = 0
    for unit in _MONTH_WORD.finditer(lower):  # "mo" opens both: ``re`` skips ahead to it faster than ``str.find`` finds the two
        if len(matches) >= MAX_CANDIDATES:
            break
        position = unit.start()
        # The window's end leaves room for the look-ahead: "6 months or more of hands-on B2B product experience".
        end = min(len(lower), position + 160)
        if not _MONTH_UNIT_BEFORE_EXPERIENCE.match(lower, position, end):
            continue  # every match's unit begins at a unit word, and experience follows it
        for match in _tried_where_they_start(MONTHS_PATTERN, lower, _MONTHS_WHERE, max(done, position - 60), end):
            if match.start() >= done and match.start("unit") <= position < match.end("unit"):
                matches.append(match)
                done = match.end()
    return matches


def _unit_words(lower: str) -> list[re.Match[str]]:
    """Where each years unit ("years", "yrs", "yoe", "decades") is in ``lowered(text)``, in order."""
    return sorted((*_YEAR_UNIT.finditer(lower), *_DECADE_UNIT.finditer(lower)), key=re.Match.start)


def _candidates(lower: str) -> list[re.Match[str]]:
    """Matches of the years pattern in ``lowered(text)``, searched only around the unit words: the full pattern is slow to scan with."""
    matches: list[re.Match[str]] = []
    done = 0
    for unit in _unit_words(lower):
        if len(matches) >= MAX_CANDIDATES:
            break
        window_start = max(done, unit.start() - 80)
        for match in _tried_where_they_start(YEARS_PATTERN, lower, _YEARS_WHERE, window_start, min(len(lower), unit.end() + 3)):
            if match.start() >= done and match.end() >= unit.end():
                matches.append(match)
                done = match.end()
    return matches


def main_requirement(requirements: list[YearsRequirement]) -> YearsRequirement | None:
    """The posting's headline requirement: the largest required product-management minimum, else the largest general one.

    A specialty clause ("2+ years with ML") never overrides them; preferred years count only when nothing is required.
    """
    for required in (True, False):
        for field in ("product_management", "general"):
            pool = [r for r in requirements if r.field == field and r.required is required and r.minimum is not None]
            if pool:
                return max(pool, key=lambda r: (r.minimum or 0, r.maximum or 0))
    pool = [r for r in requirements if r.field == "specialty" and r.minimum is not None]
    return max(pool, key=lambda r: (r.required, r.minimum or 0, r.maximum or 0)) if pool else None


def people_management_years(requirements: list[YearsRequirement]) -> float | None:
    """The largest minimum years of managing people that the posting asks for."""
    values = [r.minimum for r in requirements if r.field == "people_management" and r.minimum is not None]
    return max(values) if values else None


# One band per whole year up to ten, then wider: neighbouring years say different things. "4 years" is
# mostly a PM's ask and "5+" mostly a senior PM's; a band of 4-5 mixed them (docs/model.md).
_YEARS_BANDS = tuple((years, str(years)) for years in range(11)) + ((12, "11-12"), (14, "13-14"))


def years_bucket(minimum: float | None) -> str:
    """The band of a minimum number of years, used as a model feature; a fraction rounds up (1.5 -> "2")."""
    if minimum is None:
        return "none"
    for upper, name in _YEARS_BANDS:
        if minimum <= upper:
            return name
    return "15+"
