"""A self-contained HTML report of one classification: no scripts, no external assets."""

from __future__ import annotations

from html import escape

from jdclass.levels import Level
from jdclass.report import flag_notes, marked_sentences, no_evidence, signals_line, unmarked_reason
from jdclass.result import Classification

# Background colours of the highlights, one per rung; light enough to read black text on.
HIGHLIGHT = {
    Level.APM: "#a5f3fc",
    Level.PM: "#bbf7d0",
    Level.SPM: "#fde68a",
    Level.DIR: "#f5d0fe",
    Level.VP: "#bfdbfe",
    Level.CPO: "#fecaca",
    Level.OTHER: "#e5e7eb",
}

_STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #111; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
.verdict { padding: 0.6rem 0.9rem; border-radius: 6px; background: #f3f4f6; border-left: 6px solid #6b7280; }
.verdict.mismatch { background: #fff7ed; border-left-color: #ea580c; }
.notes li { color: #92400e; }
table.bars { border-collapse: collapse; margin: 1rem 0; }
table.bars td { padding: 2px 8px; }
.bar { height: 14px; border-radius: 3px; }
.fields td { padding: 2px 10px 2px 0; vertical-align: top; }
.posting { white-space: pre-wrap; background: #fafafa; border: 1px solid #e5e7eb; padding: 1rem; border-radius: 6px; }
mark { border-radius: 3px; padding: 0 2px; color: #111; }
.legend span { padding: 1px 6px; margin-right: 6px; border-radius: 3px; }
.duty { color: #4b5563; font-size: 0.9em; }
"""


def _css() -> str:
    marks = "".join(f"mark.{level.code} {{ background: {color}; }}\n.legend .{level.code} {{ background: {color}; }}\n" for level, color in HIGHLIGHT.items())
    return _STYLE + marks


def render_html(result: Classification) -> str:
    """The report page: level and bars, the title-versus-content verdict, parsed fields, evidence, highlighted posting."""
    posting = result.posting
    text = posting.text
    marked, position = [], 0
    for item in marked_sentences(result):
        marked.append(escape(text[position : item.start]))
        marked.append(f'<mark class="{item.level.code}" title="{escape(item.duty)}">{escape(text[item.start : item.end])}</mark>')
        position = item.end
    marked.append(escape(text[position:]))
    bars = "".join(
        f"<tr><td>{level.code}</td><td>{escape(level.display_name)}</td><td>{probability:.0%}</td>"
        f'<td><div class="bar" style="width:{max(probability * 300, 1):.0f}px;background:{HIGHLIGHT[level]}"></div></td></tr>'
        for level, probability in result.probabilities
    )
    evidence = "".join(
        f'<li><mark class="{item.level.code}">{escape(item.plain)}</mark><br><span class="duty">matches: {escape(item.duty)}</span></li>'
        for item in result.evidence
    )
    notes = "".join(f"<li>{escape(note)}</li>" for note in flag_notes(result))
    fields = [
        ("Stated title", posting.title.value if posting.title else "none found"),
        ("Title reads as", result.title_level.display_name if result.title_level else "n/a"),
        ("Content reads as", result.content_level.display_name),
        ("Signals", signals_line(posting)),
        ("Education", ", ".join(f"{d.level} ({'required' if d.required else 'preferred'})" for d in posting.education) or "none stated"),
        ("Company", posting.company.value if posting.company else "not stated"),
        ("Pay", posting.pay.describe() if posting.pay else "not stated"),
    ]
    rows = "".join(f"<tr><td><strong>{escape(name)}</strong></td><td>{escape(value)}</td></tr>" for name, value in fields)
    reason = unmarked_reason(result)
    name = escape(result.level.display_name)
    legend = escape(_sentence(reason)) if reason else f'Marked: <span class="{result.level.code}">the evidence for {name}</span>'
    verdict_class = "verdict mismatch" if result.verdict.mismatch else "verdict"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>jdclass: {escape(result.level.display_name)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>{_css()}</style></head>
<body>
<h1 id="level">{escape(result.level.display_name)} <small>({result.level.code}, {result.confidence:.0%})</small></h1>
<p id="verdict" class="{verdict_class}" data-kind="{result.verdict.kind}">{escape(result.verdict.message)}</p>
{f'<ul class="notes">{notes}</ul>' if notes else ""}
<table class="bars">{bars}</table>
<h2>What jdclass read</h2>
<table class="fields">{rows}</table>
<h2>Evidence</h2>
<ol id="evidence">{evidence or f"<li>{escape(_sentence(no_evidence(result)))}</li>"}</ol>
<h2>The posting</h2>
<p class="legend">{legend}</p>
<div class="posting" id="posting">{"".join(marked)}</div>
<p class="duty">Model {escape(result.model_version)}</p>
</body></html>
"""


def _sentence(text: str) -> str:
    """``text`` as a sentence: a capital first, a full stop last."""
    return f"{text[:1].upper()}{text[1:]}."
