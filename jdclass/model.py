"""The classifier: training from the corpus, the saved model and its manifest, and classification."""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import json
import os
import pickle
import platform
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, cast

import numpy as np
import sklearn
import spacy
from scipy import sparse
from scipy.special import expit
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import LeaveOneGroupOut, StratifiedKFold
from sklearn.pipeline import Pipeline
from sklearn.utils.extmath import softmax
from sklearn.utils.validation import check_is_fitted

from jdclass import __version__
from jdclass.corpus import DEFAULT_CORPUS, Corpus, CorpusPosting, load_corpus
from jdclass.duties import DutyMatcher
from jdclass.errors import ModelError, ModelIntegrityError, ModelNotFound, TrainingError
from jdclass.features import FIELD_GROUPS, PostingFields, SpacyNormalizer
from jdclass.judgement import between, flags, verdict
from jdclass.levels import Level
from jdclass.metrics import expected_calibration_error, summary
from jdclass.nlp import Analysis, analyze
from jdclass.posting import Posting, parse_text
from jdclass.result import Classification
from jdclass.vectors import SharedGrams, TokenTfidf, token_tfidf

DEFAULT_MODEL_DIR = Path(__file__).resolve().parent.parent / "models"
# A gzip-compressed pickle: Python's C unpickler loads it in about a quarter of the time joblib's pure-Python
# one takes (0.25 s against 0.9 s), and every CLI call and batch worker loads the model (format 1 was joblib).
# Format 3: one text transform shared by both classifiers (FamilyThenRung's attributes changed).
# Format 4: the look-up tables of ``SharedGrams`` saved beside them (built once, at training, instead of in every process).
MODEL_FILE = "jdclass-model.pkl.gz"
OLD_MODEL_FILES = ("jdclass-model.joblib",)  # replaced when a model is saved in the same folder
MANIFEST_FILE = "manifest.json"
FORMAT_VERSION = 4
SEED = 0
# Regularization, chosen by leave-one-writer-out cross-validation on the corpus (docs/model.md): it rewards
# what carries over to a voice the model has not seen, not what fits one writer's habits.
FAMILY_C = 10.0
RUNG_C = 1.0
# How much the stated title moves the overall level: the title's own rung, a neighbour, anything further.
TITLE_WEIGHTS = {0: 1.0, 1: 0.35, None: 0.1}


def _text_pipeline() -> Pipeline:
    tfidf = token_tfidf(ngram_range=(1, 2), min_df=2, max_df=0.9, sublinear_tf=True)
    return Pipeline([("normalize", SpacyNormalizer()), ("tfidf", tfidf)])


def _logistic(seed: int, C: float, class_weight: str | None) -> LogisticRegression:
    return LogisticRegression(C=C, class_weight=class_weight, max_iter=5000, random_state=seed)


def build_pipeline(seed: int = SEED, fields_weight: float = 1.0, fields: bool = True) -> FamilyThenRung:
    """Two linear models over one TF-IDF of spaCy-normalized content, each with its own parsed fields.

    The family model tells PM roles from OTHER on the words and the job titles the body names; the rung model
    places PM roles on the ladder using everything, years and management scope included. A ladder title in
    the reporting line is the boss's: the family model counts it as a title named (a product leader as boss
    says the role sits in a product team), the rung model reads it only as ``reports_to`` (docs/model.md,
    item 9). ``fields=False`` leaves the parsed fields out of both, to measure what they add.
    """
    return FamilyThenRung(
        text=_text_pipeline(),
        family_fields=PostingFields(groups=("role", "mentions")) if fields else None,
        rung_fields=PostingFields(groups=FIELD_GROUPS, boss_mentions=False) if fields else None,
        family=_logistic(seed, FAMILY_C, None),
        rung=_logistic(seed, RUNG_C, "balanced"),
        fields_weight=fields_weight,
    )


