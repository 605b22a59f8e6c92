"""Small phrases about a posting, shared by the verdict and the reports."""

from __future__ import annotations

from jdclass.posting import Posting


def years_phrase(posting: Posting) -> str | None:
    """ "5+ years asked", "3-5 years asked", or None when the posting states no years."""
    main = posting.main_years
    if main is None or main.minimum is None:
        return None
    bound = f"{main.minimum:g}-{main.maximum:g}" if main.maximum is not None else f"{main.minimum:g}+"
    return f"{bound} years asked"
