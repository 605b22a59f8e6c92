import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.lang.en.stop_words import STOP_WORDS

from jdclass.judgement import english_share, flags, pm_role_unsure, reads_as_english, verdict
from jdclass.levels import Level
from jdclass.posting import parse_text
from jdclass.report import signals_line, under_half

_PIECES = [
    "the",
    "The",
    "and",
    "of",
    "roadmap",
    "Manager",
    "owns",
    "’s",
    "•",
    "—",
    " ",
    "\n",
    "5+",
    "_",
    "x2",
    "²",
    "é",
    "İ",
    "K",
    "ǅ",
    "١",
    "ß",
    ".",
    "\ud800",
    "",
]


def _share_by_regex(text: str) -> float:
    """``english_share`` by its definition: runs of letters in the lower-cased text."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    return sum(word in STOP_WORDS for word in words) / len(words) if words else 0.0


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=15).map("".join))
def test_english_share_reads_the_words_its_definition_does(text: str) -> None:
    assert english_share(text) == _share_by_regex(text)


_ENGLISH_WORDS = ["the", "and", "of", "roadmap", "Manager", "é", "théâtre"]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(_ENGLISH_WORDS), max_size=300).map(" ".join),
    st.integers(0, 300),  # words that are no stop words before the rest: the share rises after the early words
    st.integers(0, 300),  # and after the rest: the share falls after the early words
    st.sampled_from([0.0, 0.05, 0.12, 0.3, 0.5, 1.0]),
)
def test_reads_as_english_agrees_with_the_share(text: str, head: int, tail: int, minimum: float) -> None:
    """Stopping the count early never changes the answer, on texts long enough to stop early and at every bar."""
    text = "roadmap " * head + text + " roadmap" * tail
    assert reads_as_english(text, minimum) == (english_share(text) >= minimum)


def test_english_share_of_english_and_of_other_languages() -> None:
    assert english_share("The Product Manager — owns the roadmap’s goals.") == 2 / 8  # the, product, manager, owns, the, roadmap, s, goals
    assert english_share("Le chef de produit définit la feuille de route.") == 0.0
    assert english_share("1234 — 5678") == 0.0


_NO_CUE = (
    "Shape how shoppers find products in our app.\n"
    "- Talk with shoppers every week and turn what you hear into problem statements.\n"
    "- Decide with design and engineering what ships next.\n"
)


@pytest.mark.parametrize(
    ("extra", "cues"),
    [
        ("", ()),
        ("- 5+ years of product management experience.\n", ("years",)),
        ("- You will manage two product managers.\n", ("scope",)),
        ("- Reports to the VP of Product.\n", ("scope", "role")),
        ("- You will report to our founders.\n", ("scope",)),
        ("- As a Senior Product Manager, you will own checkout.\n", ("role",)),
        ("- Work beside our Group Product Manager.\n", ("role",)),
        ("- 3 years in e-commerce; you will hire and grow the product team.\n", ("years", "scope")),
    ],
)
def test_a_body_with_no_level_cue_is_flagged(extra: str, cues: tuple[str, ...]) -> None:
    posting = parse_text(_NO_CUE + extra)
    assert posting.level_cues == cues
    probabilities = dict.fromkeys(Level, 0.0) | {Level.PM: 0.9, Level.OTHER: 0.1}
    assert ("no_level_cue" in flags(posting, probabilities, Level.PM)) is (not cues)


def test_a_stated_title_is_no_level_cue() -> None:
    posting = parse_text("Senior Product Manager\n\n" + _NO_CUE)
    assert posting.title_level is not None and posting.level_cues == ()


@pytest.mark.parametrize(
    ("other", "chosen", "unsure"),
    [(0.34, Level.PM, False), (0.36, Level.PM, True), (0.49, Level.PM, True), (0.5, Level.OTHER, True), (0.64, Level.OTHER, True), (0.66, Level.OTHER, False)],
)
def test_a_content_near_even_between_pm_and_other_is_flagged(other: float, chosen: Level, unsure: bool) -> None:
    probabilities = dict.fromkeys(Level, 0.0) | {Level.PM: 1 - other, Level.OTHER: other}
    assert pm_role_unsure(probabilities) is unsure
    assert ("pm_role_unsure" in flags(parse_text(_NO_CUE), probabilities, chosen)) is unsure
    # An OTHER read at 64% passes the low-confidence bar: only this flag says the answer is in doubt.
    assert "low_confidence" not in flags(parse_text(_NO_CUE), probabilities, Level.OTHER if other >= 0.5 else Level.PM)


_SENIOR_AD = "Senior Product Manager\n\nOwn the roadmap for the checkout team and work with design and engineering."


@pytest.mark.parametrize(
    ("level", "message"),
    [
        (
            Level.PM,
            (
                "Titled Senior Product Manager; the duties lean towards Product Manager: enough to set the level at Product Manager, "
                "not clearly enough to call the title wrong."
            ),
        ),
        (Level.SPM, "Titled Senior Product Manager; the duties lean towards Product Manager, but not clearly enough to question the title."),
        (None, "Titled Senior Product Manager; the duties lean towards Product Manager, but not clearly enough to question the title."),
    ],
)
def test_an_unsure_verdict_says_whether_the_level_left_the_title(level: Level | None, message: str) -> None:
    # Content leaning to PM at 55%, the title's rung at 30%: not enough to call the title wrong, maybe enough to move the level.
    content = dict.fromkeys(Level, 0.0) | {Level.PM: 0.55, Level.SPM: 0.30, Level.APM: 0.15}
    found = verdict(parse_text(_SENIOR_AD), content, Level.PM, level)
    assert (found.kind, found.mismatch, found.message) == ("unsure", False, message)


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("Sr. PM", "Titled Sr. PM (a Senior Product Manager title); the duties read as Director of Product, above the title."),
        ("Senior Product Manager, Payments", "Titled Senior Product Manager, Payments; the duties read as Director of Product, above the title."),
        ("APM, Growth", "Titled APM, Growth (an Associate Product Manager title); the duties read as Director of Product, above the title."),
    ],
)
def test_a_mismatch_verdict_names_the_rung_of_a_title_that_does_not_say_it(title: str, message: str) -> None:
    content = dict.fromkeys(Level, 0.0) | {Level.DIR: 0.9, Level.SPM: 0.05, Level.VP: 0.05}
    found = verdict(parse_text(f"{title}\n\nOwn the roadmap and work with engineering and design on what ships."), content, Level.DIR)
    assert (found.kind, found.message) == ("title_understates", message)


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        ("You bring 5+ years of people management experience.", "manages people"),
        ("You will have direct reports.", "manages people"),
        ("You will manage a team of product managers.", "manages product managers"),
        ("You will have direct reports. You will coach and develop the product managers.", "manages product managers"),
        ("Strong people management skills; you will coach the product managers.", "manages product managers"),
    ],
)
def test_the_signals_line_says_whom_the_role_manages_only_when_the_posting_does(sentence: str, said: str) -> None:
    assert signals_line(parse_text(f"Own the roadmap. {sentence}")).split("; ")[-1] == said


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # No title line: the role the body names is the first signal.
        ("The Senior Product Manager will own search.\nYou have 5+ years in product.", "the body calls the role Senior Product Manager; 5+ years asked"),
        # A title of another rung: the body's rung is worth seeing beside it.
        ("Product Manager\n\nAs a Senior PM, you will own search.", "the body calls the role Senior PM; no years stated"),
        # A title of the same rung says it already, as does the hire sentence that gave the title.
        ("Senior PM\n\nAs a Senior Product Manager, you will own search.", "no years stated"),
        ("We are hiring a Senior Product Manager to own search.", "no years stated"),
        ("You will own search.", "no years stated"),
        # A wish to learn the craft names no role, nor does the craft asked for; the role is its title alone.
        ("You want to learn product management from people who ship.", "no years stated"),
        ("You need product management experience in logistics.", "no years stated"),
        ("You will run the Disputes squad as its product manager, from discovery to launch.", "the body calls the role product manager; no years stated"),
    ],
)
def test_the_signals_line_names_the_role_the_body_names_when_no_title_says_it(text: str, said: str) -> None:
    assert signals_line(parse_text(text)) == said


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        ("This role reports to the CEO.", "reports to the head of the company"),
        ("You will report to our co-founder.", "reports to the head of the company"),
        # Whoever heads the company, however titled, is no "CEO" in the report's words.
        ("You will report to the General Manager.", "reports to the head of the company"),
        ("You will report to our President.", "reports to the head of the company"),
        ("You will report to the Managing Director.", "reports to the head of the company"),
        ("You report to the VP of Product.", "reports to a VP or the head of a business unit"),
        # ... and a unit's head is no VP in the posting's words.
        ("You will report to the General Manager of Imaging Informatics.", "reports to a VP or the head of a business unit"),
        ("You will report to the President, Asia Pacific.", "reports to a VP or the head of a business unit"),
        ("The role reports to the Board of Directors.", "reports to the board"),
        ("The role reports to the Chief Product Officer.", "reports to the CPO"),
        ("Reporting to the Head of Product, you will own search.", "reports to the Head of Product"),
        ("You will report to the Director of Product.", "reports to a director"),
        ("The role reports to the Chief Technology Officer.", "reports to a C-level executive"),
        ("You will report to a Group Product Manager.", "reports to a senior PM"),
        ("You will report to a Product Manager.", "reports to a PM"),
        # A boss named with no title of the ladder is not said to be a manager: a chair, a committee, a first name.
        ("You will report to the Head of Marketing.", "reports to someone with no PM-ladder title"),
        ("You will report to the Chairman.", "reports to someone with no PM-ladder title"),
        ("You will report to Priya.", "reports to someone with no PM-ladder title"),
    ],
)
def test_the_signals_line_says_the_reporting_line_as_a_reader_would(sentence: str, said: str) -> None:
    parts = signals_line(parse_text(f"Own the roadmap. {sentence}")).split("; ")
    assert [part for part in parts if part.startswith("reports to")] == [said]


def test_every_reporting_line_has_a_phrase() -> None:
    from jdclass.management import _BOSS_RULES
    from jdclass.report_words import _BOSSES

    assert {name for name, _ in _BOSS_RULES} | {"other"} == set(_BOSSES)


@pytest.mark.parametrize(("probability", "shown"), [(0.3, "30%"), (0.494, "49%"), (0.495, "49.5%"), (0.4969, "49.6%"), (0.4999, "49.9%")])
def test_a_probability_under_half_never_reads_as_50_percent(probability: float, shown: str) -> None:
    assert under_half(probability) == shown
