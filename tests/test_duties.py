"""Evidence: the sentences shown as a reader reads them, and only for duties they do not contradict."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jdclass.duties import plain_text


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("**Reports to:** the CPO", "Reports to: the CPO"),
        ("| Team | 6 PMs |", "Team · 6 PMs"),
        ("Remote (EU) | Full-time | Payments", "Remote (EU) · Full-time · Payments"),
        ("**Own** the *multi-year* roadmap for __payments__.", "Own the multi-year roadmap for payments."),
        ("***Hire*** and grow **the _whole_ team**", "Hire and grow the whole team"),
        ("Executive Leadership Team**", "Executive Leadership Team"),
        ("Keep event_name and user_id in every log line", "Keep event_name and user_id in every log line"),
        ("A 2 * 3 grid of tiles; terms apply*", "A 2 * 3 grid of tiles; terms apply*"),
        ("Lead the team of\n  five PMs.", "Lead the team of five PMs."),
    ],
)
def test_plain_text_reads_as_a_reader_does(text, plain):
    assert plain_text(text) == plain


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab *_|\n·"), max_size=40) | st.text(max_size=40))
def test_plain_text_takes_any_text(text):
    plain = plain_text(text)
    assert "**" not in plain and "|" not in plain and plain == " ".join(plain.split())


def test_evidence_shows_plain_text_and_keeps_its_offsets(classifier):
    text = (
        "# Senior Product Manager\n\n"
        "## What you'll do\n"
        "- **Own** the *multi-year* product strategy and roadmap for the payments area.\n"
        "- Mentor two **junior product managers** on discovery and delivery.\n"
        "| Scope | Set the multi-year direction for the payments area with product leadership |\n"
    )
    result = classifier.classify(text)
    shown = {item.plain for item in result.evidence}
    assert "Mentor two junior product managers on discovery and delivery." in shown
    assert "Own the multi-year product strategy and roadmap for the payments area." in shown
    assert "Scope · Set the multi-year direction for the payments area with product leadership" in shown
    for item in result.evidence:
        assert text[item.start : item.end] == item.text
        assert item.to_dict()["plain"] == plain_text(item.text) and item.to_dict()["text"] == item.text