def decide(labels: Sequence[str], row: np.ndarray, other_label: str = Level.OTHER.code) -> str:
    """The two questions in order: not a PM role when that is more likely than not; else the likeliest rung."""
    labels = list(labels)
    if other_label in labels and row[labels.index(other_label)] >= 0.5:
        return other_label
    ladder = [i for i, label in enumerate(labels) if label != other_label]
    return str(labels[max(ladder, key=lambda i: row[i])])


class FamilyThenRung(ClassifierMixin, BaseEstimator):
    """First: is it a product-management role at all? Then: which rung? Probabilities multiply, so they sum to 1.

    Both classifiers read the same ``text`` features (fitted once, on all postings, and computed once a
    posting), each beside its own parsed fields, weighted by ``fields_weight``. ``text=None`` takes ``X``
    as a numeric matrix of features instead.

    Years and people managed say how senior a job is, not which job it is; keeping the parsed fields for them
    out of the first question stops a senior program manager from reading as a product director, and the
    other way round. (The year tokens of the text, such as ``yoe_5``, are words both models see.)
    """

    def __init__(
        self,
        text: Any = None,
        family_fields: Any = None,
        rung_fields: Any = None,
        family: Any = None,
        rung: Any = None,
        fields_weight: float = 1.0,
        other_label: str = Level.OTHER.code,
    ) -> None:
        self.text = text
        self.family_fields = family_fields
        self.rung_fields = rung_fields
        self.family = family
        self.rung = rung
        self.fields_weight = fields_weight
        self.other_label = other_label

    def fit(self, X: Sequence[Any], y: Sequence[str]) -> FamilyThenRung:
        items = X if self.text is None or sparse.issparse(X) else list(X)
        labels = np.asarray(y)
        is_other = labels == self.other_label
        if is_other.all():
            raise TrainingError("training needs postings of at least one PM level")
        self.text_ = None if self.text is None else clone(self.text)
        shared = self._text(items) if self.text_ is None else self.text_.fit_transform(items)
        ladder = _rows(items, ~is_other)
        self.rung_fields_ = None if self.rung_fields is None else clone(self.rung_fields).fit(ladder)
        self.rung_ = clone(self.rung).fit(self._with_fields(shared[~is_other], self.rung_fields_, ladder), labels[~is_other])
        self.family_fields_ = None
        self.family_ = None
        if is_other.any():
            self.family_fields_ = None if self.family_fields is None else clone(self.family_fields).fit(items)
            self.family_ = clone(self.family).fit(self._with_fields(shared, self.family_fields_, items), is_other)
        self.classes_ = np.array(sorted(set(self.rung_.classes_) | ({self.other_label} if is_other.any() else set())))
        return self

    def _text(self, items: Any) -> Any:
        if self.text_ is not None:
            return self.text_.transform(items)
        return sparse.csr_matrix(items) if sparse.issparse(items) else np.asarray(items)

    def _with_fields(self, shared: Any, fields: Any, items: Any) -> Any:
        if fields is None:
            return shared
        parsed = sparse.csr_matrix(fields.transform(items))
        return _side_by_side(sparse.csr_matrix(shared), parsed if self.fields_weight == 1.0 else parsed * self.fields_weight)

    def predict_proba(self, X: Sequence[Any]) -> np.ndarray:
        check_is_fitted(self)
        items = X if self.text_ is None or sparse.issparse(X) else list(X)
        return self.predict_proba_text(self._text(items), items)

    def predict_proba_text(self, shared: Any, items: Any) -> np.ndarray:
        """``predict_proba`` of ``items`` whose ``text`` features (the fitted ``text`` transform of them) are ``shared``."""
        check_is_fitted(self)
        rung = _probabilities(self.rung_, self._with_fields(shared, self.rung_fields_, items))
        out = np.zeros((rung.shape[0], len(self.classes_)))
        other = np.zeros(rung.shape[0])
        index = {label: i for i, label in enumerate(self.classes_)}
        if self.family_ is not None:
            family = _probabilities(self.family_, self._with_fields(shared, self.family_fields_, items))
            other = family[:, list(self.family_.classes_).index(True)]
            out[:, index[self.other_label]] = other
        for column, label in enumerate(self.rung_.classes_):
            out[:, index[label]] = rung[:, column] * (1.0 - other)
        return out

    def predict(self, X: Sequence[Any]) -> np.ndarray:
        check_is_fitted(self)
        return np.array([decide(list(self.classes_), row, self.other_label) for row in self.predict_proba(X)])

    def __sklearn_tags__(self):  # type: ignore[no-untyped-def]
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        return tags


