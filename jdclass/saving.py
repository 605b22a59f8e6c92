"""What a saved model's parts may hold: plain attributes, restored and checked before a posting is classified.

A model file is a pickle of jdclass's own classes, numpy arrays and scipy's CSR matrix (``model._MODEL_TYPES``). The
classes below restore only the attributes they save (``PlainState``), so that a file cannot set anything else on an
object, or anything at all on a class, and each part checks that its arrays have the types, shapes and ranges that
classifying relies on (``check``): a file whose parts were made by hand is refused when it is loaded, rather than
crashing at the first posting or, for a sparse matrix with indexes out of range, in scipy's compiled code.
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np
from scipy import sparse


class PlainState:
    """Restores, when unpickled, exactly the attributes named in ``saved`` and nothing else."""

    saved: ClassVar[frozenset[str]] = frozenset()

    def __setstate__(self, state: dict[str, Any]) -> None:
        # Pickle's BUILD applied to the class itself calls this with the state as ``self``: refused, as is any other state.
        if not isinstance(self, PlainState) or not isinstance(state, dict) or set(state) != self.saved:
            raise TypeError("not the saved state of a model part")
        self.__dict__.update(state)


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
    """A scipy CSR matrix of floats of ``shape`` built from ``matrix``'s arrays, once they are checked to be consistent
    (scipy's full check: sorted row pointers, column indexes in range); else a ValueError."""
    if not isinstance(matrix, sparse.csr_matrix):
        raise TypeError(f"{what}: not a sparse matrix")
    if tuple(matrix.shape) != shape:
        raise ValueError(f"{what}: shape {tuple(matrix.shape)}, not {shape}")
    data = check_array(matrix.data, what, "f", (None,), -1e3, 1e3)
    indices = check_array(matrix.indices, what, "i", (len(data),), 0, shape[1])
    indptr = check_array(matrix.indptr, what, "i", (shape[0] + 1,), 0, len(data) + 1)
    if indptr[0] != 0 or indptr[-1] != len(data) or (np.diff(indptr) < 0).any():
        raise ValueError(f"{what}: inconsistent row pointers")
    plain = sparse.csr_matrix((data, indices, indptr), shape=shape)
    plain.check_format(full_check=True)
    return plain
