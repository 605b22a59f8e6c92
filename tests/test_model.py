import json
import shutil

import numpy as np
import pytest
import spacy

import jdclass
from jdclass.corpus import DEFAULT_CORPUS
from jdclass.duties import MIN_SCORE
from jdclass.errors import ModelIntegrityError, ModelNotFound, TrainingError
from jdclass.levels import Level
from jdclass.model import DEFAULT_MODEL_DIR, MANIFEST_FILE, MODEL_FILE, load
from jdclass.training import train
from tests.conftest import HELD_BACK

LEVEL_FILES = ["apm", "pm", "spm", "dir", "vp", "cpo", "other"]


@pytest.mark.parametrize("name", LEVEL_FILES)
def test_held_back_postings_get_their_level(classifier, name):
    result = classifier.classify((HELD_BACK / f"{name}.md").read_text(encoding="utf-8"))
    assert result.level.code == name.upper()
    assert result.content_level.code == name.upper()


def test_result_is_well_formed_and_immutable(classifier):
    text = (HELD_BACK / "dir.md").read_text(encoding="utf-8")
    result = classifier.classify(text)
    assert sum(p for _, p in result.probabilities) == pytest.approx(1.0, abs=1e-6)
    assert [level for level, _ in result.probabilities] == list(Level)
    assert 3 <= len(result.evidence) <= 5
    for item in result.evidence:
        assert text[item.start : item.end] == item.text
        assert item.score >= MIN_SCORE  # evidence is never filled up with weak matches
    with pytest.raises(AttributeError):
        result.level = Level.PM  # type: ignore[misc]
    data = result.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["level"] == "DIR" and data["model_version"] == classifier.version


def test_classify_many_refuses_one_string(classifier):
    with pytest.raises(TypeError, match="not one string"):
        list(classifier.classify_many("Product Manager"))


def test_classify_many_keeps_input_order(classifier):
    texts = [(HELD_BACK / f"{name}.md").read_text(encoding="utf-8") for name in LEVEL_FILES]
    results = list(classifier.classify_many(texts, batch_size=3))
    assert [r.level.code for r in results] == [name.upper() for name in LEVEL_FILES]


def test_classify_many_without_details_keeps_the_level_and_its_evidence(classifier):
    texts = [(HELD_BACK / f"{name}.md").read_text(encoding="utf-8") for name in LEVEL_FILES]
    full = list(classifier.classify_many(texts))
    lean = list(classifier.classify_many(texts, details=False))
    assert [(r.level, r.probabilities, r.evidence, r.verdict) for r in lean] == [(r.level, r.probabilities, r.evidence, r.verdict) for r in full]
    assert all(r.evidence_by_level and r.highlights for r in full if r.level.on_ladder)
    assert all(r.evidence_by_level == () and r.highlights == () for r in lean)


def test_the_stated_title_is_kept_apart_from_the_content(classifier):
    text = (HELD_BACK / "pm.md").read_text(encoding="utf-8")
    result = classifier.classify(text, title="Chief Product Officer")
    assert (result.title_level, result.title_rule, result.content_level) == (Level.CPO, "chief_product", Level.PM)


def test_load_takes_no_arguments_and_checks_the_manifest():
    model = jdclass.load()
    manifest = json.loads((DEFAULT_MODEL_DIR / MANIFEST_FILE).read_text())
    assert model.version == manifest["model_version"]
    assert set(manifest) >= {"environment", "corpus_sha256", "labels", "cv_metrics", "sha256"}
    assert set(manifest["environment"]) == {"jdclass", "scikit-learn", "spacy", "numpy", "scipy", "python"}


def test_the_shipped_model_was_built_from_this_corpus():
    from jdclass.corpus import corpus_digest

    manifest = json.loads((DEFAULT_MODEL_DIR / MANIFEST_FILE).read_text())
    assert manifest["corpus_sha256"] == corpus_digest(DEFAULT_CORPUS), "corpus changed since the model was trained: run `make model`"


