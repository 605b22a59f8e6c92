"""The pay a posting states, read into numbers: lowest and highest amount, currency and what the pay is for."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from jdclass.spans import lowered

Period = Literal["hour", "day", "week", "month", "year"]

# The currencies pay is read in: the ISO 4217 codes postings write ("CHF 120,000", "$120,000 CAD"), the symbols that
# name one currency each, and "$", which names several and is read apart (``_currency``). The money patterns below, a
# title's terms (``posting``) and a perk budget's amount (``management``) are built from these.
CURRENCY_CODES = ("usd", "eur", "gbp", "inr", "cad", "aud", "sgd", "nzd", "hkd", "mxn", "chf", "clp", "cop", "ars", "pln", "dkk", "sek", "nok", "brl")
_SYMBOLS = {"£": "GBP", "€": "EUR", "₹": "INR"}
CURRENCY_SYMBOLS = "$" + "".join(_SYMBOLS)
_CODES = CURRENCY_CODES
# "C$120k", "A$150,000": the letters before "$" that name a dollar other than the US one (or the US one), and the
# Brazilian real ("R$ 12.000").
_PREFIXES = {"us": "USD", "c": "CAD", "ca": "CAD", "a": "AUD", "au": "AUD", "s": "SGD", "nz": "NZD", "hk": "HKD", "mx": "MXN", "r": "BRL"}
# What a figure may be counted in: thousands, millions, lakhs (a hundred thousand rupees; "LPA" a year) and crores
# (ten million rupees), as Indian postings write them ("₹18-26 Lacs P.A.", "₹1.1 Cr").
UNIT = r"k|m|lpa|lakhs?|lacs?|cr|crores?"
# What follows a count, not an amount: a share, hours, days ("€60 000 100% remote", "$45/hr - 40 hours a week").
_COUNT_AFTER = r"\s*(?:%|(?:hours?|hrs?|days?|weeks?|wks?|months?|years?|yrs?)\b)"
# A figure as written: "95,000", "95.000,00", "42.50", or with a space between thousands, as French and others write
# them ("85 000"), or an apostrophe, as the Swiss do ("120'000"), where the last three digits are no count of their own
# ("€60 000 100% remote" is €60,000, "€52 000 500+ colleagues" €52,000; not "€4 500+", "CLP 2 500 000+"); and what it
# is counted in ("120k", "18 LPA").
_GROUP_SEPARATORS = " \u00a0\u2009\u202f'’"
_LATER_GROUP = rf"[{_GROUP_SEPARATORS}](?:\d{{3}}(?!\+)|000(?=\+))"  # either, never both: no choice to backtrack over
_FIGURE = rf"\d(?:\d{{0,2}}[{_GROUP_SEPARATORS}]\d{{3}}(?:{_LATER_GROUP})*(?!\d|{_COUNT_AFTER})|(?:[\d,.]*\d)?)"
# Where a figure begins: at a digit that no digit or separator of a figure comes before, nor at a thousands group ("000"
# in "1 000 000" is the figure's), where money would be tried again for each of a long figure's groups.
_FIGURE_BEGINS = rf"(?<![\d,.])(?!(?<=\d[{_GROUP_SEPARATORS}])\d{{3}}(?!\d))"
# Taken whole (atomic): "$20 per day meal allowance" is no figure "$2" that a "0" follows. Nor is a figure that an
# apostrophe ends money: "SEK 45' - 55'" may be thousands written short, or a quotation's end ("'EUR 95'").
_COUNTED = rf"(?>{_FIGURE}(?!\d|[,.]\d|['’])(?:\s?(?:{UNIT})\b)?)"
# The ".-" that Swiss postings write after a whole amount, its currency before it ("CHF 120'000.- to 140'000.-"), where no
# figure follows the dash; or the full stop alone, where the dash is a range's and the figure after it ends in ".-" as
# well ("CHF 120'000.-140'000.-").
_WHOLE = rf"(?:\.[-–](?![\d{CURRENCY_SYMBOLS}])|\.(?=[-–]\d[\d'’]{{0,9}}\.[-–]))?"
# The same ".-" before a code that follows the figure: "120'000.- CHF", "120'000.- to 140'000.- CHF".
_WHOLE_BEFORE_CODE = r"(?:\.[-–](?=\s?[a-z]))?"
# A symbol after a figure ("95.000,00 €", "85 000 €"), unless a figure in thousands follows it on its line: in "2019 €80k"
# and "Salary for 2025 € 60.000" the symbol is the second figure's, in "2 500 € 13 mois" the first's.
_THOUSANDS_AFTER = r"[^\S\n]?\d(?:[\d,.]{3}|\d{0,2}[^\S\n]\d{3}|\d{0,2}\s?k\b)"
_SYMBOL_AFTER = rf"\s?[{CURRENCY_SYMBOLS}](?!{_THOUSANDS_AFTER})"
# A code after a figure, a word of its own ("95,000 USD", "120-150k CAD"; not "5 usda"), on the same terms, and not
# a thing the letters name that a word after them says: "2-3 CAD tools" are design software ("CAD/CAM", "CAD models").
_THING_NAMED = (
    r"[^\S\n]*(?:/[^\S\n]*cam\b|[^\S\n](?:tools?|software|drawings?|designs?|drafting|models?|modell?ing|files?|packages?|programs?|"
    r"systems?|platforms?|applications?|apps?|skills?|experience|licen[cs]es?|suites?|engineers?|designers?|courses?|projects?)\b)"
)
_CODE_AFTER_FIGURE = rf"\s?(?:{'|'.join(CURRENCY_CODES)})(?![a-z])(?!{_THOUSANDS_AFTER}|{_THING_NAMED})"
_CURRENCY_AFTER = rf"(?:{_SYMBOL_AFTER}|{_CODE_AFTER_FIGURE})"
# A figure in lakhs a year names its currency too: "LPA" is Indian pay ("CTC: 12-18 LPA"), where lakhs and crores
# alone count users and downloads as well ("2 lakh merchants").
_IN_LPA = rf"{_FIGURE_BEGINS}(?>{_FIGURE}(?!\d|[,.]\d)\s?lpa\b)"
# A figure with its currency: a symbol, a dollar with its prefix ("C$90,000", "R$ 12.000": the money begins at the
# prefix) or a code that ends no word before it ("CHF 120,000"; "years 2020" holds no pesos), a symbol or a code after
# it, or LPA.
_PREFIXED_DOLLAR = rf"(?<![a-z])(?:{'|'.join(_PREFIXES)})\$"
_MONEY = rf"(?:(?:{_PREFIXED_DOLLAR}|[{CURRENCY_SYMBOLS}]|(?<![a-z])(?:{'|'.join(CURRENCY_CODES)}))\s?{_COUNTED}{_WHOLE}|{_FIGURE_BEGINS}{_COUNTED}{_WHOLE_BEFORE_CODE}{_CURRENCY_AFTER}|{_IN_LPA})"
# Between the ends of a range: a dash, "to" or "up to" ("£45,000 up to £55,000"), a maximum ("min. £50,000, max.
# £60,000", "£50,000 and maximum £60,000"), and "and" after "between" ("between €3,600 and €4,400", "between CA$150,000
# and CA$178,000"; group ``between``).
_BETWEEN = r"(?:(?<=\bbetween\s)(?P<between>))?"
_TO = r"\s*(?:-|–|—|(?:up\s+)?to|(?(between)and|(?!))|(?:[,;/]\s*|(?:and|to)\s+)?max(?:imum|\.)?:?)\s*"
# The low end of a range whose currency comes after the high end only: "80.000 - 95.000 €", "95,000 - 120,000 USD".
_BARE_LOW = rf"{_FIGURE_BEGINS}{_COUNTED}{_WHOLE}(?={_TO}(?:{_COUNTED}{_WHOLE_BEFORE_CODE}{_CURRENCY_AFTER}|{_IN_LPA}))"
# What the pay is for: "$50-$70 per hour", "£550/day", "$120k - $150k a year", "£60,000 pa". The hour and the day
# are a rate's; a single figure for a month or a year is as often an allowance ("a $1,000 per year learning budget"),
# and one for a day is pay unless an allowance follows ("a $20 daily meal allowance").
# All in the figure's line: in "Salary: $120,000\nDaily standups" the next line's "Daily" is no period.
_PER = r"(?:[^\S\n]+(?:gross|net))?(?:[^\S\n]*/[^\S\n]*|[^\S\n]+(?:per|an?|each)[^\S\n]+)"  # "€4,400 gross per month"
_RATE_PERIOD = rf"(?:{_PER}(?:hour|hr|day)\b|[^\S\n]*(?:p/?[dh]\b|/[^\S\n]*[dh]\b(?!/))|[^\S\n]+(?:hourly|daily)\b)"  # "£500pd", "150 PLN/h"
_PERIOD = rf"(?:{_RATE_PERIOD}|{_PER}(?:week|wk|month|mo|year|yr|annum)\b|[^\S\n]+(?:weekly|monthly|annually|p\.?a\.?(?!\w)))"
# A perk named after the figure, in its line: in "£25 per hour\nTravel paid" the travel is the next line's.
_PERK = (
    r"[^\S\n]+(?:[\w-]+[^\S\n]+){0,2}?(?:stipends?|allowances?|budgets?|credits?|reimburs\w*|per\s+diem|meals?|lunch|food|travel|parking|coworking|wellness)\b"
)
# A figure without a currency after a dash is no range's high end when hours or a share follow: "$45/hr - 40 hours a week".
_NO_PAY_COUNT = rf"(?![\d,.]*\d|{_COUNT_AFTER})"
# Money as it is written: a range, with what it is for when that follows; one hourly or daily rate (group ``rate``);
# or one figure, with what it is for, and no perk after it. Run over ``lowered`` text, where ``money_written`` tries it.
# A "+" against one figure is "or more" ("$150k+", "$45+/hr"), where other money does not follow it: a figure, a share
# or a word against the "+" ("£30k+£10k OTE", "$150k+10% bonus", "£45k+car"), or a word of money or perks ("£500+ VAT").
_OR_MORE = (
    rf"\+(?![a-z\d{CURRENCY_SYMBOLS}]|[^\S\n]*(?:[\d{CURRENCY_SYMBOLS}]|(?:bonus|equity|stock|commissions?|comm|benefits|bens|super|rsus?|"
    r"options|shares|esops?|incentives?|variable|vat|tax|ote|car|pension|package|perks|allowances?|overtime|tips)\b))"
)


def _bound_word(word: str) -> str:
    """A bound's word after a figure, as written: "max", "min.", "(maximum)"."""
    return rf"[^\S\n]*\(?{word}(?:imum|\.)?(?![a-z])\)?"


