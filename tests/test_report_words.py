import pytest

from jdclass import parse
from jdclass.report_words import years_phrase


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("You have 5+ years of product management experience.", "5+ years asked"),
        ("You bring 3-5 years of product management experience.", "3-5 years asked"),
        ("You bring 6+ months of product internship experience.", "6+ months asked"),
        ("You bring 18 months of product management experience.", "18+ months asked"),
        ("You have 1.5 years of product management experience.", "18+ months asked"),
        ("You will own the roadmap.", None),
    ],
)
def test_years_phrase_says_what_was_asked(sentence: str, phrase: str | None) -> None:
    assert years_phrase(parse(f"Product Manager\n\n{sentence}\nYou will work with engineering.")) == phrase
