"""The classifier: the saved model and its manifest, loading them, and classification (training is ``jdclass.training``).

Nothing here imports scikit-learn: the model file holds the fitted model as arrays (``jdclass.fitted``), so that a
process that classifies starts about 0.9 s sooner."""

from __future__ import annotations

import hashlib
import json
import os
import platform
from collections.abc import Iterable, Iterator, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any, Literal, overload

import numpy as np
import spacy

from jdclass import __version__, model_file
from jdclass.duties import DutyMatcher
from jdclass.errors import JdclassError, ModelError, ModelIntegrityError, ModelNotFound, one_line
from jdclass.fitted import TwoQuestions
from jdclass.grams import SharedGrams
from jdclass.judgement import between, flags, verdict
from jdclass.levels import Level
from jdclass.nlp import Analysis, analyze, analyze_batch
from jdclass.posting import Posting, parse, with_title
from jdclass.result import Classification

DEFAULT_MODEL_DIR = Path(__file__).resolve().parent.parent / "models"
# Formats 2 to 6 were a gzip-compressed pickle: Python's C unpickler loaded it in about a quarter of the time joblib's
# pure-Python one took (0.25 s against 0.9 s), and every CLI call and batch worker loads the model (format 1 was joblib).
# Format 3: one text transform shared by both classifiers (FamilyThenRung's attributes changed).
# Format 4: the look-up tables of ``SharedGrams`` saved beside them (built once, at training, instead of in every process).
# Format 5: the fitted model as arrays (``fitted.TwoQuestions``, ``grams.TfidfTable``, ``fields.FieldTable``) rather than
# scikit-learn's objects; loading checks spaCy's version rather than scikit-learn's.
# Format 6: the duty levels as codes, and arrays written with pickle protocol 5 only (``_MODEL_TYPES``).
# Format 7: no pickle: JSON and arrays of plain numbers in a zip archive (``jdclass.model_file``).
MODEL_FILE = "jdclass-model.zip"
OLD_MODEL_FILES = ("jdclass-model.joblib", "jdclass-model.pkl.gz")  # replaced when a model is saved in the same folder
MANIFEST_FILE = "manifest.json"
MAX_MANIFEST_BYTES = 1024 * 1024  # the shipped one has 1 KB
FORMAT_VERSION = 7
# How much the stated title moves the overall level: the title's own rung, a neighbour, anything further.
TITLE_WEIGHTS = {0: 1.0, 1: 0.35, None: 0.1}


def decide(labels: Sequence[str], row: np.ndarray, other_label: str = Level.OTHER.code) -> str:
    """The two questions in order: not a PM role when that is more likely than not; else the likeliest rung."""
    labels = list(labels)
    if other_label in labels and row[labels.index(other_label)] >= 0.5:
        return other_label
    ladder = [i for i, label in enumerate(labels) if label != other_label]
    return str(labels[max(ladder, key=lambda i: row[i])])


def environment() -> dict[str, str | None]:
    """The versions a model was built with. Loading refuses a model built with another spaCy, whose tokens the model
    learned from; scikit-learn only trains it (a saved model holds none of its objects) and is read from its
    metadata, as importing it would cost what the model's format saves."""
    return {
        "jdclass": __version__,
        "scikit-learn": _installed("scikit-learn"),
        "spacy": spacy.__version__,
        "numpy": _installed("numpy"),
        "scipy": _installed("scipy"),
        "python": platform.python_version(),
    }


