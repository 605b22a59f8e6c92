"""jdclass: read a product-management job posting and tell which rung of the PM ladder it is, with evidence."""

__version__ = "0.1.0"

from jdclass.batch import classify_many
from jdclass.duties import Evidence
from jdclass.errors import JdclassError
from jdclass.levels import Level
from jdclass.model import LevelClassifier, load, train
from jdclass.posting import Posting, parse
from jdclass.result import Classification

__all__ = ["Classification", "Evidence", "JdclassError", "Level", "LevelClassifier", "Posting", "__version__", "classify_many", "load", "parse", "train"]
