"""The product-management ladder: six rungs plus OTHER, with rung arithmetic."""

from __future__ import annotations

from enum import Enum

from jdclass.errors import UnknownLevel


class Level(Enum):
    """A rung of the PM ladder, ordered from Associate PM to Chief Product Officer; OTHER is off the ladder."""

    APM = ("APM", "Associate Product Manager", 0)
    PM = ("PM", "Product Manager", 1)
    SPM = ("SPM", "Senior Product Manager", 2)
    DIR = ("DIR", "Director of Product", 3)
    VP = ("VP", "VP of Product", 4)
    CPO = ("CPO", "Chief Product Officer", 5)
    OTHER = ("OTHER", "Not a product-management role", None)

    def __init__(self, code: str, display_name: str, rung: int | None) -> None:
        self.code = code
        self.display_name = display_name
        self.rung = rung

    @property
    def on_ladder(self) -> bool:
        """True for the six PM rungs, False for OTHER."""
        return self.rung is not None

    @classmethod
    def from_code(cls, code: str) -> Level:
        """The level for a code such as ``"SPM"`` (case-insensitive)."""
        if not isinstance(code, str):
            raise TypeError(f"a level code is a str such as 'SPM', not {type(code).__name__}")
        try:
            return cls[code.strip().upper()]
        except KeyError:
            codes = ", ".join(level.code for level in cls)
            raise UnknownLevel(f"unknown level {code!r}; expected one of {codes}") from None

    @classmethod
    def ladder(cls) -> tuple[Level, ...]:
        """The six rungs in order, without OTHER."""
        return _LADDER

    def distance(self, other: Level) -> int | None:
        """Rungs between two levels: 0 for the same level, None when exactly one of them is OTHER."""
        if self is other:
            return 0
        if self.rung is None or other.rung is None:
            return None
        return abs(self.rung - other.rung)

    # Levels key the probabilities of every result: hashed by identity in C, as each member is the only one of its
    # value, rather than by Enum's hash of the name in Python (about 65 hashes a posting in a batch).
    __hash__ = object.__hash__

    def __lt__(self, other: Level) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return _order(self) < _order(other)

    def __str__(self) -> str:
        return self.display_name


CODES: tuple[str, ...] = tuple(level.code for level in Level)
_LADDER: tuple[Level, ...] = tuple(level for level in Level if level.on_ladder)


def _order(level: Level) -> int:
    return -1 if level.rung is None else level.rung
