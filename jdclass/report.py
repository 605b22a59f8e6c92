"""Plain-text renderings of results for the terminal; the CLI prints these, scripts may too."""

from __future__ import annotations

import json
from typing import Any

from jdclass.levels import Level
from jdclass.posting import Posting
from jdclass.result import Classification

BAR_WIDTH = 30


def to_json(data: Any) -> str:
    """The one JSON encoding jdclass writes: UTF-8 text, stable key order as given."""
    return json.dumps(data, ensure_ascii=False, indent=2)


def bar(probability: float, width: int = BAR_WIDTH) -> str:
    """A bar of ``#`` proportional to ``probability``."""
    return "#" * round(probability * width)


def signals_line(posting: Posting) -> str:
    """The parsed level signals in one line: years, people managed, P&L, reporting line."""
    scope = posting.management
    parts = []
    main = posting.main_years
    if main is not None and main.minimum is not None:
        bound = f"{main.minimum:g}-{main.maximum:g}" if main.maximum is not None else f"{main.minimum:g}+"
        parts.append(f"{bound} years asked")
    else:
        parts.append("no years stated")
    if posting.people_management_years is not None:
        parts.append(f"{posting.people_management_years:g}+ years managing people")
    if scope.direct_reports:
        parts.append(f"{scope.direct_reports} direct reports")
    elif scope.manages_product_managers:
        parts.append("manages product managers")
    if scope.manages_managers:
        parts.append("manages managers")
    if scope.pnl:
        parts.append("owns a P&L")
    elif scope.budget:
        parts.append("owns a budget")
    if scope.reports_to:
        parts.append(f"reports to: {scope.reports_to.replace('_', ' ')}")
    if scope.board:
        parts.append("board-facing")
    return "; ".join(parts)


def render_classification(result: Classification) -> str:
    """The human-readable report of one classification."""
    lines = [f"Level: {result.level.display_name} ({result.level.code}), {result.confidence:.0%}"]
    posting = result.posting
    if posting.title is not None and result.title_level is not None:
        lines.append(f'Title: "{posting.title.value}" reads as {result.title_level.display_name}')
    else:
        lines.append("Title: none found")
    lines.append(f"Content alone reads as: {result.content_level.display_name}")
    lines.append("")
    for level, probability in result.probabilities:
        lines.append(f"  {level.code:<5} {probability:>4.0%} {bar(probability)}")
    lines.append("")
    lines.append(f"Signals: {signals_line(posting)}")
    if result.evidence:
        lines.append(f"Evidence for {result.evidence[0].level.display_name}:")
        for item in result.evidence:
            sentence = " ".join(item.text.split())
            lines.append(f"  - {sentence}")
            lines.append(f"      matches: {item.duty}")
    elif result.level is Level.OTHER:
        lines.append("Evidence: the duties do not read as a product-management role.")
    return "\n".join(lines)


def render_posting(posting: Posting) -> str:
    """The parsed fields of a posting, one per line."""
    lines = [f"Title: {posting.title.value if posting.title else 'none'}"]
    if posting.title_level is not None:
        lines.append(f"Title level: {posting.title_level.level.code} (rule: {posting.title_level.rule})")
    lines.append(f"Company: {posting.company.value if posting.company else 'none'}")
    lines.append(f"Sections: {', '.join(s.kind + (f' ({s.heading})' if s.heading else '') for s in posting.sections) or 'none'}")
    for item in posting.years:
        upper = f"-{item.maximum:g}" if item.maximum is not None else "+"
        minimum = f"{item.minimum:g}" if item.minimum is not None else "?"
        status = "required" if item.required else "preferred"
        lines.append(f"Years: {minimum}{upper} ({item.field}, {status}): {posting.text[item.span.start : item.span.end]!r}")
    for degree in posting.education:
        lines.append(f"Education: {degree.level}{' in ' + degree.field if degree.field else ''} ({'required' if degree.required else 'preferred'})")
    lines.append(f"Signals: {signals_line(posting)}")
    for name in ("employment_type", "location", "remote", "salary"):
        value = getattr(posting, name)
        if value is not None:
            lines.append(f"{name.replace('_', ' ').capitalize()}: {value.value}")
    return "\n".join(lines)
