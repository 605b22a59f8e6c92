"""Character spans into the text a field was read from."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass


def lowered(text: str) -> str:
    """``text`` in lower case with every offset kept, for lower-case patterns that stand in for ``re.IGNORECASE``.

    Python's ``re`` runs a lower-case pattern over lower-cased text about twice as fast as ``re.IGNORECASE``
    over the original, and the spans it finds index the original text unchanged. A character whose lower case
    is longer ("İ" is "i" plus a combining dot) keeps the first character, and the lower-case letters that
    ``re.IGNORECASE`` matches to "i" and "s" ("ı", "ſ") become them, so both ways find the same matches.
    The last text and its lower case are kept: parsing asks for the same text's lower case six times.
    """
    global _last
    last = _last  # one tuple, swapped whole: a thread reads the old pair or the new one
    if last[0] is text:
        return last[1]
    lower = text.lower()
    if len(lower) != len(text):
        lower = "".join(ch.lower()[0] for ch in text)
    if "ı" in lower or "ſ" in lower:
        lower = lower.translate(_FOLDED)
    _last = (text, lower)
    return lower


# A word boundary checked behind a pattern's first letter: ``r"p" + BOUNDARY_BEHIND + "nl"`` is ``\bpnl``. A pattern
# that opens with a letter lets ``re`` skip ahead to that letter, where one that opens with ``\b`` is tried at
# every character (3 to 20 times slower, measured on the degree and P&L patterns).
BOUNDARY_BEHIND = r"(?<!\w.)"


def at_word_start(word: str) -> str:
    """A pattern for ``word`` where a word begins (``\\bword`` for a word that opens with a letter), its boundary
    checked behind the whole word: ``re`` skips ahead to the word itself, where ``BOUNDARY_BEHIND`` lets it skip ahead
    to the first letter only."""
    return re.escape(word) + rf"(?<!\w.{{{len(word)}}})"


def matches_from(pattern: re.Pattern[str], text: str, starts: tuple[str, ...], pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text, pos, endpos)``, for a pattern whose every match begins with one of
    ``starts`` and which never matches the empty string.

    ``re`` tries a pattern that opens with ``\\b`` or a group at every character of the text. Finding where each
    start occurs with ``str.find``, and trying the pattern only there, gives the same matches in the same order
    at a fraction of the cost: ``pattern.match`` at an offset still sees the text before it, so a ``\\b`` or a
    look-behind at the start holds as it does in a scan (tests/test_posting.py checks the patterns that use it).
    """
    last = len(text) if endpos is None else endpos
    if pos == 0 and last == len(text):
        return matches_at(pattern, text, occurrences(text, starts))
    positions: list[int] = []
    find = text.find
    for start in starts:
        position = find(start, pos, last)  # a start cut off by ``endpos`` begins no match: a match holds its start whole
        while position >= 0:
            positions.append(position)
            position = find(start, position + 1, last)
    positions.sort()
    return matches_at(pattern, text, positions, last)


def occurrences(text: str, words: tuple[str, ...]) -> list[int]:
    """Every offset in ``text`` where one of ``words`` begins, in order (overlapping ones too), as a new list.

    Where each word occurs in the last text is kept: the patterns tried over one text share many starts ("manag",
    "lead", "as", "product"), and finding one reads the whole text.
    """
    global _found
    kept = _found  # one pair, swapped whole: a thread reads the old pair or the new one
    found = kept[1] if kept[0] is text else {}
    if found is not kept[1]:
        _found = (text, found)
    positions: list[int] = []
    find = text.find
    for word in words:
        at = found.get(word)
        if at is None:
            at = []
            position = find(word)
            while position >= 0:
                at.append(position)
                position = find(word, position + 1)
            found[word] = at  # whole: another thread may read it
        positions += at
    positions.sort()
    return positions


def words_before(text: str, positions: list[int]) -> list[int]:
    """Where each of the three words before each of ``positions`` in ``text`` begins (a word is a run of ``\\w``,
    what lies between words is passed over, and a position inside a word counts the part before it as one): with the
    positions themselves, the places to try a pattern that begins at most three words before a word it holds
    (``matches_at``). The words are found by one pattern run from each position over the text reversed."""
    if not positions:
        return []
    backwards, length = text[::-1], len(text)
    starts = []
    for position in positions:
        words = _THREE_WORDS_BACK.match(backwards, length - position)
        if words:
            starts += [length - end for end in map(words.end, (1, 2, 3)) if end >= 0]
    return starts


