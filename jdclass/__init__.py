"""jdclass: read a product-management job posting and tell which rung of the PM ladder it is, with evidence."""

__version__ = "0.1.0"

from jdclass.duties import Evidence  # noqa: E402
from jdclass.errors import JdclassError  # noqa: E402
from jdclass.levels import Level  # noqa: E402
from jdclass.model import LevelClassifier, load, train  # noqa: E402
from jdclass.posting import Posting, parse  # noqa: E402
from jdclass.result import Classification  # noqa: E402

__all__ = ["Classification", "Evidence", "JdclassError", "Level", "LevelClassifier", "Posting", "__version__", "load", "parse", "train"]
