"""Words hyphenated across a line break, as a PDF or a copy out of one has them ("Data Plat-\\nform"), joined again."""

from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import NamedTuple

# A hyphen ending a line, and the next line's first letter: spaces or tabs may trail the hyphen and indent the next
# line, and the line may end in CRLF. Only the ASCII hyphen: an en or em dash ends a clause, not a syllable. A blank
# line, a bullet ("- item") or a digit on the next line is no word going on. Opening with a literal "-" lets ``re``
# skip from hyphen to hyphen: on a posting of 2,400 characters the search takes 1.5 µs (``"-\n" in text`` 2.4 µs, a
# parse 575 µs), and it finds the breaks with spaces before a CRLF that a substring test would miss.
_BREAK = re.compile(r"-[ \t]*\r?\n[ \t]*(?=[^\W\d_])")
_WORD = re.compile(r"[^\W_]+")
_COMPOUND = re.compile(r"(?<![^\W_])[^\W_]++(?:-[^\W_]++)+")  # a look-behind and possessive runs: linear time
# spaCy's English lookup tables (spacy-lookups-data, a dependency): the forms and lemmas of the lemma look-up
# ("managers", "experienced") and WordNet's base forms ("infrastructure"). Their hyphenated entries are left out:
# the tables hold "infra-structure" and "e-mail" as well, so a compound listed is no evidence against the word.
# Compounds of job ads that a word table may also hold written as one word.
_COMPOUNDS = frozenset(["part-time", "full-time", "half-time", "self-serve", "self-service", "self-starter", "cross-team", "multi-year"])
_WORD_TABLES = ("en_lemma_lookup.json.gz", "en_lemma_index.json.gz")


def join_broken_words(text: str) -> str:
    """``text`` with each word that a hyphen broke at a line end joined again.

    "Plat-\\nform" becomes "Platform" when "platform" is a word (in English or elsewhere in ``text``);
    "self-\\nserve" becomes "self-serve" (a compound), as does any break that joins into no known word: the hyphen
    stays, so no word the posting does not hold is made up, and only the line break goes. Left as they are: a
    hyphen after a space, a digit or another hyphen ("3-\\n5 years", "---"), and one before a blank line, a bullet,
    a digit or the end of the text.
    """
    if _BREAK.search(text) is None:
        return text
    spellings: list[_Spellings] = []  # the text's own words, read the first time a break needs them

    def rejoin(match: re.Match[str]) -> str:
        head = _head_word(text, match.start())
        tail = _WORD.match(text, match.end())  # the pattern looks ahead to a letter, so there is one
        if not head or tail is None:
            return match.group()
        if not spellings:
            spellings.append(_Spellings.of(text))
        return "" if is_one_word(head, tail.group(), spellings[0]) else "-"

    return _BREAK.sub(rejoin, text)


class _Spellings(NamedTuple):
    """The words of a text in lower case, and the pairs it writes with a hyphen ("end-to-end": "end-to", "to-end")."""

    words: frozenset[str]
    compounds: frozenset[str]

    @classmethod
    def of(cls, text: str) -> _Spellings:
        lower = text.lower()
        chains = (chain.split("-") for chain in _COMPOUND.findall(lower))
        return cls(frozenset(_WORD.findall(lower)), frozenset(f"{first}-{second}" for parts in chains for first, second in pairwise(parts)))


def _head_word(text: str, hyphen: int) -> str:
    """The letters and digits just before ``hyphen``; empty unless the last of them is a letter."""
    start = hyphen
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    head = text[start:hyphen]
    return head if head[-1:].isalpha() else ""


def is_one_word(head: str, tail: str, context: _Spellings | None = None) -> bool:
    """True when ``head`` and ``tail``, split by a hyphen at a line end, are one word ("plat", "form"); False when they
    are a compound ("self", "serve") or not known either way.

    The posting's own spellings (``context``) are asked first: a word or compound it writes elsewhere is the author's.
    Else the joined word decides: one when it is English. The halves need no asking: a compound of two words and
    a break into fragments no table knows ("Kuber-netes") both keep their hyphen, the side that errs safe.
    """
    if not (head.isalpha() and tail.isalpha()):
        return False  # "B2B-focused": a code or number is not half a word
    if not (tail.islower() or (head.isupper() and tail.isupper())):
        return False  # "Self-Serve", "Cross-Functional": a word does not go on in capitals
    word, compound = (head + tail).lower(), f"{head}-{tail}".lower()
    if context is not None and compound in context.compounds:
        return False
    if compound in _COMPOUNDS:
        return False  # "part-time": a compound of job ads, though the tables know "parttime" as well
    return (context is not None and word in context.words) or word in known_words()


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """English words in lower case, letters only (about 115,000), read once from spacy-lookups-data's tables (0.1 s).

    Empty when the tables cannot be read: then every break keeps its hyphen, the safe side.
    """
    words: set[str] = set()
    try:
        folder = resources.files("spacy_lookups_data") / "data"
        for name in _WORD_TABLES:
            table = json.loads(gzip.decompress(folder.joinpath(name).read_bytes()))
            for key, value in table.items():  # the look-up maps a form to its lemma, the index a part of speech to words
                words.update((key, value) if isinstance(value, str) else value)
    except (ImportError, OSError, ValueError):
        return frozenset()
    return frozenset(word.lower() for word in words if word.isalpha())