@pytest.fixture
def model_copy(tmp_path):
    target = tmp_path / "model"
    shutil.copytree(DEFAULT_MODEL_DIR, target)
    return target


def test_a_tampered_model_is_refused(model_copy):
    with (model_copy / MODEL_FILE).open("ab") as handle:
        handle.write(b"\0")
    with pytest.raises(ModelIntegrityError, match="does not match the sha256 in its manifest; refusing to load it"):
        jdclass.load(model_copy)


def test_a_truncated_model_is_refused(model_copy):
    path = model_copy / MODEL_FILE
    path.write_bytes(path.read_bytes()[:1000])
    with pytest.raises(ModelIntegrityError, match="refusing to load it"):
        jdclass.load(model_copy)


def test_a_version_mismatch_names_the_fix(model_copy):
    manifest = json.loads((model_copy / MANIFEST_FILE).read_text())
    manifest["environment"]["spacy"] = "0.1"
    (model_copy / MANIFEST_FILE).write_text(json.dumps(manifest))
    with pytest.raises(ModelIntegrityError, match=r"built with spaCy 0.1; this is spaCy .*: rebuild it: `jdclass train --out "):
        jdclass.load(model_copy)
    manifest["environment"]["spacy"], manifest["environment"]["scikit-learn"] = spacy.__version__, "0.1"
    (model_copy / MANIFEST_FILE).write_text(json.dumps(manifest))
    assert jdclass.load(model_copy).labels  # a saved model holds no scikit-learn object: another one only trained it