def _side_by_side(left: sparse.csr_matrix, right: sparse.csr_matrix) -> sparse.csr_matrix:
    """``sparse.hstack([left, right], format="csr")`` of two CSR matrices with as many rows: each row holds left's
    entries, then right's. The same matrix, built with a few numpy calls instead of scipy's general stacking (about
    0.1 ms a call, which a batch of one posting pays twice)."""
    left_counts, right_counts = np.diff(left.indptr), np.diff(right.indptr)
    indptr = np.zeros(left.shape[0] + 1, dtype=np.int64)
    np.cumsum(left_counts + right_counts, out=indptr[1:])
    left_at = np.arange(left.nnz) + np.repeat(indptr[:-1] - left.indptr[:-1], left_counts)
    right_at = np.arange(right.nnz) + np.repeat(indptr[:-1] + left_counts - right.indptr[:-1], right_counts)
    data = np.empty(left.nnz + right.nnz, dtype=np.result_type(left.dtype, right.dtype))
    indices = np.empty(left.nnz + right.nnz, dtype=np.int64)
    data[left_at], data[right_at] = left.data, right.data
    indices[left_at], indices[right_at] = left.indices, right.indices.astype(np.int64) + left.shape[1]
    shape = (left.shape[0], left.shape[1] + right.shape[1])
    index_type = np.int32 if max(len(data), shape[1]) < np.iinfo(np.int32).max else np.int64
    return sparse.csr_matrix((data, indices.astype(index_type), indptr.astype(index_type)), shape=shape)


def _probabilities(model: Any, X: Any) -> np.ndarray:
    """``model.predict_proba(X)``; for a fitted ``LogisticRegression`` and a CSR matrix of float64, its arithmetic
    without its checks of the input (about 0.3 ms a call, half the model's time on a single posting)."""
    if type(model) is not LogisticRegression or not (sparse.issparse(X) and X.format == "csr") or X.dtype != np.float64 or X.shape[1] != model.coef_.shape[1]:
        return np.asarray(model.predict_proba(X))
    if getattr(model, "multi_class", "auto") not in ("auto", "deprecated") or (model.solver == "liblinear" and len(model.classes_) > 2) or not X.shape[0]:
        return np.asarray(model.predict_proba(X))  # one-vs-rest in older scikit-learn, or no row: its own way
    scores = np.asarray(X @ model.coef_.T) + model.intercept_
    if len(model.classes_) <= 2:
        positive = expit(scores.reshape(-1))
        return np.stack([1 - positive, positive], axis=1)
    return np.asarray(softmax(scores, copy=False))


def _rows(items: Any, mask: np.ndarray) -> Any:
    """The items where ``mask`` is true: rows of an array, or elements of a list."""
    if isinstance(items, np.ndarray) or sparse.issparse(items):
        return items[mask]
    return [item for item, keep in zip(items, mask, strict=True) if keep]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def environment() -> dict[str, str]:
    """Versions that decide whether a saved model can be loaded here."""
    return {"jdclass": __version__, "scikit-learn": sklearn.__version__, "spacy": spacy.__version__, "python": platform.python_version()}


