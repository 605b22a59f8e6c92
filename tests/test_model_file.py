"""The model file: written and read back exactly, and any edit of its structure either refused or a working model."""

from __future__ import annotations

import copy
import io
import json
import zipfile

import numpy as np
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from scipy import sparse

from jdclass import model_file
from jdclass.corpus import DEFAULT_CORPUS
from jdclass.duties import MADE_ON_USE
from jdclass.model import FORMAT_VERSION, LevelClassifier
from jdclass.training import train
from tests.hostile import ENGLISH


def _parts_equal(a: object, b: object) -> None:
    """Every attribute of two parts equal: arrays element by element and of one type, the rest as values."""
    assert type(a) is type(b)
    names = set(vars(a)) - set(MADE_ON_USE)
    assert names == set(vars(b)) - set(MADE_ON_USE)
    for name in names:
        left, right = getattr(a, name), getattr(b, name)
        if isinstance(left, np.ndarray):
            assert left.dtype == right.dtype and left.shape == right.shape and np.array_equal(left, right), name
        elif sparse.issparse(left):
            assert (left != right).nnz == 0 and left.dtype == right.dtype, name
        elif hasattr(left, "__dict__") and not isinstance(left, type):
            _parts_equal(left, right)
        else:
            assert left == right, name


def test_the_shipped_model_reads_back_as_it_was_written(classifier):
    data = model_file.write(classifier.model, classifier.matcher, classifier._grams(), FORMAT_VERSION)
    model, matcher, grams = model_file.read(data, FORMAT_VERSION)
    _parts_equal(model, classifier.model)
    _parts_equal(matcher, classifier.matcher)
    for name in ("part_columns", "whole_columns", "word_ids", "pair_keys", "pair_ids", "words", "unknown"):
        left, right = getattr(grams, name), getattr(classifier.grams, name)
        assert np.array_equal(left, right) if isinstance(left, np.ndarray) else left == right, name
    assert grams.whole is model.text and grams.parts is matcher.vectorizer
    assert model_file.write(model, matcher, grams, FORMAT_VERSION) == data  # the same bytes again


def test_the_archive_is_json_and_little_endian_arrays(classifier):
    data = model_file.write(classifier.model, classifier.matcher, classifier._grams(), FORMAT_VERSION)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        structure = json.loads(archive.read(model_file.STRUCTURE))
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in archive.infolist())
    assert names[0] == model_file.STRUCTURE and all(name.startswith("arrays/") for name in names[1:])
    assert structure["format"] == FORMAT_VERSION
    assert structure["model"]["rung"]["coef"] == {"array": "arrays/model.rung.coef", "dtype": "<f8", "shape": list(classifier.model.rung.coef.shape)}
    assert structure["model"]["family"]["classes"] == [False, True]
    assert structure["matcher"]["levels"] == classifier.matcher.levels


@pytest.fixture(scope="module")
def small_model(tmp_path_factory) -> tuple[LevelClassifier, dict, dict[str, bytes]]:
    """A model trained on a few postings per level, and its file's structure and members, for the edits below."""
    root = tmp_path_factory.mktemp("corpus")
    (root / "postings").mkdir()
    (root / "rubric").symlink_to(DEFAULT_CORPUS / "rubric")
    for folder in sorted((DEFAULT_CORPUS / "postings").iterdir()):
        (root / "postings" / folder.name).mkdir()
        for path in sorted(folder.glob("*.md"))[:8]:
            (root / "postings" / folder.name / path.name).write_bytes(path.read_bytes())
    classifier = train(root, None)
    data = model_file.write(classifier.model, classifier.matcher, classifier._grams(), FORMAT_VERSION)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    return classifier, json.loads(members.pop(model_file.STRUCTURE)), members


def _paths(node: object, path: tuple = ()) -> list[tuple]:
    """Every place in the structure: keys of objects and indexes of lists (the first three of a long list)."""
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node[:3]):
            found += _paths(value, (*path, index))
    return found


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


def _same_kind(original: object) -> st.SearchStrategy:
    """Values of the original's kind: the edits a checker must judge by value, not by type."""
    if isinstance(original, bool):
        return st.booleans()
    if isinstance(original, int):
        return st.integers(-3, 2**33)
    if isinstance(original, float):
        return st.floats()
    if isinstance(original, str):
        return st.text(max_size=12) | st.sampled_from(["APM", "PM", "SPM", "DIR", "VP", "CPO", "OTHER", "l2", "float32", "<i8", "<f4"])
    if isinstance(original, list):
        return st.lists(_same_kind(original[0]) if original else JSON_VALUES, max_size=4)
    return JSON_VALUES


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_edit_of_the_structure_is_refused_or_gives_a_working_model(small_model, data):
    """Whatever one place of ``model.json`` holds instead, reading refuses it with a domain reason, or the model it
    gives classifies a posting: no part that loads fails later."""
    classifier, structure, members = small_model
    edited = copy.deepcopy(structure)
    path = data.draw(st.sampled_from(_paths(structure)[1:]))
    node = edited
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = data.draw(_same_kind(node[path[-1]]) | JSON_VALUES)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(model_file.STRUCTURE, json.dumps(edited))
        for name, raw in members.items():
            archive.writestr(name, raw)
    try:
        model, matcher, grams = model_file.read(buffer.getvalue(), FORMAT_VERSION)
    except (model_file.Unreadable, ValueError, TypeError) as error:
        event(f"refused: {type(error).__name__}")
        return
    event("read")
    loaded = LevelClassifier(model, matcher, classifier.manifest, grams)
    result = loaded.classify(ENGLISH)
    assert abs(sum(p for _, p in result.probabilities) - 1.0) < 1e-9
