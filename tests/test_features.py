import pytest
from sklearn.utils.estimator_checks import parametrize_with_checks

from jdclass.features import PostingFields, SpacyNormalizer


@parametrize_with_checks([SpacyNormalizer(), PostingFields()])
def test_sklearn_contract(estimator, check):
    check(estimator)


def test_normalizer_keeps_years_and_lemmas():
    out = SpacyNormalizer().fit(["x"]).transform(["Senior Product Manager\nYou will be Managing 3 PMs. 5+ years of product management experience."])
    assert out == ["manage pms yoe_4-5 product management experience"]


def test_normalizer_drops_company_age():
    (out,) = SpacyNormalizer().fit(["x"]).transform(["We were founded 20 years ago and build roadmaps."])
    assert "yoe" not in out and "20" not in out


def test_posting_fields_features():
    fields = PostingFields().fit(["10+ years of product management experience. You will manage a team of 6 product managers and own the P&L."])
    names = list(fields.get_feature_names_out())
    assert {"years=10-12", "direct_reports=4-9", "manages_product_managers", "pnl"} <= set(names)
    assert fields.transform(["Nothing here."]).nnz == 0  # "years=none" was never seen while fitting


def test_normalizer_rejects_a_bare_string():
    with pytest.raises(ValueError, match="expected a sequence of postings"):
        SpacyNormalizer().fit(["x"]).transform("one string")
