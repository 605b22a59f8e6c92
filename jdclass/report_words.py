"""Small phrases about a posting, shared by the verdict and the reports."""

from __future__ import annotations

from jdclass.posting import Posting


def duration(low: float, high: float | None = None) -> str:
    """A span of experience as a posting says it: "5+ years", "3-5 years", "2.5+ years"; under a year, "6+ months"."""
    unit = "years"
    if 0 < low < 1:  # a months requirement, kept in years to two decimals
        low, high, unit = round(low * 12), None if high is None else round(high * 12), "months"
    return f"{low:g}-{high:g} {unit}" if high is not None else f"{low:g}+ {unit}"


# The reporting line's codes (``management._BOSS_RULES``) as a reader says them, each true of every title the code
# takes: "ceo" is the company's head however titled (a founder, a president, a Managing Director or a General Manager
# of the company), "vp" a VP or the head of a business unit or region ("the General Manager of Imaging", "the President,
# Asia Pacific"), and "other" any boss named without a title of the PM ladder ("the Head of Marketing", "the Chairman",
# a first name).
_BOSSES = {
    "board": "the board",
    "ceo": "the head of the company",
    "cpo": "the CPO",
    "vp": "a VP or the head of a business unit",
    "head_of_product": "the Head of Product",
    "director": "a director",
    "executive": "a C-level executive",
    "senior_pm": "a senior PM",
    "pm": "a PM",
    "other": "someone with no PM-ladder title",
}


def boss_phrase(code: str) -> str:
    """The boss a reporting line names, as a reader says it: "the head of the company", "a director", "someone with
    no PM-ladder title"."""
    return _BOSSES.get(code, code.replace("_", " "))


_SAME_BREATH = 120  # characters between a total and the product years it includes, not a company blurb's "25+ years"


def years_phrase(posting: Posting) -> str | None:
    """ "5+ years asked", "3-5 years asked", "6+ months asked", "20+ years asked (8+ years in product management)", or
    None when the posting states no years."""
    main = posting.main_years
    if main is None or main.minimum is None:
        return None
    if main.field == "product_management":  # the headline; a larger total asked in the same breath is said first
        totals = [
            r
            for r in posting.years
            if r.field == "general"
            and r.required is main.required
            and r.minimum is not None
            and r.minimum > main.minimum
            and abs(r.span.start - main.span.start) <= _SAME_BREATH  # "10+ years of experience, including 5+ in product"
        ]
        if totals:
            total = max(totals, key=lambda r: r.minimum or 0)
            return f"{duration(total.minimum or 0, total.maximum)} asked ({duration(main.minimum, main.maximum)} in product management)"
    return f"{duration(main.minimum, main.maximum)} asked"