def _installed(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


# How many characters of postings one pass of the model reads at most, whatever the batch size: a pass's spaCy arrays
# and analyses grow with its text, about 55 MB a million characters, so a batch of the largest postings (200,000
# characters each) is read a few at a time. Ordinary postings (3,000 to 5,000 characters) fill a batch first.
MAX_BATCH_CHARS = 1_000_000


class LevelClassifier:
    """A trained model: classify a posting's text into a level with probabilities and evidence."""

    def __init__(self, model: TwoQuestions, matcher: DutyMatcher, manifest: dict[str, Any], grams: SharedGrams | None = None) -> None:
        self.model = model
        self.matcher = matcher
        self.manifest = manifest
        self.grams = grams
        self.labels: tuple[Level, ...] = tuple(Level.from_code(code) for code in model.classes_)

    @property
    def version(self) -> str:
        return str(self.manifest.get("model_version", "unsaved"))

    def classify(self, text: str | os.PathLike[str] | Posting, *, title: str | None = None, max_chars: int | None = None) -> Classification:
        """Classify one posting given as text, a ``pathlib.Path`` to a file, or a parsed ``Posting``; ``title``
        overrides title detection (a ``Posting`` given with a ``title`` is parsed again with it)."""
        return next(self._classify_batch([_posting(text, title, max_chars)]))

    @overload
    def classify_many(
        self,
        texts: Iterable[str | os.PathLike[str] | Posting],
        *,
        title: str | None = None,
        batch_size: int = 256,
        max_chars: int | None = None,
        details: bool = True,
        errors: Literal["raise"] = "raise",
    ) -> Iterator[Classification]: ...

    @overload
    def classify_many(
        self,
        texts: Iterable[str | os.PathLike[str] | Posting],
        *,
        title: str | None = None,
        batch_size: int = 256,
        max_chars: int | None = None,
        details: bool = True,
        errors: Literal["return"],
    ) -> Iterator[Classification | JdclassError]: ...

    def classify_many(
        self,
        texts: Iterable[str | os.PathLike[str] | Posting],
        *,
        title: str | None = None,
        batch_size: int = 256,
        max_chars: int | None = None,
        details: bool = True,
        errors: Literal["raise", "return"] = "raise",
    ) -> Iterator[Classification | JdclassError]:
        """Classify postings lazily, in input order, batching spaCy's work and the models' arithmetic.

        An input that cannot be classified raises its ``JdclassError`` once the results of the inputs before it
        are yielded, its message starting with its place, counted from 1 ("input 40: ..."), as
        ``jdclass.classify_many`` does; with ``errors="return"`` the error is yielded in its place and the rest go
        on. An exception of ``texts`` itself is raised once those results are yielded. ``details=False`` leaves out the evidence for every rung and the highlights
        (the evidence for the level found is kept): a batch table shows only that, and it saves the work.
        """
        if isinstance(texts, (str, bytes)):
            raise TypeError("classify_many takes an iterable of postings, not one string; for one posting use classify(text)")
        check_errors(errors)
        batch: list[Posting | JdclassError] = []  # with errors="return", an input's error waits in its place
        characters = 0
        items = enumerate(texts, start=1)
        while True:
            try:
                number, item = next(items)
            except StopIteration:
                break
            except Exception:  # the caller's own iterable failed (a cursor that died): what was read is classified first
                yield from self._in_place(batch, details)
                raise
            try:
                posting = _posting(item, title, max_chars)
                batch.append(posting)
                characters += len(posting.text)
            except JdclassError as error:
                failure = type(error)(f"input {number}: {error}")
                if errors == "raise":
                    yield from self._in_place(batch, details)
                    raise failure from None
                batch.append(failure)
            if len(batch) >= batch_size or characters >= MAX_BATCH_CHARS:
                yield from self._in_place(batch, details)
                batch, characters = [], 0
        yield from self._in_place(batch, details)

    def _in_place(self, batch: list[Posting | JdclassError], details: bool) -> Iterator[Classification | JdclassError]:
        """The results of a batch's postings, in one pass of the model, and its errors in their places."""
        results = self._classify_batch([item for item in batch if isinstance(item, Posting)], details)
        for item in batch:
            yield item if isinstance(item, JdclassError) else next(results)

    def _classify_batch(self, postings: list[Posting], details: bool = True) -> Iterator[Classification]:
        if not postings:
            return
        if all(isinstance(posting, Posting) for posting in postings):
            analyses, words, sizes = analyze_batch(postings)
        else:  # analyses given as they are (scripts, tests): their sentences' tokens are split by the look-up
            analyses, words, sizes = list(analyze(postings)), None, None
        if words is not None or all(" ".join(s.tokens for s in a.sentences) == a.tokens for a in analyses):
            if words is not None and sizes is not None:  # the sentences' tokens, split as the look-up needs them
                text, sentences = self._grams().transform_words(words, sizes, [len(a.sentences) for a in analyses])
            else:
                text, sentences = self._grams().transform([[s.tokens for s in a.sentences] for a in analyses])
            content = self.model.predict_proba_text(text, analyses)
            scores = self.matcher.level_scores_many(analyses, sentences)
        else:  # an analysis whose tokens are not its sentences' (built by hand): each table transforms its own text
            content = self.model.predict_proba(analyses)
            scores = self.matcher.level_scores_many(analyses)
        for analysis, row, score in zip(analyses, content, scores, strict=True):
            yield self._result(analysis, row, score, details)

    def _grams(self) -> SharedGrams:
        """The look-up tables of the model's and the matcher's TF-IDF: ``grams``, made (about 0.35 s) when they are
        missing or were made for another model or matcher than this classifier's. A saved model holds them."""
        grams = self.grams
        if grams is None or grams.whole is not self.model.text or grams.parts is not self.matcher.vectorizer:
            grams = self.grams = SharedGrams(self.model.text, self.matcher.vectorizer)
        return grams

    def _result(self, analysis: Analysis, content_row: np.ndarray, scores: tuple[np.ndarray, np.ndarray] | None = None, details: bool = True) -> Classification:
        posting = analysis.posting
        title = posting.title_level
        overall = content_row.copy()
        if title is not None:
            weights = np.array([TITLE_WEIGHTS.get(label.distance(title.level), TITLE_WEIGHTS[None]) for label in self.labels])
            overall = overall * weights
        overall = overall / overall.sum()
        codes = [label.code for label in self.labels]
        level = Level.from_code(decide(codes, overall))
        content_level = Level.from_code(decide(codes, content_row))
        evidence_level = level if level.on_ladder else content_level
        content_probabilities = _ordered(self.labels, content_row)
        content = dict(content_probabilities)
        explanation = self.matcher.explain(analysis, evidence_level, scores=scores, details=details)
        return Classification(
            level=level,
            probabilities=_ordered(self.labels, overall),
            content_level=content_level,
            content_probabilities=content_probabilities,
            title_level=title.level if title else None,
            title_rule=title.rule if title else None,
            evidence=explanation.evidence,
            posting=posting,
            model_version=self.version,
            verdict=verdict(posting, content, content_level, level),
            flags=flags(posting, content, content_level),
            between=between(content, content_level),
            highlights=explanation.highlights,
            evidence_by_level=tuple(explanation.by_level.items()),
        )

    def save(self, directory: Path | str) -> Path:
        """Write the model and its manifest (with the file's sha256) into ``directory``; returns the model path."""
        directory = writable_folder(directory)
        path = directory / MODEL_FILE
        try:
            data = model_file.write(self.model, self.matcher, self._grams(), FORMAT_VERSION)
            path.write_bytes(data)
            digest = hashlib.sha256(data).hexdigest()
            manifest = dict(self.manifest, model_file=MODEL_FILE, sha256=digest, model_version=saved_version(self.manifest, digest))
            (directory / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
            for name in OLD_MODEL_FILES:
                (directory / name).unlink(missing_ok=True)
        except OSError as error:
            raise ModelError(f"{directory}: cannot save the model ({error.strerror})") from None
        self.manifest = manifest
        return path


def saved_version(manifest: dict[str, Any], digest: str) -> str:
    """The version a saved model goes by: jdclass's, the corpus's hash and the model file's, "0.1.0+ffa950c7601e.3f2a9c1d".
    Models trained on the same corpus by different code differ in the last part, so results name the model that made
    them; saving a loaded model again keeps its version (its file is the same)."""
    corpus = str(manifest.get("corpus_sha256", ""))[:12]
    return f"{__version__}+{corpus}.{digest[:8]}" if corpus else f"{__version__}+{digest[:8]}"


def check_errors(errors: object) -> None:
    """Refuse an ``errors`` argument of ``classify_many`` other than "raise" and "return"."""
    if errors not in ("raise", "return"):
        raise ValueError(f"errors must be 'raise' or 'return', not {errors!r}")


def _posting(item: str | os.PathLike[str] | Posting, title: str | None, max_chars: int | None) -> Posting:
    """``item`` parsed (and validated) as ``parse`` does; a ``Posting`` as it is, or parsed again when a title is given."""
    if not isinstance(item, Posting):
        return parse(item, max_chars=max_chars, title=title)
    return with_title(item, title)


def writable_folder(directory: Path | str) -> Path:
    """``directory``, created if need be; a domain error when it cannot be written (checked before any long work)."""
    folder = Path(directory)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ModelError(f"{folder}: cannot create the folder ({error.strerror})") from None
    if not os.access(folder, os.W_OK):
        raise ModelError(f"{folder}: the folder is not writable")
    return folder


def _ordered(labels: tuple[Level, ...], row: np.ndarray) -> tuple[tuple[Level, float], ...]:
    by_level = dict(zip(labels, row.tolist(), strict=True))
    return tuple((level, by_level.get(level, 0.0)) for level in _LEVELS)


_LEVELS = tuple(Level)  # iterating the Enum class itself is a generator over its member map, each time


def read_manifest(directory: Path | str) -> dict[str, Any]:
    """The manifest of the model in ``directory``."""
    path = Path(directory) / MANIFEST_FILE
    if not path.is_file():
        raise ModelNotFound(f"no model manifest at {path}; run `jdclass train` to build one")
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_MANIFEST_BYTES + 1)
    except OSError as error:
        raise ModelError(f"{path}: cannot read the manifest ({error.strerror})") from None
    try:
        if len(raw) > MAX_MANIFEST_BYTES:
            raise ValueError("too large")
        manifest = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):  # not UTF-8, not JSON, nested too deep, a number of thousands of digits
        raise ModelIntegrityError(f"{path} is not a valid manifest; run `jdclass train` to rebuild the model") from None
    if not isinstance(manifest, dict):
        raise ModelIntegrityError(f"{path} is not a valid manifest; run `jdclass train` to rebuild the model")
    return manifest


