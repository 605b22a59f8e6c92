import pytest

from jdclass import parse
from jdclass.report_words import duration, years_phrase


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("You have 5+ years of product management experience.", "5+ years asked"),
        ("You bring 3-5 years of product management experience.", "3-5 years asked"),
        ("You bring 6+ months of product internship experience.", "6+ months asked"),
        ("You bring 6-9 months of product internship experience.", "6-9 months asked"),
        ("You bring 18 months of product management experience.", "1.5+ years asked"),
        ("You have 2.5+ years of product management experience.", "2.5+ years asked"),
        ("You have 2.25+ years of product management experience.", "2.25+ years asked"),
        ("You have 1.75 years of product management experience.", "1.75+ years asked"),
        ("You will own the roadmap.", None),
        (
            "You bring 20+ years of experience, including 8+ years in executive product leadership.",
            "20+ years asked (8+ years in product management)",
        ),
        ("You bring 10+ years of experience, including 10+ years in product management.", "10+ years asked"),
        ("You bring 10-15 years of overall experience, including 8+ years in product management.", "10-15 years asked (8+ years in product management)"),
    ],
)
def test_years_phrase_says_what_was_asked(sentence: str, phrase: str | None) -> None:
    assert years_phrase(parse(f"Product Manager\n\n{sentence}\nYou will work with engineering.")) == phrase


@pytest.mark.parametrize(
    ("low", "high", "said"), [(5, None, "5+ years"), (3, 5, "3-5 years"), (0.5, None, "6+ months"), (0.5, 1, "6-12 months"), (0, None, "0+ years")]
)
def test_duration_reads_as_a_posting_says_it(low: float, high: float | None, said: str) -> None:
    assert duration(low, high) == said
