"""TokenTfidf: scikit-learn's TF-IDF matrix, counted without the per-text analyzer."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse
from sklearn.base import clone
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.estimator_checks import check_get_params_invariance, check_no_attributes_set_in_init, check_parameters_default_constructible

from jdclass.grams import SharedGrams, TfidfTable, _normalize_rows
from jdclass.nlp import split_tokens
from jdclass.vectors import TokenTfidf, token_tfidf

WORDS = ["own", "roadmap", "yoe_5", "manage", "pms", "money_amount", "product", "Ship", "é", "a_b", "x-y"]
TEXTS = st.lists(st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join), min_size=1, max_size=8)
SETTINGS = [
    {"ngram_range": (1, 2), "min_df": 2, "max_df": 0.9, "sublinear_tf": True},  # the model's
    {"ngram_range": (1, 2), "sublinear_tf": True},  # the duty matcher's
    {"ngram_range": (1, 1)},
    {"ngram_range": (2, 2)},
]


def _same(vectorizer: TokenTfidf, texts: list[str]) -> None:
    ours, theirs = vectorizer.transform(texts), TfidfVectorizer.transform(vectorizer, texts)
    assert ours.shape == theirs.shape and ours.dtype == theirs.dtype
    assert np.array_equal(ours.indptr, theirs.indptr) and np.array_equal(ours.indices, theirs.indices)
    np.testing.assert_allclose(ours.data, theirs.data, rtol=1e-12)


@pytest.mark.parametrize("kwargs", SETTINGS, ids=str)
@settings(max_examples=60, deadline=None)
@given(fitted=TEXTS, texts=TEXTS)
def test_transform_equals_scikit_learns(kwargs: dict[str, object], fitted: list[str], texts: list[str]) -> None:
    # Texts with n-grams the vocabulary lacks, repeated n-grams, empty texts and a vocabulary of one word.
    try:
        vectorizer = token_tfidf(**kwargs).fit([*fitted, "own roadmap own", "own roadmap own"])  # type: ignore[arg-type]
    except ValueError:
        return  # nothing left after min_df and max_df: scikit-learn refuses to fit, as it should
    _same(vectorizer, texts + [""])


def test_other_settings_use_scikit_learns_transform() -> None:
    # Lower-casing is not what the counting does: such a vectorizer falls back to scikit-learn's own transform.
    vectorizer = TokenTfidf(lowercase=True, ngram_range=(1, 3)).fit(["Own the Roadmap", "own the roadmap today"])
    assert not vectorizer._counts_tokens()
    _same(vectorizer, ["OWN the roadmap today", "nothing known"])
    assert token_tfidf().fit(["a b"])._counts_tokens()


def test_it_is_a_scikit_learn_estimator() -> None:
    vectorizer = token_tfidf(ngram_range=(1, 2), min_df=2)
    assert clone(vectorizer).get_params() == vectorizer.get_params()
    for check in (check_no_attributes_set_in_init, check_parameters_default_constructible, check_get_params_invariance):
        check("TokenTfidf", vectorizer)
    with pytest.raises(ValueError, match="Iterable over raw text documents expected"):
        token_tfidf().fit(["a b"]).transform("a b")


def test_the_shipped_model_holds_tfidf_tables() -> None:
    from jdclass.model import load

    classifier = load()
    for table in (classifier.model.text, classifier.matcher.vectorizer):
        assert isinstance(table, TfidfTable)


PARTS = st.lists(st.lists(st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join), max_size=4), min_size=1, max_size=5)


@pytest.mark.parametrize(
    ("whole", "parts"), [(SETTINGS[0], SETTINGS[1]), (SETTINGS[1], SETTINGS[0]), (SETTINGS[2], SETTINGS[3]), (SETTINGS[3], SETTINGS[2])], ids=str
)
@settings(max_examples=60, deadline=None)
@given(fitted=TEXTS, texts=PARTS)
def test_shared_grams_give_both_vectorizers_matrices(whole: dict[str, object], parts: dict[str, object], fitted: list[str], texts: list[list[str]]) -> None:
    # Texts of no part, empty parts, pairs across two parts (counted for the whole text only) and n-grams in one
    # vocabulary but not the other: the very matrices of the two transforms, to the last bit.
    corpus = [*fitted, "own roadmap own", "own roadmap own", "pms Ship"]
    try:
        whole_tfidf, parts_tfidf = token_tfidf(**whole).fit(corpus), token_tfidf(**parts).fit(corpus[::-1])  # type: ignore[arg-type]
    except ValueError:
        return
    ours = SharedGrams(whole_tfidf.table(), parts_tfidf.table()).transform(texts)
    parts_of = [part for p in texts for part in p]
    # scikit-learn's transform of no text at all raises; SharedGrams gives an empty matrix.
    empty = sparse.csr_matrix((0, len(parts_tfidf.vocabulary_)))
    theirs = (whole_tfidf.transform([" ".join(p) for p in texts]), parts_tfidf.transform(parts_of) if parts_of else empty)
    for mine, expected in zip(ours, theirs, strict=True):
        assert mine.shape == expected.shape and mine.dtype == expected.dtype
        assert np.array_equal(mine.indptr, expected.indptr) and np.array_equal(mine.indices, expected.indices)
        assert np.array_equal(mine.data, expected.data)


def test_shared_grams_count_what_the_n_gram_range_says_whatever_the_vocabulary() -> None:
    # A vocabulary given as such may hold pairs that a words-only vectorizer never counts.
    words = TokenTfidf(tokenizer=split_tokens, token_pattern=None, lowercase=False, vocabulary={"a": 0, "b": 1, "a b": 2}).fit(["a b"])
    pairs = TokenTfidf(tokenizer=split_tokens, token_pattern=None, lowercase=False, ngram_range=(2, 2), vocabulary={"a b": 0, "b a": 1, "a": 2}).fit(["a b"])
    whole, parts = SharedGrams(words.table(), pairs.table()).transform([["a b", "b a"]])
    assert (whole != words.transform(["a b b a"])).nnz == 0 and (parts != pairs.transform(["a b", "b a"])).nnz == 0


def test_shared_grams_find_pairs_whatever_words_the_vocabulary_holds() -> None:
    # Pairs whose words are no n-gram of their own, n-grams that are no word or pair of split tokens, a pair of one
    # vocabulary only, and a vocabulary with no pair at all.
    odd = {"x y": 0, "y": 1, "a  b": 2, "a b c": 3, " a": 4, "y x": 5, "b ": 6, "c": 7}
    whole = TokenTfidf(tokenizer=split_tokens, token_pattern=None, lowercase=False, ngram_range=(1, 2), vocabulary=odd).fit(["x y"])
    for vocabulary in ({"y x": 0, "q": 1, "c b": 2}, {"q": 0, "x": 1}):
        parts = TokenTfidf(tokenizer=split_tokens, token_pattern=None, lowercase=False, ngram_range=(1, 2), vocabulary=vocabulary).fit(["q"])
        texts = [["x y x", "a b c"], ["y", "x c b"], []]
        mine_whole, mine_parts = SharedGrams(whole.table(), parts.table()).transform(texts)
        assert (mine_whole != whole.transform([" ".join(p) for p in texts])).nnz == 0
        assert (mine_parts != parts.transform([part for p in texts for part in p])).nnz == 0


@settings(max_examples=200, deadline=None)
@given(st.data(), st.sampled_from([2**20, 2**32 - 2, 2**40]), st.sampled_from([1, 4]))
def test_word_pairs_are_found_in_slots_as_by_a_binary_search(data: st.DataObject, largest: int, slots: int) -> None:
    # Keys of 32 bits or more, one slot a pair (most pairs share theirs) or four: each key found has its pair's id,
    # any other key none.
    import jdclass.grams as grams_module

    keys = data.draw(st.sets(st.integers(0, largest), min_size=1, max_size=60))
    others = data.draw(st.lists(st.integers(0, 2**40), max_size=30))
    grams = SharedGrams.__new__(SharedGrams)
    grams.pair_keys = np.array(sorted(keys), dtype=np.int64)
    grams.pair_ids = np.arange(len(keys), dtype=np.int64)[::-1].copy()
    queries = np.array([*keys, *others, *sorted(keys)[::2], 2**32 - 1], dtype=np.int64)  # and the key of an empty slot
    expected = [len(keys) - 1 - sorted(keys).index(key) if key in keys else -1 for key in queries.tolist()]
    original = grams_module.PAIR_SLOTS
    grams_module.PAIR_SLOTS = slots
    try:
        assert grams._pairs(queries).tolist() == expected
    finally:
        grams_module.PAIR_SLOTS = original


@settings(max_examples=60, deadline=None)
@given(texts=PARTS)
def test_shared_grams_of_split_parts_are_those_of_the_parts(texts: list[list[str]]) -> None:
    tfidf = TokenTfidf(tokenizer=split_tokens, token_pattern=None, lowercase=False, ngram_range=(1, 2)).fit(["own roadmap own", "pms Ship", "é a_b"])
    grams = SharedGrams(tfidf.table(), tfidf.table())
    parts = [part.split() for p in texts for part in p]
    split = grams.transform_words([token for part in parts for token in part], np.array([len(part) for part in parts], dtype=np.int64), [len(p) for p in texts])
    for mine, expected in zip(split, grams.transform(texts), strict=True):
        assert mine.shape == expected.shape and (mine != expected).nnz == 0


def _same_grams(texts: list[list[str]]) -> None:
    tfidf = TokenTfidf(tokenizer=split_tokens, token_pattern=None, lowercase=False, ngram_range=(1, 2)).fit(["own the roadmap", "the roadmap"])
    whole, parts = SharedGrams(tfidf.table(), tfidf.table()).transform(texts)
    assert (whole != tfidf.transform([" ".join(p) for p in texts])).nnz == 0
    assert (parts != tfidf.transform([part for p in texts for part in p])).nnz == 0


def test_shared_grams_read_parts_spaced_any_way() -> None:
    # Parts as analyses give them are single-spaced; others (doubled, leading, trailing spaces, empty) count the same,
    # and so does a tab in one part beside an empty one in another, which leave the token counts agreeing.
    _same_grams([["own  the", " roadmap", ""], ["the roadmap ", "own"]])
    _same_grams([["own\tthe", ""], ["roadmap"]])


@given(
    st.lists(
        st.lists(st.lists(st.sampled_from(["own", "the", "roadmap", " ", "\t", "\xa0", "\n"]), max_size=6).map("".join), max_size=4), min_size=1, max_size=3
    )
)
@settings(max_examples=300)
def test_shared_grams_read_parts_with_any_whitespace(texts: list[list[str]]) -> None:
    _same_grams(texts)


def test_only_a_tfidf_of_words_and_pairs_has_a_table() -> None:
    with pytest.raises(ValueError, match="only a TF-IDF of space-separated words and word pairs"):
        TokenTfidf(lowercase=True).fit(["Own the Roadmap", "ship"]).table()
    with pytest.raises(ValueError, match="not n-grams of \\(1, 3\\)"):
        TfidfTable({}, np.ones(0), (1, 3), False, "l2", np.float64)
    with pytest.raises(ValueError, match="not by 'l1'"):
        TfidfTable({}, np.ones(0), (1, 1), False, "l1", np.float64)
    with pytest.raises(ValueError, match="not int64"):
        TfidfTable({}, np.ones(0), (1, 1), False, "l2", np.int64)
    # Other settings are counted by scikit-learn, as before: l1 rows, and integer weights (which it makes float64).
    l1 = token_tfidf().set_params(norm="l1").fit(["a b", "b c"])
    assert not l1._counts_tokens()
    np.testing.assert_allclose(abs(l1.transform(["a b c", "c"])).sum(axis=1).A.ravel(), [1.0, 1.0])
    with pytest.warns(UserWarning, match="float64"):
        whole = token_tfidf().set_params(dtype=np.int64).fit(["a b", "b c"])
    assert not whole._counts_tokens() and whole.transform(["a b c"]).dtype == np.float64


@pytest.mark.parametrize("density", [0.0, 0.2, 0.9])
def test_rows_are_normalized_as_scikit_learn_does_to_the_last_bit(density: float) -> None:
    from sklearn.preprocessing import normalize

    matrix = sparse.random(30, 50, density=density, format="csr", random_state=3)
    matrix.data *= 1e3
    matrix.data[matrix.indptr[4] : matrix.indptr[5]] = 0.0  # a row of zeros stays
    expected = normalize(matrix, norm="l2")
    _normalize_rows(matrix)
    assert np.array_equal(matrix.indptr, expected.indptr) and np.array_equal(matrix.indices, expected.indices)
    assert np.array_equal(matrix.data, expected.data)


def test_a_classifier_makes_its_tables_when_it_has_none(monkeypatch: pytest.MonkeyPatch) -> None:
    from jdclass.corpus import DEFAULT_CORPUS, load_corpus
    from jdclass.model import load
    from jdclass.nlp import analyze

    texts = [item.text for item in load_corpus(DEFAULT_CORPUS).postings[::300]]  # every level, several writers and formats
    texts += ["Manager", "Product Manager\n\n!!!", "Product Manager\n\nShip it."]  # no sentence, no content word, one sentence
    calls = []
    transform = SharedGrams.transform_words  # what both transforms come to

    def spy(self, tokens, lengths, counts):
        calls.append(len(counts))
        return transform(self, tokens, lengths, counts)

    monkeypatch.setattr(SharedGrams, "transform_words", spy)
    saved, built = load(), load()
    built.grams = None  # as a classifier built in code, without saved tables
    assert [r.to_dict() for r in built.classify_many(texts)] == [r.to_dict() for r in saved.classify_many(texts)]
    assert built.grams is not None and calls == [len(texts), len(texts)]
    for text in texts[-3:]:  # alone in a batch, too
        assert built.classify(text).to_dict() == saved.classify(text).to_dict()
    # An analysis whose tokens are not its sentences' tokens (built by hand) is read by each table on its own.
    analysis = next(analyze([texts[0]]))
    odd = dataclasses.replace(analysis, tokens=analysis.tokens + " roadmap")
    calls.clear()
    mine = [r.to_dict() for r in built._classify_batch([odd])]
    assert calls == [] and mine != [r.to_dict() for r in built._classify_batch([analysis])]
    assert mine == [r.to_dict() for r in saved._classify_batch([odd])]


def test_a_batch_classified_from_its_split_words_is_classified_as_from_its_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    import jdclass.model as model_module
    from jdclass.corpus import DEFAULT_CORPUS, load_corpus
    from jdclass.nlp import Batch, analyze_batch

    texts = [item.text for item in load_corpus(DEFAULT_CORPUS).postings[::150]] + ["Manager", "Product Manager\n\n!!!"]
    classifier = model_module.load()
    split = [r.to_dict() for r in classifier.classify_many(texts)]
    # Without the words, the look-up splits the sentences' tokens itself.
    monkeypatch.setattr(model_module, "analyze_batch", lambda postings: Batch(analyze_batch(postings).analyses, None, np.zeros(0)))
    assert [r.to_dict() for r in classifier.classify_many(texts)] == split


def test_a_saved_model_holds_the_tables_its_model_and_matcher_make(monkeypatch: pytest.MonkeyPatch) -> None:
    from jdclass.model import load

    classifier = load()
    assert classifier.grams is not None
    calls = []
    transform = SharedGrams.transform_words  # what both transforms come to

    def spy(self, tokens, lengths, counts):
        calls.append(len(counts))
        return transform(self, tokens, lengths, counts)

    monkeypatch.setattr(SharedGrams, "transform_words", spy)
    classifier.classify("Product Manager\n\nYou will own the roadmap and ship it with engineering.")
    assert calls == [1]
    fresh = SharedGrams(classifier.model.text, classifier.matcher.vectorizer)
    assert fresh.words == classifier.grams.words
    for name in ("word_ids", "pair_keys", "pair_ids", "part_columns", "whole_columns"):
        assert np.array_equal(getattr(fresh, name), getattr(classifier.grams, name)), name


def test_tables_made_for_another_model_are_not_used_or_saved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from jdclass.model import load

    text = "Product Manager\n\nYou will own the roadmap and ship it with engineering."
    classifier, other = load(), load()
    stale = classifier.grams
    classifier.model, classifier.matcher = other.model, other.matcher  # swapped after loading: the tables are the old ones'
    calls = []
    transform = SharedGrams.transform_words

    def spy(self, tokens, lengths, counts):
        calls.append(self)
        return transform(self, tokens, lengths, counts)

    monkeypatch.setattr(SharedGrams, "transform_words", spy)
    assert classifier.classify(text).to_dict() == other.classify(text).to_dict()
    assert stale not in calls
    classifier.save(tmp_path)
    saved = load(tmp_path)
    assert saved.grams is not None and saved.grams.whole is saved.model.text and saved.grams.parts is saved.matcher.vectorizer
