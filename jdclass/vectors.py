"""TF-IDF over normalized text, whose tokens are already separated by spaces."""

from __future__ import annotations

from itertools import chain, pairwise, repeat
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize
from sklearn.utils.sparsefuncs_fast import inplace_csr_row_normalize_l2
from sklearn.utils.validation import check_is_fitted

from jdclass.nlp import split_tokens


def token_tfidf(ngram_range: tuple[int, int] = (1, 1), min_df: float = 1, max_df: float = 1.0, sublinear_tf: bool = False) -> TokenTfidf:
    """A ``TokenTfidf`` over ``Analysis.tokens``: split at spaces, case kept (the tokens are normalized already).

    ``min_df`` and ``max_df`` are scikit-learn's: a count of postings when an int, a share when a float.
    """
    return TokenTfidf(
        tokenizer=split_tokens, token_pattern=None, lowercase=False, ngram_range=ngram_range, min_df=min_df, max_df=max_df, sublinear_tf=sublinear_tf
    )


class TokenTfidf(TfidfVectorizer):
    """``TfidfVectorizer`` whose ``transform`` counts space-separated tokens itself when it is set up for them.

    With ``tokenizer=split_tokens``, no lower-casing, preprocessing or stop words, and words and word pairs at
    most (see ``token_tfidf``), ``transform`` gives scikit-learn's matrix with the counting done in one pass
    per text, without the analyzer calls per text and the exception raised for each n-gram outside the
    vocabulary; the columns found go straight into a CSR matrix, one row per text. Postings and their sentences
    are transformed in every batch: the two models and the duty scores took 0.83 ms a posting against 1.09
    with scikit-learn's ``transform`` (1,000 corpus postings), and building the CSR matrix directly rather than
    from (row, column) pairs took the two transforms from 0.61 to 0.48 ms (1,000 bench postings).
    Any other setting uses scikit-learn's own ``transform``; fitting always does.
    """

    def transform(self, raw_documents: Any) -> Any:
        check_is_fitted(self, msg="The TF-IDF vectorizer is not fitted")
        if isinstance(raw_documents, str) or not self._counts_tokens():
            return super().transform(raw_documents)
        get = self.vocabulary_.get
        low, high = self.ngram_range
        columns: list[int] = []
        ends = [0]  # where each text's columns end: the matrix's row pointers
        for text in raw_documents:
            tokens = text.split()
            grams = chain(tokens if low == 1 else (), map(" ".join, pairwise(tokens)) if high == 2 else ())
            columns += [column for column in map(get, grams) if column is not None]
            ends.append(len(columns))
        return self._weighted(np.array(columns, dtype=np.int32), np.array(ends, dtype=np.int32))

    def _weighted(self, columns: np.ndarray, ends: np.ndarray) -> Any:
        """The TF-IDF matrix of the n-grams found, given as their columns, text after text, and where each text's end."""
        counts = sparse.csr_matrix((np.ones(len(columns), dtype=self.dtype), columns, ends), shape=(len(ends) - 1, len(self.vocabulary_)))
        counts.sum_duplicates()  # adds up repeated n-grams and sorts the indices, as scikit-learn's counts are
        if self.sublinear_tf:
            np.log(counts.data, counts.data)
            counts.data += 1
        counts.data *= self.idf_[counts.indices]
        if self.norm == "l2" and counts.dtype in (np.float32, np.float64) and counts.shape[0]:  # no row: normalize raises, as before
            # What ``normalize`` runs on a CSR matrix of floats, without its checks of the input and the parameters:
            # they cost about 0.2 ms a call, most of the transform of one posting (``LevelClassifier.classify``).
            inplace_csr_row_normalize_l2(counts)
            return counts
        return counts if self.norm is None else normalize(counts, norm=self.norm, copy=False)

    def _counts_tokens(self) -> bool:
        """Whether this vectorizer's n-grams are the words and word pairs of the text split at spaces."""
        low, high = self.ngram_range
        plain = self.analyzer == "word" and self.tokenizer is split_tokens and self.preprocessor is None and not self.lowercase
        return plain and self.stop_words is None and not self.binary and self.use_idf and 1 <= low <= high <= 2 and not self.strip_accents


