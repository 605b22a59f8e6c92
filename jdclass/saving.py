"""Checks of what a saved model's parts hold, run on every part before a posting is classified.

A model file (``jdclass.model_file``) holds vocabularies, settings and arrays of plain numbers; each part checks that
its arrays have the types, shapes and ranges that classifying relies on (``check``): a file whose parts were made by
hand is refused when it is loaded, rather than crashing at the first posting or, for a sparse matrix with indexes out
of range, in scipy's compiled code.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import sparse


def check_vocabulary(vocabulary: Any, what: str) -> int:
    """Its size, when ``vocabulary`` is a dict whose values number its columns 0 to n-1, each once; else a ValueError.
    (Its keys are looked up with strings: a key of another kind is never found, and does no harm.)"""
    if not isinstance(vocabulary, dict):
        raise TypeError(f"{what}: not a vocabulary")
    try:
        columns = np.fromiter(vocabulary.values(), dtype=np.int64, count=len(vocabulary))
    except (TypeError, ValueError, OverflowError):
        raise ValueError(f"{what}: column numbers that are not integers") from None
    columns.sort()
    if not np.array_equal(columns, np.arange(len(vocabulary))):
        raise ValueError(f"{what}: columns not numbered 0 to {len(vocabulary) - 1}")
    return len(vocabulary)


def check_array(array: Any, what: str, kind: str, shape: tuple[int | None, ...], low: float | None = None, high: float | None = None) -> np.ndarray:
    """``array`` when it is a numpy array of ``kind`` ("f" float, "i" integer, "b" boolean, "U" text) and ``shape``
    (None: any length) with every value in [low, high); else a ValueError."""
    if not isinstance(array, np.ndarray) or array.dtype.kind != kind or array.ndim != len(shape):
        raise ValueError(f"{what}: not a {len(shape)}-dimensional array of kind {kind}")
    if any(expected is not None and actual != expected for actual, expected in zip(array.shape, shape, strict=True)):
        raise ValueError(f"{what}: shape {array.shape}, not {shape}")
    if array.size and ((low is not None and array.min() < low) or (high is not None and array.max() >= high)):
        raise ValueError(f"{what}: values out of range")
    if kind == "f" and not np.isfinite(array).all():
        raise ValueError(f"{what}: values that are not finite")
    return array


def plain_csr(matrix: Any, what: str, shape: tuple[int, int]) -> sparse.csr_matrix:
    """A scipy CSR matrix of floats of ``shape`` built from ``matrix``'s arrays (a CSR matrix, or its data, indices,
    row pointers and shape as a model file holds them), once they are checked to be consistent (scipy's full check:
    sorted row pointers, column indexes in range); else a ValueError."""
    if isinstance(matrix, sparse.csr_matrix):
        matrix = (matrix.data, matrix.indices, matrix.indptr, tuple(matrix.shape))
    if not isinstance(matrix, tuple) or len(matrix) != 4:
        raise TypeError(f"{what}: not a sparse matrix")
    if tuple(matrix[3]) != shape:
        raise ValueError(f"{what}: shape {tuple(matrix[3])}, not {shape}")
    data = check_array(matrix[0], what, "f", (None,), -1e3, 1e3)
    indices = check_array(matrix[1], what, "i", (len(data),), 0, shape[1])
    indptr = check_array(matrix[2], what, "i", (shape[0] + 1,), 0, len(data) + 1)
    if indptr[0] != 0 or indptr[-1] != len(data) or (np.diff(indptr) < 0).any():
        raise ValueError(f"{what}: inconsistent row pointers")
    plain = sparse.csr_matrix((data, indices, indptr), shape=shape)
    plain.check_format(full_check=True)
    return plain
