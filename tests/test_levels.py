import pytest

from jdclass.errors import UnknownLevel
from jdclass.levels import CODES, Level


def test_ladder_order_codes_and_names():
    assert [level.code for level in Level.ladder()] == ["APM", "PM", "SPM", "DIR", "VP", "CPO"]
    assert CODES[-1] == "OTHER"
    assert Level.DIR.display_name == "Director of Product"
    assert str(Level.OTHER) == "Not a product-management role"
    assert sorted([Level.CPO, Level.APM, Level.OTHER, Level.SPM]) == [Level.OTHER, Level.APM, Level.SPM, Level.CPO]


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("APM", "APM", 0),
        ("APM", "PM", 1),
        ("PM", "APM", 1),
        ("APM", "CPO", 5),
        ("SPM", "VP", 2),
        ("OTHER", "OTHER", 0),
        ("OTHER", "PM", None),
        ("CPO", "OTHER", None),
    ],
)
def test_distance(a, b, distance):
    assert Level.from_code(a).distance(Level.from_code(b)) == distance


def test_from_code_is_case_insensitive_and_rejects_unknown_codes():
    assert Level.from_code(" spm ") is Level.SPM
    with pytest.raises(UnknownLevel, match="unknown level 'MGR'; expected one of APM, PM, SPM, DIR, VP, CPO, OTHER"):
        Level.from_code("MGR")