def test_missing_model(tmp_path):
    with pytest.raises(ModelNotFound, match="run `jdclass train`"):
        jdclass.load(tmp_path)


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    """Twelve postings per level from the corpus, for fast training tests."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(DEFAULT_CORPUS / "rubric", root / "rubric")
    for folder in sorted((DEFAULT_CORPUS / "postings").iterdir()):
        (root / "postings" / folder.name).mkdir(parents=True)
        for path in sorted(folder.glob("*.md"))[:12]:
            shutil.copy(path, root / "postings" / folder.name / path.name)
    return root


def test_training_is_deterministic(small_corpus, tmp_path):
    first = train(small_corpus, tmp_path / "one")
    second = train(small_corpus, tmp_path / "two")
    texts = [(HELD_BACK / f"{name}.md").read_text(encoding="utf-8") for name in LEVEL_FILES]
    a = np.array([[p for _, p in r.probabilities] for r in first.classify_many(texts)])
    b = np.array([[p for _, p in r.probabilities] for r in second.classify_many(texts)])
    assert np.array_equal(a, b)
    assert first.manifest["cv_metrics"] == second.manifest["cv_metrics"]
    assert (tmp_path / "one" / MODEL_FILE).read_bytes() == (tmp_path / "two" / MODEL_FILE).read_bytes()  # the same file, byte for byte
    reloaded = jdclass.load(tmp_path / "one")
    assert [r.level for r in reloaded.classify_many(texts)] == [r.level for r in first.classify_many(texts)]


def test_too_few_examples_is_a_training_error(small_corpus, tmp_path):
    root = tmp_path / "tiny"
    shutil.copytree(small_corpus, root)
    for path in sorted((root / "postings" / "vp").glob("*.md"))[2:]:
        path.unlink()
    with pytest.raises(TrainingError, match="level\\(s\\) VP have fewer than 5 examples"):
        train(root, None)


def test_saving_replaces_a_model_of_the_old_formats(tmp_path):
    (tmp_path / "jdclass-model.joblib").write_bytes(b"format 1")
    (tmp_path / "jdclass-model.pkl.gz").write_bytes(b"formats 2 to 6")
    load().save(tmp_path)
    assert sorted(path.name for path in tmp_path.iterdir()) == [MODEL_FILE, MANIFEST_FILE]
    assert load(tmp_path).version == load().version  # and it loads: the manifest names the new file


def test_a_saved_models_version_names_its_corpus_and_its_file(tmp_path):
    # Two models trained on one corpus by different code have different files: their versions differ too.
    shipped = load()
    manifest = json.loads((DEFAULT_MODEL_DIR / MANIFEST_FILE).read_text())
    assert shipped.version == f"{jdclass.__version__}+{manifest['corpus_sha256'][:12]}.{manifest['sha256'][:8]}"
    shipped.save(tmp_path)
    assert load(tmp_path).version == shipped.version  # the same file again: the same version


def _fitted_pipeline(fields: bool = True, fields_weight: float = 1.0):
    """``build_pipeline`` fitted on a slice of the corpus (every level, several writers): seconds, not the full training."""
    from jdclass.corpus import load_corpus
    from jdclass.nlp import analyze
    from jdclass.training import build_pipeline, corpus_posting

    postings = load_corpus(DEFAULT_CORPUS).postings[::6]
    analyses = list(analyze([corpus_posting(item) for item in postings]))
    return build_pipeline(fields=fields, fields_weight=fields_weight).fit(analyses, [item.level.code for item in postings])


@pytest.mark.parametrize(("fields", "fields_weight"), [(True, 1.0), (False, 1.0), (True, 0.5)], ids=["with fields", "text only", "fields weighted"])
def test_the_fitted_form_gives_the_estimators_probabilities_to_the_last_bit(fields, fields_weight):
    from jdclass.nlp import analyze

    pipeline = _fitted_pipeline(fields, fields_weight)
    fitted = pipeline.fitted()
    texts = [path.read_text(encoding="utf-8") for path in sorted(HELD_BACK.glob("*.md"))]
    analyses = list(analyze(texts + ["Manager", "Product Manager\n\n!!!"]))
    assert list(fitted.classes_) == list(pipeline.classes_)
    assert np.array_equal(fitted.predict_proba(analyses), pipeline.predict_proba(analyses))  # binary (family) and six rungs
    shared = pipeline.text_.transform(analyses)
    assert np.array_equal(fitted.predict_proba_text(shared, analyses), pipeline.predict_proba_text(shared, analyses))


def test_a_model_without_neighbouring_roles_has_no_family_question():
    from sklearn.linear_model import LogisticRegression

    from jdclass.nlp import analyze
    from jdclass.training import FamilyThenRung, build_pipeline

    texts = [path.read_text(encoding="utf-8") for path in sorted(HELD_BACK.glob("*.md")) if path.stem != "other"]
    analyses = list(analyze(texts))
    labels = [path.stem.upper() for path in sorted(HELD_BACK.glob("*.md")) if path.stem != "other"]
    pipeline = build_pipeline().fit(analyses * 2, labels * 2)
    fitted = pipeline.fitted()
    assert fitted.family is None and "OTHER" not in fitted.classes_
    assert np.array_equal(fitted.predict_proba(analyses), pipeline.predict_proba(analyses))
    with pytest.raises(TypeError, match="only a model whose text features"):
        FamilyThenRung(family=LogisticRegression(), rung=LogisticRegression()).fit(np.eye(6), labels).fitted()


def test_float32_coefficients_have_no_fitted_form():
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    from jdclass.training import _linear

    X = sparse.random(40, 12, density=0.3, format="csr", random_state=1, dtype=np.float32)
    model = LogisticRegression().fit(X, np.arange(40) % 3)
    if model.coef_.dtype == np.float64:
        pytest.skip("this scikit-learn fits float64 coefficients on float32 features")
    with pytest.raises(TypeError, match="float64 coefficients"):
        _linear(model)


def test_linear_probabilities_are_predict_probas_to_the_last_bit():
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    from jdclass.fitted import Linear

    rng = np.random.default_rng(0)
    X = sparse.random(40, 12, density=0.3, format="csr", random_state=1)
    for labels in (rng.integers(0, 2, 40).astype(bool), rng.choice(["APM", "PM", "SPM", "DIR"], 40)):
        model = LogisticRegression().fit(X, labels)
        linear = Linear(model.coef_, model.intercept_, model.classes_)
        assert np.array_equal(linear.probabilities(X), model.predict_proba(X))
        assert linear.probabilities(X[:0]).shape == (0, len(model.classes_))


def test_classifying_imports_no_scikit_learn(tmp_path):
    import subprocess
    import sys

    probe = (
        "import sys, jdclass; from jdclass.batch import classify_many; jdclass.load().classify('Senior Product Manager. Own the roadmap.'); "
        "list(classify_many(['Product Manager. Ship it.'])); print(sorted({m.split('.')[0] for m in sys.modules} & {'sklearn', 'joblib'}))"
    )
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout == "[]\n"
    # The command line: classify (with its reports) and batch, in one process.
    cli = (
        "import sys; from click.testing import CliRunner; from jdclass.cli import cli; runner = CliRunner(); "
        "assert runner.invoke(cli, ['classify', '--json', '-'], input='Senior Product Manager. Own the roadmap.').exit_code == 0; "
        "assert runner.invoke(cli, ['classify', '--html', '-'], input='Senior Product Manager. Own the roadmap.').exit_code == 0; "
        "assert runner.invoke(cli, ['parse', '-'], input='Senior Product Manager. Own the roadmap.').exit_code == 0; "
        "assert runner.invoke(cli, ['batch', sys.argv[1], '-o', sys.argv[2], '--jobs', '1', '--quiet']).exit_code == 0; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sklearn', 'joblib'}))"
    )
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.md").write_text("Senior Product Manager\n\nOwn the roadmap.", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", cli, str(folder), str(tmp_path / "out.csv")], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"


@pytest.mark.parametrize("rows", [0, 1, 7])
@pytest.mark.parametrize(("left_density", "right_density"), [(0.0, 0.0), (0.4, 0.0), (0.0, 0.6), (0.3, 0.5)])
def test_side_by_side_is_hstack(rows, left_density, right_density):
    from scipy import sparse

    from jdclass.fitted import side_by_side

    left = sparse.random(rows, 9, density=left_density, format="csr", random_state=1)
    right = sparse.random(rows, 4, density=right_density, format="csr", random_state=2)
    ours, theirs = side_by_side(left, right), sparse.hstack([left, right], format="csr")
    assert ours.shape == theirs.shape and ours.dtype == theirs.dtype and ours.indices.dtype == theirs.indices.dtype
    for name in ("indptr", "indices", "data"):
        assert np.array_equal(getattr(ours, name), getattr(theirs, name)), name


def test_the_duty_lookup_is_made_once_and_not_saved(classifier):
    import pickle

    from jdclass.nlp import analyze

    analyses = list(analyze([(HELD_BACK / "vp.md").read_text(encoding="utf-8")]))
    matcher = classifier.matcher
    first = matcher.level_scores_many(analyses)
    assert "_by_level" in matcher.__dict__ and "_by_level" not in pickle.loads(pickle.dumps(matcher)).__dict__
    again = pickle.loads(pickle.dumps(matcher)).level_scores_many(analyses)
    assert all(np.array_equal(a, b) for pair_a, pair_b in zip(first, again, strict=True) for a, b in zip(pair_a, pair_b, strict=True))


def test_evidence_leaves_out_the_emoji_around_a_bullet(classifier):
    text = "Senior Product Manager\n\nWhat you'll do:\n✅ Mentor two junior PMs on discovery and delivery 🙌\n⭐ 6+ years in product management\n"
    result = classifier.classify(text)
    assert "Mentor two junior PMs on discovery and delivery" in [item.text for item in result.evidence]
    for item in result.evidence:
        assert item.text == item.text.strip() and item.text[0].isalnum() and item.text[-1].isalnum()
        assert text[item.start : item.end] == item.text


def test_the_title_line_and_a_repeated_sentence_are_no_evidence(classifier):
    body = "Own the payments roadmap and mentor two junior PMs on discovery and delivery.\n"
    text = "We're hiring: Senior Product Manager – Payments\n\n" + body + body + "6+ years of product management experience.\n"
    texts = [item.text for item in classifier.classify(text).evidence]
    assert not any("hiring" in each for each in texts)
    assert len(texts) == len(set(texts))
