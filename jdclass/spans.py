"""Character spans into the text a field was read from."""

from __future__ import annotations

from dataclasses import dataclass


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
