"""Plain-text renderings of results for the terminal; the CLI prints these, scripts may too."""

from __future__ import annotations

import json
import math
import textwrap
from typing import TYPE_CHECKING, Any

import click

from jdclass.duties import Evidence
from jdclass.levels import Level
from jdclass.posting import Posting
from jdclass.report_words import boss_phrase, duration, years_phrase
from jdclass.result import Classification

if TYPE_CHECKING:
    from jdclass.evaluation import Evaluation

BAR_WIDTH = 30
WIDTH = 80  # the report's lines, wrapped with a hanging indent; a posting's own text is printed as it is


def to_json(data: Any) -> str:
    """The one JSON encoding jdclass writes: UTF-8 text, stable key order as given."""
    return json.dumps(data, ensure_ascii=False, indent=2)


def bar(probability: float, width: int = BAR_WIDTH) -> str:
    """A bar of ``#`` proportional to ``probability``."""
    return "#" * round(probability * width)


def signals_line(posting: Posting) -> str:
    """The parsed level signals in one line: the role the body names, years, people managed, P&L, reporting line.

    The role the body names ("The Senior PM will own...") is given when no title says it already: without a title, or
    with a title of another rung.
    """
    scope = posting.management
    named = posting.self_reference
    title = posting.title_level
    parts = [f"the body calls the role {named.value}"] if named and (title is None or title.level is not named.level.level) else []
    parts += [years_phrase(posting) or ("no product-management years stated" if posting.people_management_years is not None else "no years stated")]
    if posting.people_management_years is not None:
        parts.append(f"{duration(posting.people_management_years)} managing people")
    if scope.direct_reports:
        parts.append(f"{scope.direct_reports} direct reports")
    elif scope.manages_product_managers:
        parts.append("manages product managers")
    elif scope.manages_people:
        parts.append("manages people")
    if scope.manages_managers:
        parts.append("manages managers")
    if scope.pnl:
        parts.append("owns a P&L")
    elif scope.budget:
        parts.append("owns a budget")
    if scope.reports_to:
        parts.append(f"reports to {boss_phrase(scope.reports_to)}")
    if scope.board:
        parts.append("board-facing")
    return "; ".join(parts)


LEVEL_COLORS = {
    Level.APM: "cyan",
    Level.PM: "green",
    Level.SPM: "yellow",
    Level.DIR: "magenta",
    Level.VP: "blue",
    Level.CPO: "red",
    Level.OTHER: "white",
}


def under_half(probability: float) -> str:
    """A probability under 0.5 as a percent that stays under 50%: whole ("49%"), but near the line one decimal, rounded
    down, since whole percent would read 0.496 as "50%" beside the words "under 50%"."""
    return f"{probability:.0%}" if probability < 0.495 else f"{math.floor(probability * 1000) / 10:.1f}%"


def flag_notes(result: Classification) -> list[str]:
    """One plain sentence per reason to doubt the level."""
    notes = []
    if "too_short" in result.flags:
        notes.append("the text is very short, so the level is little more than a guess")
    if "not_english" in result.flags:
        notes.append("the text does not look like English; jdclass reads English only, so the level is not reliable")
    if result.between is not None:
        low, high = result.between
        notes.append(f"the content sits between {low.display_name} and {high.display_name}")
    elif "low_confidence" in result.flags:
        notes.append("no level stands out in the content")
    overall = dict(result.probabilities)
    other = overall.get(Level.OTHER, 0.0)
    if result.level.on_ladder and other > result.confidence:  # the tallest bar is not the level: say why
        notes.append(f"not a PM role ({under_half(other)}) is likelier than any one rung, but under 50%, so the level shown is the likeliest rung")
    guess = bool({"too_short", "not_english"} & set(result.flags))  # the notes below would only repeat that the level is a guess
    if "pm_role_unsure" in result.flags and not guess:
        notes.append("the content is near the line between a PM role and a neighbouring role")
    if "no_level_cue" in result.flags and not guess:
        notes.append("the body asks no years, states no management scope and names no role, so the level rests on its topic words alone")
    return notes


def _paint(text: str, level: Level, color: bool, bold: bool = False) -> str:
    return click.style(text, fg=LEVEL_COLORS[level], bold=bold) if color else text


def marked_sentences(result: Classification) -> tuple[Evidence, ...]:
    """The sentences a view of the posting marks: the evidence the report lists, in text order, each for the rung it
    is evidence for; none for a posting read as not a PM role, which no rung's colour should claim."""
    if not result.level.on_ladder:
        return ()
    return tuple(sorted(result.evidence, key=lambda item: item.start))


def no_evidence(result: Classification) -> str:
    """What the evidence list says when it lists no sentence."""
    if result.level is Level.OTHER:
        return "the duties do not read as a product-management role"
    return f"no sentence matches the duties of {result.level.display_name} closely; the level rests on the posting as a whole"


def unmarked_reason(result: Classification) -> str | None:
    """Why a view of the posting marks no sentence, or None when it marks the evidence."""
    if not result.level.on_ladder:
        return "no sentence marked: it reads as not a product-management role"
    if not result.evidence:
        return f"no sentence marked: none matches the duties of {result.level.display_name} closely"
    return None


def highlighted_text(result: Classification, color: bool) -> str:
    """The posting with each sentence of ``marked_sentences`` painted in its rung's colour, or, without colour,
    marked with the rung's code in brackets before it ("[SPM] Own the strategy...")."""
    text = result.posting.text
    out, position = [], 0
    for item in marked_sentences(result):
        out.append(text[position : item.start])
        out.append(_paint(text[item.start : item.end], item.level, color) if color else f"[{item.level.code}] {text[item.start : item.end]}")
        position = item.end
    out.append(text[position:])
    return "".join(out)