# After one figure, a bound that leaves one end open, as one before it does: "$80,000 max", "£550/day (max)", "$80,000
# max per year".
_BOUND_WORD_AFTER = _bound_word("(?:max|min)")
# A low end that its minimum follows, and the range goes on, its maximum after the high end: "$60,000 min - $80,000 max",
# "£50,000 min, £60,000 max" (after a comma only with that maximum: "$60,000 min, $5,000 signing bonus" is no range).
_MIN_AFTER = _bound_word("min")
_MAX_AFTER = _bound_word("max")
MONEY_WRITTEN = re.compile(
    rf"{_BETWEEN}(?P<low>{_MONEY}|{_BARE_LOW})(?:(?:{_PERIOD}?{_TO}|(?P<min_after>{_MIN_AFTER})(?:{_TO}|[^\S\n]*(?P<comma>[,;/])[^\S\n]*))"
    rf"(?P<high>{_MONEY}|{_COUNTED}{_NO_PAY_COUNT}{_WHOLE})(?(comma){_MAX_AFTER}|(?(min_after)(?:{_MAX_AFTER})?)){_PERIOD}?"
    rf"|(?P<more>{_OR_MORE})?(?:(?P<rate>{_RATE_PERIOD})(?!{_PERK})|(?>{_PERIOD}?)(?!{_PERK}))(?:{_BOUND_WORD_AFTER}{_PERIOD}?)?)"
)  # one opening for all: a pattern that opens with alternatives is tried once for each at every character
# Before a single figure, a bound that leaves one end open: "up to $200,000" is the most, "from £50,000" the least,
# and "max. $80,000", "Maximum salary: $80,000" and their minimums. The words "up to" (or "upto", as Indian postings
# write it), not a step-up's end: "a salary step-up to £35,000" is the new salary.
_BOUNDED_PAY = r"(?:(?:\s+(?:annual|base|gross|starting)){0,2}\s+(?:salary|pay|compensation|rate)\s*:?)?(?:\s+of)?"
_BOUND_BEFORE = re.compile(
    rf"(?:(?P<most>\b(?<!\w-)up\s*to|\bmax(?:imum|\.)?{_BOUNDED_PAY}|\bas\s+much\s+as)|(?P<least>\bfrom|\bstarting\s+(?:at|from)|\bat\s+least|\bmin(?:imum|\.)?{_BOUNDED_PAY}))\s*\Z"
)
_BOUND = re.compile(_BOUND_BEFORE.pattern.removesuffix(r"\s*\Z"))
_BOUND_AFTER = re.compile(r"(?<![a-z])(?:(?P<most>max)|(?P<least>min))(?:imum)?(?![a-z])")  # in one figure's match: ``_BOUND_WORD_AFTER``
# A currency symbol after a figure: "95 000 €", "18 LPA ₹"; the figure may be the high end of a range.
_FIGURE_BEFORE = re.compile(rf"\d(?:\s?(?:{UNIT}))?\s?\Z")
_FIGURE_START = re.compile(rf"{_FIGURE_BEGINS}\d")
# What lies between the first figure of money and a currency after it: figures, units and a range's "to" ("80.000 -
# 95.000 €", "120 to 150k usd", "50 000, max. 60 000 eur"). A figure that something else comes after begins no money
# ending at that currency.
_FIGURES_RUN = re.compile(rf"(?:[\d,.'’\s\-–—/:;]|{UNIT}|to|up|and|max(?:imum)?)*")
_CODE_SET = frozenset(CURRENCY_CODES)
# A text's shape, a byte a character: a digit "0", an ASCII space " ", "0" for any character past ASCII ("?" after
# encoding), which may be a digit or a space too, and the rest as it is. A code before a figure or after it (and its
# unit: "120k usd") is found in it by ``re``'s fast search for a literal first character, a figure's digit, in a third
# of the time of a scan of the text for the codes; a letter beside the digit comes first, which few digits have.
_SHAPES = bytes.maketrans(b"0123456789?\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f", b"0" * 11 + b" " * 9)
_CODES_SHAPED = "|".join(CURRENCY_CODES).encode()
_CODE_BESIDE_FIGURE = re.compile(
    rb"0(?:(?<=[a-z]0)(?<=(?:%b)0)|(?<=[a-z] 0)(?<=(?:%b) 0)|(?=(?:\.-)?[ 0]?[a-z])(?=(?:\.-)?[ 0]?(?:(?:%b)(?:\.-[ 0]?|[ 0]))?(?:%b|lpa)(?![a-z])))"
    % (_CODES_SHAPED, _CODES_SHAPED, UNIT.encode(), _CODES_SHAPED)
)
_CODE_AFTER_UNIT = re.compile(rf"(?:\.[-–])?\s?(?:(?:{UNIT})(?:\.[-–]\s?|\s))?(?P<code>{'|'.join(CURRENCY_CODES)}|lpa)(?![a-z])")
_AMOUNT = re.compile(rf"(?P<number>{_FIGURE})(?:\s?(?P<unit>{UNIT})(?![a-z]))?")
_SPACES_IN_FIGURES = str.maketrans("", "", " \u00a0\u2009\u202f'’")
_UNITS = {"k": 1e3, "m": 1e6, **dict.fromkeys(("lpa", "lakh", "lakhs", "lac", "lacs"), 1e5), **dict.fromkeys(("cr", "crore", "crores"), 1e7)}
_RUPEE_UNITS = frozenset(_UNITS) - {"k", "m"}
_UNIT_ENDS = frozenset(unit[-1] for unit in _UNITS)
_CRORES = frozenset(("cr", "crore", "crores"))
_CODE = re.compile(r"(?<![a-z])(?:" + "|".join(_CODES) + r")(?![a-z])")
_CODE_AFTER = re.compile(r"\s*(?P<code>" + "|".join(_CODES) + r")(?![a-z])")  # "$120,000 - $140,000 CAD"
_CODE_BEFORE = re.compile(r"(?<![a-z])(?P<code>" + "|".join(_CODES) + r")\s*\Z")  # "CLP $4.200.000", "MXN $1,150,000"
_DOLLAR_PREFIX = re.compile(rf"(?<![a-z])(?P<prefix>{'|'.join(_PREFIXES)})\$")
# Where "$" may be another country's dollar: a posting that names one of these places, codes or prefixed dollars.
_OTHER_DOLLAR_PLACES = ("canad", "australi", "new zealand", "singapore", "hong kong")
# ISO codes are written in capitals ("cadence" is no code). Each is a scan of the text (2.5 us for 3,000 characters):
# a peso's code counts where it is written next to the amount ("CLP $4.200.000"), not anywhere.
_OTHER_DOLLAR_CODES = ("CAD", "AUD", "SGD", "NZD", "HKD", "MXN")
_OTHER_CODE = re.compile(r"(?<![A-Za-z])(?:" + "|".join(_OTHER_DOLLAR_CODES) + r")(?![A-Za-z])" + rf"(?!(?i:{_THING_NAMED}))")  # not "CAD software"
_PERIOD_WORDS: tuple[tuple[Period, str], ...] = (
    ("hour", r"hour|(?<![a-z])hr(?![a-z])|(?:(?<![a-z])p/?|/\s*)h(?![a-z])"),
    ("day", r"(?<![a-z])day|daily|(?:(?<![a-z])p/?|/\s*)d(?![a-z])"),
    ("week", r"week|(?<![a-z])wk(?![a-z])"),
    ("month", r"month|(?<![a-z])mo(?![a-z])"),
    ("year", r"year|(?<![a-z])yr(?![a-z])|annum|annual|(?<![a-z])p\.?a(?![a-z])|lpa"),
)
_PERIODS = tuple((period, re.compile(pattern)) for period, pattern in _PERIOD_WORDS)
# What the pay is for, named before it in its line: "Annual salary: $120,000", "Monthly gross salary of €4,000 - €5,000", "Hourly
# pay CAD 45-55", "the annual base salary range for this role is $150k-$180k", "Salary (monthly): ...".
_PERIOD_BEFORE = re.compile(
    r"(?:\b(?P<period>annual|yearly|monthly|weekly|daily|hourly)\s+(?:(?:base|gross|net|total|starting)\s+)*(?:salary|pay|compensation|rate|wage|ctc)"
    r"(?:\s+(?:range|band))?(?:\s+for\s+this\s+(?:role|position))?|\b(?:salary|pay|compensation|rate|wage|ctc)\s*\((?P<period_after>annual|yearly|monthly|weekly|daily|hourly)\))"
    r"(?:\s*[:\-–]|\s+(?:is|of))*\s*\Z"
)
_PERIOD_NAMED: dict[str, Period] = {"annual": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day", "hourly": "hour"}
_SHOWN_PERIOD = {"hour": "an hour", "day": "a day", "week": "a week", "month": "a month", "year": "a year"}
_SHOWN_SYMBOL = {"USD": "$", "GBP": "£", "EUR": "€", "INR": "₹"}
# How many times its low end a range's high end may be: the widest pay ranges are about twice it.
_WIDEST = 10
# The least amount pay is, in any currency pay is read in: the lowest hourly wages are more ($7.25 in the US).
_LEAST = 5
_INDIAN_GROUP = re.compile(r"(\d)(?=(?:\d\d)*\d{3}(?!\d))")  # a digit that two, four, ... and three more follow


@dataclass(frozen=True)
class Pay:
    """Pay as numbers: ``minimum`` and ``maximum`` (the same for one figure), ``currency`` an ISO 4217 code or None
    when "$" could be more than one country's dollar, ``period`` what the pay is for or None when the posting does not say.

    One figure with a bound states one end only, as a recruiter reads it: "up to $200,000" is a ``maximum`` of 200,000
    and no ``minimum`` (None: the pay may be lower); "from £50,000" (or "starting at", "at least", "minimum", "£50k+") is
    a ``minimum`` and no ``maximum``.
    """

    minimum: float | None
    maximum: float | None
    currency: str | None
    period: Period | None

    def to_dict(self) -> dict[str, object]:
        return {"minimum": self.minimum, "maximum": self.maximum, "currency": self.currency, "period": self.period}

    def describe(self) -> str:
        """In words: "$150,000-$180,000 a year", "£550 a day", "CAD 120,000-140,000", "$90,000 (which dollar is not clear)",
        "up to $200,000", "from €50,000", and rupees grouped in lakhs and crores as Indian postings write them:
        "₹12,00,000-₹18,00,000 a year"."""
        symbol = _SHOWN_SYMBOL.get(self.currency or "USD")
        before = symbol if symbol is not None else f"{self.currency} "
        grouped = _in_lakhs if self.currency == "INR" else _figure
        if self.minimum is not None and self.maximum is not None:
            low, high = grouped(self.minimum), grouped(self.maximum)
            amount = f"{before}{low}" if low == high else f"{before}{low}-{symbol or ''}{high}"  # "$1-$2", "CAD 1-2"
        elif self.maximum is not None:
            amount = f"up to {before}{grouped(self.maximum)}"
        else:
            amount = f"from {before}{grouped(self.minimum)}" if self.minimum is not None else "no amount"
        period = f" {_SHOWN_PERIOD[self.period]}" if self.period else ""
        unclear = " (which dollar is not clear)" if self.currency is None else ""
        return amount + period + unclear


def _figure(amount: float) -> str:
    return f"{amount:,.0f}" if amount == int(amount) else f"{amount:,.2f}"


def _in_lakhs(amount: float) -> str:
    """``_figure`` grouped as Indian amounts are, in thousands, lakhs and crores: "12,00,000" (12 lakh), "1,30,00,000"
    (1.3 crore); "1,200,000" reads as wrong to those who read them so."""
    whole, point, fraction = _figure(amount).replace(",", "").partition(".")
    return _INDIAN_GROUP.sub(r"\1,", whole) + point + fraction


def money_written(lower: str) -> Iterator[re.Match[str]]:
    """The matches of ``MONEY_WRITTEN.finditer(lower)``, tried only where one can begin: at a currency symbol (at the
    prefix of a dollar written "C$"), at a code followed by a figure (``_SHAPES``), and at the figures before a symbol
    or a code that comes after a figure, as ``spans.matches_from`` tries a pattern."""
    symbols = []
    for symbol in CURRENCY_SYMBOLS:
        at = lower.find(symbol)
        while at >= 0:
            symbols.append(at)
            at = lower.find(symbol, at + 1)
    starts = set(symbols)
    for at in symbols:  # a dollar's prefix begins its money: "C$90,000"
        if lower[at] == "$" and (prefix := _DOLLAR_PREFIX.search(lower, max(0, at - 2), at + 1)):
            starts.add(prefix.start())
    after_figures = []  # the symbols and codes that a figure comes before
    for at in symbols:
        before = lower[max(0, at - 2) : at].rstrip()[-1:]  # a figure's last digit or a unit's last letter, if one comes before
        if before and (before.isdigit() or before in _UNIT_ENDS) and _FIGURE_BEFORE.search(lower, max(0, at - 12), at):
            after_figures.append(at)
    shapes = lower.encode("ascii", "replace").translate(_SHAPES)
    for beside in _CODE_BESIDE_FIGURE.finditer(shapes):
        at = beside.start()
        if lower[max(0, at - 3) : at] in _CODE_SET:
            starts.add(at - 3)
        elif lower[max(0, at - 4) : at - 1] in _CODE_SET:
            starts.add(at - 4)
        if code := _CODE_AFTER_UNIT.match(lower, at + 1):
            after_figures.append(code.start("code"))
    for at in after_figures:
        starts.update(_figures_before(lower, at))
    end = 0
    for start in sorted(starts):
        if start >= end and (match := MONEY_WRITTEN.match(lower, start)):
            yield match
            end = match.end()


def _figures_before(lower: str, at: int) -> list[int]:
    """Where the figures begin that money with its currency at ``at`` may begin at: the nearest figure and the one
    before it (a range's ends: money ending at ``at`` holds no more), each with only figures, units and "to" between it
    and ``at`` (``_FIGURES_RUN``). Looked for back from ``at`` in windows that double, as far as a figure that begins
    far back ("1,000,000,...") takes: a run of figures ("1 1 1 ... 1 usd") costs no more than two of them."""
    found: list[int] = []
    window_end, size = at, 16
    while window_end > 0:
        window = max(0, window_end - size)
        # A figure's start is known by the digits after it: look past the window's end, and keep the starts inside it.
        starts = [figure.start() for figure in _FIGURE_START.finditer(lower, window, min(at, window_end + 4))]
        for start in reversed([start for start in starts if start < window_end]):
            if not _FIGURES_RUN.fullmatch(lower, start, found[-1] if found else at):
                return found
            found.append(start)
            if len(found) == 2:
                return found
        window_end, size = window, size * 2
    return found


def bound_start(lower: str, match: re.Match[str]) -> int:
    """Where the pay a ``MONEY_WRITTEN`` match writes begins: before the bound of a single figure or rate ("up to
    $200,000", "from £50,000", "up to £550 per day"), at the match otherwise."""
    if match.group("high") is not None:
        return match.start()
    bound = _BOUND_BEFORE.search(lower, max(0, match.start() - 40), match.start())
    return bound.start() if bound else match.start()


def read_pay(text: str, start: int = 0, end: int | None = None) -> Pay | None:
    """The pay that ``text[start:end]`` states ("$120k - $150k a year", "£500pd", "₹16-20 LPA", "up to $200,000"), or
    None when it holds no amount with a currency, or a range no pay spans ("2 - 95,000 USD") or an amount too small to
    be pay ("$2-$3"); the rest of ``text`` tells which dollar "$" is.

    Without ``end``, the first amount with a currency from ``start`` on, with the range, rate or period written with it
    and its bound: "5+ years of experience. Salary $120k - $150k a year" is $120,000-$150,000 a year (not 5 to 120,000),
    and a text of numbers without a currency is None. It reads money as written; ``Posting.pay`` reads the money that
    is a posting's pay (``Posting.salary``: not a bonus, a budget or a perk), and gives ``end``.

    Currency: the ISO code written ("SGD 170,000", "95,000 USD", "$120,000 CAD", "CLP $4.200.000"), the one a symbol names (£, €, ₹; lakhs and
    crores are rupees), the dollar a prefix names ("C$", "A$", "US$"), and "$" alone is USD only when the posting names no other
    dollar's currency or country (Canada, Australia, New Zealand, Singapore, Hong Kong, Mexico): None then.
    """
    lower = lowered(text)
    if end is None:
        written = next((match for match in money_written(lower) if match.start() >= start), None)
        if written is None:
            return None
        start, end = bound_start(lower, written), written.end()
    value = lower[start:end]
    read = _figures(value)
    if read is None:
        return None
    figures, in_rupee_units = read
    currency = _currency(text, lower, start, end, value, in_rupee_units)
    if currency is False:
        return None
    period = next((name for name, pattern in _PERIODS if pattern.search(value)), None)
    if period is None:  # named before the pay, in its line, or on the line above where the pay begins its line
        line = _line_start(lower, start)
        if line > 0 and not lower[line:start].strip(" \t\r-"):  # "Annual salary:\n$120,000 - $150,000"
            line = _line_start(lower, line - 1)
        if named := _PERIOD_BEFORE.search(lower, line, start):
            period = _PERIOD_NAMED[named.group("period") or named.group("period_after")]
    bound = (_BOUND.match(value) or _BOUND_AFTER.search(value)) if len(figures) == 1 else None
    if bound is not None:
        return Pay(None, figures[0], currency, period) if bound.group("most") else Pay(figures[0], None, currency, period)
    if len(figures) == 1 and "+" in value:  # "$150k+": no figure holds a "+", and "+ bonus" is no match's
        return Pay(figures[0], None, currency, period)
    return Pay(figures[0], figures[-1], currency, period)


def _line_start(lower: str, at: int) -> int:
    """Where the line that ``at`` is in begins, or 60 characters before ``at`` where it begins further back."""
    return max(lower.rfind("\n", max(0, at - 60), at) + 1, at - 60)


def spans_pay(written: str) -> bool:
    """Whether money as written (a ``MONEY_WRITTEN`` match, lower case) states an amount pay can be: not a range whose
    high end is many times its low end ("Product Manager 2 - 95,000 USD", "$0 - $150,000"), nor an amount too small
    to be pay ("$2-$3")."""
    return _figures(written) is not None


def _figures(value: str) -> tuple[list[float], bool] | None:
    """The figures ``value`` states, lowest first, and whether one is in lakhs or crores; None when it states none, an
    amount too small to be pay, or a range that no pay spans."""
    amounts = [(float(number), match.group("unit")) for match in _AMOUNT.finditer(value) if (number := _number(match.group("number"))) is not None][:2]
    if not amounts:
        return None
    figures = sorted(number * _UNITS[unit] if unit else number for number, unit in _unit_shared(amounts))
    if not all(math.isfinite(figure) for figure in figures) or figures[0] < _LEAST or (len(figures) == 2 and figures[1] > _WIDEST * figures[0]):
        return None
    return figures, any(unit in _RUPEE_UNITS for _, unit in amounts)


def _unit_shared(amounts: list[tuple[float, str | None]]) -> list[tuple[float, str | None]]:
    """A range that writes its unit once gives it to both ends: "$120-150k" (the low end shares the high end's) and
    "$120k-150" (the high end the low end's); "$150,000-200k" does not, its low end written whole. So do its thousands:
    "80 - 95 000 €" and "8 - 12 000 PLN" are from 80,000 and 8,000, where that makes a range, "2 - 95,000 USD" is not."""
    if len(amounts) == 2:
        (low, low_unit), (high, high_unit) = amounts
        if low_unit is None and high_unit is None and low < 1_000 <= high and low * 1_000 <= high <= low * 3_000:
            return [(low, "k"), (high, None)]
        if low_unit is None and high_unit is not None and low <= high:
            return [(low, high_unit), (high, high_unit)]
        if low_unit is None and high_unit in _CRORES and low > high:
            return [(low, "lakh"), (high, high_unit)]  # "₹75 - 1 Cr": from 75 lakhs to a crore
        if high_unit is None and low_unit is not None and low <= high < low * _UNITS[low_unit]:
            return [(low, low_unit), (high, low_unit)]
    return amounts


def _number(written: str) -> float | None:
    """A figure as written: "150,000", "101,000.00", "12,00,000" (Indian grouping), "60.000" (a full stop for
    thousands), "85 000" (a space for thousands), "42.50", "1.2"; None when its separators make no number ("1,2,3.4.5")."""
    written = written.translate(_SPACES_IN_FIGURES)
    if "," in written and "." in written:
        thousands, decimal = (",", ".") if written.rfind(".") > written.rfind(",") else (".", ",")
        written = written.replace(thousands, "").replace(decimal, ".")
    elif "," in written:
        written = written.replace(",", "") if len(written) - written.rfind(",") == 4 else written.replace(",", ".")
    elif written.count(".") > 1 or (written.count(".") == 1 and len(written) - written.find(".") == 4):
        written = written.replace(".", "")
    try:
        return float(written)
    except ValueError:
        return None


def _currency(text: str, lower: str, start: int, end: int, value: str, in_rupee_units: bool) -> str | None | Literal[False]:
    """The ISO code of the pay's currency, None for a dollar of unclear country, False when nothing names a currency."""
    code = _CODE.search(value)
    if code:
        return code.group().upper()
    beside = _CODE_AFTER.match(lower, end) or _CODE_BEFORE.search(lower, max(0, start - 5), start)
    if beside:
        return beside.group("code").upper()
    for symbol, name in _SYMBOLS.items():
        if symbol in value:
            return name
    if in_rupee_units:
        return "INR"
    if "$" not in value:
        return False
    prefix = _DOLLAR_PREFIX.search(lower, max(0, start - 2), end)
    if prefix:
        return _PREFIXES[prefix.group("prefix")]
    return None if _names_another_dollar(text, lower) else "USD"


def _names_another_dollar(text: str, lower: str) -> bool:
    """Whether the posting names a country or currency whose money is also written "$". Substring tests, not one
    pattern of them all: a pattern of many alternatives is tried at every character (30 against 100 us a posting)."""
    if any(place in lower for place in _OTHER_DOLLAR_PLACES) or ("mexic" in lower and lower.count("mexic") > lower.count("new mexic")):
        return True
    if _holds_a_code(text, _OTHER_DOLLAR_CODES) and _OTHER_CODE.search(text):
        return True
    at = lower.find("$")
    while at >= 0:
        prefix = _DOLLAR_PREFIX.search(lower, max(0, at - 2), at + 1)
        if prefix and prefix.group("prefix") != "us":
            return True  # "C$", "A$", "NZ$": not "US$"
        at = lower.find("$", at + 1)
    return False


def _holds_a_code(text: str, codes: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of the capitalised ``codes`` anywhere (``code in text`` for any of them). Capitals are
    rare in prose: finding each code's last letter and looking at the two before it is six times as fast as a scan of
    the text for every code."""
    for letter in {code[-1] for code in codes}:
        at = text.find(letter, 2)
        while at >= 0:
            if text[at - 2 : at + 1] in codes:
                return True
            at = text.find(letter, at + 1)
    return False
