"""Fitted TF-IDF tables of normalized text, applied with numpy and scipy alone: classifying needs no scikit-learn."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import chain, pairwise, repeat
from typing import Any

import numpy as np
from scipy import sparse

from jdclass.saving import check_array, check_vocabulary


class TfidfTable:
    """What a fitted ``vectors.TokenTfidf`` (scikit-learn's ``TfidfVectorizer``, set up for space-separated tokens)
    needs to transform: its vocabulary, inverse document frequencies and settings. ``transform`` gives the same
    matrix (tested), counting the words and word pairs of each text in one pass, and loads without scikit-learn,
    whose import took about 0.9 s of every process's start (``jdclass classify``, each ``jdclass batch``).
    """

    def __init__(self, vocabulary: dict[str, int], idf: np.ndarray, ngram_range: tuple[int, int], sublinear_tf: bool, norm: str | None, dtype: Any) -> None:
        low, high = ngram_range
        if not 1 <= low <= high <= 2:
            raise ValueError(f"a TF-IDF table counts words and word pairs, not n-grams of {ngram_range}")
        if norm not in ("l2", None):
            raise ValueError(f"a TF-IDF table normalizes rows by l2 or not at all, not by {norm!r}")
        if not np.issubdtype(dtype, np.floating):
            raise ValueError(f"a TF-IDF table holds floating-point weights, not {np.dtype(dtype)}")
        self.vocabulary = vocabulary
        self.idf = idf
        self.ngram_range = (low, high)
        self.sublinear_tf = sublinear_tf
        self.norm = norm
        self.dtype = dtype

    def check(self, what: str) -> int:
        """The number of columns, once the table's parts are checked to be what ``transform`` needs; else a ValueError."""
        size = check_vocabulary(self.vocabulary, f"{what}'s vocabulary")
        check_array(self.idf, f"{what}'s weights", "f", (size,), 0.0, 1e3)  # a fitted idf is 1 + log(n / df): under 20
        if self.ngram_range not in ((1, 1), (1, 2), (2, 2)) or self.norm not in ("l2", None) or type(self.sublinear_tf) is not bool:
            raise ValueError(f"{what} has settings no TF-IDF table has")
        if self.dtype not in (np.float64, np.float32):
            raise ValueError(f"{what} holds weights of type {self.dtype!r}")
        return size

    def transform(self, texts: Iterable[str]) -> Any:
        """The TF-IDF matrix of texts of space-separated tokens, one row each."""
        get = self.vocabulary.get
        low, high = self.ngram_range
        columns: list[int] = []
        ends = [0]  # where each text's columns end: the matrix's row pointers
        for text in texts:
            tokens = text.split()
            grams = chain(tokens if low == 1 else (), map(" ".join, pairwise(tokens)) if high == 2 else ())
            columns += [column for column in map(get, grams) if column is not None]
            ends.append(len(columns))
        return self.weighted(np.array(columns, dtype=np.int32), np.array(ends, dtype=np.int32))

    def weighted(self, columns: np.ndarray, ends: np.ndarray) -> Any:
        """The TF-IDF matrix of the n-grams found, given as their columns, text after text, and where each text's end."""
        counts = sparse.csr_matrix((np.ones(len(columns), dtype=self.dtype), columns, ends), shape=(len(ends) - 1, len(self.vocabulary)))
        counts.sum_duplicates()  # adds up repeated n-grams and sorts the indices, as scikit-learn's counts are
        if self.sublinear_tf:
            np.log(counts.data, counts.data)
            counts.data += 1
        counts.data *= self.idf[counts.indices]
        if self.norm == "l2":
            _normalize_rows(counts)
        return counts


def _normalize_rows(matrix: Any) -> None:
    """Divide each row of a CSR matrix by its l2 norm, in place, as scikit-learn's ``normalize`` does (rows of zeros
    stay): the squares summed in order within each row, the same arithmetic (tested)."""
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    norms = np.sqrt(np.bincount(rows, weights=matrix.data * matrix.data, minlength=matrix.shape[0]))
    norms[norms == 0.0] = 1.0
    matrix.data /= norms[rows]


class SharedGrams:
    """Each word and word pair of a batch looked up once for two ``TfidfTable``: one over whole texts, one over
    their parts (a posting's normalized text and its sentences).

    ``transform(texts)`` takes each text as its parts, the text being the parts joined by spaces, and gives
    ``whole.transform`` of the texts and ``parts.transform`` of every part, text after text: the same matrices
    (where there is no part at all, an empty matrix).
    A text's n-grams are its parts' n-grams and the word pairs across two parts, so one set of tables that holds
    both vocabularies serves both matrices, and each n-gram is looked up once instead of twice: each token as a word
    in a dictionary, each word pair as a number made of its two words' numbers, in a sorted array (numpy, no string
    built for the pair; see ``_pairs``). On 3,000 bench postings and their sentences, in batches of 256: 0.10 ms a
    posting (0.08 since ``_pairs``), against 0.20 with one dictionary of n-gram strings and 0.24 for the two transforms. The tables take about 0.35 s to
    build from the shipped model's two vocabularies, so a saved model holds them (``LevelClassifier.grams``).
    """

    def __init__(self, whole: TfidfTable, parts: TfidfTable) -> None:
        self.whole, self.parts = whole, parts
        # An id for every n-gram of either vocabulary (those of ``parts`` are its columns), and for each table
        # the column of each id; the last entry, -1, is the column of an n-gram found in neither (id -1).
        ids = dict(parts.vocabulary)
        size = len(ids)
        extra = [gram for gram in whole.vocabulary if gram not in ids]
        ids.update(zip(extra, range(size, size + len(extra)), strict=True))
        self.part_columns = np.full(len(ids) + 1, -1, dtype=np.int32)
        self.part_columns[:size] = np.arange(size)
        self.whole_columns = np.full(len(ids) + 1, -1, dtype=np.int32)
        count = len(whole.vocabulary)
        where = np.fromiter(map(ids.__getitem__, whole.vocabulary), dtype=np.int64, count=count)
        self.whole_columns[where] = np.fromiter(whole.vocabulary.values(), dtype=np.int32, count=count)
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

    @classmethod
    def restored(cls, whole: TfidfTable, parts: TfidfTable, words: dict[str, int], **arrays: np.ndarray) -> SharedGrams:
        """Tables as a model file holds them (``words`` and the arrays of ``__init__``), for ``check`` to vet."""
        grams = cls.__new__(cls)
        grams.whole, grams.parts, grams.words = whole, parts, words
        for name in ("part_columns", "whole_columns", "word_ids", "pair_keys", "pair_ids"):
            setattr(grams, name, arrays[name])
        return grams

    def check(self, whole: TfidfTable, parts: TfidfTable) -> None:
        """A ValueError unless these tables were made for ``whole`` and ``parts`` and every number in them is in range."""
        if self.whole is not whole or self.parts is not parts:
            raise ValueError("the look-up tables were made for other TF-IDF tables")
        ids = len(check_array(self.part_columns, "the look-up tables", "i", (None,), -1, len(parts.vocabulary))) - 1
        check_array(self.whole_columns, "the look-up tables", "i", (ids + 1,), -1, len(whole.vocabulary))
        self.unknown = check_vocabulary(self.words, "the look-up tables' words")
        check_array(self.word_ids, "the look-up tables", "i", (self.unknown + 1,), -1, ids)
        # The last entries stand for what no vocabulary holds (id -1, an unknown word): found nowhere, counted nowhere.
        if ids < 0 or self.part_columns[-1] != -1 or self.whole_columns[-1] != -1 or self.word_ids[-1] != -1:
            raise ValueError("the look-up tables count unknown words")
        keys = check_array(self.pair_keys, "the look-up tables", "i", (None,), 0, (self.unknown + 1) ** 2)
        check_array(self.pair_ids, "the look-up tables", "i", (len(keys),), 0, ids)
        if (np.diff(keys) < 0).any():
            raise ValueError("the look-up tables' pairs are not sorted")

    def transform(self, texts: list[list[str]]) -> tuple[Any, Any]:
        """``whole.transform`` of the texts (each given as its parts) and ``parts.transform`` of all their parts."""
        # One split of the whole batch, each part's length by its spaces: a list per part cost twice as much. That
        # holds when the batch is its tokens and one space between each (as analyses give them): the counts agree
        # and the lengths add up only then. A tab splits too yet is no space; an empty part or a doubled space
        # counts a token too many, which a tab elsewhere would hide from the counts alone.
        joined = " ".join(chain.from_iterable(texts))
        tokens = joined.split()
        lengths = [part.count(" ") + 1 for parts in texts for part in parts]
        if len(tokens) != sum(lengths) or len(joined) != sum(map(len, tokens)) + len(tokens) - 1:
            lengths = [len(part.split()) for parts in texts for part in parts]
        return self.transform_words(tokens, lengths, [len(parts) for parts in texts])

    def transform_words(self, tokens: list[str], lengths: Sequence[int] | np.ndarray, counts: Sequence[int]) -> tuple[Any, Any]:
        """``transform`` of texts given as the tokens of their parts, part after part, with how many tokens each
        part holds and how many parts each text: for a caller that has them, the split of the parts spared."""
        words = np.fromiter(map(self.words.get, tokens, repeat(self.unknown)), dtype=np.int64, count=len(tokens))
        unigrams = self.word_ids[words]
        pairs = np.full(len(tokens), -1, dtype=np.int64)  # the pair a token starts; the last token starts none
        if len(tokens) > 1 and len(self.pair_keys):
            pairs[:-1] = self._pairs(words[:-1] * (self.unknown + 1) + words[1:])  # a pair with an unknown word has no key
        part_of = np.repeat(np.arange(len(lengths)), lengths)  # the part of each token
        text_of = np.repeat(np.arange(len(counts)), counts)[part_of]  # the text of each token
        return (
            self._matrix(self.whole, self.whole_columns, unigrams, pairs, text_of, len(counts)),
            self._matrix(self.parts, self.part_columns, unigrams, pairs, part_of, len(lengths)),
        )

    def _pairs(self, keys: np.ndarray) -> np.ndarray:
        """The id of each word pair key, -1 where no vocabulary holds the pair.

        Each key is looked for in one slot of a table (``_pair_slots``), and by a binary search of ``pair_keys``
        only where two keys share that slot: on bench postings, 9 us a posting instead of 26 for the binary search
        of every key, most of whose steps missed the processor's caches.
        """
        slot_keys, slot_ids = self._pair_table()
        slots = _pair_slots(keys, len(slot_keys))
        ids = slot_ids[slots]
        found = np.where(slot_keys[slots] == keys, ids, -1)
        shared = np.flatnonzero(ids == _SHARED_SLOT)
        if len(shared):
            keys = keys[shared]
            at = np.minimum(np.searchsorted(self.pair_keys, keys), len(self.pair_keys) - 1)
            found[shared] = np.where(self.pair_keys[at] == keys, self.pair_ids[at], -1)
        return found

    def _pair_table(self) -> tuple[np.ndarray, np.ndarray]:
        """The key and the id of the pair in each slot (no key and -1 in an empty slot; ``_SHARED_SLOT`` for the id
        where two keys or more fall), built on first use."""
        table: tuple[np.ndarray, np.ndarray] | None = getattr(self, "_pair_slots_table", None)
        if table is None:
            size = 1 << max(PAIR_SLOTS * len(self.pair_keys) - 1, 1).bit_length()
            slots = _pair_slots(self.pair_keys, size)
            # Keys as 32-bit numbers where they fit (the shipped model's are under 2**28): the table is 8 MB, not 12.
            fits = not len(self.pair_keys) or int(self.pair_keys[-1]) < _NO_PAIR_KEY
            slot_keys = np.full(size, _NO_PAIR_KEY if fits else -1, dtype=np.uint32 if fits else np.int64)
            slot_keys[slots] = self.pair_keys
            slot_ids = np.full(size, -1, dtype=np.int32)
            slot_ids[slots] = self.pair_ids
            slot_ids[np.bincount(slots, minlength=size) > 1] = _SHARED_SLOT
            table = self._pair_slots_table = (slot_keys, slot_ids)
        return table

    @staticmethod
    def _matrix(table: TfidfTable, columns: np.ndarray, unigrams: np.ndarray, pairs: np.ndarray, rows: np.ndarray, count: int) -> Any:
        """One table's matrix of the n-grams found: a token's word, then the pair it starts within its row.

        Words and pairs count as the table's ``ngram_range`` says, whatever its vocabulary holds (one given
        as ``vocabulary=`` may hold both).
        """
        low, high = table.ngram_range
        grams = np.full((len(unigrams), 2), -1, dtype=np.int32)
        if low == 1:
            grams[:, 0] = columns[unigrams]
        if high == 2:
            grams[:-1, 1] = np.where(rows[:-1] == rows[1:], columns[pairs[:-1]], -1)
        if not count:
            return sparse.csr_matrix((0, len(table.vocabulary)), dtype=table.dtype)  # no text: nothing to normalize
        found = grams.ravel() >= 0
        ends = np.zeros(count + 1, dtype=np.int32)
        np.cumsum(np.bincount(np.repeat(rows, 2)[found], minlength=count), out=ends[1:])
        return table.weighted(grams.ravel()[found], ends)


# Slots of the word pair table per pair, at least: with four, a fifth of the shipped model's pairs share a slot.
PAIR_SLOTS = 4
_SHARED_SLOT = -2
_NO_PAIR_KEY = 2**32 - 1  # the key of an empty slot in a table of 32-bit keys, above every key it holds
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)  # 2**64 / the golden ratio, odd: multiplying by it spreads keys over the high bits


def _pair_slots(keys: np.ndarray, size: int) -> np.ndarray:
    """The slot of each word pair key in a table of ``size`` slots (a power of two): the high bits of key * _GOLDEN."""
    shift = np.uint64(64 - (size.bit_length() - 1))
    return ((keys.astype(np.uint64) * _GOLDEN) >> shift).astype(np.intp)
