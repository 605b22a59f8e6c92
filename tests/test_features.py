import numpy as np
import pytest
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin, clone
from sklearn.exceptions import NotFittedError
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MaxAbsScaler
from sklearn.utils.estimator_checks import (
    check_get_params_invariance,
    check_no_attributes_set_in_init,
    check_parameters_default_constructible,
    parametrize_with_checks,
)

from jdclass.features import PostingFields, SpacyNormalizer
from jdclass.training import FamilyThenRung

TEXT_ESTIMATORS = [SpacyNormalizer(), PostingFields()]


@parametrize_with_checks(TEXT_ESTIMATORS + [FamilyThenRung()])
def test_sklearn_checks(estimator, check):
    # All three declare text input (input_tags.string), so sklearn runs the checks that apply and skips the numeric ones.
    check(estimator)


@pytest.mark.parametrize("estimator", TEXT_ESTIMATORS + [FamilyThenRung()], ids=lambda e: type(e).__name__)
@pytest.mark.parametrize("check", [check_no_attributes_set_in_init, check_parameters_default_constructible, check_get_params_invariance])
def test_text_transformers_meet_the_checks_that_apply(estimator, check):
    # The rest of sklearn's checks feed numeric arrays; these transformers take text, so those do not apply.
    check(type(estimator).__name__, estimator)


@pytest.mark.parametrize("estimator", TEXT_ESTIMATORS + [FamilyThenRung()], ids=lambda e: type(e).__name__)
def test_unfitted_estimators_refuse_to_transform(estimator):
    method = getattr(estimator, "transform", None) or estimator.predict_proba
    if isinstance(estimator, SpacyNormalizer):
        pytest.skip("SpacyNormalizer learns nothing; it declares requires_fit=False")
    with pytest.raises(NotFittedError):
        method(["Product Manager"])


def test_fit_returns_self_and_clone_keeps_params():
    normalizer = SpacyNormalizer(batch_size=8)
    assert normalizer.fit(["x"]) is normalizer
    assert clone(normalizer).get_params() == {"batch_size": 8}
    with pytest.raises(ValueError, match="batch_size must be a positive integer"):
        SpacyNormalizer(batch_size=0).fit(["x"])
    with pytest.raises(ValueError, match="unknown field groups"):
        PostingFields(groups=("salary",)).fit(["x"])


def test_normalizer_keeps_years_and_lemmas():
    out = SpacyNormalizer().fit(["x"]).transform(["Senior Product Manager\nYou will be Managing 3 PMs. 5+ years of product management experience."])
    assert out == ["manage pms yoe_5 product management experience"]


def test_normalizer_drops_company_age():
    (out,) = SpacyNormalizer().fit(["x"]).transform(["We were founded 20 years ago and build roadmaps."])
    assert "yoe" not in out and "20" not in out


def test_posting_fields_features():
    fields = PostingFields().fit(["10+ years of product management experience. You will manage a team of 6 product managers and own the P&L."])
    names = list(fields.get_feature_names_out())
    assert {"years=10", "direct_reports=4-9", "manages_product_managers", "pnl"} <= set(names)
    assert fields.transform(["Nothing here."]).nnz == 0
    # Years left unstated are no signal: real employers omit them at every level.
    assert not any(name.startswith("years") for name in PostingFields().fit(["Own the roadmap."]).get_feature_names_out())
    role_only = PostingFields(groups=("role",)).fit(["As a Senior Product Manager you will own search."])
    assert list(role_only.get_feature_names_out()) == ["self_title=SPM"]
    named = PostingFields(groups=("mentions",)).fit(["As a Senior Product Manager you will own search."])
    assert list(named.get_feature_names_out()) == ["mentions=SPM"]


@pytest.mark.parametrize(("groups", "boss_mentions"), [(("years", "management", "education", "role", "mentions"), False), (("role", "mentions"), True)])
def test_the_field_table_gives_the_fitted_fields_matrix(groups, boss_mentions):
    from jdclass.corpus import DEFAULT_CORPUS, load_corpus

    texts = [item.text for item in load_corpus(DEFAULT_CORPUS).postings[::40]]
    fields = PostingFields(groups=groups, boss_mentions=boss_mentions).fit(texts[::2])  # the other half holds features it never saw
    table = fields.table()
    for rows in (texts, texts[:1], ["Nothing here."]):
        ours, theirs = table.transform(rows), fields.transform(rows)
        assert ours.shape == theirs.shape and ours.dtype == theirs.dtype
        for name in ("indptr", "indices", "data"):
            assert np.array_equal(getattr(ours, name), getattr(theirs, name)), name