def _wrapped(text: str, first: str, rest: str, width: int, paint: Any = None) -> list[str]:
    """``text`` in lines of at most ``width`` columns (a word longer than a line stays whole), the first after
    ``first`` and the others after ``rest``; ``paint`` colours each line's text, not its prefix."""
    lines = textwrap.wrap(text, width, initial_indent=first, subsequent_indent=rest, break_long_words=False, break_on_hyphens=False)
    if paint is None or not lines:
        return lines or [first.rstrip()]
    return [first + paint(lines[0][len(first) :])] + [rest + paint(line[len(rest) :]) for line in lines[1:]]


def render_classification(result: Classification, color: bool = False, show_text: bool = False, width: int = WIDTH) -> str:
    """The human-readable report of one classification; ``color`` adds ANSI colours, ``show_text`` the highlighted
    posting; the report's own lines are wrapped to ``width`` columns with a hanging indent."""
    level = result.level
    lines = [_paint(f"Level: {level.display_name} ({level.code}), {result.confidence:.0%}", level, color, bold=True)]
    lines += _wrapped(result.verdict.message, "Verdict: ", "  ", width)
    content = dict(result.content_probabilities)[result.content_level]
    lines.append(f"Content alone: {result.content_level.display_name} ({result.content_level.code}), {content:.0%}")
    for note in flag_notes(result):
        lines += _wrapped(f"{note}.", "Note: ", "  ", width)
    lines.append("")
    for each, probability in result.probabilities:
        lines.append(f"  {_paint(f'{each.code:<5}', each, color)} {probability:>4.0%} {_paint(bar(probability), each, color)}".rstrip())
    lines.append("")
    lines += _wrapped(signals_line(result.posting), "Signals: ", "  ", width)
    if result.posting.pay is not None:
        lines += _wrapped(result.posting.pay.describe(), "Pay: ", "  ", width)
    if result.evidence:
        lines.append(f"Evidence for {result.evidence[0].level.display_name}:")
        for item in result.evidence:
            lines += _wrapped(item.plain, "  - ", "    ", width, lambda piece, item=item: _paint(piece, item.level, color))
            lines += _wrapped(item.duty, "      matches: ", "        ", width)
    else:
        lines += _wrapped(f"{no_evidence(result)}.", "Evidence: ", "  ", width)
    if show_text:
        level, reason = result.level, unmarked_reason(result)
        if reason is not None:
            heading = f"Posting ({reason}):"
        elif color:
            heading = f"Posting (the evidence for {level.display_name} coloured {_paint(level.code, level, color)}):"
        else:
            heading = f"Posting (the evidence for {level.display_name} marked [{level.code}]):"
        lines += ["", *_wrapped(heading, "", "  ", width), "", highlighted_text(result, color)]
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
    if posting.pay is not None:
        lines.append(f"Pay: {posting.pay.describe()}")
    return "\n".join(lines)


FIGURE_NAMES = (
    ("accuracy", "accuracy"),
    ("macro_f1", "macro-F1"),
    ("within_one", "within one rung"),
    ("mean_rung_error", "mean rung error"),
    ("kappa", "weighted kappa"),
    ("other_f1", "OTHER-vs-PM F1"),
)


def _figure(value: object) -> str:
    return "n/a" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def _row_groups(heading: str, groups: dict[str, dict[str, Any]]) -> list[str]:
    """Accuracy and within-one on groups of the evaluated rows, under ``heading``; nothing when there are none."""
    if not groups:
        return []
    lines = ["", heading, f"  {'':<18}{'postings':>9}{'accuracy':>10}{'within one':>12}"]
    for name, figures in groups.items():
        lines.append(f"  {name:<18}{figures['n']:>9}{_figure(figures['accuracy']):>10}{_figure(figures['within_one']):>12}")
    return lines


def render_evaluation(evaluation: Evaluation) -> str:
    """The evaluation report: figures beside the baselines, per-level precision and recall, confusion, mistakes."""
    models = list(evaluation.figures)
    n = evaluation.figures["jdclass"]["n"]
    lines = [f"Evaluation: {evaluation.mode}, {n} postings", ""]
    lines.append(f"{'':<17}" + "".join(f"{name:>14}" for name in models))
    for key, name in FIGURE_NAMES:
        lines.append(f"{name:<17}" + "".join(f"{_figure(evaluation.figures[model][key]):>14}" for model in models))
    lines.append(f"{'calibration error':<17}{_figure(evaluation.calibration_error):>14}")
    lines += _row_groups("By what the body states (flag no_level_cue: no years, no management scope, no role named):", evaluation.by_cue)
    lines += _row_groups("By flag (a row may carry several):", evaluation.by_flag)
    lines += ["", "Per level:      precision   recall   support"]
    for code, figures in evaluation.per_level.items():
        lines.append(f"  {code:<12} {figures['precision']:>9.3f} {figures['recall']:>8.3f} {figures['support']:>9}")
    lines += ["", "Confusion (rows: truth, columns: predicted):", evaluation.confusion]
    if evaluation.mistakes:
        lines += ["", "Worst mistakes:"]
        for mistake in evaluation.mistakes:
            off = f"{mistake.distance} rung(s) off" if mistake.distance is not None else "PM versus OTHER"
            lines.append(f"  {mistake.row}: {mistake.truth} read as {mistake.predicted} ({mistake.confidence:.0%}, {off})")
            if mistake.evidence:
                lines.append(f"      evidence: {mistake.evidence[:160]}")
    return "\n".join(lines)
