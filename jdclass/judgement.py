"""Putting the two judgements together: the title's level, the content's level, and how sure we are."""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from jdclass.levels import Level
from jdclass.posting import Posting
from jdclass.report_words import years_phrase

# A title and the content disagree only when the content is this sure of its own level...
MISMATCH_CONFIDENCE = 0.6
# ...and gives the title's level at most this much.
MISMATCH_TITLE_CEILING = 0.2
LOW_CONFIDENCE = 0.45
BETWEEN_SECOND = 0.25
MIN_WORDS = 40
MIN_ENGLISH_SHARE = 0.12
# pm_role_unsure: the content's chance of being no PM role at all is within this much of even (0.35 to 0.65),
# so the other answer to "is it a PM role?" has odds of about 1 to 2 or better.
FAMILY_UNSURE = 0.15
# Every flag ``flags`` can give, in the order it gives them.
FLAGS = ("too_short", "not_english", "low_confidence", "between", "pm_role_unsure", "no_level_cue")


@dataclass(frozen=True)
class Verdict:
    """Whether the stated title fits the content: ``kind`` is agrees, title_overstates, title_understates,
    title_not_pm, content_not_pm, no_title or unsure; ``message`` says it in a recruiter's words."""

    kind: str
    message: str

    @property
    def mismatch(self) -> bool:
        return self.kind in ("title_overstates", "title_understates", "title_not_pm", "content_not_pm")

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "mismatch": self.mismatch, "message": self.message}


def english_share(text: str) -> float:
    """Share of the words (runs of letters) that are English stop words: around 0.3-0.5 in English prose, near 0
    in other languages.

    When every letter and digit of the text is ASCII, as in most English ads whatever their curly quotes and
    bullets, the words are read from its UTF-8 bytes with every other byte made a space: the same words, at
    about half the cost of the regular expression.
    """
    words, stop = _words(text)
    return sum(map(stop.__contains__, words)) / len(words) if words else 0.0


def reads_as_english(text: str, minimum: float = MIN_ENGLISH_SHARE) -> bool:
    """Whether ``english_share(text) >= minimum``, counting only as many words as it takes to know.

    Splitting the text into words is most of the cost either way: stopping early saves 12-15% of ``english_share``'s
    time on bench and corpus postings (an English ad passes the bar after about half its words).
    """
    words, stop = _words(text)
    count = 0
    for start in range(0, len(words), _WORDS_AT_A_TIME):
        count += sum(map(stop.__contains__, words[start : start + _WORDS_AT_A_TIME]))
        if count / len(words) >= minimum:  # the same division as english_share: the whole count can only be larger
            return True
    return not words and minimum <= 0.0  # no words: a share of 0


def _words(text: str) -> tuple[list[bytes], Container[bytes]] | tuple[list[str], Container[str]]:
    """The words (runs of letters) of ``text`` in lower case, and the stop words to count among them."""
    if text.isascii() or not _NON_ASCII_ALNUM.search(text):
        # surrogatepass: an unpaired surrogate (text parsed without validation) is a separator, as in the regex.
        return text.encode(errors="surrogatepass").translate(_ASCII_LETTERS).split(), _ASCII_STOP_WORDS
    return _LETTER_RUN.findall(text.lower()), STOP_WORDS


_WORDS_AT_A_TIME = 64


_LETTER_RUN = re.compile(r"[^\W\d_]+")
# A letter or digit outside ASCII: ``\w`` is exactly what ``str.isalnum`` accepts, plus "_" (ASCII, excluded here).
_NON_ASCII_ALNUM = re.compile(r"[^\W\x00-\x7f]")
# Each byte to itself in lower case when it is an ASCII letter, to a space otherwise.
_ASCII_LETTERS = bytes(byte | 0x20 if chr(byte).isascii() and chr(byte).isalpha() else 0x20 for byte in range(256))
_ASCII_STOP_WORDS = frozenset(word.encode() for word in STOP_WORDS if word.isascii())


