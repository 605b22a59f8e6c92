"""Every hostile or broken input has a defined outcome: one domain error with an exact message, or a flagged result.

The table lives in tests/hostile.py. Each row goes through the library (``jdclass.parse``, ``classify``), the batch
(the row's ``error`` or ``flags`` column) and the CLI (exit code and exact output, never a traceback).
"""

from __future__ import annotations

import errno
import gzip
import hashlib
import json
import os
import pickle
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import numpy as np
import pytest
import spacy
from click.testing import CliRunner

import jdclass
from jdclass.batch import BatchInput, run_batch
from jdclass.cli import cli
from jdclass.duties import DutyMatcher
from jdclass.errors import CorruptFile, InputError, InputTooLarge, JdclassError, ModelIntegrityError, ModelNotFound
from jdclass.model import DEFAULT_MODEL_DIR, FORMAT_VERSION, MANIFEST_FILE, MODEL_FILE
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
    check(outcome, lambda: next(classifier.classify_many([path])))
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


def damage_model(change: str, folder: Path) -> None:
    """Apply one kind of damage to the model copy in ``folder``; manifest edits keep the JSON valid."""
    model, manifest_path = folder / MODEL_FILE, folder / MANIFEST_FILE
    manifest = json.loads(manifest_path.read_text())

    def rehash() -> None:
        manifest["sha256"] = hashlib.sha256(model.read_bytes()).hexdigest()

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
    elif change == "no sha256":
        del manifest["sha256"]
    elif change == "model file outside its folder":
        manifest["model_file"] = "/etc/passwd"
    elif change == "environment not a mapping":
        manifest["environment"] = "spacy"
    elif change == "another spaCy":
        manifest["environment"]["spacy"] = "0.1"
    elif change == "a matching pickle of something else":
        model.write_bytes(gzip.compress(pickle.dumps(["not", "a", "model"])))
        rehash()
    elif change in BUNDLE_EDITS:
        bundle = pickle.loads(gzip.decompress(model.read_bytes()))
        edited = BUNDLE_EDITS[change](bundle)
        state = DutyMatcher.__getstate__
        try:
            if change == "a duty look-up planted":  # what the matcher never saves, written as if it did
                DutyMatcher.__getstate__ = lambda self: dict(self.__dict__)  # type: ignore[method-assign]
            model.write_bytes(gzip.compress(pickle.dumps(edited if edited is not None else bundle, protocol=5)))
        finally:
            DutyMatcher.__getstate__ = state  # type: ignore[method-assign]
        rehash()
    elif change in HAND_WRITTEN:
        model.write_bytes(gzip.compress(HAND_WRITTEN[change]))
        rehash()
    elif change == "a pickle that would run code":
        model.write_bytes(gzip.compress(pickle.dumps(_RunsAtLoad())))
        rehash()
    elif change == "scikit-learn's objects (format 4)":
        from sklearn.linear_model import LogisticRegression

        bundle = pickle.loads(gzip.decompress(model.read_bytes()))
        model.write_bytes(gzip.compress(pickle.dumps(dict(bundle, model=LogisticRegression()), protocol=5)))
        rehash()
    elif change == "labels differ":
        manifest["labels"] = ["PM", "OTHER"]
    elif change == "an older format (joblib)":
        manifest["format"] = 1
    elif change == "format 2 (a text pipeline per model)":
        manifest["format"] = 2
    elif change == "format 4 (scikit-learn's objects), with its training data":
        manifest["format"] = 4
        manifest["training_data"] = {"corpus": True, "file": "ours.csv", "rows": 40}
    elif change == "format 5 (duty levels as Levels)":
        manifest["format"] = 5
    elif change == "the format as text":
        manifest["format"] = str(FORMAT_VERSION)
    elif change == "a matching file that is not gzip":
        model.write_bytes(pickle.dumps(["not", "gzip"]))
        rehash()
    if manifest_path.is_file() and change not in ("manifest not JSON", "manifest a list"):
        manifest_path.write_text(json.dumps(manifest))


def _set(target: object, name: str, value: object) -> None:
    setattr(target, name, value)