class LevelClassifier:
    """A trained model: classify a posting's text into a level with probabilities and evidence."""

    # A classifier without saved ``SharedGrams`` (one built in code) builds them once it has classified this many
    # postings: that takes about 0.35 s, which a few postings would not repay. A saved model has them from the start.
    shared_grams_after = 500

    def __init__(self, pipeline: FamilyThenRung, matcher: DutyMatcher, manifest: dict[str, Any], grams: SharedGrams | None = None) -> None:
        self.pipeline = pipeline
        self.matcher = matcher
        self.manifest = manifest
        self.grams = grams
        self.labels: tuple[Level, ...] = tuple(Level.from_code(code) for code in pipeline.classes_)
        self.classified = 0

    @property
    def version(self) -> str:
        return str(self.manifest.get("model_version", "unsaved"))

    def classify(self, text: str | Posting, *, title: str | None = None, max_chars: int | None = None) -> Classification:
        """Classify one posting given as text (or as a parsed ``Posting``); ``title`` overrides title detection."""
        return next(self.classify_many([text], title=title, max_chars=max_chars))

    def classify_many(
        self,
        texts: Iterable[str | Posting],
        *,
        title: str | None = None,
        batch_size: int = 256,
        max_chars: int | None = None,
        details: bool = True,
    ) -> Iterator[Classification]:
        """Classify postings lazily, in input order, batching spaCy and scikit-learn work.

        ``details=False`` leaves out the evidence for every rung and the highlights (the evidence for the
        level found is kept): a batch table shows only that, and it saves the work.
        """
        from jdclass.posting import parse  # the entry point that validates raw text

        if isinstance(texts, (str, bytes)):
            raise TypeError("classify_many takes an iterable of postings, not one string; for one posting use classify(text)")
        batch: list[Posting] = []
        for item in texts:
            batch.append(item if isinstance(item, Posting) else parse(item, max_chars=max_chars, title=title))
            if len(batch) >= batch_size:
                yield from self._classify_batch(batch, details)
                batch = []
        if batch:
            yield from self._classify_batch(batch, details)

    def _classify_batch(self, postings: list[Posting], details: bool = True) -> Iterator[Classification]:
        analyses = list(analyze(postings))
        grams = self._current_grams()
        if grams is None and self.classified >= self.shared_grams_after:
            grams = self.grams = shared_grams(self.pipeline, self.matcher)
        self.classified += len(analyses)
        if grams is not None and all(" ".join(s.tokens for s in a.sentences) == a.tokens for a in analyses):
            text, sentences = grams.transform([[s.tokens for s in a.sentences] for a in analyses])
            content = self.pipeline.predict_proba_text(text, analyses)
            scores = self.matcher.level_scores_many(analyses, sentences)
        else:
            content = self.pipeline.predict_proba(analyses)
            scores = self.matcher.level_scores_many(analyses)
        for analysis, row, score in zip(analyses, content, scores, strict=True):
            yield self._result(analysis, row, score, details)

    def _current_grams(self) -> SharedGrams | None:
        """``grams``, unless they were made for another pipeline or matcher than this classifier's (then None)."""
        grams = self.grams
        if grams is None or grams.whole is not _text_tfidf(self.pipeline) or grams.parts is not self.matcher.vectorizer:
            return None
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
        content = dict(_ordered(self.labels, content_row))
        explanation = self.matcher.explain(analysis, evidence_level, scores=scores, details=details)
        return Classification(
            level=level,
            probabilities=_ordered(self.labels, overall),
            content_level=content_level,
            content_probabilities=_ordered(self.labels, content_row),
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
            grams = self._current_grams() or shared_grams(self.pipeline, self.matcher)
            bundle = {"pipeline": self.pipeline, "matcher": self.matcher, "grams": grams, "format": FORMAT_VERSION}
            data = gzip.compress(pickle.dumps(bundle, protocol=5), compresslevel=6, mtime=0)
            path.write_bytes(data)
            manifest = dict(self.manifest, model_file=MODEL_FILE, sha256=hashlib.sha256(data).hexdigest())
            (directory / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
            for name in OLD_MODEL_FILES:
                (directory / name).unlink(missing_ok=True)
        except OSError as error:
            raise ModelError(f"{directory}: cannot save the model ({error.strerror})") from None
        self.manifest = manifest
        return path


def _text_tfidf(pipeline: FamilyThenRung) -> TokenTfidf | None:
    """The fitted TF-IDF of the model's text features, when they are that TF-IDF of the normalized tokens (as
    ``build_pipeline`` makes them); else None."""
    text = getattr(pipeline, "text_", None)
    if not isinstance(text, Pipeline) or [type(step) for _, step in text.steps] != [SpacyNormalizer, TokenTfidf]:
        return None
    return cast(TokenTfidf, text.steps[1][1])


def shared_grams(pipeline: FamilyThenRung, matcher: DutyMatcher) -> SharedGrams | None:
    """One look-up of each n-gram for the model's TF-IDF and the duty matcher's, when the model's text features
    are a ``TokenTfidf`` of the normalized tokens and the matcher's vectorizer is one too; else None."""
    whole = _text_tfidf(pipeline)
    if whole is None or not isinstance(matcher.vectorizer, TokenTfidf):
        return None
    return SharedGrams(whole, matcher.vectorizer)


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
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise ModelIntegrityError(f"{path} is not a valid manifest; run `jdclass train` to rebuild the model") from None
    if not isinstance(manifest, dict):
        raise ModelIntegrityError(f"{path} is not a valid manifest; run `jdclass train` to rebuild the model")
    return manifest


def load(path: Path | str | None = None) -> LevelClassifier:
    """Load a model folder (default: the shipped model), refusing files that do not match their manifest.

    The sha256 is checked before unpickling: pickles run code when loaded, so only trust matching files.
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
        data = model_path.read_bytes()
    except OSError as error:
        raise ModelError(f"{model_path}: cannot read the model ({error.strerror})") from None
    if hashlib.sha256(data).hexdigest() != manifest.get("sha256"):
        raise ModelIntegrityError(f"{model_path} does not match the sha256 in its manifest; refusing to load it (run `jdclass train` to rebuild)")
    built = manifest["environment"] if isinstance(manifest.get("environment"), dict) else {}
    here = environment()
    if built.get("scikit-learn") != here["scikit-learn"] or manifest.get("format") != FORMAT_VERSION:
        raise ModelIntegrityError(
            f"the model was built with scikit-learn {built.get('scikit-learn')} (format {manifest.get('format')}); "
            f"this is scikit-learn {here['scikit-learn']} (format {FORMAT_VERSION}): run `jdclass train` to rebuild it"
        )
    try:
        bundle = pickle.loads(gzip.decompress(data))
    except Exception as error:  # noqa: BLE001 - a damaged pickle raises anything; the hash check makes this rare
        raise ModelIntegrityError(f"{model_path} cannot be loaded ({type(error).__name__}); run `jdclass train` to rebuild it") from None
    if not isinstance(bundle, dict) or not {"pipeline", "matcher"} <= bundle.keys() or not isinstance(bundle.get("grams"), SharedGrams | None):
        raise ModelIntegrityError(f"{model_path} is not a jdclass model; run `jdclass train` to rebuild it")
    classifier = LevelClassifier(bundle["pipeline"], bundle["matcher"], manifest, bundle.get("grams"))
    if [level.code for level in classifier.labels] != manifest.get("labels"):
        raise ModelIntegrityError(f"{model_path} labels differ from its manifest; run `jdclass train` to rebuild it")
    return classifier


def writer_of(item: CorpusPosting) -> str:
    """The writer of a corpus posting: the file-name prefix before the first dash (``a-07.md`` -> ``a``)."""
    return item.path.name.split("-", 1)[0]


def corpus_posting(item: CorpusPosting) -> Posting:
    """Parse a corpus posting, blanking its recorded title where the text states it, so training sees content only."""
    if item.title is None:
        return dataclasses.replace(parse_text(item.text), title=None, title_level=None)
    return parse_text(item.text, title=item.title)


def cross_validated_probabilities(
    analyses: list[Analysis], labels: list[str], seed: int = SEED, cv_folds: int = 5, groups: list[str] | None = None
) -> tuple[list[str], np.ndarray]:
    """Out-of-fold probabilities for every training example, with the class order of the columns.

    With ``groups`` (e.g. the writer of each corpus posting) each group is held out in turn instead.
    """
    classes = sorted(set(labels))
    probabilities = np.zeros((len(labels), len(classes)))
    if groups is not None:
        splits = LeaveOneGroupOut().split(analyses, labels, groups)
    else:
        splits = StratifiedKFold(cv_folds, shuffle=True, random_state=seed).split(analyses, labels)
    for train_index, test_index in splits:
        model = build_pipeline(seed).fit([analyses[i] for i in train_index], [labels[i] for i in train_index])
        fold = model.predict_proba([analyses[i] for i in test_index])
        for column, label in enumerate(model.classes_):
            probabilities[test_index, classes.index(str(label))] = fold[:, column]
    return classes, probabilities


def fit_classifier(
    postings: list[Posting], labels: list[str], corpus: Corpus, seed: int = SEED, cv_folds: int = 5, data: dict[str, Any] | None = None
) -> LevelClassifier:
    """Fit the pipeline on parsed postings, cross-validate it, and fit the duty matcher on the corpus rubric.

    ``data`` describes the training data for the manifest (default: the corpus alone).
    """
    counts = {code: labels.count(code) for code in set(labels)}
    too_few = sorted(code for code, count in counts.items() if count < cv_folds)
    if too_few:
        raise TrainingError(f"level(s) {', '.join(too_few)} have fewer than {cv_folds} examples; add more postings")
    if len(counts) < 2:
        raise TrainingError("training needs postings of at least two levels")
    analyses = list(analyze(postings))
    classes, probabilities = cross_validated_probabilities(analyses, labels, seed, cv_folds)
    predicted = [decide(classes, row) for row in probabilities]
    pipeline = build_pipeline(seed).fit(analyses, labels)
    background = [sentence.tokens for analysis in analyses for sentence in analysis.sentences]
    matcher = DutyMatcher(corpus.duties, background)
    metrics = summary(labels, predicted)
    metrics["calibration_error"] = expected_calibration_error(probabilities, [classes.index(label) for label in labels], [classes.index(p) for p in predicted])
    manifest = {
        "model_version": f"{__version__}+{corpus.digest()[:12]}",
        "format": FORMAT_VERSION,
        "environment": environment(),
        "corpus_sha256": corpus.digest(),
        "training_data": data or {"corpus": True},
        "labels": [str(code) for code in pipeline.classes_],
        "training_examples": {code: counts.get(code, 0) for code in (level.code for level in Level)},
        "cv_metrics": metrics,
        "cv_folds": cv_folds,
        "seed": seed,
    }
    return LevelClassifier(pipeline, matcher, manifest, shared_grams(pipeline, matcher))


def train(
    corpus_root: Path | str = DEFAULT_CORPUS,
    out: Path | str | None = DEFAULT_MODEL_DIR,
    seed: int = SEED,
    data: Path | str | None = None,
    with_corpus: bool = False,
) -> LevelClassifier:
    """Train and (unless ``out`` is None) save the model and manifest to ``out``.

    By default the model learns from the corpus. ``data`` is a team's own labelled JSONL or CSV file: the model
    learns from it alone, or from it and the corpus with ``with_corpus``. The duty rubric always comes from the corpus.
    """
    from jdclass.evaluation import labelled_posting, load_labelled  # evaluation imports this module

    if out is not None:
        writable_folder(out)
    corpus = load_corpus(corpus_root)
    postings: list[Posting] = []
    labels: list[str] = []
    description: dict[str, Any] = {"corpus": data is None or with_corpus}
    if data is None or with_corpus:
        postings += [corpus_posting(item) for item in corpus.postings]
        labels += [item.level.code for item in corpus.postings]
    if with_corpus and data is None:
        raise TrainingError("with_corpus needs a data file to add to the corpus")
    if data is not None:
        rows = load_labelled(data)
        postings += [labelled_posting(row) for row in rows]
        labels += [row.level for row in rows]
        description.update(file=Path(data).name, sha256=_sha256(Path(data)), rows=len(rows))
    classifier = fit_classifier(postings, labels, corpus, seed=seed, data=description)
    if out is not None:
        classifier.save(out)
    return classifier