def flags(posting: Posting, probabilities: dict[Level, float], chosen: Level) -> tuple[str, ...]:
    """What a reader should know before trusting the ``chosen`` level: too_short, not_english, low_confidence,
    between, pm_role_unsure (a PM role and a neighbouring role are nearly as likely), no_level_cue (the body asks
    no years, states no management scope and names no role)."""
    found = []
    words = len(posting.text.split(maxsplit=MIN_WORDS))  # counted up to MIN_WORDS + 1, which is all the tests below need
    if words < MIN_WORDS:
        found.append("too_short")
    if (words >= 20 or len(posting.text) >= 200) and not reads_as_english(posting.text):  # CJK has no spaces
        found.append("not_english")
    if probabilities[chosen] < LOW_CONFIDENCE:
        found.append("low_confidence")
    if between(probabilities, chosen) is not None:
        found.append("between")
    if pm_role_unsure(probabilities):
        found.append("pm_role_unsure")
    if not posting.level_cues:
        found.append("no_level_cue")
    return tuple(found)


def pm_role_unsure(probabilities: dict[Level, float]) -> bool:
    """Whether the content is close to the line between a PM role and a neighbouring one: P(OTHER) near even.

    ``low_confidence`` does not say so: a rung's share is split among six rungs and falls below its bar long
    before the question "PM role or not?" is in doubt, while an OTHER read at 55% passes it.
    """
    return abs(probabilities.get(Level.OTHER, 0.0) - 0.5) < FAMILY_UNSURE


def between(probabilities: dict[Level, float], chosen: Level) -> tuple[Level, Level] | None:
    """The ``chosen`` level and an adjacent rung the content is nearly as likely to be, lower rung first."""
    neighbours = [level for level in probabilities if level is not chosen and chosen.distance(level) == 1]
    if not neighbours:
        return None
    runner_up = max(neighbours, key=lambda level: probabilities[level])
    if probabilities[runner_up] < BETWEEN_SECOND:
        return None
    low, high = sorted((chosen, runner_up))
    return low, high


def verdict(posting: Posting, content: dict[Level, float], content_level: Level, level: Level | None = None) -> Verdict:
    """Compare the title's level with the content's, and say so plainly when they differ by a rung or more.

    ``level`` is the overall level (title and content weighed together), when known: an unsure verdict then says
    whether the content was still enough to move the level off the title's rung.
    """
    reads_as = _reads_as(posting, content_level)
    if posting.title_level is None or posting.title is None:
        return Verdict("no_title", f"No title found; the duties{reads_as}.")
    title = posting.title_level.level
    titled = f"Titled {posting.title.value}"
    confident = content[content_level] >= MISMATCH_CONFIDENCE and content.get(title, 0.0) <= MISMATCH_TITLE_CEILING
    if title is content_level:
        return Verdict("agrees", f"{titled}; the duties{reads_as}, as the title says.")
    if title.on_ladder and title.display_name.lower() not in posting.title.value.lower():
        article = "an" if title.display_name[0] in "AEIOU" else "a"
        titled += f" ({article} {title.display_name} title)"  # the rung "Group PM" or "Sr. PM" names, beside the duties' rung
    if not confident:
        if level is not None and level is not title:
            return Verdict(
                "unsure",
                f"{titled}; the duties lean towards {content_level.display_name}: enough to set the level at {level.display_name}, "
                "not clearly enough to call the title wrong.",
            )
        return Verdict("unsure", f"{titled}; the duties lean towards {content_level.display_name}, but not clearly enough to question the title.")
    if title is Level.OTHER:
        return Verdict("title_not_pm", f"{titled}, which is not a product-management title; the duties{reads_as}.")
    if content_level is Level.OTHER:
        return Verdict("content_not_pm", f"{titled}; the duties do not read as a product-management role.")
    kind = "title_overstates" if title > content_level else "title_understates"
    return Verdict(kind, f"{titled}; the duties{reads_as}, {'below' if title > content_level else 'above'} the title.")


def _reads_as(posting: Posting, level: Level) -> str:
    if level is Level.OTHER:
        return " do not read as a product-management role"
    years = years_phrase(posting)
    return f"{' and the ' + years if years else ''} read as {level.display_name}"