def load(path: Path | str | None = None) -> LevelClassifier:
    """Load a model folder (default: the shipped model), refusing files that do not match their manifest.

    The sha256 is checked before the file is read further; the file holds no pickle (``jdclass.model_file``), so
    loading builds only a model's own parts, each checked before a posting is classified.
    """
    directory = Path(path) if path is not None else DEFAULT_MODEL_DIR
    if directory.is_file():
        directory = directory.parent
    manifest = read_manifest(directory)
    model_name = str(manifest.get("model_file", MODEL_FILE))
    if Path(model_name).name != model_name:
        raise ModelIntegrityError(f"{directory / MANIFEST_FILE} names a model file outside its folder ({model_name}); refusing it")
    model_path = directory / model_name
    if not model_path.is_file():
        raise ModelNotFound(f"no model file at {model_path}; run `jdclass train` to build one")
    try:
        if model_path.stat().st_size > model_file.MAX_MODEL_BYTES:
            raise ModelIntegrityError(f"{model_path} is over the {model_file.MAX_MODEL_BYTES:,}-byte limit of a model file; refusing to load it")
        data = model_path.read_bytes()
    except OSError as error:
        raise ModelError(f"{model_path}: cannot read the model ({error.strerror})") from None
    if hashlib.sha256(data).hexdigest() != manifest.get("sha256"):
        raise ModelIntegrityError(f"{model_path} does not match the sha256 in its manifest; refusing to load it (run `jdclass train` to rebuild)")
    built = manifest["environment"] if isinstance(manifest.get("environment"), dict) else {}
    rebuild = _rebuild_command(directory, manifest)
    if manifest.get("format") != FORMAT_VERSION:
        raise ModelIntegrityError(
            f"{directory} holds a model of format {_shown(repr(manifest.get('format')))}, which this jdclass ({__version__}) does not read "
            f"(it reads format {FORMAT_VERSION}); rebuild it: {rebuild}"
        )
    if built.get("spacy") != spacy.__version__:  # the one version loading checks: no need to look the others up
        recorded = built.get("spacy")
        shown = _shown(recorded if isinstance(recorded, str) else repr(recorded))
        raise ModelIntegrityError(f"{directory} holds a model built with spaCy {shown}; this is spaCy {spacy.__version__}: rebuild it: {rebuild}")
    try:
        model, matcher, grams = model_file.read(data, FORMAT_VERSION)
        classifier = LevelClassifier(model, matcher, manifest, grams)
    except model_file.Unreadable as error:
        raise ModelIntegrityError(f"{model_path} cannot be loaded ({_short(error)}); rebuild it: {rebuild}") from None
    except Exception as error:  # noqa: BLE001 - whatever a hand-made part makes the checks raise, it is no model
        raise ModelIntegrityError(f"{model_path} is not a jdclass model ({_short(error)}); rebuild it: {rebuild}") from None
    if [level.code for level in classifier.labels] != manifest.get("labels"):
        raise ModelIntegrityError(f"{model_path} labels differ from its manifest; rebuild it: {rebuild}")
    return classifier


def _short(error: BaseException) -> str:
    """An error quoted in one short line (a hand-made file can make a message of any length)."""
    try:
        text = one_line(error)
    except Exception:  # noqa: BLE001 - str() of a hand-made value can itself fail
        text = type(error).__name__
    return text if len(text) <= 200 else text[:199] + "…"


def _rebuild_command(directory: Path, manifest: dict[str, Any]) -> str:
    """The command that rebuilds the model in ``directory`` from what its manifest says it was trained on."""
    recorded = manifest.get("training_data")
    data: dict[str, Any] = recorded if isinstance(recorded, dict) else {}
    command = f"jdclass train --out {directory}"
    if isinstance(data.get("file"), str):
        command += f" --data {_shown(data['file'])}" + (" --with-corpus" if data.get("corpus") else "")
    return f"`{command}`"


def _shown(text: str, limit: int = 80) -> str:
    """A value from a manifest, in a message: as it is when short and printable, else quoted and cut (a manifest could
    put a line break, a terminal escape or a megabyte into the one line of an error)."""
    if len(text) <= limit and text.isprintable():
        return text
    return repr(text[:limit]) + ("…" if len(text) > limit else "")