def test_the_boss_in_the_reporting_line_is_a_mention_for_the_family_only():
    text = "You will report to the Director of Product. Work beside our Senior Product Manager on search."
    everything = PostingFields(groups=("management", "mentions")).fit([text])
    assert {"reports_to=director", "mentions=DIR", "mentions=SPM"} <= set(everything.get_feature_names_out())
    rung = PostingFields(groups=("management", "mentions"), boss_mentions=False).fit([text])
    names = set(rung.get_feature_names_out())
    assert {"reports_to=director", "mentions=SPM"} <= names and "mentions=DIR" not in names


def test_normalizer_rejects_a_bare_string():
    with pytest.raises(TypeError, match="expected a sequence of postings"):
        SpacyNormalizer().fit(["x"]).transform("one string")


def test_family_then_rung_probabilities_multiply():
    X = np.array([[0.0], [0.1], [1.0], [1.1], [2.0], [2.1]])
    y = np.array(["OTHER", "OTHER", "PM", "PM", "SPM", "SPM"])
    model = FamilyThenRung(family=LogisticRegression(), rung=LogisticRegression()).fit(X, y)
    assert list(model.classes_) == ["OTHER", "PM", "SPM"]
    probabilities = model.predict_proba(X)
    assert np.allclose(probabilities.sum(axis=1), 1.0)
    assert list(model.predict(X[[0, 5]])) == ["OTHER", "SPM"]


class CountingLengths(TransformerMixin, BaseEstimator):
    """Texts to their lengths, counting the texts it transforms (a stand-in for spaCy and TF-IDF)."""

    def fit(self, X, y=None):
        self.transformed_ = 0
        return self

    def transform(self, X):
        self.transformed_ += len(X)
        return sparse.csr_matrix([[len(text)] for text in X], dtype=float)


class Vowels(TransformerMixin, BaseEstimator):
    """A stand-in for the parsed fields: the number of vowels, remembering how many texts it was fitted on."""

    def fit(self, X, y=None):
        self.fitted_on_ = len(X)
        return self

    def transform(self, X):
        return np.array([[sum(ch in "aeiou" for ch in text)] for text in X], dtype=float)


def test_family_then_rung_computes_the_text_features_once_for_both_models():
    texts = ["a", "bb", "ccc", "dddd", "eeeee", "ffffff"]
    y = ["OTHER", "OTHER", "PM", "PM", "SPM", "SPM"]
    text = Pipeline([("count", CountingLengths()), ("scale", MaxAbsScaler())])
    model = FamilyThenRung(text=text, family=LogisticRegression(), rung=LogisticRegression()).fit(texts, y)
    counter = model.text_.named_steps["count"]
    assert counter.transformed_ == 6  # fit: once for all postings; both models then take their rows
    model.predict_proba(["gg", "hhhhhhh"])
    assert counter.transformed_ == 8
    assert not hasattr(text.named_steps["count"], "transformed_")  # the parameter stays unfitted (sklearn's contract)


def test_family_then_rung_gives_each_model_its_own_fields():
    texts = ["aa", "be", "cie", "doae", "eeiou", "fauiea"]
    y = ["OTHER", "OTHER", "PM", "PM", "SPM", "SPM"]
    model = FamilyThenRung(
        text=CountingLengths(), family_fields=Vowels(), rung_fields=Vowels(), family=LogisticRegression(), rung=LogisticRegression(), fields_weight=0.5
    ).fit(texts, y)
    assert (model.family_fields_.fitted_on_, model.rung_fields_.fitted_on_) == (6, 4)  # the rung model learns from PM roles only
    assert model.family_.n_features_in_ == model.rung_.n_features_in_ == 2  # text beside fields
    features = model._with_fields(model._text(["aeiou"]), model.rung_fields_, ["aeiou"]).toarray()
    assert features.tolist() == [[5.0, 2.5]]  # the fields are weighted by fields_weight
    assert np.allclose(model.predict_proba(texts).sum(axis=1), 1.0)
