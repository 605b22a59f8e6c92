"""Every hostile or broken input has a defined outcome: one domain error with an exact message, or a flagged result.

The table lives in tests/hostile.py. Each row goes through the library (``jdclass.parse``, ``classify``), the batch
(the row's ``error`` or ``flags`` column) and the CLI (exit code and exact output, never a traceback).
"""

from __future__ import annotations

import dataclasses
import errno
import hashlib
import io
import json
import os
import pickle
import shutil
import socket
import subprocess
import threading
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest
import spacy
from click.testing import CliRunner

import jdclass
from jdclass.batch import BatchInput, run_batch
from jdclass.cli import cli
from jdclass.errors import CorruptFile, EmptyInput, InputError, InputTooLarge, JdclassError, ModelIntegrityError, ModelNotFound
from jdclass.model import DEFAULT_MODEL_DIR, FORMAT_VERSION, MANIFEST_FILE, MODEL_FILE
from jdclass.model_file import STRUCTURE
from jdclass.readers import _read_bytes, docx_to_text, pdf_to_text, read_posting
from jdclass.report import render_classification
from tests.hostile import (
    ENGLISH,
    FILES,
    HOSTILE_HTML,
    LIBRARY_ONLY_TEXTS,
    ON_THE_LADDER_PDF_PAGES,
    SCRIPT_PAYLOAD,
    TEXTS,
    UNREADABLE,
    Classified,
    Refused,
    assert_well_formed,
    docx_with,
    pdf_many_operators,
)


@pytest.fixture(autouse=True)
def nothing_is_fetched_or_run(monkeypatch):
    """A posting is only ever read: any network connection or child process fails the test."""
    attempts: list[object] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"jdclass tried to reach out: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(subprocess.Popen, "__init__", refuse)
    yield
    assert not attempts, attempts


@pytest.fixture
def runner(monkeypatch, classifier):
    monkeypatch.setattr("jdclass.model.load", lambda path=None: classifier)  # the shipped model, loaded once per session
    return CliRunner()


