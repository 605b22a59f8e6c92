"""Small phrases about a posting, shared by the verdict and the reports."""

from __future__ import annotations

from jdclass.posting import Posting


def years_phrase(posting: Posting) -> str | None:
    """ "5+ years asked", "3-5 years asked", "6+ months asked", or None when the posting states no years."""
    main = posting.main_years
    if main is None or main.minimum is None:
        return None
    low, high, unit = main.minimum, main.maximum, "years"
    if low != int(low) or (high is not None and high != int(high)):  # months, kept in years to two decimals
        low, high, unit = round(low * 12), None if high is None else round(high * 12), "months"
    bound = f"{low:g}-{high:g}" if high is not None else f"{low:g}+"
    return f"{bound} {unit} asked"
