import re
import shutil
from types import SimpleNamespace

import pytest

from jdclass import bench
from jdclass.corpus import DEFAULT_CORPUS, check_corpus, load_corpus, load_posting, load_rubric_file
from jdclass.errors import CorpusError
from jdclass.training import writer_of

GOOD = """---
level: PM
title: Product Manager, Search
format: markdown
industry: saas
company_size: 120
role: none
hard_case: none
provenance: written for jdclass
notes: none
---
# Product Manager, Search
You will own search relevance end to end, run discovery with users, write specs with engineers and ship improvements every sprint.
"""


def write(tmp_path, text, folder="pm", name="x-01.md"):
    path = tmp_path / "postings" / folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_loads(tmp_path):
    posting = load_posting(write(tmp_path, GOOD))
    assert (posting.level.code, posting.title, posting.format) == ("PM", "Product Manager, Search", "markdown")


@pytest.mark.parametrize(
    ("change", "folder", "message"),
    [
        (("level: PM", "level: MGR"), "pm", ":2: unknown level 'MGR'"),
        (("level: PM", "level: SPM"), "pm", ":2: level SPM does not match the folder 'pm'"),
        (("format: markdown", "format: docx"), "pm", ":4: format must be one of markdown, text, html, got 'docx'"),
        (("hard_case: none", "hard_case: weird"), "pm", ":8: hard_case must be one of"),
        (("notes: none", "notes:"), "pm", ":10: field 'notes' is empty (write 'none' when it does not apply)"),
        (("role: none\n", ""), "pm", ":10: missing field(s): role"),
        (("company_size: 120", "company_size: big"), "pm", ":6: company_size must be a number or 'none'"),
        (("---\nlevel", "level"), "pm", ":1: missing front matter"),
        (("provenance: written for jdclass", "provenance: copied"), "pm", ":9: provenance must be 'written for jdclass'"),
    ],
)
def test_bad_files_report_path_and_line(tmp_path, change, folder, message):
    path = write(tmp_path, GOOD.replace(*change, 1), folder)
    with pytest.raises(CorpusError) as raised:
        load_posting(path)
    assert str(raised.value).startswith(f"{path}{message}")


def test_an_other_posting_needs_a_role(tmp_path):
    path = write(tmp_path, GOOD.replace("level: PM", "level: OTHER"), "other")
    with pytest.raises(CorpusError, match=r":7: an OTHER posting needs a role"):
        load_posting(path)


def test_rubric_bullets_and_errors(tmp_path):
    path = tmp_path / "pm.md"
    path.write_text("---\nlevel: PM\nkind: rubric\nprovenance: written for jdclass\n---\n## Duties\n- Owns the roadmap of one product area.\nstray text\n")
    with pytest.raises(CorpusError, match=rf"^{path}:8: expected a '- ' bullet or a '#' heading$"):
        load_rubric_file(path)


def test_the_shipped_corpus_passes_the_check():
    report = check_corpus()
    assert report.ok, report.errors[:5]
    assert all(report.counts_by_level[code] >= 100 for code in ("APM", "PM", "SPM", "DIR", "VP", "CPO"))
    assert report.counts_by_level["OTHER"] >= 150
    assert all(count >= 30 for count in report.duties_by_level.values())


def test_check_reports_duplicates(tmp_path):
    root = tmp_path / "corpus"
    shutil.copytree(DEFAULT_CORPUS / "rubric", root / "rubric")
    write(root, GOOD, name="a-01.md")
    write(root, GOOD, name="a-02.md")
    write(root, GOOD.replace("every sprint", "every week"), name="a-03.md")
    errors = check_corpus(root).errors
    assert any("a-02.md: exact duplicate of" in error for error in errors)
    assert any("a-03.md: near-duplicate of" in error for error in errors)


def test_html_postings_are_read_as_text():
    corpus = load_corpus()
    html = [posting for posting in corpus.postings if posting.format == "html"]
    assert html and all("<li>" not in posting.text and "<p>" not in posting.text for posting in html)