def make(name: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Write the hostile file ``name`` into the working folder."""
    build, _ = FILES[name]
    path = Path(name)
    build(path)
    if name == UNREADABLE and os.geteuid() == 0:  # root reads a chmod 000 file, so refuse the open as the kernel would
        real_open = os.open

        def denied(file, flags, *args, **kwargs):
            if Path(file).name == UNREADABLE:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(file))
            return real_open(file, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", denied)
    return path


def check(outcome: Refused | Classified, call):
    """Run ``call`` and hold it to ``outcome``: that exact error and message, or a well-formed result with those flags."""
    if isinstance(outcome, Refused):
        with pytest.raises(JdclassError) as raised:
            call()
        assert (type(raised.value), str(raised.value)) == (outcome.error, outcome.message)
        assert "\n" not in str(raised.value)
        return None
    result = call()
    assert_well_formed(result)
    assert outcome.flags <= set(result.flags), result.flags
    return result


def batch_row(item: BatchInput, classifier) -> dict[str, object]:
    run_batch([item], "rows.jsonl", n_jobs=1, model=classifier)
    (row,) = [json.loads(line) for line in Path("rows.jsonl").read_text(encoding="utf-8").splitlines()]
    return row


def check_row(row: dict[str, object], outcome: Refused | Classified) -> None:
    if isinstance(outcome, Refused):
        assert row["error"] == outcome.message
    else:
        assert row["error"] is None
        assert outcome.flags <= set(str(row["flags"] or "").split(";"))


@pytest.mark.parametrize("name", list(FILES))
def test_a_hostile_file_through_the_library_and_the_batch(name, monkeypatch, classifier):
    path = make(name, monkeypatch)
    outcome = FILES[name][1]
    check(outcome, lambda: classifier.classify(jdclass.parse(path)))
    check(outcome, lambda: classifier.classify(path))
    many = dataclasses.replace(outcome, message=f"input 1: {outcome.message}") if isinstance(outcome, Refused) else outcome
    check(many, lambda: next(classifier.classify_many([path])))  # classify_many names the input's place
    check_row(batch_row(BatchInput(name, path=name), classifier), outcome)


@pytest.mark.parametrize("name", list(FILES))
def test_a_hostile_file_through_the_cli(name, monkeypatch, runner, classifier):
    make(name, monkeypatch)
    outcome = FILES[name][1]
    for command in ("classify", "parse"):
        result = runner.invoke(cli, [command, name])
        if isinstance(outcome, Refused):
            assert (result.exit_code, result.output) == (1, f"Error: {outcome.message}{outcome.cli_hint}\n")
        else:
            assert result.exit_code == 0, result.output
            assert "Traceback" not in result.output
    if isinstance(outcome, Classified):
        result = runner.invoke(cli, ["classify", name])
        expected = classifier.classify(jdclass.parse(Path(name)))
        assert result.output == render_classification(expected) + "\n"
        if {"too_short", "not_english"} & outcome.flags:
            assert "\nNote: " in result.output


@pytest.mark.parametrize("name", list(TEXTS))
def test_hostile_text_through_the_library_and_the_batch(name, classifier):
    text, outcome, _ = TEXTS[name]
    check(outcome, lambda: classifier.classify(text))
    if isinstance(outcome, Refused):
        check(outcome, lambda: jdclass.parse(text))
    check_row(batch_row(BatchInput(name, text=text), classifier), outcome)


@pytest.mark.parametrize("name", list(TEXTS))
def test_hostile_text_on_stdin(name, runner, classifier):
    text, _, outcome = TEXTS[name]
    result = runner.invoke(cli, ["classify", "-"], input=text.encode("utf-8"))
    if isinstance(outcome, Refused):
        assert (result.exit_code, result.output) == (1, f"Error: {outcome.message}\n")
    else:
        assert result.exit_code == 0, result.output
        assert result.output == render_classification(classifier.classify(text)) + "\n"


@pytest.mark.parametrize("name", list(LIBRARY_ONLY_TEXTS))
def test_values_only_a_script_can_pass(name, classifier):
    value, outcome = LIBRARY_ONLY_TEXTS[name]
    check(outcome, lambda: jdclass.parse(value))
    check(outcome, lambda: classifier.classify(value))


def test_html_keeps_the_words_and_drops_scripts_styles_and_trackers(classifier):
    text = classifier.classify(HOSTILE_HTML).posting.text
    assert text.splitlines()[0] == "# Senior Product Manager"
    assert "Own the roadmap for our payments platform & billing." in text
    assert "- Mentor junior product managers" in text.splitlines()
    for never in (SCRIPT_PAYLOAD, "tracker", "Careers", "background", "cookie", "fetch"):
        assert never not in text


def test_a_docx_external_entity_is_not_resolved(monkeypatch):
    path = make("external-entity.docx", monkeypatch)
    text = read_posting(path)
    assert "Senior Product Manager" in text
    if Path("/etc/hostname").is_file():
        assert Path("/etc/hostname").read_text().strip() not in text


def test_a_pdf_is_read_for_its_first_fifty_pages_only(monkeypatch):
    text = read_posting(make("sixty-pages.pdf", monkeypatch))
    assert len(ON_THE_LADDER_PDF_PAGES) == 60
    assert "Page 50:" in text and "Page 51:" not in text


def test_a_slow_pdf_stops_at_its_time_budget():
    data = pdf_many_operators(60_000)
    started = time.monotonic()
    with pytest.raises(InputTooLarge, match=r"^slow\.pdf: reading the PDF took over 0\.2 seconds; refusing it$"):
        pdf_to_text(data, "slow.pdf", time_budget=0.2)
    assert time.monotonic() - started < 5


def test_a_pdf_with_too_many_operators_is_refused():
    with pytest.raises(InputTooLarge, match="past the reading limits"):
        pdf_to_text(pdf_many_operators(150_000), "busy.pdf")


def test_a_long_word_file_stops_at_its_time_budget():
    paragraph = b"<w:p><w:r><w:t>Own the roadmap for payments.</w:t></w:r></w:p>"
    head = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    data = docx_with(head + paragraph * 20_000 + b"</w:body></w:document>")
    assert docx_to_text(data, "long.docx").count("Own the roadmap") == 20_000  # 1.3 MB of XML, read in well under the budget
    with pytest.raises(InputTooLarge, match=r"^long\.docx: reading the Word file took over 0\.01 seconds; refusing it$"):
        docx_to_text(data, "long.docx", time_budget=0.01)


def test_a_fifo_swapped_in_after_the_check_does_not_hang(tmp_path):
    """The open is non-blocking and the file is checked again once open, so a FIFO with no writer cannot hang a read."""
    pipe = tmp_path / "swapped.txt"
    os.mkfifo(pipe)
    outcome: list[BaseException] = []
    reader = threading.Thread(target=lambda: outcome.append(pytest.raises(InputError, _read_bytes, pipe, 100).value), daemon=True)
    reader.start()
    reader.join(timeout=5)
    assert not reader.is_alive(), "reading a FIFO blocked"
    assert str(outcome[0]) == f"{pipe}: is a named pipe, not a regular file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file without permissions")
def test_a_file_without_read_permission(tmp_path):
    path = tmp_path / "private.txt"
    path.write_text(ENGLISH)
    path.chmod(0)
    with pytest.raises(InputError, match=r"private\.txt: cannot read \(Permission denied\)$"):
        read_posting(path)


@pytest.mark.parametrize(
    ("limits", "text", "message"),
    [
        ({"max_chars": 100}, "word " * 30, "the text has 150 characters, over the 100-character limit"),
        ({"max_chars": 5_000_000}, "a" * 1_000_001, "the text has 1,000,001 characters, over the 1,000,000-character limit"),
    ],
)
def test_the_text_limit_is_configurable_up_to_spacys_own(limits, text, message):
    with pytest.raises(InputTooLarge) as raised:
        jdclass.parse(text, **limits)
    assert str(raised.value) == message


def test_the_file_limit_is_configurable(tmp_path):
    path = tmp_path / "ad.txt"
    path.write_text(ENGLISH)
    with pytest.raises(InputTooLarge, match=rf"ad\.txt: {len(ENGLISH.encode()):,} bytes is over the 100-byte limit$"):
        jdclass.parse(path, max_bytes=100)
    assert jdclass.parse(path, max_bytes=len(ENGLISH.encode())).text == ENGLISH


def test_a_title_with_surrogates_is_refused():
    with pytest.raises(CorruptFile, match=r"^the title: invalid Unicode \(unpaired surrogates\)$"):
        jdclass.parse(ENGLISH, title="Senior PM \udc80")


def model_parts(folder: Path) -> tuple[dict, dict[str, bytes]]:
    """The structure (``model.json``) and the other members of the model file in ``folder``."""
    with zipfile.ZipFile(folder / MODEL_FILE) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    return json.loads(members.pop(STRUCTURE)), members


def write_model(folder: Path, members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> None:
    """A model file holding ``members`` as they are, its manifest's sha256 made to match (whoever writes one writes both)."""
    rewrite(folder, _zipped(members, method))


def _zipped(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _patched(data: bytes, name: str, offset: int, value: int) -> bytes:
    """The archive with one field of ``name``'s entry in the central directory set: 8 its flags, 24 its size."""
    entry = data.rindex(b"PK\x01\x02", 0, data.rindex(name.encode())) + offset
    width = 2 if offset == 8 else 4
    return data[:entry] + value.to_bytes(width, "little") + data[entry + width :]


def rewrite(folder: Path, data: bytes) -> None:
    (folder / MODEL_FILE).write_bytes(data)
    manifest = json.loads((folder / MANIFEST_FILE).read_text())
    manifest["sha256"] = hashlib.sha256(data).hexdigest()
    (folder / MANIFEST_FILE).write_text(json.dumps(manifest))


def edit_model(folder: Path, edit) -> None:
    """Apply ``edit(structure, arrays)`` to a real model's parts (arrays by member name, as numpy arrays) and write
    them back: what a hand-made file can hold."""
    structure, members = model_parts(folder)
    arrays = {name: np.frombuffer(data, dtype=_dtype(structure, name)).copy() for name, data in members.items()}
    edit(structure, arrays)
    write_model(folder, {STRUCTURE: json.dumps(structure).encode(), **{name: values.tobytes() for name, values in arrays.items()}})


def _dtype(structure: object, name: str) -> str:
    """The type the structure gives the array stored as ``name``."""
    if isinstance(structure, dict):
        if structure.get("array") == name:
            return structure["dtype"]
        found = [_dtype(value, name) for value in structure.values()]
    elif isinstance(structure, list):
        found = [_dtype(value, name) for value in structure]
    else:
        return ""
    return next((dtype for dtype in found if dtype), "")


def _replace(structure: dict, arrays: dict, path: tuple[str, ...], values: np.ndarray) -> None:
    """Put ``values`` where ``path`` names an array, with the type and shape it has."""
    ref = structure
    for key in path:
        ref = ref[key]
    arrays[ref["array"]] = values
    ref["dtype"], ref["shape"] = values.dtype.str, list(values.shape)


def _array(structure: dict, arrays: dict, path: tuple[str, ...]) -> np.ndarray:
    ref = structure
    for key in path:
        ref = ref[key]
    return arrays[ref["array"]].reshape(ref["shape"])


COEF = ("model", "rung", "coef")


def _shipped_columns() -> tuple[int, int]:
    """The shipped model's vocabulary size (the duty matrix's columns) and its rung model's number of features."""
    with zipfile.ZipFile(DEFAULT_MODEL_DIR / MODEL_FILE) as archive:
        structure = json.loads(archive.read(STRUCTURE))
    return structure["matcher"]["matrix"]["shape"][1], structure["model"]["rung"]["coef"]["shape"][1]


VOCABULARY, RUNG_FEATURES = _shipped_columns()  # they change with every corpus or parser change: read, not written here
# Edits of a real model's parts, each written back with a matching sha256.
EDITS = {
    "model.json a list": lambda s, a: s.clear(),
    "look-up tables of another kind": lambda s, a: s.update(grams={"not": "tables"}),
    "parts of another kind": lambda s, a: s["matcher"].update(vectorizer={}),
    "duty matrix indexes out of range": lambda s, a: _array(s, a, ("matcher", "matrix", "indices")).fill(2**31 - 1),
    "duty matrix of another shape": lambda s, a: s["matcher"]["matrix"].update(shape=[230, 10]),
    "coefficients as text": lambda s, a: s["model"]["rung"].update(coef="abc"),
    "coefficients of another shape": lambda s, a: _replace(s, a, COEF, _array(s, a, COEF)[:, :10].copy()),
    "coefficients near the float limit": lambda s, a: _array(s, a, COEF).fill(1.7e308),
    "an array of objects": lambda s, a: s["model"]["rung"]["coef"].update(dtype="|O"),
    "an array of big-endian numbers": lambda s, a: s["model"]["rung"]["coef"].update(dtype=">f8"),
    "an array longer than its bytes": lambda s, a: s["model"]["rung"]["coef"].update(shape=[6, RUNG_FEATURES + 1]),
    "an array of three dimensions": lambda s, a: s["model"]["rung"]["coef"].update(shape=[6, RUNG_FEATURES, 1]),
    "an array named twice": lambda s, a: s["model"]["family"].update(intercept=s["model"]["rung"]["intercept"]),
    "an array outside the archive": lambda s, a: s["model"]["rung"]["coef"].update(array="../../etc/passwd"),
    "an array the structure names as itself": lambda s, a: s["model"]["rung"]["coef"].update(array=STRUCTURE),
    "a member no part names": lambda s, a: a.update({"arrays/extra": np.zeros(3)}),
    "look-up tables out of range": lambda s, a: _array(s, a, ("grams", "whole_columns")).fill(10**9),
    "a vocabulary with a word twice": lambda s, a: s["model"]["text"]["vocabulary"].__setitem__(1, s["model"]["text"]["vocabulary"][0]),
    "a vocabulary of numbers": lambda s, a: s["model"]["text"]["vocabulary"].__setitem__(0, 7),
    "an unknown class": lambda s, a: s["model"].update(classes=["APM", "XYZ"]),
    "a class in lower case": lambda s, a: s["model"].update(classes=["APM", "apm"]),
    "family classes as text": lambda s, a: s["model"]["family"].update(classes=["False", "True"]),
    "a duty of no level": lambda s, a: s["matcher"]["levels"].__setitem__(0, "XYZ"),
    "settings no TF-IDF table has": lambda s, a: s["model"]["text"].update(ngram_range=[1, 3]),
    "a fields weight of infinity": lambda s, a: s["model"].update(fields_weight=1e999),
    "an older format inside": lambda s, a: s.update(format=6),
    "a duty statement with a terminal escape": lambda s, a: s["matcher"]["statements"].__setitem__(0, "\x1b]0;owned\x07Level: CPO, 99%"),
    "look-up tables counting unknown words": lambda s, a: _array(s, a, ("grams", "part_columns")).__setitem__(-1, 0),
}
# Files written whole, each with a matching sha256.
FILES_WRITTEN = {
    "a matching file that is not a zip": lambda folder: rewrite(folder, b"\x80\x05not a zip"),
    "a matching zip of something else": lambda folder: write_model(folder, {"readme.txt": b"hello"}),
    "model.json not JSON": lambda folder: write_model(folder, {STRUCTURE: b"{not json"}),
    "model.json not UTF-8": lambda folder: write_model(folder, {STRUCTURE: b"\xff\xfe{}"}),
    # A pickle of such depth crashed format 6's loader (the interpreter's C stack); JSON's parser counts its depth.
    "model.json nested 5,000 deep": lambda folder: write_model(folder, {STRUCTURE: b"[" * 5_000 + b"]" * 5_000}),
    # 240 MB of "{}," packs into a few hundred KB and parses into gigabytes: refused by its count of objects and lists.
    "model.json of 20,000 empty objects": lambda folder: write_model(folder, {STRUCTURE: b"[" + b"{}," * 20_000 + b"{}]"}),
    "a member packed with bzip2": lambda folder: write_model(folder, {STRUCTURE: b"{}"}, zipfile.ZIP_BZIP2),
    "an encrypted member": lambda folder: rewrite(folder, _patched(_zipped({STRUCTURE: b"{}"}), STRUCTURE, 8, 1)),
    # Deflated bytes that unpack to 2 MB under a directory that says 10: unpacking stops at 10 (and the CRC fails).
    "a member larger than the archive says": lambda folder: rewrite(folder, _patched(_zipped({STRUCTURE: bytes(2_000_000)}), STRUCTURE, 24, 10)),
    "more members than a model has": lambda folder: write_model(folder, {STRUCTURE: b"{}", **{f"arrays/{n}": b"" for n in range(100)}}),
    "a compressed member damaged": lambda folder: rewrite(folder, _damaged_member((folder / MODEL_FILE).read_bytes())),
}


def _damaged_member(data: bytes) -> bytes:
    """The model file with the rung model's coefficients damaged: their checksum in the archive's directory changed."""
    return _patched(data, "arrays/model.rung.coef", 16, 12345)


def damage_model(change: str, folder: Path) -> None:
    """Apply one kind of damage to the model copy in ``folder``; manifest edits keep the JSON valid."""
    model, manifest_path = folder / MODEL_FILE, folder / MANIFEST_FILE
    manifest = json.loads(manifest_path.read_text())
    if change in EDITS:
        edit_model(folder, EDITS[change])
        return
    if change in FILES_WRITTEN:
        FILES_WRITTEN[change](folder)
        return
    if change == "a byte appended":
        model.write_bytes(model.read_bytes() + b"\0")
    elif change == "truncated":
        model.write_bytes(model.read_bytes()[:1000])
    elif change == "emptied":
        model.write_bytes(b"")
    elif change == "model file missing":
        model.unlink()
    elif change == "manifest missing":
        manifest_path.unlink()
    elif change == "manifest not JSON":
        manifest_path.write_bytes(b"\xff\xfe{")
    elif change == "manifest a list":
        manifest_path.write_text("[]")
    elif change == "manifest nested 100,000 deep":
        manifest_path.write_text("[" * 100_000 + "]" * 100_000)
    elif change == "manifest with a number of 5,000 digits":
        manifest_path.write_text('{"format": 1' + "0" * 5_000 + "}")
    elif change == "a spaCy version with a line break":
        manifest["environment"]["spacy"] = "3.8\nLevel: Chief Product Officer (CPO), 99%"
    elif change == "training data named with a terminal escape":
        manifest["format"] = 4
        manifest["training_data"] = {"corpus": False, "file": "ours.csv\x1b[2J", "rows": 40}
    elif change == "no sha256":
        del manifest["sha256"]
    elif change == "model file outside its folder":
        manifest["model_file"] = "/etc/passwd"
    elif change == "environment not a mapping":
        manifest["environment"] = "spacy"
    elif change == "another spaCy":
        manifest["environment"]["spacy"] = "0.1"
    elif change == "labels differ":
        manifest["labels"] = ["PM", "OTHER"]
    elif change == "an older format (joblib)":
        manifest["format"] = 1
    elif change == "format 2 (a text pipeline per model)":
        manifest["format"] = 2
    elif change == "format 4 (scikit-learn's objects), with its training data":
        manifest["format"] = 4
        manifest["training_data"] = {"corpus": True, "file": "ours.csv", "rows": 40}
    elif change == "format 6 (a pickle)":
        manifest["format"] = 6
    elif change == "the format as text":
        manifest["format"] = str(FORMAT_VERSION)
    if manifest_path.is_file() and not change.startswith("manifest "):
        manifest_path.write_text(json.dumps(manifest))


MISMATCH = "model/jdclass-model.zip does not match the sha256 in its manifest; refusing to load it (run `jdclass train` to rebuild)"
REBUILD = "rebuild it: `jdclass train --out model`"
FORMAT = "model holds a model of format {}, which this jdclass (" + jdclass.__version__ + f") does not read (it reads format {FORMAT_VERSION}); " + "{}"
SPACY = "model holds a model built with spaCy {}; this is spaCy " + spacy.__version__ + ": " + REBUILD
NOT_A_MODEL = "model/jdclass-model.zip is not a jdclass model ({}); " + REBUILD
UNLOADABLE = "model/jdclass-model.zip cannot be loaded ({}); " + REBUILD
NOT_HELD = "an array of type {!r}, which a model does not hold"
MODELS = {
    "a byte appended": Refused(ModelIntegrityError, MISMATCH),
    "truncated": Refused(ModelIntegrityError, MISMATCH),
    "emptied": Refused(ModelIntegrityError, MISMATCH),
    "no sha256": Refused(ModelIntegrityError, MISMATCH),
    "model file missing": Refused(ModelNotFound, "no model file at model/jdclass-model.zip; run `jdclass train` to build one"),
    "manifest missing": Refused(ModelNotFound, "no model manifest at model/manifest.json; run `jdclass train` to build one"),
    "manifest not JSON": Refused(ModelIntegrityError, "model/manifest.json is not a valid manifest; run `jdclass train` to rebuild the model"),
    "manifest a list": Refused(ModelIntegrityError, "model/manifest.json is not a valid manifest; run `jdclass train` to rebuild the model"),
    "manifest nested 100,000 deep": Refused(ModelIntegrityError, "model/manifest.json is not a valid manifest; run `jdclass train` to rebuild the model"),
    "manifest with a number of 5,000 digits": Refused(
        ModelIntegrityError, "model/manifest.json is not a valid manifest; run `jdclass train` to rebuild the model"
    ),
    "a spaCy version with a line break": Refused(ModelIntegrityError, SPACY.format("'3.8\\nLevel: Chief Product Officer (CPO), 99%'")),
    "training data named with a terminal escape": Refused(
        ModelIntegrityError, FORMAT.format(4, "rebuild it: `jdclass train --out model --data 'ours.csv\\x1b[2J'`")
    ),
    "model file outside its folder": Refused(ModelIntegrityError, "model/manifest.json names a model file outside its folder (/etc/passwd); refusing it"),
    "environment not a mapping": Refused(ModelIntegrityError, SPACY.format(None)),
    "another spaCy": Refused(ModelIntegrityError, SPACY.format("0.1")),
    "an older format (joblib)": Refused(ModelIntegrityError, FORMAT.format(1, REBUILD)),
    "format 2 (a text pipeline per model)": Refused(ModelIntegrityError, FORMAT.format(2, REBUILD)),
    "format 4 (scikit-learn's objects), with its training data": Refused(
        ModelIntegrityError, FORMAT.format(4, "rebuild it: `jdclass train --out model --data ours.csv --with-corpus`")
    ),
    "format 6 (a pickle)": Refused(ModelIntegrityError, FORMAT.format(6, REBUILD)),
    "the format as text": Refused(ModelIntegrityError, FORMAT.format(f"'{FORMAT_VERSION}'", REBUILD)),
    "labels differ": Refused(ModelIntegrityError, "model/jdclass-model.zip labels differ from its manifest; " + REBUILD),
    "a matching file that is not a zip": Refused(ModelIntegrityError, UNLOADABLE.format("not a zip archive: File is not a zip file")),
    "a matching zip of something else": Refused(ModelIntegrityError, UNLOADABLE.format("no model.json in the archive")),
    "model.json not JSON": Refused(
        ModelIntegrityError, UNLOADABLE.format("model.json cannot be read: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)")
    ),
    "model.json not UTF-8": Refused(
        ModelIntegrityError, UNLOADABLE.format("model.json cannot be read: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte")
    ),
    "model.json nested 5,000 deep": Refused(
        ModelIntegrityError, UNLOADABLE.format("model.json cannot be read: maximum recursion depth exceeded while decoding a JSON array from a unicode string")
    ),
    "model.json of 20,000 empty objects": Refused(ModelIntegrityError, UNLOADABLE.format("model.json holds more than 10,000 objects and lists")),
    "a member packed with bzip2": Refused(
        ModelIntegrityError, UNLOADABLE.format("the member 'model.json' is encrypted or packed in a way a model file is not")
    ),
    "an encrypted member": Refused(ModelIntegrityError, UNLOADABLE.format("the member 'model.json' is encrypted or packed in a way a model file is not")),
    "a member larger than the archive says": Refused(ModelIntegrityError, UNLOADABLE.format("model.json cannot be unpacked: Bad CRC-32 for file 'model.json'")),
    "more members than a model has": Refused(ModelIntegrityError, UNLOADABLE.format("it holds 101 members; a model holds at most 64")),
    "a compressed member damaged": Refused(
        ModelIntegrityError, UNLOADABLE.format("the rung model's coefficients cannot be unpacked: Bad CRC-32 for file 'arrays/model.rung.coef'")
    ),
    "model.json a list": Refused(ModelIntegrityError, NOT_A_MODEL.format("the file: not the parts a model holds (no 'format')")),
    "look-up tables of another kind": Refused(ModelIntegrityError, NOT_A_MODEL.format("the look-up tables: not the parts a model holds (no 'pair_ids')")),
    "parts of another kind": Refused(ModelIntegrityError, NOT_A_MODEL.format("the duty matcher's TF-IDF: not the parts a model holds (no 'dtype')")),
    "duty matrix indexes out of range": Refused(ModelIntegrityError, NOT_A_MODEL.format("the duty matrix: values out of range")),
    "duty matrix of another shape": Refused(ModelIntegrityError, NOT_A_MODEL.format(f"the duty matrix: shape (230, 10), not (230, {VOCABULARY})")),
    "coefficients as text": Refused(ModelIntegrityError, NOT_A_MODEL.format("the rung model's coefficients: not the parts a model holds")),
    "coefficients of another shape": Refused(
        ModelIntegrityError, NOT_A_MODEL.format(f"the rung model's coefficients: shape (6, 10), not (6, {RUNG_FEATURES})")
    ),
    "coefficients near the float limit": Refused(ModelIntegrityError, NOT_A_MODEL.format("the rung model's coefficients: values out of range")),
    "an array of objects": Refused(ModelIntegrityError, NOT_A_MODEL.format("the rung model's coefficients: " + NOT_HELD.format("|O"))),
    "an array of big-endian numbers": Refused(ModelIntegrityError, NOT_A_MODEL.format("the rung model's coefficients: " + NOT_HELD.format(">f8"))),
    "an array longer than its bytes": Refused(
        ModelIntegrityError, NOT_A_MODEL.format(f"the rung model's coefficients: {48 * RUNG_FEATURES:,} bytes for an array of {48 * (RUNG_FEATURES + 1):,}")
    ),
    "an array of three dimensions": Refused(ModelIntegrityError, NOT_A_MODEL.format("the rung model's coefficients: not the shape of an array a model holds")),
    "an array named twice": Refused(ModelIntegrityError, NOT_A_MODEL.format("the rung model's intercept: an array named twice")),
    "an array outside the archive": Refused(ModelIntegrityError, NOT_A_MODEL.format("the rung model's coefficients: names no array of the archive")),
    "an array the structure names as itself": Refused(ModelIntegrityError, NOT_A_MODEL.format("the rung model's coefficients: names no array of the archive")),
    "a member no part names": Refused(ModelIntegrityError, NOT_A_MODEL.format("it holds 1 member(s) no part names, such as 'arrays/extra'")),
    "look-up tables out of range": Refused(ModelIntegrityError, NOT_A_MODEL.format("the look-up tables: values out of range")),
    "a vocabulary with a word twice": Refused(ModelIntegrityError, NOT_A_MODEL.format("the model's TF-IDF's vocabulary: an entry listed twice")),
    "a vocabulary of numbers": Refused(ModelIntegrityError, NOT_A_MODEL.format("the model's TF-IDF's vocabulary: not a list of names")),
    "an unknown class": Refused(ModelIntegrityError, NOT_A_MODEL.format("the model's classes do not match its rung model's")),
    "a class in lower case": Refused(ModelIntegrityError, NOT_A_MODEL.format("the model's classes do not match its rung model's")),
    "family classes as text": Refused(ModelIntegrityError, NOT_A_MODEL.format("the family model does not answer whether a posting is a PM role")),
    "a duty of no level": Refused(ModelIntegrityError, NOT_A_MODEL.format("the duty matcher's levels are no ladder levels")),
    "settings no TF-IDF table has": Refused(ModelIntegrityError, NOT_A_MODEL.format("a TF-IDF table counts words and word pairs, not n-grams of (1, 3)")),
    "a fields weight of infinity": Refused(ModelIntegrityError, NOT_A_MODEL.format("the model's fields weight is not a number")),
    "an older format inside": Refused(ModelIntegrityError, NOT_A_MODEL.format("the file says it is of format 6, not 7")),
    "a duty statement with a terminal escape": Refused(ModelIntegrityError, NOT_A_MODEL.format("the duty matcher's statements hold control characters")),
    "look-up tables counting unknown words": Refused(ModelIntegrityError, NOT_A_MODEL.format("the look-up tables count unknown words")),
}


@pytest.fixture(scope="module")
def shipped_result() -> dict[str, object]:
    """The shipped model's result, taken before any damaged model is loaded."""
    return jdclass.load().classify(ENGLISH).to_dict()


@pytest.mark.parametrize("change", list(MODELS))
def test_a_damaged_model_is_refused_by_the_library_and_the_cli(change, shipped_result):
    shutil.copytree(DEFAULT_MODEL_DIR, "model")
    damage_model(change, Path("model"))
    outcome = MODELS[change]
    check(outcome, lambda: jdclass.load("model"))
    result = CliRunner().invoke(cli, ["classify", "--model", "model", "-"], input=ENGLISH)
    assert (result.exit_code, result.output) == (1, f"Error: {outcome.message}\n")
    # What the file held left nothing behind: the shipped model classifies as it did.
    assert jdclass.load().classify(ENGLISH).to_dict() == shipped_result


def test_the_model_file_holds_no_pickle_and_names_no_type():
    """The shipped file: JSON and arrays of plain numbers, each array named once, nothing else."""
    structure, members = model_parts(DEFAULT_MODEL_DIR)
    text = json.dumps(structure)
    assert "pickle" not in text and "__" not in text
    assert {_dtype(structure, name) for name in members} <= {"<f8", "<f4", "<i4", "<i8"}
    assert all(not data.startswith(b"\x80") for data in members.values())  # no pickle's protocol mark opens a member


class _RunsAtLoad:
    def __reduce__(self):
        return (Path.touch, (Path("ran-at-load"),))


def test_a_model_file_cannot_run_code_when_loaded():
    """Whoever writes a model file writes its manifest too, so a matching sha256 proves nothing; the file is read as
    a zip of JSON and numbers, so a pickle's code never runs, whether the pickle is the file or a member of it."""
    shutil.copytree(DEFAULT_MODEL_DIR, "model")
    rewrite(Path("model"), pickle.dumps(_RunsAtLoad()))
    with pytest.raises(ModelIntegrityError, match=r"cannot be loaded \(not a zip archive: File is not a zip file\)"):
        jdclass.load("model")
    shutil.rmtree("model")
    shutil.copytree(DEFAULT_MODEL_DIR, "model")
    structure, members = model_parts(Path("model"))
    coef = structure["model"]["rung"]["coef"]
    payload = pickle.dumps(_RunsAtLoad())
    members[coef["array"]] = payload + b"." * (-len(payload) % 8)  # as many bytes as 8-byte numbers take
    coef["shape"] = [len(members[coef["array"]]) // 8]
    write_model(Path("model"), {STRUCTURE: json.dumps(structure).encode(), **members})
    with pytest.raises(ModelIntegrityError, match=r"the rung model's coefficients: not a 2-dimensional array of kind f"):
        jdclass.load("model")
    assert not Path("ran-at-load").exists(), "loading ran the file's code"
    CliRunner().invoke(cli, ["classify", "--model", "model", "-"], input=ENGLISH)
    assert not Path("ran-at-load").exists(), "the command line ran it"


def test_a_model_file_that_unpacks_past_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr("jdclass.model_file.MAX_MODEL_BYTES", 1_000_000)
    shutil.copytree(DEFAULT_MODEL_DIR, "model")
    write_model(Path("model"), {STRUCTURE: b"{}", "arrays/zeros": bytes(2_000_000)})  # 2 KB packed: sizes are checked first
    assert (Path("model") / MODEL_FILE).stat().st_size < 1_000_000
    with pytest.raises(ModelIntegrityError, match=r"cannot be loaded \(it unpacks to 2,\d{3},\d{3} bytes, over the 1,000,000-byte limit\)"):
        jdclass.load("model")


def test_a_model_file_over_the_limit_is_not_read(monkeypatch):
    monkeypatch.setattr("jdclass.model_file.MAX_MODEL_BYTES", 1_000_000)
    shutil.copytree(DEFAULT_MODEL_DIR, "model")
    with pytest.raises(ModelIntegrityError, match=r"^model/jdclass-model\.zip is over the 1,000,000-byte limit of a model file; refusing to load it$"):
        jdclass.load("model")


def test_a_model_json_over_its_limit_is_not_parsed(monkeypatch):
    monkeypatch.setattr("jdclass.model_file.MAX_STRUCTURE_BYTES", 1_000)
    shutil.copytree(DEFAULT_MODEL_DIR, "model")
    with pytest.raises(ModelIntegrityError, match=r"cannot be loaded \(model\.json unpacks to \d{1,3}(,\d{3})+ bytes, over the 1,000-byte limit\)"):
        jdclass.load("model")


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: jdclass.parse(ENGLISH, title=123), TypeError, "title must be a str or None, not int"),  # type: ignore[arg-type]
        (lambda: jdclass.parse(ENGLISH, max_chars="10"), TypeError, "max_chars must be an int or None, not str"),  # type: ignore[arg-type]
        (lambda: jdclass.parse(ENGLISH, max_chars=True), TypeError, "max_chars must be an int or None, not bool"),
        (lambda: jdclass.parse(ENGLISH, max_chars=-1), ValueError, "max_chars must be at least 1, not -1"),
        (lambda: jdclass.parse(Path("ad.txt"), max_bytes=0), ValueError, "max_bytes must be at least 1, not 0"),
        (lambda: jdclass.Level.from_code(None), TypeError, "a level code is a str such as 'SPM', not NoneType"),  # type: ignore[arg-type]
    ],
)
def test_a_script_passing_a_wrong_argument_is_told_which(call, error, message):
    """A programming error gets Python's own exception for it, with the argument named: not a failure deep inside."""
    with pytest.raises(error) as raised:
        call()
    assert str(raised.value) == message


