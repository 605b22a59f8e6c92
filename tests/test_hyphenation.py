import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jdclass.hyphenation import is_one_word, join_broken_words, known_words


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("Senior Product Manager, Data Plat-\nform", "Senior Product Manager, Data Platform"),
        ("mentor two associate product man-\nagers.", "mentor two associate product managers."),
        ("We are looking for an experi-\nenced product manager", "We are looking for an experienced product manager"),
        ("own the\nroad-\nmap for our data platform", "own the\nroadmap for our data platform"),
        ("Data Plat-   \nform", "Data Platform"),  # spaces after the hyphen
        ("Data Plat-\t\nform", "Data Platform"),
        ("Data Plat-\r\nform\r\nLondon", "Data Platform\r\nLondon"),  # CRLF: only the break's goes
        ("Data Plat-\n    form", "Data Platform"),  # the next line indented
        ("DATA PLAT-\nFORM", "DATA PLATFORM"),
        ("go-to-mar-\nket strategy", "go-to-market strategy"),
        ("years in data infra-\nstructure.", "years in data infrastructure."),
        ("Plat-\nform and Plat-\nform", "Platform and Platform"),
    ],
)
def test_a_word_broken_at_a_line_end_is_joined(text: str, joined: str) -> None:
    assert join_broken_words(text) == joined


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("a self-\nserve analytics product", "a self-serve analytics product"),
        ("work with cross-\nfunctional teams", "work with cross-functional teams"),
        ("own the end-\nto-end journey", "own the end-to-end journey"),
        ("ship B2B-\nfocused tools", "ship B2B-focused tools"),
        ("Senior Product Manager, Self-\nServe Analytics", "Senior Product Manager, Self-Serve Analytics"),
        ("a long-\nterm plan", "a long-term plan"),
        ("Kuber-\nnetes", "Kuber-netes"),  # neither a word nor known halves: the hyphen stays
    ],
)
def test_a_compound_broken_at_a_line_end_keeps_its_hyphen(text: str, joined: str) -> None:
    assert join_broken_words(text) == joined


def test_the_postings_own_spelling_decides_before_the_word_tables() -> None:
    assert join_broken_words("the road-map, and the road-\nmap") == "the road-map, and the road-map"
    assert join_broken_words("We run Kubernetes; Kuber-\nnetes skills help") == "We run Kubernetes; Kubernetes skills help"
    assert join_broken_words("end-to-end, and end-\nto") == "end-to-end, and end-to"


@pytest.mark.parametrize(
    "text",
    [
        "Requirements\n- SQL\n- Python\n",  # bullets
        "Skills -\nSQL",  # a dash after a space
        "A list-\n\n- item",  # a blank line after the hyphen
        "A list-\n- item",  # a bullet on the next line
        "Data Plat—\nform and Plat–\nform",  # em and en dashes
        "3-\n5 years of experience",  # a range of numbers
        "Web3-\nnative, Q3-\n4",  # a digit on either side
        "Senior Product Manager, Data Plat-",  # a hyphen at the end of the text
        "Senior Product Manager, Data Plat-\n",
        "Data Plat-\n\nform",
        "---\n# Senior Product Manager\ntext\n---\nmore",  # Markdown rules
        "under the rule---\nnext line",
        "Salary: $120k-\n$140k",
    ],
)
def test_what_is_no_broken_word_is_left_as_it_is(text: str) -> None:
    assert join_broken_words(text) == text


def test_a_text_without_a_break_is_the_same_object() -> None:
    text = "Senior Product Manager\n- 7+ years of product management experience\n"
    assert join_broken_words(text) is text


@pytest.mark.parametrize(
    ("head", "tail", "one_word"),
    [("plat", "form", True), ("man", "agers", True), ("self", "serve", False), ("B2B", "focused", False), ("Self", "Serve", False), ("kuber", "netes", False)],
)
def test_is_one_word_asks_the_joined_word(head: str, tail: str, one_word: bool) -> None:
    assert is_one_word(head, tail) is one_word


def test_the_word_tables_hold_words_not_compounds() -> None:
    words = known_words()
    assert {"platform", "managers", "experienced", "roadmap", "infrastructure"} <= words
    assert not {"selfserve", "crossfunctional", "infra-structure", "long-term"} & words


_PIECES = ["-", "\n", " ", "\t", "\r", "—", "a", "Z", "é", "3", "_", "plat", "form", "self", "serve", "\n- "]
_BREAKS = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_BREAKS, st.text(max_size=200)))
def test_joining_only_removes_break_characters_and_is_idempotent(text: str) -> None:
    joined = join_broken_words(text)
    assert join_broken_words(joined) == joined
    assert [ch for ch in joined if ch not in "- \t\r\n"] == [ch for ch in text if ch not in "- \t\r\n"]
    assert len(joined) <= len(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_BREAKS, st.text(max_size=200)))
def test_a_text_with_no_hyphen_at_a_line_end_is_unchanged(text: str) -> None:
    if not re.search(r"-[ \t]*\r?\n", text):
        assert join_broken_words(text) is text


def test_a_first_half_that_writers_hyphenate_keeps_its_hyphen() -> None:
    assert join_broken_words("part-\ntime, full-\ntime, re-\nview, pre-\nsent") == "part-time, full-time, review, present"


def test_a_compound_of_job_ads_keeps_its_hyphen_and_a_suffix_joins() -> None:
    assert join_broken_words("part-\nly remote and multi-\nplied, part-\ntime") == "partly remote and multiplied, part-time"