def matches_at(pattern: re.Pattern[str], text: str, positions: list[int], endpos: int | None = None) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text, 0, endpos)``, for a pattern that never matches the empty string and
    can begin a match only at ``positions`` (in order; the same one may come twice)."""
    last = len(text) if endpos is None else endpos
    end = 0
    for position in positions:
        if position >= end and (match := pattern.match(text, position, last)):
            yield match
            end = match.end()


def starts_pattern(starts: tuple[str, ...], followed_by: dict[str, str] | None = None) -> re.Pattern[str]:
    """A pattern that matches the first character of each place in a text where one of ``starts`` begins, and, for a
    start in ``followed_by``, where that pattern follows it: the places ``matches_where`` tries a pattern at.

    In a window of a few dozen characters, one scan with it costs less than a ``str.find`` for each start (``re``
    skips ahead to the characters that begin one), and what must follow a short start ("a" only before "t " or a
    space) passes over the places where it occurs inside a word.
    """
    rests: dict[str, list[str]] = {}
    for start in starts:
        rests.setdefault(start[0], []).append(re.escape(start[1:]) + (f"(?:{followed_by[start]})" if followed_by and start in followed_by else ""))
    return re.compile("|".join(re.escape(first) + ("" if "" in after else f"(?={'|'.join(after)})") for first, after in rests.items()))


def matches_where(pattern: re.Pattern[str], text: str, where: re.Pattern[str], pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text, pos, endpos)``, for a pattern that never matches the empty string and
    can begin a match only where ``where``, a pattern whose every match is one character (``starts_pattern``), matches."""
    last = len(text) if endpos is None else endpos
    end = 0
    for place in where.finditer(text, pos, last):
        position = place.start()
        if position >= end and (match := pattern.match(text, position, last)):
            yield match
            end = match.end()


def trimmed(text: str, start: int, end: int, edges: frozenset[str] | str = "") -> tuple[int, int]:
    """``(start, end)`` narrowed past the spaces and ``edges`` characters at both ends of ``text[start:end]``."""
    while start < end and (text[start].isspace() or text[start] in edges):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in edges):
        end -= 1
    return start, end


_FOLDED = str.maketrans({"ı": "i", "ſ": "s"})
_last: tuple[str, str] = ("", "")
_found: tuple[str, dict[str, list[int]]] = ("", {})
_clause_ends: tuple[str, int, list[int] | None] = ("", 0, None)  # a text, its clauses read, its clause ends
_THREE_WORDS_BACK = re.compile(r"\W*(\w+)(?:\W*(\w+)(?:\W*(\w+))?)?")  # run over the text reversed


@dataclass(frozen=True)
class Span:
    """Half-open character range ``[start, end)`` into the parsed text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        """The slice of ``text`` this span covers."""
        return text[self.start : self.end]

    def to_list(self) -> list[int]:
        return [self.start, self.end]


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence or bullet that holds ``text[start:end]``: bounded by newlines, ``;``, ``•`` or a full stop
    followed by a space (or the end of the text, on the right).

    A degree or years pattern asks for the clause of each match. Read from the text each time, a line of a thousand
    "MBA"s was read a thousand times: past a text's first ``_CLAUSES_READ`` clauses, where its clauses end is found
    once and kept (for the last text), and bisected."""
    global _clause_ends
    kept = _clause_ends  # one triple, swapped whole: a thread reads the old one or the new one
    if kept[0] is not text:
        kept = (text, 0, None)
    ends = kept[2]
    if ends is None:
        if kept[1] < _CLAUSES_READ:
            _clause_ends = (text, kept[1] + 1, None)
            return _clause_read(text, start, end)
        ends = [stop.start() for stop in _CLAUSE_END.finditer(text)]
        _clause_ends = (text, kept[1], ends)
    before = bisect_left(ends, start)
    if before and ends[before - 1] == len(text) - 1 and text[-1] == ".":
        before -= 1  # a full stop that ends the text ends a clause, and begins none
    after = bisect_left(ends, end)
    return (ends[before - 1] if before else -1) + 1, ends[after] if after < len(ends) else len(text)


# How many clauses of a text are read from it, each: a posting asks for a few, and finding every clause end of a
# text costs more than reading those (5% of parsing the bench postings).
_CLAUSES_READ = 16


def _clause_read(text: str, start: int, end: int) -> tuple[int, int]:
    """``clause_around``, read from the text."""
    left = max(text.rfind("\n", 0, start), text.rfind(";", 0, start), text.rfind("•", 0, start))
    for stop in _FULL_STOP.finditer(text, left + 1, min(start + 1, len(text))):
        if stop.start() < start:
            left = stop.start()
    right = _CLAUSE_END.search(text, end)
    return left + 1, right.start() if right else len(text)


_FULL_STOP = re.compile(r"\.(?=\s)")
_CLAUSE_END = re.compile(r"[\n;•]|\.(?=\s|\Z)")
