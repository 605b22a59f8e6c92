import csv
import json
import shutil

import pytest
from click.testing import CliRunner

import jdclass
from jdclass.cli import cli
from jdclass.corpus import DEFAULT_CORPUS
from jdclass.errors import TrainingError
from jdclass.evaluation import evaluate_rows, labelled_posting, load_labelled
from jdclass.judgement import FLAGS
from tests.conftest import EVAL, HELD_BACK, real_postings

LEVEL_FILES = ["apm", "pm", "spm", "dir", "vp", "cpo", "other"]


def held_back_rows(tmp_path, suffix=".jsonl"):
    rows = [{"text": (HELD_BACK / f"{name}.md").read_text(encoding="utf-8"), "level": name.upper(), "title": None} for name in LEVEL_FILES]
    path = tmp_path / f"labelled{suffix}"
    if suffix == ".jsonl":
        path.write_text("\n".join(json.dumps(row) for row in rows), encoding="utf-8")
    else:
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=["text", "level", "title"])
            writer.writeheader()
            writer.writerows(rows)
    return path


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_load_labelled(tmp_path, suffix):
    rows = load_labelled(held_back_rows(tmp_path, suffix))
    assert [row.level for row in rows] == [name.upper() for name in LEVEL_FILES]


def test_bad_training_rows_are_named(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "a", "level": "PM"}\n{"text": "b", "level": "BOSS"}\n{"text": "", "level": "VP"}\n{"text": "c", "level": "intern"}\n')
    with pytest.raises(TrainingError) as raised:
        load_labelled(path)
    assert str(raised.value) == (
        f"{path}: unknown level in row(s) 2 ('BOSS'), 4 ('intern') (expected APM, PM, SPM, DIR, VP, CPO, OTHER); empty text in row(s) 3"
    )


def test_evaluate_the_held_back_postings(classifier, tmp_path):
    evaluation = evaluate_rows(classifier, load_labelled(held_back_rows(tmp_path)), errors=3)
    assert evaluation.figures["jdclass"]["accuracy"] == 1.0
    assert evaluation.mistakes == ()
    assert evaluation.per_level["DIR"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1}


def test_evaluate_splits_the_rows_by_level_cue(classifier, tmp_path):
    path = held_back_rows(tmp_path)
    no_cue = "Shape how shoppers find products in our app. Talk with shoppers every week and decide with design and engineering what ships next."
    path.write_text(path.read_text(encoding="utf-8") + "\n" + json.dumps({"text": no_cue, "level": "PM"}), encoding="utf-8")
    evaluation = evaluate_rows(classifier, load_labelled(path))
    assert [(name, figures["n"]) for name, figures in evaluation.by_cue.items()] == [("level cue stated", 7), ("no level cue", 1)]
    assert evaluation.by_cue["level cue stated"]["accuracy"] == 1.0
    output = CliRunner().invoke(cli, ["evaluate", str(path)]).output
    section = output.split("By what the body states")[1].splitlines()[1:4]
    flagged = evaluation.by_cue["no level cue"]
    assert section == [
        "                     postings  accuracy  within one",
        "  level cue stated          7     1.000       1.000",
        f"  no level cue              1     {flagged['accuracy']:.3f}       {flagged['within_one']:.3f}",
    ]


def test_evaluate_splits_the_rows_by_flag(classifier, tmp_path):
    path = held_back_rows(tmp_path)
    unsure = (
        "Own the backlog for our claims platform. Write user stories with the product manager, run sprint planning and refinement with the "
        "scrum team, accept finished work and keep stakeholders informed about what ships each sprint. Three years as a product owner."
    )
    path.write_text(path.read_text(encoding="utf-8") + "\n" + json.dumps({"text": unsure, "level": "OTHER"}), encoding="utf-8")
    rows = load_labelled(path)
    evaluation = evaluate_rows(classifier, rows)
    results = [classifier.classify(labelled_posting(row)) for row in rows]
    expected = {flag: sum(flag in r.flags for r in results) for flag in FLAGS} | {"no flag": sum(not r.flags for r in results)}
    assert {name: figures["n"] for name, figures in evaluation.by_flag.items()} == {name: n for name, n in expected.items() if n}
    assert evaluation.by_flag["pm_role_unsure"]["n"] >= 1 and evaluation.by_flag["no flag"]["accuracy"] == 1.0
    output = CliRunner().invoke(cli, ["evaluate", str(path)]).output
    section = output.split("By flag (a row may carry several):\n")[1].split("\n\n")[0].splitlines()
    assert section == ["                     postings  accuracy  within one"] + [
        f"  {name:<18}{figures['n']:>9}{figures['accuracy']:>10.3f}{figures['within_one']:>12.3f}" for name, figures in evaluation.by_flag.items()
    ]
    assert json.loads(CliRunner().invoke(cli, ["evaluate", "--json", str(path)]).output)["by_flag"] == evaluation.by_flag


