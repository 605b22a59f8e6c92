"""The model file: the fitted parts as JSON and arrays of plain numbers in a zip archive, read back with no pickle.

``model.json`` holds the structure (settings, class names, vocabularies as lists of strings in column order, the
duty statements) and names each array, with its type and shape, as a member of the archive that holds its bytes.
Reading builds only jdclass's own parts from strings, numbers and arrays of numbers: nothing in the file names a
type or a function, so no file can make loading run code, build an object of its choosing or, as a pickle of
deeply nested data could, overflow the interpreter's stack. What loading may unpack is bounded before it starts:
at most ``MAX_MEMBERS`` members, stored or deflated only, unpacked no further than the size the archive's directory
gives each (``MAX_MODEL_BYTES`` in all), and ``model.json`` at most ``MAX_STRUCTURE_BYTES`` with at most
``MAX_CONTAINERS`` objects and lists, so that parsing it cannot take gigabytes. Every part then checks its kinds,
shapes and ranges (``check`` of each class) before a posting is classified.
"""

from __future__ import annotations

import io
import json
import math
import zipfile
import zlib
from typing import Any

import numpy as np

from jdclass.duties import DutyMatcher
from jdclass.fields import FieldTable
from jdclass.fitted import Linear, TwoQuestions
from jdclass.grams import SharedGrams, TfidfTable

STRUCTURE = "model.json"
# The largest model that ``read`` unpacks, all members together: the shipped one unpacks to about 25 MB.
MAX_MODEL_BYTES = 256 * 1024 * 1024
# ``model.json`` of the shipped model: 5.7 MB holding 25 objects and 29 lists (vocabularies, statements, shapes, classes).
# JSON of many small objects takes about 25 times its size in memory; these bound it to a few hundred MB.
MAX_STRUCTURE_BYTES = 32 * 1024 * 1024
MAX_CONTAINERS = 10_000
MAX_MEMBERS = 64  # the shipped model has 15
# The array types a model holds, little-endian as written on every platform numpy supports.
_DTYPES = {"<f8": np.float64, "<f4": np.float32, "<i4": np.int32, "<i8": np.int64}
_WEIGHT_TYPES = {"float64": np.float64, "float32": np.float32}
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the same bytes from the same model, whenever it is written


class Unreadable(Exception):
    """The file is no archive a model is read from: not a zip, members past the limits or that cannot be unpacked,
    no ``model.json``, or JSON that does not parse."""


