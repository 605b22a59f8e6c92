import re

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.lang.en.stop_words import STOP_WORDS

from jdclass.judgement import english_share

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


def test_english_share_of_english_and_of_other_languages() -> None:
    assert english_share("The Product Manager — owns the roadmap’s goals.") == 2 / 8  # the, product, manager, owns, the, roadmap, s, goals
    assert english_share("Le chef de produit définit la feuille de route.") == 0.0
    assert english_share("1234 — 5678") == 0.0