# Edits of a real model's parts, each written back with a matching sha256 (what a hand-made file can hold).
BUNDLE_EDITS = {
    "look-up tables of another kind": lambda bundle: dict(bundle, grams={"not": "tables"}),
    "parts of another kind": lambda bundle: _set(bundle["matcher"], "vectorizer", {}),
    "duty matrix indexes out of range": lambda bundle: bundle["matcher"].matrix.indices.fill(2**31 - 1),
    "duty matrix of another shape": lambda bundle: _set(bundle["matcher"], "matrix", bundle["matcher"].matrix[:, :10]),
    "a duty look-up planted": lambda bundle: _set(bundle["matcher"], "_by_level", "garbage"),
    "coefficients as text": lambda bundle: _set(bundle["model"].rung, "coef", "abc"),
    "coefficients of another shape": lambda bundle: _set(bundle["model"].rung, "coef", bundle["model"].rung.coef[:, :10]),
    "look-up tables out of range": lambda bundle: bundle["grams"].whole_columns.fill(10**9),
    "an unknown class": lambda bundle: _set(bundle["model"], "classes_", np.array(["APM", "XYZ"])),
    "a class in lower case": lambda bundle: _set(bundle["model"], "classes_", np.array(["APM", "apm"])),
    "coefficients near the float limit": lambda bundle: bundle["model"].rung.coef.fill(1.7e308),
}
# Pickles written by hand: pickle's BUILD applied to a class a model file may name, to set what it likes on it.
HAND_WRITTEN = {
    "a class's attributes set by the file": b"\x80\x02cjdclass.grams\nTfidfTable\nN}X\x08\x00\x00\x00weightedcnumpy\ndtype\ns\x86b.",
    "scipy's matrix class set by the file": b"\x80\x02cscipy.sparse._csr\ncsr_matrix\nN}X\x05\x00\x00\x00tocsrcnumpy\ndtype\ns\x86b.",
    "a level's name set by the file": b"\x80\x02cjdclass.levels\nLevel\nX\x03\x00\x00\x00SPM\x85R.",
    # numpy's array constructor, which reads object pointers from the file: refused by name.
    "an array of object pointers": b"\x80\x02cnumpy\nndarray\nK\x02\x85cnumpy\ndtype\nX\x02\x00\x00\x00O8\x85RC\x10AAAAAAAAAAAAAAAA\x87R.",
    # A constructor called while loading (here the duty matcher's, which fits a TF-IDF): refused.
    "a constructor called by the file": b"\x80\x02cjdclass.duties\nDutyMatcher\n)]\x86R.",
}
FOREIGN = "model/jdclass-model.pkl.gz holds {}, which a jdclass model of format " + str(FORMAT_VERSION) + " does not; refusing to load it"
MISMATCH = "model/jdclass-model.pkl.gz does not match the sha256 in its manifest; refusing to load it (run `jdclass train` to rebuild)"
REBUILD = "rebuild it: `jdclass train --out model`"
FORMAT = "model holds a model of format {}, which this jdclass (" + jdclass.__version__ + f") does not read (it reads format {FORMAT_VERSION}); " + "{}"
SPACY = "model holds a model built with spaCy {}; this is spaCy " + spacy.__version__ + ": " + REBUILD
NOT_A_MODEL = "model/jdclass-model.pkl.gz is not a jdclass model ({}); " + REBUILD
UNLOADABLE = "model/jdclass-model.pkl.gz cannot be loaded ({}); " + REBUILD
MODELS = {
    "a byte appended": Refused(ModelIntegrityError, MISMATCH),
    "truncated": Refused(ModelIntegrityError, MISMATCH),
    "emptied": Refused(ModelIntegrityError, MISMATCH),
    "no sha256": Refused(ModelIntegrityError, MISMATCH),
    "model file missing": Refused(ModelNotFound, "no model file at model/jdclass-model.pkl.gz; run `jdclass train` to build one"),
    "manifest missing": Refused(ModelNotFound, "no model manifest at model/manifest.json; run `jdclass train` to build one"),
    "manifest not JSON": Refused(ModelIntegrityError, "model/manifest.json is not a valid manifest; run `jdclass train` to rebuild the model"),
    "manifest a list": Refused(ModelIntegrityError, "model/manifest.json is not a valid manifest; run `jdclass train` to rebuild the model"),
    "model file outside its folder": Refused(ModelIntegrityError, "model/manifest.json names a model file outside its folder (/etc/passwd); refusing it"),
    "environment not a mapping": Refused(ModelIntegrityError, SPACY.format(None)),
    "another spaCy": Refused(ModelIntegrityError, SPACY.format("0.1")),
    "an older format (joblib)": Refused(ModelIntegrityError, FORMAT.format(1, REBUILD)),
    "format 2 (a text pipeline per model)": Refused(ModelIntegrityError, FORMAT.format(2, REBUILD)),
    "format 4 (scikit-learn's objects), with its training data": Refused(
        ModelIntegrityError, FORMAT.format(4, "rebuild it: `jdclass train --out model --data ours.csv --with-corpus`")
    ),
    "the format as text": Refused(ModelIntegrityError, FORMAT.format(f"'{FORMAT_VERSION}'", REBUILD)),
    "format 5 (duty levels as Levels)": Refused(ModelIntegrityError, FORMAT.format(5, REBUILD)),
    "a matching file that is not gzip": Refused(ModelIntegrityError, UNLOADABLE.format("BadGzipFile: Not a gzipped file (b'\\x80\\x04')")),
    "a matching pickle of something else": Refused(ModelIntegrityError, NOT_A_MODEL.format("it holds no model bundle")),
    "look-up tables of another kind": Refused(ModelIntegrityError, NOT_A_MODEL.format("its parts are of other kinds")),
    "parts of another kind": Refused(ModelIntegrityError, NOT_A_MODEL.format("its parts are of other kinds")),
    "duty matrix indexes out of range": Refused(ModelIntegrityError, NOT_A_MODEL.format("the duty matrix: values out of range")),
    "duty matrix of another shape": Refused(ModelIntegrityError, NOT_A_MODEL.format("the duty matrix: shape (230, 10), not (230, 255425)")),
    "a duty look-up planted": Refused(ModelIntegrityError, UNLOADABLE.format("TypeError: not the saved state of a model part")),
    "coefficients as text": Refused(ModelIntegrityError, NOT_A_MODEL.format("the rung model's coefficients: not a 2-dimensional array of kind f")),
    "coefficients of another shape": Refused(ModelIntegrityError, NOT_A_MODEL.format("the rung model's coefficients: shape (6, 10), not (6, 82601)")),
    "look-up tables out of range": Refused(ModelIntegrityError, NOT_A_MODEL.format("the look-up tables: values out of range")),
    "an unknown class": Refused(ModelIntegrityError, NOT_A_MODEL.format("the model's classes do not match its rung model's")),
    "a class in lower case": Refused(ModelIntegrityError, NOT_A_MODEL.format("the model's classes do not match its rung model's")),
    "coefficients near the float limit": Refused(ModelIntegrityError, NOT_A_MODEL.format("the rung model's coefficients: values out of range")),
    "an array of object pointers": Refused(ModelIntegrityError, FOREIGN.format("numpy.ndarray")),
    "a constructor called by the file": Refused(ModelIntegrityError, UNLOADABLE.format("TypeError: a model file may not call a constructor")),
    "a class's attributes set by the file": Refused(
        ModelIntegrityError, UNLOADABLE.format("TypeError: PlainState.__setstate__() missing 1 required positional argument: 'state'")
    ),
    "scipy's matrix class set by the file": Refused(
        ModelIntegrityError, UNLOADABLE.format("TypeError: _csr_setstate() missing 1 required positional argument: 'state'")
    ),
    "a level's name set by the file": Refused(ModelIntegrityError, FOREIGN.format("jdclass.levels.Level")),
    "a pickle that would run code": Refused(ModelIntegrityError, FOREIGN.format("pathlib.Path.touch")),
    "scikit-learn's objects (format 4)": Refused(ModelIntegrityError, FOREIGN.format("sklearn.linear_model._logistic.LogisticRegression")),
    "labels differ": Refused(ModelIntegrityError, "model/jdclass-model.pkl.gz labels differ from its manifest; " + REBUILD),
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


class _RunsAtLoad:
    def __reduce__(self):
        return (Path.touch, (Path("ran-at-load"),))


def test_a_model_file_cannot_run_code_when_loaded():
    """Whoever writes a model file writes its manifest too, so a matching sha256 proves nothing; unpickling builds
    only the types a model holds, so the file's code never runs."""
    shutil.copytree(DEFAULT_MODEL_DIR, "model")
    (Path("model") / MODEL_FILE).write_bytes(gzip.compress(pickle.dumps(_RunsAtLoad())))
    manifest = json.loads((Path("model") / MANIFEST_FILE).read_text())
    manifest["sha256"] = hashlib.sha256((Path("model") / MODEL_FILE).read_bytes()).hexdigest()
    (Path("model") / MANIFEST_FILE).write_text(json.dumps(manifest))
    with pytest.raises(ModelIntegrityError, match=r"holds pathlib\.Path\.touch, which a jdclass model of format 6 does not"):
        jdclass.load("model")
    assert not Path("ran-at-load").exists(), "unpickling ran the file's code"
    CliRunner().invoke(cli, ["classify", "--model", "model", "-"], input=ENGLISH)
    assert not Path("ran-at-load").exists(), "the command line ran it"


@pytest.mark.parametrize(("protocol", "refused"), [(2, "numpy._core.multiarray._reconstruct"), (4, "numpy._core.multiarray._reconstruct"), (5, None)])
def test_a_model_loads_as_jdclass_writes_it_protocol_5(protocol, refused):
    # Older protocols rebuild arrays with numpy's constructors, which read pointers from the file: refused by name.
    shutil.copytree(DEFAULT_MODEL_DIR, "model")
    bundle = pickle.loads(gzip.decompress((Path("model") / MODEL_FILE).read_bytes()))
    (Path("model") / MODEL_FILE).write_bytes(gzip.compress(pickle.dumps(bundle, protocol=protocol)))
    manifest = json.loads((Path("model") / MANIFEST_FILE).read_text())
    manifest["sha256"] = hashlib.sha256((Path("model") / MODEL_FILE).read_bytes()).hexdigest()
    (Path("model") / MANIFEST_FILE).write_text(json.dumps(manifest))
    if refused is None:
        assert jdclass.load("model").classify(ENGLISH).to_dict() == jdclass.load().classify(ENGLISH).to_dict()
    else:
        with pytest.raises(ModelIntegrityError, match=f"holds {refused}, which a jdclass model"):
            jdclass.load("model")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((memoryview(b"12345678"), np.dtype("f8"), (1,), "C"), "an array from something other than bytes"),
        ((b"A" * 16, np.dtype("O"), (2,), "C"), "an array of object"),
        ((b"A" * 16, np.dtype([("a", "f8")]), (2,), "C"), "an array of"),
        ((b"A" * 16, np.dtype("f8"), (2,), "K", (0,)), "an array of another layout"),
    ],
)
def test_arrays_are_rebuilt_only_from_bytes_of_numbers_or_text(args, message):
    from jdclass.model import _array_from_bytes

    with pytest.raises(TypeError, match=message):
        _array_from_bytes(*args)
    copied = _array_from_bytes(b"\0" * 16, np.dtype("f8"), (2,), "C")
    assert copied.flags.writeable and copied.tolist() == [0.0, 0.0]


def test_a_model_file_that_unpacks_past_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr("jdclass.model.MAX_MODEL_BYTES", 1_000_000)
    shutil.copytree(DEFAULT_MODEL_DIR, "model")
    (Path("model") / MODEL_FILE).write_bytes(gzip.compress(bytes(2_000_000)))  # a small file of zeros that unpacks to 2 MB
    manifest = json.loads((Path("model") / MANIFEST_FILE).read_text())
    manifest["sha256"] = hashlib.sha256((Path("model") / MODEL_FILE).read_bytes()).hexdigest()
    (Path("model") / MANIFEST_FILE).write_text(json.dumps(manifest))
    with pytest.raises(ModelIntegrityError, match=r"cannot be loaded \(ValueError: it unpacks to more than 1,000,000 bytes\)"):
        jdclass.load("model")