def test_new_corpus_rounds_do_not_change_the_benchmark_set(monkeypatch):
    # The bench draws only on writers a to u, so postings per second compare across corpus rounds.
    shipped = list(bench.varied_postings(60))
    assert shipped == list(bench.varied_postings(60))
    frozen = [item for item in load_corpus(DEFAULT_CORPUS).postings if writer_of(item) in bench.BENCH_WRITERS]
    assert 0 < len(frozen) < len(load_corpus(DEFAULT_CORPUS).postings)
    monkeypatch.setattr(bench, "load_corpus", lambda folder: SimpleNamespace(postings=frozen))
    assert list(bench.varied_postings(60)) == shipped


def test_the_batch_benchmark_alternates_rounds_and_reports_their_median():
    lines = bench.batch_section(count=40, rounds=2)
    rows = [line for line in lines if line.startswith(("| jdclass", "| plain"))]
    assert [row.split(" | ")[0] for row in rows] == [
        "| jdclass batch, 1 job",
        "| plain TF-IDF + logistic regression, 1 job",
        "| jdclass batch, 2 jobs",
        "| plain TF-IDF + logistic regression, 2 jobs",
        "| jdclass batch, 1 job, first 40 only (memory check, one run)",
        "| jdclass batch, 1 job, each posting with 45 strings found nowhere else (memory check, one run)",
    ]
    assert all(row.split(" | ")[1] == "40" for row in rows)
    assert re.fullmatch(r"jdclass takes [\d.]+x .* \(median of the rounds; each round: [\d.]+x, [\d.]+x at 1 job, [\d.]+x, [\d.]+x at 2 jobs\)\.", lines[-1])


def test_unseen_strings_are_read_as_part_of_the_posting(tmp_path):
    import random

    from jdclass.posting import parse

    rng = random.Random(0)
    made = [(name, bench.with_unseen_strings(text, rng)) for name, text in bench.varied_postings(40)]
    assert any(name.endswith(".html") for name, _ in made) and any(name.endswith(".md") for name, _ in made)
    links = set()
    for name, text in made:
        path = tmp_path / name.replace("/", "-")
        path.write_text(text, encoding="utf-8")
        found = re.findall(r"https://jobs\.example\.com/\S+", parse(path).text)
        assert len(found) == 15, name  # an HTML posting keeps them in its body too
        links.update(found)
    assert len(links) == 40 * 15  # none is repeated


def test_the_plain_baseline_scores_every_file_without_importing_spacy(tmp_path):
    import csv
    import subprocess
    import sys

    import joblib
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    model = make_pipeline(TfidfVectorizer(), LogisticRegression()).fit(["own the product roadmap", "run the project schedule"], ["PM", "OTHER"])
    joblib.dump(model, tmp_path / "plain.joblib")
    folder = tmp_path / "ads"
    (folder / "b").mkdir(parents=True)
    (folder / "a.md").write_text("You will own the roadmap.", encoding="utf-8")
    (folder / "b" / "c.txt").write_text("You will run the schedule.", encoding="utf-8")
    (folder / ".hidden.md").write_text("skipped", encoding="utf-8")
    out = tmp_path / "plain.csv"
    command = [sys.executable, "-X", "importtime", "-m", "jdclass.baseline", str(folder), str(tmp_path / "plain.joblib"), str(out), "1"]
    imported = {line.rsplit("|", 1)[1].strip() for line in subprocess.run(command, capture_output=True, text=True, check=True).stderr.splitlines()}
    assert {"sklearn", "jdclass.readers"} <= imported
    assert not imported & {"spacy", "jdclass.nlp", "jdclass.posting", "jdclass.model"}
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert [(row[0], row[1]) for row in rows] == [(str(folder / "a.md"), "PM"), (str(folder / "b" / "c.txt"), "OTHER")]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ([], "usage: python -m jdclass.baseline FOLDER MODEL_FILE OUT_CSV JOBS (the plain baseline of make bench)"),
        (["ads", "plain.joblib", "out.csv", "zero"], "usage: python -m jdclass.baseline FOLDER MODEL_FILE OUT_CSV JOBS (the plain baseline of make bench)"),
        (["no-such-folder", "plain.joblib", "out.csv", "1"], "Error: [Errno 2] No such file or directory: 'no-such-folder'"),
    ],
)
def test_the_plain_baseline_refuses_bad_arguments_in_one_line(tmp_path, arguments, message):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "jdclass.baseline", *arguments], check=False, capture_output=True, text=True, cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (1, "", message + "\n")