class SharedGrams:
    """Each word and word pair of a batch looked up once for two fitted ``TokenTfidf``: one over whole texts,
    one over their parts (a posting's normalized text and its sentences).

    ``transform(texts)`` takes each text as its parts, the text being the parts joined by spaces, and gives
    ``whole.transform`` of the texts and ``parts.transform`` of every part, text after text: the same matrices
    (where there is no part at all, an empty matrix: the transform of no text raises).
    A text's n-grams are its parts' n-grams and the word pairs across two parts, so one set of tables that holds
    both vocabularies serves both matrices, and each n-gram is looked up once instead of twice: each token as a word
    in a dictionary, each word pair as a number made of its two words' numbers, in a sorted array (numpy, no string
    built for the pair). On 3,000 bench postings and their sentences, in batches of 256: 0.10 ms a posting, against
    0.20 with one dictionary of n-gram strings and 0.24 for the two transforms. The tables take about 0.35 s to
    build from the shipped model's two vocabularies, so a saved model holds them (``LevelClassifier.grams``).
    (A vectorizer that ``TokenTfidf`` does not count itself makes ``transform`` fall back to the two transforms.)
    """

    def __init__(self, whole: TokenTfidf, parts: TokenTfidf) -> None:
        check_is_fitted(whole, msg="The TF-IDF vectorizer is not fitted")
        check_is_fitted(parts, msg="The TF-IDF vectorizer is not fitted")
        self.whole, self.parts = whole, parts
        # An id for every n-gram of either vocabulary (those of ``parts`` are its columns), and for each vectorizer
        # the column of each id; the last entry, -1, is the column of an n-gram found in neither (id -1).
        ids = dict(parts.vocabulary_)
        size = len(ids)
        extra = [gram for gram in whole.vocabulary_ if gram not in ids]
        ids.update(zip(extra, range(size, size + len(extra)), strict=True))
        self.part_columns = np.full(len(ids) + 1, -1, dtype=np.int32)
        self.part_columns[:size] = np.arange(size)
        self.whole_columns = np.full(len(ids) + 1, -1, dtype=np.int32)
        count = len(whole.vocabulary_)
        where = np.fromiter(map(ids.__getitem__, whole.vocabulary_), dtype=np.int64, count=count)
        self.whole_columns[where] = np.fromiter(whole.vocabulary_.values(), dtype=np.int32, count=count)
        # Tokens are looked up once, as words: a number for every word that is an n-gram or half of a word pair of
        # either vocabulary (the next number, ``unknown``, for any other word), the id of each word as an n-gram, and
        # each word pair as a key (first * (unknown + 1) + second) in a sorted array beside its id: pairs are then
        # found in numpy, with no string built for them.
        pairs = [(*gram.partition(" ")[::2], number) for gram, number in ids.items() if gram.count(" ") == 1]
        pairs = [pair for pair in pairs if pair[0] and pair[1]]
        words = dict.fromkeys(gram for gram in ids if " " not in gram)
        words.update(dict.fromkeys(pair[0] for pair in pairs))
        words.update(dict.fromkeys(pair[1] for pair in pairs))
        self.words = dict(zip(words, range(len(words)), strict=True))
        self.unknown = len(words)
        self.word_ids = np.fromiter(chain(map(ids.get, words, repeat(-1)), [-1]), dtype=np.int64, count=len(words) + 1)
        number = self.words.__getitem__
        keys = np.fromiter((number(first) * (self.unknown + 1) + number(second) for first, second, _ in pairs), dtype=np.int64, count=len(pairs))
        order = np.argsort(keys)
        self.pair_keys = keys[order]
        self.pair_ids = np.fromiter((pair[2] for pair in pairs), dtype=np.int64, count=len(pairs))[order]

    def transform(self, texts: list[list[str]]) -> tuple[Any, Any]:
        """``whole.transform`` of the texts (each given as its parts) and ``parts.transform`` of all their parts."""
        if not (self.whole._counts_tokens() and self.parts._counts_tokens()):
            return self.whole.transform([" ".join(parts) for parts in texts]), self.parts.transform([part for parts in texts for part in parts])
        splits = [part.split() for parts in texts for part in parts]
        tokens = list(chain.from_iterable(splits))
        words = np.fromiter(map(self.words.get, tokens, repeat(self.unknown)), dtype=np.int64, count=len(tokens))
        unigrams = self.word_ids[words]
        pairs = np.full(len(tokens), -1, dtype=np.int64)  # the pair a token starts; the last token starts none
        if len(tokens) > 1 and len(self.pair_keys):
            keys = words[:-1] * (self.unknown + 1) + words[1:]  # a pair with an unknown word has no key in the array
            found = np.minimum(np.searchsorted(self.pair_keys, keys), len(self.pair_keys) - 1)
            pairs[:-1] = np.where(self.pair_keys[found] == keys, self.pair_ids[found], -1)
        part_of = np.repeat(np.arange(len(splits)), [len(split) for split in splits])  # the part of each token
        text_of = np.repeat(np.arange(len(texts)), [len(parts) for parts in texts])[part_of]  # the text of each token
        return (
            self._matrix(self.whole, self.whole_columns, unigrams, pairs, text_of, len(texts)),
            self._matrix(self.parts, self.part_columns, unigrams, pairs, part_of, len(splits)),
        )

    @staticmethod
    def _matrix(vectorizer: TokenTfidf, columns: np.ndarray, unigrams: np.ndarray, pairs: np.ndarray, rows: np.ndarray, count: int) -> Any:
        """One vectorizer's matrix of the n-grams found: a token's word, then the pair it starts within its row.

        Words and pairs count as the vectorizer's ``ngram_range`` says, whatever its vocabulary holds (one given
        as ``vocabulary=`` may hold both).
        """
        low, high = vectorizer.ngram_range
        grams = np.full((len(unigrams), 2), -1, dtype=np.int32)
        if low == 1:
            grams[:, 0] = columns[unigrams]
        if high == 2:
            grams[:-1, 1] = np.where(rows[:-1] == rows[1:], columns[pairs[:-1]], -1)
        if not count:
            return sparse.csr_matrix((0, len(vectorizer.vocabulary_)), dtype=vectorizer.dtype)  # no text: nothing to normalize
        found = grams.ravel() >= 0
        ends = np.zeros(count + 1, dtype=np.int32)
        np.cumsum(np.bincount(np.repeat(rows, 2)[found], minlength=count), out=ends[1:])
        return vectorizer._weighted(grams.ravel()[found], ends)