def write(model: TwoQuestions, matcher: DutyMatcher, grams: SharedGrams, version: int) -> bytes:
    """The model file's bytes: ``model.json`` first, then each array's bytes, compressed, with fixed timestamps."""
    arrays: dict[str, np.ndarray] = {}

    def array(name: str, values: np.ndarray) -> dict[str, Any]:
        values = np.ascontiguousarray(values)
        values = values.astype(values.dtype.newbyteorder("<"), copy=False)
        if values.dtype.str not in _DTYPES:
            raise TypeError(f"{name}: a model holds no array of {values.dtype}")
        arrays[f"arrays/{name}"] = values
        return {"array": f"arrays/{name}", "dtype": values.dtype.str, "shape": list(values.shape)}

    def table(name: str, part: TfidfTable) -> dict[str, Any]:
        return {
            "vocabulary": _in_column_order(part.vocabulary),
            "idf": array(f"{name}.idf", part.idf),
            "ngram_range": list(part.ngram_range),
            "sublinear_tf": part.sublinear_tf,
            "norm": part.norm,
            "dtype": np.dtype(part.dtype).name,
        }

    def linear(name: str, part: Linear | None) -> dict[str, Any] | None:
        if part is None:
            return None
        return {"coef": array(f"{name}.coef", part.coef), "intercept": array(f"{name}.intercept", part.intercept), "classes": part.classes.tolist()}

    def fields(part: FieldTable | None) -> dict[str, Any] | None:
        if part is None:
            return None
        return {"groups": list(part.groups), "boss_mentions": part.boss_mentions, "vocabulary": _in_column_order(part.vocabulary)}

    matrix = matcher.matrix
    structure = {
        "format": version,
        "model": {
            "text": table("model.text", model.text),
            "family": linear("model.family", model.family),
            "family_fields": fields(model.family_fields),
            "rung": linear("model.rung", model.rung),
            "rung_fields": fields(model.rung_fields),
            "fields_weight": float(model.fields_weight),
            "classes": model.classes_.tolist(),
            "other_label": model.other_label,
        },
        "matcher": {
            "levels": list(matcher.levels),
            "statements": list(matcher.statements),
            "vectorizer": table("matcher.vectorizer", matcher.vectorizer),
            "matrix": {
                "shape": list(matrix.shape),
                "data": array("matcher.matrix.data", matrix.data),
                "indices": array("matcher.matrix.indices", matrix.indices),
                "indptr": array("matcher.matrix.indptr", matrix.indptr),
            },
        },
        "grams": {
            "words": _in_column_order(grams.words),
            **{name: array(f"grams.{name}", getattr(grams, name)) for name in ("part_columns", "whole_columns", "word_ids", "pair_keys", "pair_ids")},
        },
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        _add(archive, STRUCTURE, json.dumps(structure, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        for name, values in arrays.items():
            _add(archive, name, values.tobytes())
    return buffer.getvalue()


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data, compresslevel=6)


def _in_column_order(vocabulary: dict[str, int]) -> list[str]:
    return sorted(vocabulary, key=vocabulary.__getitem__)


def read(data: bytes, version: int) -> tuple[TwoQuestions, DutyMatcher, SharedGrams]:
    """The model, duty matcher and look-up tables a model file holds, each checked (``check``) to be what classifying
    reads. ``Unreadable`` when the bytes are no model archive; a ValueError or TypeError names the first part that is
    not what a model holds."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError) as error:
        raise Unreadable(f"not a zip archive: {error}") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise Unreadable(f"it holds {len(infos):,} members; a model holds at most {MAX_MEMBERS}")
        members = {info.filename: info for info in infos}
        if len(members) != len(infos):
            raise Unreadable("a member named twice")
        for info in infos:
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or info.flag_bits & 0x1:
                raise Unreadable(f"the member {_clip(info.filename)} is encrypted or packed in a way a model file is not")
        if STRUCTURE not in members:
            raise Unreadable(f"no {STRUCTURE} in the archive")
        unpacked = sum(info.file_size for info in infos)
        if unpacked > MAX_MODEL_BYTES:
            raise Unreadable(f"it unpacks to {unpacked:,} bytes, over the {MAX_MODEL_BYTES:,}-byte limit")
        if members[STRUCTURE].file_size > MAX_STRUCTURE_BYTES:
            raise Unreadable(f"{STRUCTURE} unpacks to {members[STRUCTURE].file_size:,} bytes, over the {MAX_STRUCTURE_BYTES:,}-byte limit")
        raw = unpack(archive, members[STRUCTURE], STRUCTURE)
        if raw.count(b"{") + raw.count(b"[") > MAX_CONTAINERS:  # an upper bound: a bracket inside a string counts too
            raise Unreadable(f"{STRUCTURE} holds more than {MAX_CONTAINERS:,} objects and lists")
        try:
            structure = json.loads(raw.decode("utf-8"))
        except (ValueError, RecursionError) as error:  # not UTF-8, not JSON, nested too deep
            raise Unreadable(f"{STRUCTURE} cannot be read: {error}") from None
        reader = _Reader(archive, members)
        parts = reader.parts(structure, version)
        unused = set(members) - reader.used - {STRUCTURE}
        if unused:
            raise ValueError(f"it holds {len(unused)} member(s) no part names, such as {_clip(min(unused))}")
    return parts


def unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo, what: str) -> bytes:
    """A member's bytes, unpacked no further than the size the archive's directory gives it (``ZipFile.read``
    unpacks a whole block before it cuts, up to gigabytes from a few bytes), its checksum checked."""
    try:
        with archive.open(info) as member:
            data = member.read(info.file_size + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as error:
        raise Unreadable(f"{what} cannot be unpacked: {error}") from None
    if len(data) != info.file_size:
        raise Unreadable(f"{what} cannot be unpacked: {len(data):,} bytes where the archive says {info.file_size:,}")
    return data


def _clip(text: str, limit: int = 60) -> str:
    """A name from the file, quoted, on one short line."""
    return repr(text[:limit]) + ("…" if len(text) > limit else "")


class _Reader:
    """Builds a model's parts from ``model.json``'s structure, taking each array named in it from the archive."""

    def __init__(self, archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo]) -> None:
        self.archive = archive
        self.members = members
        self.used: set[str] = set()

    def parts(self, structure: Any, version: int) -> tuple[TwoQuestions, DutyMatcher, SharedGrams]:
        top = _fields(structure, {"format", "model", "matcher", "grams"}, "the file")
        if type(top["format"]) is not int:
            raise ValueError(f"the file says no format, not format {version}")
        if top["format"] != version:
            shown = top["format"] if abs(top["format"]) < 10**6 else "a larger number"
            raise ValueError(f"the file says it is of format {shown}, not {version}")
        model = self.model(top["model"])
        matcher = self.matcher(top["matcher"])
        grams = self.grams(top["grams"], model.text, matcher.vectorizer)
        model.check()
        matcher.check()
        grams.check(model.text, matcher.vectorizer)
        return model, matcher, grams

    def model(self, value: Any) -> TwoQuestions:
        keys = {"text", "family", "family_fields", "rung", "rung_fields", "fields_weight", "classes", "other_label"}
        part = _fields(value, keys, "the model")
        weight = part["fields_weight"]
        if type(weight) not in (int, float) or not math.isfinite(weight):
            raise ValueError("the model's fields weight is not a number")
        return TwoQuestions(
            text=self.table(part["text"], "the model's TF-IDF"),
            family=None if part["family"] is None else self.linear(part["family"], "the family model"),
            family_fields=None if part["family_fields"] is None else _field_table(part["family_fields"], "the family model's fields"),
            rung=self.linear(part["rung"], "the rung model"),
            rung_fields=None if part["rung_fields"] is None else _field_table(part["rung_fields"], "the rung model's fields"),
            fields_weight=float(weight),
            classes=np.array(_strings(part["classes"], "the model's classes"), dtype=str),
            other_label=_string(part["other_label"], "the model's settings"),
        )

    def matcher(self, value: Any) -> DutyMatcher:
        part = _fields(value, {"levels", "statements", "vectorizer", "matrix"}, "the duty matcher")
        matrix = _fields(part["matrix"], {"shape", "data", "indices", "indptr"}, "the duty matrix")
        shape = _shape(matrix["shape"], 2, "the duty matrix")
        arrays = [self.array(matrix[name], f"the duty matrix's {name}") for name in ("data", "indices", "indptr")]
        return DutyMatcher.restored(
            levels=_strings(part["levels"], "the duty matcher's levels"),
            statements=_strings(part["statements"], "the duty matcher's statements"),
            vectorizer=self.table(part["vectorizer"], "the duty matcher's TF-IDF"),
            matrix=(arrays[0], arrays[1], arrays[2], (shape[0], shape[1])),
        )

    def grams(self, value: Any, whole: TfidfTable, parts: TfidfTable) -> SharedGrams:
        names = ("part_columns", "whole_columns", "word_ids", "pair_keys", "pair_ids")
        part = _fields(value, {"words", *names}, "the look-up tables")
        arrays = {name: self.array(part[name], f"the look-up tables' {name}") for name in names}
        return SharedGrams.restored(whole, parts, words=_vocabulary(part["words"], "the look-up tables' words"), **arrays)

    def table(self, value: Any, what: str) -> TfidfTable:
        part = _fields(value, {"vocabulary", "idf", "ngram_range", "sublinear_tf", "norm", "dtype"}, what)
        ngram_range = part["ngram_range"]
        if not isinstance(ngram_range, list) or len(ngram_range) != 2 or not all(type(n) is int for n in ngram_range):
            raise ValueError(f"{what} has settings no TF-IDF table has")
        if part["dtype"] not in _WEIGHT_TYPES or part["norm"] not in ("l2", None) or type(part["sublinear_tf"]) is not bool:
            raise ValueError(f"{what} has settings no TF-IDF table has")
        return TfidfTable(
            vocabulary=_vocabulary(part["vocabulary"], f"{what}'s vocabulary"),
            idf=self.array(part["idf"], f"{what}'s weights"),
            ngram_range=(ngram_range[0], ngram_range[1]),
            sublinear_tf=part["sublinear_tf"],
            norm=part["norm"],
            dtype=_WEIGHT_TYPES[part["dtype"]],
        )

    def linear(self, value: Any, what: str) -> Linear:
        part = _fields(value, {"coef", "intercept", "classes"}, what)
        classes = part["classes"]
        if not isinstance(classes, list) or not (all(type(c) is str for c in classes) or all(type(c) is bool for c in classes)):
            raise ValueError(f"{what}'s classes are not a list of names")
        return Linear(
            coef=self.array(part["coef"], f"{what}'s coefficients"),
            intercept=self.array(part["intercept"], f"{what}'s intercept"),
            classes=np.array(classes, dtype=bool if classes and type(classes[0]) is bool else str),
        )

    def array(self, value: Any, what: str) -> np.ndarray:
        """The array a reference names (``{"array": member, "dtype": ..., "shape": [...]}``), its member's bytes copied,
        once the member is found to hold exactly as many bytes as the type and shape say."""
        ref = _fields(value, {"array", "dtype", "shape"}, what)
        name, dtype = ref["array"], ref["dtype"]
        if type(name) is not str or name not in self.members or name == STRUCTURE:
            raise ValueError(f"{what}: names no array of the archive")
        if name in self.used:
            raise ValueError(f"{what}: an array named twice")
        if type(dtype) is not str or dtype not in _DTYPES:
            shown = _clip(dtype) if type(dtype) is str else f"a {type(dtype).__name__}"
            raise ValueError(f"{what}: an array of type {shown}, which a model does not hold")
        shape = _shape(ref["shape"], None, what)
        size = math.prod(shape) * np.dtype(_DTYPES[dtype]).itemsize
        if self.members[name].file_size != size:
            raise ValueError(f"{what}: {self.members[name].file_size:,} bytes for an array of {size:,}")
        self.used.add(name)
        raw = unpack(self.archive, self.members[name], what)
        return np.frombuffer(bytearray(raw), dtype=_DTYPES[dtype]).reshape(shape)


def _fields(value: Any, keys: set[str], what: str) -> dict[str, Any]:
    """``value`` when it is an object of exactly these keys; else a ValueError naming a key missing or unexpected."""
    detail = ""
    if isinstance(value, dict) and set(value) != keys:
        missing, unexpected = sorted(keys - set(value)), sorted(set(value) - keys)
        detail = f" (no {missing[0]!r})" if missing else f" (an unexpected {_clip(unexpected[0])})"
    if not isinstance(value, dict) or detail:
        raise ValueError(f"{what}: not the parts a model holds{detail}")
    return value


def _field_table(value: Any, what: str) -> FieldTable:
    part = _fields(value, {"groups", "boss_mentions", "vocabulary"}, what)
    return FieldTable(tuple(_strings(part["groups"], what)), part["boss_mentions"], _vocabulary(part["vocabulary"], f"{what}' columns"))


def _string(value: Any, what: str) -> str:
    if type(value) is not str:
        raise ValueError(f"{what}: not a name")
    return value


def _strings(value: Any, what: str) -> list[str]:
    if not isinstance(value, list) or not all(type(item) is str for item in value):
        raise ValueError(f"{what}: not a list of names")
    return value


def _vocabulary(value: Any, what: str) -> dict[str, int]:
    """A list of n-grams in column order as the vocabulary (n-gram to column) it stands for; each n-gram once."""
    words = _strings(value, what)
    vocabulary = dict(zip(words, range(len(words))))
    if len(vocabulary) != len(words):
        raise ValueError(f"{what}: an entry listed twice")
    return vocabulary


def _shape(value: Any, dimensions: int | None, what: str) -> tuple[int, ...]:
    if not isinstance(value, list) or not 1 <= len(value) <= 2 or (dimensions is not None and len(value) != dimensions):
        raise ValueError(f"{what}: not the shape of an array a model holds")
    if not all(type(n) is int and 0 <= n < 2**31 for n in value):
        raise ValueError(f"{what}: not the shape of an array a model holds")
    return tuple(value)
