"""Character spans into the text a field was read from."""

from __future__ import annotations

from dataclasses import dataclass


def lowered(text: str) -> str:
    """``text`` in lower case with every offset kept, for lower-case patterns that stand in for ``re.IGNORECASE``.

    Python's ``re`` runs a lower-case pattern over lower-cased text about twice as fast as ``re.IGNORECASE``
    over the original, and the spans it finds index the original text unchanged. A character whose lower case
    is longer ("İ" is "i" plus a combining dot) keeps the first character, and the lower-case letters that
    ``re.IGNORECASE`` matches to "i" and "s" ("ı", "ſ") become them, so both ways find the same matches.
    """
    lower = text.lower()
    if len(lower) != len(text):
        lower = "".join(ch.lower()[0] for ch in text)
    if "ı" in lower or "ſ" in lower:
        lower = lower.translate(_FOLDED)
    return lower


_FOLDED = str.maketrans({"ı": "i", "ſ": "s"})


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
    """The sentence or bullet that holds ``text[start:end]``: bounded by newlines, ``;`` or a full stop."""
    left = start
    while left > 0:
        ch = text[left - 1]
        if ch in "\n;•" or (ch == "." and left < len(text) and text[left].isspace()):
            break
        left -= 1
    right = end
    while right < len(text):
        ch = text[right]
        if ch in "\n;•" or (ch == "." and (right + 1 == len(text) or text[right + 1].isspace())):
            break
        right += 1
    return left, right
