"""jdclass: read a product-management job posting and tell which rung of the PM ladder it is, with evidence."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Each public name and the module that defines it. They load on first use (PEP 562), so that importing a
# submodule, such as the command line's, does not first import scikit-learn and spaCy.
_PUBLIC = {
    "Classification": "jdclass.result",
    "Evidence": "jdclass.duties",
    "JdclassError": "jdclass.errors",
    "Level": "jdclass.levels",
    "LevelClassifier": "jdclass.model",
    "Posting": "jdclass.posting",
    "classify_many": "jdclass.batch",
    "load": "jdclass.model",
    "parse": "jdclass.posting",
    "train": "jdclass.training",
}
__all__ = [
    "Classification",
    "Evidence",
    "JdclassError",
    "Level",
    "LevelClassifier",
    "Posting",
    "__version__",
    "classify_many",
    "load",
    "parse",
]  # not ``train``: ``from jdclass import *`` would import scikit-learn (about a second) for a name classifying never uses

if TYPE_CHECKING:
    from jdclass.batch import classify_many
    from jdclass.duties import Evidence
    from jdclass.errors import JdclassError
    from jdclass.levels import Level
    from jdclass.model import LevelClassifier, load
    from jdclass.posting import Posting, parse
    from jdclass.result import Classification
    from jdclass.training import train as train  # public, but not in __all__ (above)


if not TYPE_CHECKING:  # type checkers see the imports above, so a misspelt name is an error there

    def __getattr__(name: str) -> Any:
        if name not in _PUBLIC:
            raise AttributeError(f"module 'jdclass' has no attribute {name!r}")
        value = getattr(importlib.import_module(_PUBLIC[name]), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_PUBLIC})
