"""Training: the two-question estimator, cross-validation, and fitting the classifier the model folder holds."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import LeaveOneGroupOut, StratifiedKFold
from sklearn.pipeline import Pipeline
from sklearn.utils.validation import check_is_fitted

from jdclass import __version__
from jdclass.corpus import DEFAULT_CORPUS, Corpus, CorpusPosting, load_corpus
from jdclass.duties import DutyMatcher
from jdclass.errors import TrainingError
from jdclass.features import FIELD_GROUPS, PostingFields, SpacyNormalizer
from jdclass.fitted import Linear, TwoQuestions, combined, side_by_side
from jdclass.levels import Level
from jdclass.metrics import expected_calibration_error, summary
from jdclass.model import DEFAULT_MODEL_DIR, FORMAT_VERSION, LevelClassifier, decide, environment, writable_folder
from jdclass.nlp import Analysis, analyze
from jdclass.posting import Posting, parse_text
from jdclass.vectors import TokenTfidf, token_tfidf

SEED = 0
# Regularization, chosen by leave-one-writer-out cross-validation on the corpus (docs/model.md): it rewards
# what carries over to a voice the model has not seen, not what fits one writer's habits.
FAMILY_C = 10.0
RUNG_C = 1.0


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
        return side_by_side(sparse.csr_matrix(shared), parsed if self.fields_weight == 1.0 else parsed * self.fields_weight)

    def predict_proba(self, X: Sequence[Any]) -> np.ndarray:
        check_is_fitted(self)
        items = X if self.text_ is None or sparse.issparse(X) else list(X)
        return self.predict_proba_text(self._text(items), items)

    def predict_proba_text(self, shared: Any, items: Any) -> np.ndarray:
        """``predict_proba`` of ``items`` whose ``text`` features (the fitted ``text`` transform of them) are ``shared``."""
        check_is_fitted(self)
        rung = self.rung_.predict_proba(self._with_fields(shared, self.rung_fields_, items))
        other = None
        if self.family_ is not None:
            family = self.family_.predict_proba(self._with_fields(shared, self.family_fields_, items))
            other = family[:, list(self.family_.classes_).index(True)]
        return combined(self.classes_, self.other_label, rung, self.rung_.classes_, other)

    def predict(self, X: Sequence[Any]) -> np.ndarray:
        check_is_fitted(self)
        return np.array([decide(list(self.classes_), row, self.other_label) for row in self.predict_proba(X)])

    def fitted(self) -> TwoQuestions:
        """The fitted model as arrays (``fitted.TwoQuestions``): the same probabilities, without scikit-learn. It needs
        ``text`` to be the TF-IDF of normalized tokens ``build_pipeline`` makes, and logistic regressions."""
        check_is_fitted(self)
        tfidf = _text_tfidf(self)
        if tfidf is None:
            raise TypeError("only a model whose text features are build_pipeline's TF-IDF of normalized tokens has a fitted form")
        for model in (self.rung_, self.family_):
            if model is not None and type(model) is not LogisticRegression:
                raise TypeError(f"only logistic regressions have a fitted form, not {type(model).__name__}")
        return TwoQuestions(
            text=tfidf.table(),
            family=None if self.family_ is None else _linear(self.family_),
            family_fields=None if self.family_fields_ is None else self.family_fields_.table(),
            rung=_linear(self.rung_),
            rung_fields=None if self.rung_fields_ is None else self.rung_fields_.table(),
            fields_weight=self.fields_weight,
            classes=self.classes_,
            other_label=self.other_label,
        )

    def __sklearn_tags__(self):  # type: ignore[no-untyped-def]
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        return tags


def _linear(model: LogisticRegression) -> Linear:
    if getattr(model, "multi_class", "auto") not in ("auto", "deprecated") or (model.solver == "liblinear" and len(model.classes_) > 2):
        raise TypeError("a one-vs-rest logistic regression has no fitted form")
    if model.coef_.dtype != np.float64:  # fitted on float32 features: scikit-learn's arithmetic would be float32's
        raise TypeError(f"only a logistic regression with float64 coefficients has a fitted form, not {model.coef_.dtype}")
    return Linear(model.coef_, model.intercept_, model.classes_)


def _text_tfidf(pipeline: FamilyThenRung) -> TokenTfidf | None:
    """The fitted TF-IDF of the model's text features, when they are that TF-IDF of the normalized tokens (as
    ``build_pipeline`` makes them); else None."""
    text = getattr(pipeline, "text_", None)
    if not isinstance(text, Pipeline) or [type(step) for _, step in text.steps] != [SpacyNormalizer, TokenTfidf]:
        return None
    tfidf = cast(TokenTfidf, text.steps[1][1])
    return tfidf if tfidf._counts_tokens() else None


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
    return LevelClassifier(pipeline.fitted(), matcher, manifest)


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