def test_evaluate_cli_prints_figures_and_json(tmp_path):
    path = held_back_rows(tmp_path)
    result = CliRunner().invoke(cli, ["evaluate", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Evaluation: content only, 7 postings"
    assert lines[3] == "accuracy                  1.000"
    data = json.loads(CliRunner().invoke(cli, ["evaluate", "--json", str(path)]).output)
    assert data["figures"]["jdclass"]["within_one"] == 1.0


def test_train_on_a_user_file_and_classify_with_it(tmp_path):
    # A team's own postings: the held-back ads, each repeated with small edits so every level has five examples.
    rows = []
    for name in LEVEL_FILES:
        text = (HELD_BACK / f"{name}.md").read_text(encoding="utf-8")
        paragraphs = text.split("\n\n")
        for i in range(5):
            rows.append({"text": "\n\n".join(paragraphs[: len(paragraphs) - i] or paragraphs), "level": name.upper()})
    data = tmp_path / "ours.jsonl"
    data.write_text("\n".join(json.dumps(row) for row in rows), encoding="utf-8")
    result = CliRunner().invoke(cli, ["train", "--data", str(data), "--out", str(tmp_path / "team")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Trained on 35 postings; model saved to {tmp_path / 'team'}\n")
    manifest = json.loads((tmp_path / "team" / "manifest.json").read_text())
    assert manifest["training_data"]["corpus"] is False and manifest["training_data"]["rows"] == 35
    classified = CliRunner().invoke(cli, ["classify", "--json", "--model", str(tmp_path / "team"), str(HELD_BACK / "vp.md")])
    assert json.loads(classified.output)["level"] == "VP"
    assert jdclass.load(tmp_path / "team").version == manifest["model_version"]


def test_with_corpus_needs_data():
    result = CliRunner().invoke(cli, ["train", "--with-corpus"])
    assert result.exit_code == 2 and "--with-corpus needs --data" in result.output


def test_evaluate_on_the_real_postings_beside_the_baselines(classifier):
    real_postings()  # skips when ../shared is absent
    result = CliRunner().invoke(cli, ["evaluate", str(EVAL / "real_pm_postings_senior.jsonl"), "--baselines"])
    assert result.exit_code == 0, result.output
    header = result.output.splitlines()[2].split()
    assert header == ["jdclass", "majority", "title", "rules", "plain", "tf-idf"]


def test_the_corpus_is_cross_validated(tmp_path):
    root = tmp_path / "corpus"
    shutil.copytree(DEFAULT_CORPUS / "rubric", root / "rubric")
    for folder in sorted((DEFAULT_CORPUS / "postings").iterdir()):
        (root / "postings" / folder.name).mkdir(parents=True)
        for path in sorted(folder.glob("*.md"))[:6]:
            shutil.copy(path, root / "postings" / folder.name / path.name)
    result = CliRunner().invoke(cli, ["evaluate", str(root), "--baselines"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "Evaluation: corpus, 5-fold cross-validation, 42 postings"


def test_plot_writes_the_confusion_matrix_and_reliability_diagram(tmp_path):
    pytest.importorskip("matplotlib")
    result = CliRunner().invoke(cli, ["evaluate", str(held_back_rows(tmp_path)), "--plot", str(tmp_path / "plots")])
    assert result.exit_code == 0, result.output
    for name in ("confusion.png", "reliability.png"):
        assert (tmp_path / "plots" / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
