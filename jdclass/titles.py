"""Map a stated job title to a rung of the ladder, naming the rule that fired."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from jdclass.levels import Level


@dataclass(frozen=True)
class TitleLevel:
    """The level a title implies and the name of the rule that decided it."""

    level: Level
    rule: str


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_SENIOR = r"(?:senior|sr\.?|snr\.?)"
# A company's legal form: "Acme GmbH", "Acme Holdings Ltd" name the company, not a unit of it.
LEGAL_FORM = r"\b(?:gmbh|ag|ltd|limited|inc|llc|llp|plc|corp|corporation|pty|pte|bv|nv|sarl|srl|kk|oy|ab)\b"
_PM = r"(?:product\s+manag(?:er|ement)|pm)"
_PRODUCT = r"product(?:s)?"

# Roles that share words with product management but are other jobs. Checked before the PM family,
# except that a title naming a product manager as well stays in the family.
_NEIGHBOURS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("product_marketing", _rx(r"\bproduct\s+marketing\b|\bpmm\b")),
    ("product_owner", _rx(r"\bproduct\s+owner\b")),
    ("product_designer", _rx(r"\bproduct\s+design(?:er)?\b(?!\s+engineer)|\b(?:ux|ui)\b.*\bdesigner\b|\bdesigner\b")),
    ("program_manager", _rx(r"\bprogram(?:me)?\s+manag(?:er|ement)\b|\btpm\b")),
    ("project_manager", _rx(r"\bproject\s+manag(?:er|ement)\b")),
    (
        "engineering_manager",
        _rx(
            r"\bengineering\s+manager\b|\bmanager,?\s+(?:software\s+)?engineering\b|\bsoftware\s+development\s+manager\b|\bhead\s+of\s+engineering\b|\b(?:vp|vice\s+president|director)\b.*\bengineering\b"
        ),
    ),
    ("production_manager", _rx(r"\bproduction\s+manager\b")),
    ("product_analyst", _rx(r"\bproduct\s+analyst\b")),
    ("product_specialist", _rx(r"\bproduct\s+(?:specialist|expert|consultant|support|operations|ops)\b")),
    ("scrum_master", _rx(r"\bscrum\s+master\b|\bagile\s+coach\b")),
)

_NOT_PM_AFTER_PRODUCT = r"(?!\s+(?:design|marketing|engineering|operations|ops|analytics|support|development))"
_NAMES_PRODUCT_MANAGER = _rx(
    rf"\bproduct\s+manag(?:er|ement)\b|\bapm\b|\bhead\s+of\s+{_PRODUCT}\b{_NOT_PM_AFTER_PRODUCT}|\bchief\s+product\b{_NOT_PM_AFTER_PRODUCT}|\bproduct\s+lead\b"
)

# Ladder rules, most senior first; the first that matches wins.
_LADDER: tuple[tuple[Level, str, re.Pattern[str]], ...] = (
    (Level.CPO, "chief_product", _rx(r"\bchief\s+product\b|\bchief\s+(?:digital\s+and\s+)?product\s+(?:and|&)\s+\w+\s+officer\b")),
    (Level.CPO, "cpo_acronym", _rx(r"^\s*cpo\b|\bcpo\s*$|\(cpo\)")),
    # A Managing Director heads a company ("Managing Director, Acme Products Ltd"), or holds a bank's or a consultancy's
    # most senior rank: over product ("Managing Director, Product Management"), a rank above its directors. Without
    # product named, no rule below reads it (a director of product).
    (Level.OTHER, "not_product_management", _rx(rf"\bmanaging\s+director\b.*{LEGAL_FORM}")),
    (Level.VP, "managing_director", _rx(rf"\bmanaging\s+director\b.*\b{_PRODUCT}\b")),
    (Level.VP, "svp_evp", _rx(rf"\b(?:svp|evp|senior\s+vice\s+president|executive\s+vice\s+president)\b.*\b{_PRODUCT}\b|\b{_PRODUCT}\b.*\b(?:svp|evp)\b")),
    (Level.VP, "vice_president", _rx(rf"\b(?:vp|vice[\s-]+president)\b.*\b{_PRODUCT}|\b{_PRODUCT}\b.*\b(?:vp|vice[\s-]+president)\b")),
    (Level.DIR, "associate_director", _rx(rf"\b(?:associate|assistant)\s+director\b.*\b{_PRODUCT}")),
    (Level.DIR, "director", _rx(rf"\bdirector\b.*\b{_PRODUCT}|\b{_PRODUCT}\b.*\bdirector\b")),
    (Level.DIR, "head_of_product", _rx(rf"\bhead\s+of\s+(?:global\s+)?{_PRODUCT}(?:\s+management)?\b")),
    (Level.DIR, "senior_manager_of_pm", _rx(rf"\b{_SENIOR}\s+manager\s*[,-]?\s*(?:of\s+)?product\s+management\b")),
    (Level.SPM, "manager_of_pm", _rx(r"^\s*manager\s*[,-]?\s*(?:of\s+)?product\s+management\b")),
    (Level.APM, "intern", _rx(rf"\b{_PM}\s+intern(?:ship)?\b|\bintern(?:ship)?\s*[,-]?\s*(?:in\s+)?{_PM}\b|\bproduct\s+intern\b")),
    (Level.APM, "associate", _rx(rf"\b(?:associate|assistant)\s+(?:technical\s+)?{_PM}\b|\bapm\b")),
    (
        Level.APM,
        "junior",
        _rx(rf"\b(?:junior|jr\.?|entry[\s-]+level|graduate|rotational)\s+(?:\w+\s+)?{_PM}\b|\b{_PM}\b.*\b(?:junior|new\s+grad(?:uate)?|entry[\s-]+level)\b"),
    ),
    (Level.SPM, "group", _rx(rf"\bgroup\s+(?:\w+\s+)?{_PM}\b|\bgpm\b")),
    (Level.SPM, "principal", _rx(rf"\bprincipal\s+(?:\w+\s+){{0,2}}{_PM}\b|\b{_PM}\b\s*[,-]?\s*principal\b")),
    (Level.SPM, "staff", _rx(rf"\bstaff\s+(?:\w+\s+){{0,2}}{_PM}\b")),
    (Level.SPM, "lead", _rx(rf"\blead\s+(?:\w+\s+){{0,2}}{_PM}\b|\b{_PM}\b\s*[,-]?\s*lead\b|\bproduct\s+lead\b")),
    (Level.SPM, "senior", _rx(rf"\b{_SENIOR}\s+(?:\w+\s+){{0,2}}{_PM}\b|\b{_PM}\b\s*[,-]?\s*{_SENIOR}\b|\bspm\b")),
    (Level.SPM, "numbered_senior", _rx(rf"\b{_PM}\s*(?:iii|iv|v|3|4|5)\b")),
    (Level.PM, "numbered", _rx(rf"\b{_PM}\s*(?:ii|i|1|2)\b")),
    (Level.PM, "product_manager", _rx(rf"\b{_PM}\b")),
)


_LEVEL_WORD = r"(?:senior|sr\.?|snr\.?|lead|principal|staff|junior|jr\.?|intern(?:ship)?|iii|ii|iv|i|v|[1-5])"


def _core(title: str) -> str:
    """The title up to its product-manager noun, plus a bare level word after it ("Product Manager (Senior)").

    What follows a comma or dash names the team, and its words are not levels: "Senior PM, New Grad Programs".
    """
    noun = re.search(rf"\b{_PM}\b", title, re.IGNORECASE)
    if noun is None:
        return title
    tail = title[noun.end() :]
    bare = re.match(rf"\s*[,(\-–—]?\s*\(?\s*({_LEVEL_WORD})\s*\)?\s*$", tail, re.IGNORECASE)
    if bare:
        return f"{title[: noun.end()]} {bare.group(1)}"
    cut = re.search(r"\s*[,(|–—/]|\s+-\s+|\s+(?:for|at|in)\s+", tail)
    return title[: noun.end() + (cut.start() if cut else len(tail))]


MAX_CACHED_TITLE = 200  # a caller's title may be any length; only title-sized strings are kept


def title_level(title: str | None) -> TitleLevel | None:
    """The ladder level a stated title implies, or None when there is no title.

    >>> title_level("Sr. Product Manager, Payments")
    TitleLevel(level=<Level.SPM: ('SPM', 'Senior Product Manager', 2)>, rule='senior')
    """
    if title is None or len(title) > MAX_CACHED_TITLE:
        return _title_level(title)
    return _cached_title_level(title)


@lru_cache(maxsize=4096)  # the body names the same few titles over and over; TitleLevel is frozen
def _cached_title_level(title: str) -> TitleLevel | None:
    return _title_level(title)


def _title_level(title: str | None) -> TitleLevel | None:
    if title is None or not title.strip():
        return None
    text = " ".join(title.split())
    names_pm = bool(_NAMES_PRODUCT_MANAGER.search(text))
    for rule, pattern in _NEIGHBOURS:
        if pattern.search(text) and not (names_pm and rule not in ("product_marketing",)):
            return TitleLevel(Level.OTHER, rule)
    core = _core(text)
    for level, rule, pattern in _LADDER:
        if pattern.search(core):
            return TitleLevel(level, rule)
    return TitleLevel(Level.OTHER, "not_product_management")