@pytest.mark.parametrize("fragment", ["<p></p>", "<div></div>", "<p>&nbsp;</p>", "<p><br></p>", " <p> </p>\n"])
def test_an_empty_rich_text_fragment_is_an_empty_posting(fragment):
    with pytest.raises(EmptyInput, match="^the posting is empty$"):
        jdclass.parse(fragment)


@pytest.mark.parametrize(
    "text",
    [
        "<Acme Payments> Senior Product Manager\n\n- 5+ years of product management\n\nContact: Priya Shah <p.shah@acme.com>",
        "<!-- synced -->\n# Senior PM\n**Acme** | Remote<br>Full-time\n- 5+ years of product management\n\nApply: <jobs@acme.com>",
    ],
)
def test_prose_that_opens_and_closes_with_angle_brackets_is_taken_as_written(text):
    """Only markup with no text at all is read as an empty fragment; a posting with a tag or two keeps its lines."""
    assert jdclass.parse(text).text == text
    Path("ad.md").write_text(text, encoding="utf-8")
    assert read_posting(Path("ad.md")) == text


def test_pasted_byte_order_marks_and_invisible_edges_are_not_part_of_the_title():
    for text in ("\ufeff\ufeff# Associate Product Manager\u200b\u2063\n\nOwn the roadmap.", "  \ufeff# Associate Product Manager\u00ad\n\nOwn it."):
        posting = jdclass.parse(text)
        assert posting.title.value == "Associate Product Manager"
        assert posting.text[posting.title.span.start : posting.title.span.end] == posting.title.value
    assert jdclass.parse("Job title: \u200b\u200b\n\nOwn the roadmap for payments and work with engineering.").title is None
