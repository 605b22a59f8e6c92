"""`jdclass batch` and `jdclass.classify_many`: one row per input whatever the input, in order, resumable."""

import csv
import gc
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import jdclass
from jdclass.batch import (
    COLUMN_TYPES,
    COLUMNS,
    GC_YOUNG_THRESHOLD,
    TEXT_COLUMNS,
    BatchInputs,
    BatchSummary,
    _interrupt_after,
    check_output,
    csv_id,
    id_from_csv,
    read_back,
    result_row,
    run_batch,
    spreadsheet_safe,
)
from jdclass.cli import cli
from jdclass.corpus import DEFAULT_CORPUS, POSTING_FIELDS, read_front_matter
from jdclass.errors import EmptyInput, InputError, InputTooLarge, JdclassError, OutputExists
from jdclass.judgement import FLAGS
from jdclass.levels import CODES
from jdclass.model import DEFAULT_MODEL_DIR, LevelClassifier
from jdclass.posting import Posting
from jdclass.readers import html_to_text
from jdclass.result import Classification
from tests.fixtures import make_docx, make_html, make_pdf

MAX_BYTES = 100_000
EXTENSIONS = {"html": ".html", "markdown": ".md", "text": ".txt"}


def corpus_ads(count: int) -> list[tuple[str, str, str]]:
    """(level, format, body) of ``count`` corpus postings spread over every level, bodies as the files hold them."""
    paths = sorted((DEFAULT_CORPUS / "postings").glob("*/*.md"))
    picked = [paths[i * len(paths) // count] for i in range(count)]
    ads = []
    for path in picked:
        meta, body, _ = read_front_matter(path, path.read_text(encoding="utf-8"), POSTING_FIELDS)
        ads.append((meta["level"].lower(), meta["format"], body))
    return ads


def ascii_lines(kind: str, body: str) -> list[str]:
    """Lines of the posting that the tiny PDF writer of the fixtures can hold."""
    text = html_to_text(body) if kind == "html" else body
    plain = (line.encode("ascii", "ignore").decode().translate(str.maketrans("", "", "()\\<>&")) for line in re.split(r"\n|(?<=[.!?])\s+", text))
    return [line for line in plain if line.strip()][:30]


def write_postings(folder: Path, count: int) -> list[str]:
    """``count`` corpus postings in level subfolders, as md, txt and html, with a few PDF and Word files; returns their paths."""
    written = []
    for number, (level, kind, body) in enumerate(corpus_ads(count)):
        path = folder / level / f"ad-{number:04d}{EXTENSIONS[kind]}"
        if number % 100 == 0:
            path, data = path.with_suffix(".pdf"), make_pdf(ascii_lines(kind, body))
        elif number % 100 == 1:
            path, data = path.with_suffix(".docx"), make_docx(ascii_lines(kind, body))
        elif number % 100 == 2:
            path, data = path.with_suffix(".html"), make_html(ascii_lines(kind, body)).encode("utf-8")
        else:
            data = body.encode("utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(str(path))
    return written


def write_broken(folder: Path) -> dict[str, str]:
    """A file of every kind that cannot be classified, with the error its row must hold."""
    broken = folder / "broken"
    (broken / "notes.md").mkdir(parents=True)
    files = {
        "empty.txt": (b"", "no text in the file"),
        "binary.md": (bytes(range(256)) * 4, "binary data, not text"),
        "undecodable.txt": (b"\xef\xbb\xbfSenior Product Manager \xff\xfe\xfd", "invalid utf-8-sig text"),
        "oversized.md": (b"Product Manager. " * 7000, f"119,000 bytes is over the {MAX_BYTES:,}-byte limit"),
        "corrupt.pdf": (b"%PDF-1.4\nnot really a pdf", "not a readable PDF (PdfStreamError)"),
        "corrupt.docx": (b"PK\x03\x04 not a zip", "not a readable Word file (not a zip archive)"),
        "sheet.xlsx": (b"PK", "unsupported file type '.xlsx'; supported: .txt, .md, .markdown, .text, .html, .htm, .xhtml, .pdf, .docx"),
    }
    expected = {}
    for name, (data, message) in files.items():
        (broken / name).write_bytes(data)
        expected[str(broken / name)] = f"{broken / name}: {message}"
    expected[str(broken / "notes.md")] = f"{broken / 'notes.md'}: is a directory"
    (broken / ".DS_Store").write_bytes(b"\x00\x01")  # hidden: not an input
    return expected


def read_rows(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n"), "the last row was cut short"
    rows = list(csv.DictReader(text.splitlines()))
    assert all(len(row) == len(COLUMNS) and None not in row for row in rows)
    return rows


def summary_lines(rows: list[dict[str, str]], output: str, jobs: int, skipped: int = 0, before: int = 0) -> list[str]:
    """The summary the CLI must print for these rows (``before``: the rows the output held already), the time line as a pattern."""
    errors = sum(1 for row in rows if row["error"])
    levels = Counter(row["level"] for row in rows if not row["error"])
    lines = [f"Wrote {len(rows)} {'row' if len(rows) == 1 else 'rows'} to {output}: {len(rows) - errors} classified, {errors} with an error"]
    if skipped:
        lines.append(f"Skipped {skipped} {'input' if skipped == 1 else 'inputs'} already in {output}")
    if before:
        lines.append(f"{output} now holds {before + len(rows)} rows ({before} from earlier runs)")
    lines.append("Levels: " + ", ".join(f"{code} {levels[code]}" for code in CODES))
    lines.append(f"Title and content disagree: {sum(1 for row in rows if row['mismatch'] == 'true')}")
    flags = Counter(flag for row in rows for flag in row["flags"].split(";") if flag)
    if flags:
        lines.append("Flagged (see the flags column): " + ", ".join(f"{flag} {flags[flag]}" for flag in FLAGS if flags[flag]))
    if errors:
        lines.append(f"Errors: {errors} (see the error column)")
    lines.append(rf"Time: \d+\.\d s, \d+\.\d postings/s, {jobs} jobs?")
    return lines


def assert_summary(output: str, expected: list[str]) -> None:
    lines = output.splitlines()
    assert lines[:-1] == expected[:-1]
    assert re.fullmatch(expected[-1], lines[-1]), lines[-1]


def test_a_folder_of_500_postings_and_broken_files_gives_one_row_each(tmp_path):
    postings = write_postings(Path("postings"), 500)
    broken = write_broken(Path("postings"))
    result = CliRunner().invoke(cli, ["batch", "postings", "-o", "levels.csv", "--jobs", "2", "--max-bytes", str(MAX_BYTES)])
    assert result.exit_code == 0, result.output
    rows = read_rows(tmp_path / "levels.csv")
    ids = [row["id"] for row in rows]
    assert sorted(ids) == sorted(postings + list(broken))
    assert ids == sorted(ids, key=lambda name: Path(name).parts), "rows follow the sorted folder walk"
    errors = {row["id"]: row["error"] for row in rows if row["error"]}
    assert errors == broken
    for row in rows:
        if not row["error"]:
            assert row["level"] in CODES and row["content_level"] in CODES
            assert abs(sum(float(row[f"p_{code}"]) for code in CODES) - 1) < 1e-3
            assert row["verdict"] and row["mismatch"] in ("true", "false")
    assert_summary(result.stdout, summary_lines(rows, "levels.csv", jobs=2))
    assert result.stderr == ""


def test_ctrl_c_leaves_a_valid_file_and_resume_finishes_it(tmp_path):
    # Enough chunks (32 postings each, two per worker in flight) that the run cannot finish before Ctrl-C.
    postings = write_postings(tmp_path / "ads", 600)
    output = tmp_path / "levels.csv"
    command = [sys.executable, "-m", "jdclass", "batch", "ads", "-o", "levels.csv", "--jobs", "2"]
    # A suite started in the background of a shell inherits SIGINT ignored, and so would the child; it must
    # see Ctrl-C as a user's terminal sends it. (Handlers reset on exec; only an ignored signal stays ignored.)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        run = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    finally:
        signal.signal(signal.SIGINT, previous)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and run.poll() is None:
        if output.is_file() and output.read_bytes().count(b"\n") > 1:  # the header and at least one chunk
            break
        time.sleep(0.02)
    run.send_signal(signal.SIGINT)
    stdout, stderr = run.communicate(timeout=60)
    assert run.returncode == 130, stderr
    assert stderr.endswith("Interrupted: the rows finished are in levels.csv; run the same command with --resume to finish.\n")
    first = read_rows(output)
    assert 0 < len(first) < len(postings)
    assert_summary(stdout, summary_lines(first, "levels.csv", jobs=2))

    resumed = subprocess.run([*command, "--resume"], check=False, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    rows = read_rows(output)
    ids = [row["id"] for row in rows]
    assert sorted(ids) == sorted(str(Path(path).relative_to(tmp_path)) for path in postings)
    assert len(ids) == len(set(ids))
    assert_summary(resumed.stdout, summary_lines(rows[len(first) :], "levels.csv", jobs=2, skipped=len(first), before=len(first)))


def test_tables_give_a_row_per_record_with_their_ids(tmp_path, classifier):
    ads = [body for _, kind, body in corpus_ads(12) if kind != "html"][:3]
    with open("ads.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["url", "body"])
        writer.writerows([["https://jobs.example/1", ads[0]], ["", ads[1]], ["https://jobs.example/3", "   "]])
    Path("ads.jsonl").write_text(
        json.dumps({"url": "a", "body": ads[2]}) + "\n\n{broken\n[1, 2]\n" + json.dumps({"url": "b", "body": 7}) + "\n", encoding="utf-8"
    )
    inputs = BatchInputs((Path("ads.csv"), Path("ads.jsonl")), text_column="body", id_column="url")
    summary = run_batch(inputs, "levels.jsonl", model=classifier)
    rows = [json.loads(line) for line in Path("levels.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(row["id"], row["error"]) for row in rows] == [
        ("https://jobs.example/1", None),
        ("ads.csv:3", None),
        ("https://jobs.example/3", "the posting is empty"),
        ("a", None),
        ("ads.jsonl:3", "ads.jsonl:3: not JSON (Expecting property name enclosed in double quotes at column 2)"),
        ("ads.jsonl:4", "ads.jsonl:4: not a JSON object"),
        ("b", "ads.jsonl:5: no text in the 'body' column"),
    ]
    assert list(rows[0]) == list(COLUMNS)
    assert rows[0]["level"] == classifier.classify(ads[0]).level.code
    assert (summary.written, summary.errors, summary.classified) == (7, 4, 3)


def test_a_jsonl_whose_first_line_is_bad_gets_an_error_row_for_it(tmp_path, classifier):
    Path("ads.jsonl").write_text('{broken\n{"body": "Product Manager. Own the roadmap for payments."}\n', encoding="utf-8")
    summary = run_batch(BatchInputs((Path("ads.jsonl"),), text_column="body"), "levels.jsonl", model=classifier)
    rows = [json.loads(line) for line in Path("levels.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(row["id"], row["error"]) for row in rows] == [
        ("ads.jsonl:1", "ads.jsonl:1: not JSON (Expecting property name enclosed in double quotes at column 2)"),
        ("ads.jsonl:2", None),
    ]
    assert (summary.written, summary.errors) == (2, 1)
    Path("bad.jsonl").write_text("{broken\n[1]\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"^bad.jsonl: no JSON object in its first 100 lines$"):
        run_batch(BatchInputs((Path("bad.jsonl"),), text_column="body"), "out.jsonl", model=classifier)


def test_a_table_saved_by_a_windows_spreadsheet_keeps_its_ids_and_a_title_column_is_weighed_in(tmp_path, classifier):
    body = "Own the roadmap for our payments products and lead a team of five product managers. 10+ years of product management."
    with open("ads.csv", "w", newline="", encoding="cp1252") as handle:
        csv.writer(handle).writerows([["Job ID", "title", "text"], ["Café-1", "Director of Product", body], ["Café-2", "N/A", body]])
    run_batch(BatchInputs((Path("ads.csv"),), id_column="Job ID", title_column="title"), "levels.jsonl", model=classifier)
    rows = [json.loads(line) for line in Path("levels.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(row["id"], row["title"], row["title_level"], row["error"]) for row in rows] == [
        ("Café-1", "Director of Product", "DIR", None),
        ("Café-2", None, None, None),
    ]
    assert rows[0]["level"] == classifier.classify(jdclass.parse(body, title="Director of Product")).level.code


def test_an_id_column_that_the_first_record_leaves_out_is_still_found(tmp_path, classifier):
    Path("ads.jsonl").write_text('{"body": "Product Manager. Own the roadmap."}\n{"url": "u2", "body": "Senior Product Manager."}\n', encoding="utf-8")
    run_batch(BatchInputs((Path("ads.jsonl"),), text_column="body", id_column="url"), "levels.jsonl", model=classifier)
    rows = [json.loads(line) for line in Path("levels.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == ["ads.jsonl:1", "u2"]


def test_resume_mends_a_cut_last_line_and_appends_the_rest(tmp_path, classifier):
    write_postings(Path("ads"), 6)
    run_batch(BatchInputs((Path("ads"),), globs=("apm/*",)), "levels.jsonl", model=classifier)
    done = Path("levels.jsonl").read_text(encoding="utf-8")
    Path("levels.jsonl").write_text(done + '{"id": "ads/cpo/ad-0001.do', encoding="utf-8")  # a run killed mid-write
    summary = run_batch(BatchInputs((Path("ads"),)), "levels.jsonl", model=classifier, resume=True)
    ids = [json.loads(line)["id"] for line in Path("levels.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(ids) == len(set(ids)) == 6
    assert summary.skipped == done.count("\n") and summary.written == 6 - summary.skipped


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["batch", "nowhere", "-o", "out.csv"], "Error: nowhere: no such file or folder\n"),
        (["batch", "empty", "-o", "out.csv"], "Error: no postings found in empty\n"),
        (["batch", "ads.csv", "-o", "out.csv"], "Error: ads.csv: no 'text' column (columns: url, body); name the text column with --text-column\n"),
        (
            ["batch", "ads.csv", "--text-column", "body", "--id-column", "link", "-o", "out.csv"],
            "Error: ads.csv: no 'link' column (columns: url, body); name the id column with --id-column\n",
        ),
        (
            ["batch", "ads.csv", "--text-column", "body", "--title-column", "job_title", "-o", "out.csv"],
            "Error: ads.csv: no 'job_title' column (columns: url, body); name the title column with --title-column\n",
        ),
        (
            ["batch", "ads.csv", "--text-column", "body", "-o", "out.txt"],
            "Error: out.txt: cannot tell the output format from the extension; name it .csv, .jsonl or .parquet, or give --format\n",
        ),
    ],
)
def test_bad_usage_is_one_line_and_exit_code_1(tmp_path, args, message):
    Path("empty").mkdir()
    Path("ads.csv").write_text("url,body\n1,Product Manager\n", encoding="utf-8")
    result = CliRunner().invoke(cli, args)
    assert (result.exit_code, result.output) == (1, message)
    assert not Path(args[-1]).exists()


@pytest.mark.parametrize(
    ("inputs", "output"),
    [(["ads.jsonl", "--text-column", "body"], "ads.jsonl"), (["ads.csv", "--text-column", "body"], "ads.csv"), (["ad.md", "--format", "csv"], "ad.md")],
)
def test_an_output_that_is_also_an_input_is_refused_and_left_whole(tmp_path, inputs, output):
    Path("ads.jsonl").write_text('{"body": "Product Manager. Own the roadmap."}\n', encoding="utf-8")
    Path("ads.csv").write_text("url,body\n1,Product Manager. Own the roadmap.\n", encoding="utf-8")
    Path("ad.md").write_text("Product Manager. Own the roadmap.\n", encoding="utf-8")
    before = Path(output).read_bytes()
    result = CliRunner().invoke(cli, ["batch", *inputs, "-o", output, "--quiet"])
    assert (result.exit_code, result.output) == (1, f"Error: {output}: is also an input; write the results to another file\n")
    assert Path(output).read_bytes() == before


def test_ids_keep_their_spaces_and_stay_distinct_through_resume(tmp_path, classifier):
    Path("ads").mkdir()
    for name in ("a b.md", "a  b.md", "a b .md"):
        Path("ads", name).write_text("Senior Product Manager\n5+ years of product management experience.", encoding="utf-8")
    run_batch(BatchInputs((Path("ads"),)), "levels.csv", model=classifier)
    text = Path("levels.csv").read_text(encoding="utf-8")
    assert [row["id"] for row in read_rows(Path("levels.csv"))] == ["ads/a  b.md", "ads/a b .md", "ads/a b.md"]
    Path("levels.csv").write_text("".join(text.splitlines(keepends=True)[:2]), encoding="utf-8")  # a run stopped after one row
    again = run_batch(BatchInputs((Path("ads"),)), "levels.csv", model=classifier, resume=True)
    assert (again.skipped, again.written) == (1, 2)
    assert Path("levels.csv").read_text(encoding="utf-8") == text


def test_resume_keeps_every_row_of_a_table_whose_ids_repeat(tmp_path, classifier):
    lines = [json.dumps({"url": url, "body": f"Product Manager {n}. Own the roadmap for payments."}) for n, url in enumerate("abbcb")]
    Path("ads.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    inputs = BatchInputs((Path("ads.jsonl"),), text_column="body", id_column="url")
    run_batch(inputs, "levels.jsonl", model=classifier)
    full = Path("levels.jsonl").read_text(encoding="utf-8")
    Path("levels.jsonl").write_text("".join(full.splitlines(keepends=True)[:3]), encoding="utf-8")  # a, b, b done
    again = run_batch(inputs, "levels.jsonl", model=classifier, resume=True)
    assert (again.skipped, again.written) == (3, 2)
    assert [json.loads(line)["id"] for line in Path("levels.jsonl").read_text(encoding="utf-8").splitlines()] == list("abbcb")


def test_resume_refuses_an_output_whose_rows_are_none_of_the_inputs(tmp_path, classifier):
    write_postings(Path("ads"), 3)
    run_batch(BatchInputs((Path("ads"),)), "levels.csv", model=classifier)
    before = Path("levels.csv").read_bytes()
    with pytest.raises(InputError, match=r"^levels.csv: none of its 3 rows is one of these inputs, so --resume would add them all again"):
        run_batch(BatchInputs((Path("ads").resolve(),)), "levels.csv", model=classifier, resume=True)
    assert Path("levels.csv").read_bytes() == before


@pytest.mark.parametrize("output", ["levels.csv", "levels.jsonl"])
def test_resume_refuses_an_output_written_with_other_columns(tmp_path, classifier, output):
    # A file from a version without the manages_people column: rows appended to it would not match the rows in it.
    write_postings(Path("ads"), 2)
    run_batch(BatchInputs((Path("ads"),)), output, model=classifier)
    written = Path(output).read_text(encoding="utf-8").splitlines(keepends=True)
    if output.endswith(".csv"):
        older = [written[0].replace(",manages_people", "")] + written[1:2]
        expected = r"^levels.csv: its columns are not those jdclass batch writes; cannot resume it$"
    else:
        first, second = (json.loads(line) for line in written)
        del second["manages_people"]
        older = [json.dumps(first) + "\n", json.dumps(second) + "\n"]
        expected = r"^levels.jsonl:2: its columns are not those jdclass batch writes; cannot resume it$"
    Path(output).write_text("".join(older), encoding="utf-8")
    with pytest.raises(JdclassError, match=expected):
        run_batch(BatchInputs((Path("ads"),)), output, model=classifier, resume=True)
    assert Path(output).read_text(encoding="utf-8") == "".join(older)


def test_rows_of_a_table_are_held_to_max_bytes_and_blank_lines_are_no_rows(tmp_path, classifier):
    Path("ads.csv").write_text(
        "url,body\n1,Product Manager. Own the roadmap.\n\n2,Senior Product Manager. " + "Lead strategy. " * 20 + "\n\n", encoding="utf-8"
    )
    summary = run_batch(BatchInputs((Path("ads.csv"),), text_column="body", id_column="url"), "levels.csv", model=classifier, max_bytes=100)
    rows = read_rows(Path("levels.csv"))
    assert [(row["id"], row["error"]) for row in rows] == [("1", ""), ("2", "2: 324 bytes is over the 100-byte limit")]
    assert (summary.written, summary.errors) == (2, 1)


def test_classify_many_takes_an_iterable_honours_max_chars_and_names_the_bad_input(classifier):
    with pytest.raises(TypeError, match="not one string"):
        list(jdclass.classify_many("Product Manager", model=classifier))
    long = "Product Manager. " + "Own the roadmap for payments. " * 8_000
    (result,) = jdclass.classify_many([long], model=classifier, max_chars=300_000)
    assert result.level is not None
    with pytest.raises(InputTooLarge, match=r"^input 2: the text has 240,017 characters, over the 100-character limit$"):
        list(jdclass.classify_many(["Product Manager", long], model=classifier, max_chars=100))
    with pytest.raises(EmptyInput, match=r"^input 3: the posting is empty$"):
        list(jdclass.classify_many(["Product Manager", "APM", "  "], model=classifier))
    with pytest.raises(TypeError, match="n_jobs must be an int"):
        list(jdclass.classify_many(["Product Manager"], model=classifier, n_jobs="2"))  # type: ignore[arg-type]


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_classify_many_can_return_each_bad_input_in_its_place_and_go_on(classifier, n_jobs):
    texts = ["Product Manager. Own the roadmap.", "  ", "Senior Product Manager. Lead the strategy.", "", "APM"]
    outcomes = list(jdclass.classify_many(iter(texts), n_jobs=n_jobs, model=classifier, chunk_size=2, errors="return"))
    assert [str(item) if isinstance(item, Exception) else item.level.code for item in outcomes] == [
        classifier.classify(texts[0]).level.code,
        "input 2: the posting is empty",
        classifier.classify(texts[2]).level.code,
        "input 4: the posting is empty",
        classifier.classify(texts[4]).level.code,
    ]
    assert [type(item) for item in outcomes[1::2]] == [EmptyInput, EmptyInput]
    same = list(classifier.classify_many(texts, batch_size=2, errors="return"))
    assert [item.to_dict() if not isinstance(item, Exception) else str(item) for item in same] == [
        item.to_dict() if not isinstance(item, Exception) else str(item) for item in outcomes
    ]
    for call in (lambda: jdclass.classify_many(texts, model=classifier, errors="skip"), lambda: classifier.classify_many(texts, errors="skip")):
        with pytest.raises(ValueError, match="^errors must be 'raise' or 'return', not 'skip'$"):
            list(call())  # type: ignore[call-overload]


@pytest.fixture
def passes(monkeypatch) -> list[int]:
    """How many postings each pass of the model reads, in order."""
    sizes: list[int] = []
    classify_batch = LevelClassifier._classify_batch

    def counted(self: LevelClassifier, postings: list[Posting], details: bool = True) -> Iterator[Classification]:
        sizes.append(len(postings))
        return classify_batch(self, postings, details)

    monkeypatch.setattr(LevelClassifier, "_classify_batch", counted)
    return sizes


def test_bad_inputs_returned_in_their_places_do_not_cut_the_models_batches(classifier, passes):
    texts = ["Product Manager. Own the roadmap.", "", "Senior Product Manager. Lead the strategy.", "  ", "APM"]
    outcomes = list(classifier.classify_many(texts, batch_size=4, errors="return"))
    assert [str(item) if isinstance(item, Exception) else item.posting.text for item in outcomes] == [
        texts[0],
        "input 2: the posting is empty",
        texts[2],
        "input 4: the posting is empty",
        texts[4],
    ]
    assert passes == [2, 1]  # four inputs a batch, the two errors among them: the model ran twice, not four times


def test_a_pass_of_the_model_reads_at_most_max_batch_chars(classifier, monkeypatch, request):
    """Large postings are read a few at a time, in the library and in a batch run, whatever the batch or chunk size."""
    texts = [
        f"{title}. Own the roadmap for the payments team and work with design." for title in ("Product Manager", "Senior PM", "APM", "VP of Product", "CPO")
    ]
    expected = [result.to_dict() for result in classifier.classify_many(texts)]
    sizes = request.getfixturevalue("passes")
    monkeypatch.setattr(jdclass.model, "MAX_BATCH_CHARS", 200)  # three of these postings (71 to 83 characters) reach it
    assert [result.to_dict() for result in classifier.classify_many(texts)] == expected
    assert sizes == [3, 2]
    sizes.clear()
    monkeypatch.setattr(jdclass.model, "MAX_BATCH_CHARS", 10**9)  # the batch run's own groups, not the library's
    monkeypatch.setattr(jdclass.batch, "MAX_BATCH_CHARS", 200)
    Path("ads.jsonl").write_text("".join(json.dumps({"text": text}) + "\n" for text in ["", *texts[:3], "  ", *texts[3:]]), encoding="utf-8")
    run_batch(BatchInputs((Path("ads.jsonl"),)), "levels.jsonl", model=classifier, chunk_size=100)
    rows = [json.loads(line) for line in Path("levels.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [row["error"] or row["level"] for row in rows] == [
        "the posting is empty",
        *(item["level"] for item in expected[:3]),
        "the posting is empty",
        *(item["level"] for item in expected[3:]),
    ]
    assert sizes == [3, 2]


@pytest.mark.parametrize("failure", [InputError("the model choked"), OSError("the disk went away")])
def test_a_posting_the_model_fails_on_spoils_only_its_own_row(tmp_path, classifier, monkeypatch, failure):
    """The model runs on a chunk at once; when it fails, each posting is run alone to find the one at fault."""
    classify_batch = LevelClassifier._classify_batch

    def failing(self: LevelClassifier, postings: list[Posting], details: bool = True) -> Iterator[Classification]:
        if any("Spoiled" in posting.text for posting in postings):
            raise failure
        return classify_batch(self, postings, details)

    monkeypatch.setattr(LevelClassifier, "_classify_batch", failing)
    texts = ["Product Manager. Own the roadmap.", "Spoiled Product Manager posting.", "Senior Product Manager. Lead the strategy."]
    Path("ads.jsonl").write_text("".join(json.dumps({"text": text}) + "\n" for text in texts), encoding="utf-8")
    run_batch(BatchInputs((Path("ads.jsonl"),)), "levels.jsonl", model=classifier)
    rows = [json.loads(line) for line in Path("levels.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(row["id"], row["level"] is None, row["error"]) for row in rows] == [
        ("ads.jsonl:1", False, None),
        ("ads.jsonl:2", True, str(failure)),
        ("ads.jsonl:3", False, None),
    ]
    outcomes = jdclass.classify_many(texts, model=classifier, errors="return")
    if isinstance(failure, OSError):  # not the input's fault: raised, as without errors="return"
        with pytest.raises(OSError, match="^the disk went away$"):
            list(outcomes)
    else:
        assert [str(item) if isinstance(item, Exception) else item.level.code for item in outcomes] == [
            rows[0]["level"],
            "input 2: the model choked",
            rows[2]["level"],
        ]


def test_parquet_needs_its_extra_or_writes_a_file(tmp_path):
    Path("ad.txt").write_text("Associate Product Manager. New grads welcome.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["batch", "ad.txt", "-o", "levels.parquet", "--quiet", "--jobs", "1"])
    try:
        import pyarrow.parquet as pq
    except ImportError:
        assert (result.exit_code, result.output) == (1, "Error: writing Parquet needs pyarrow: pip install 'jdclass[parquet]'\n")
        return
    assert (result.exit_code, result.output) == (0, "")
    assert pq.read_table("levels.parquet").column("level").to_pylist() == ["APM"]
    assert pq.read_table("levels.parquet").schema.field("salary_min").type == "double"


def test_each_column_holds_the_type_parquet_gives_it(classifier):
    # Without pyarrow the Parquet test above cannot see a column typed wrongly: a row's values are checked here.
    text = "Senior Product Manager\n\nYou will have 4 direct reports and strong people management. Own the P&L. Salary: $150,000 - $180,000."
    row = result_row("ad.txt", classifier.classify(text))
    assert (row["direct_reports"], row["manages_people"], row["salary_min"]) == (4, True, 150000.0)
    assert {name: type(value) for name, value in row.items() if value is not None} == {
        name: COLUMN_TYPES[name] for name, value in row.items() if value is not None
    }


def test_classify_many_yields_in_input_order_across_processes(classifier):
    texts = [body for _, _, body in corpus_ads(12)]
    expected = [classifier.classify(text).level for text in texts]
    results = list(jdclass.classify_many(texts, n_jobs=2, model=classifier, chunk_size=5))
    assert [result.level for result in results] == expected
    assert [result.posting.text for result in results] == [jdclass.parse(text).text for text in texts]
    with pytest.raises(EmptyInput):
        list(jdclass.classify_many(["Product Manager", "  "], model=classifier))


def test_the_output_stays_one_line_per_row_and_is_not_an_input(tmp_path, classifier):
    Path("ads").mkdir()
    Path("ads", "two\nlines.txt").write_text("Senior Product Manager\n5+ years of product management experience.", encoding="utf-8")
    run_batch(BatchInputs((Path("ads"),)), "ads/levels.csv", model=classifier)
    rows = read_rows(Path("ads/levels.csv"))
    assert [row["id"] for row in rows] == ['"ads/two\\nlines.txt"']  # a JSON string: the line break kept, on one line
    assert Path("ads/levels.csv").read_text(encoding="utf-8").count("\n") == 2
    again = run_batch(BatchInputs((Path("ads"),)), "ads/levels.csv", model=classifier, resume=True)
    assert (again.skipped, again.written) == (1, 0)


def test_ctrl_c_while_a_chunk_is_written_takes_effect_after_it():
    # The chunk is written and counted together, so the summary of an interrupted run matches its file.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    done = []
    try:
        with pytest.raises(KeyboardInterrupt), _interrupt_after():
            os.kill(os.getpid(), signal.SIGINT)
            done.append("written and counted")
        assert done == ["written and counted"]
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, previous)


def test_the_summary_counts_each_flag_in_the_order_flags_gives_them():
    summary = BatchSummary(Path("levels.csv"))
    rows = [
        {"error": None, "level": "PM", "mismatch": False, "flags": "low_confidence;no_level_cue"},
        {"error": None, "level": "OTHER", "mismatch": True, "flags": "no_level_cue"},
        {"error": None, "level": "PM", "mismatch": False, "flags": None},
        {"error": "x.pdf: not a PDF", "level": None, "mismatch": None, "flags": None},
    ]
    summary.add(rows)
    assert summary.lines()[:5] == [
        "Wrote 4 rows to levels.csv: 3 classified, 1 with an error",
        "Levels: APM 0, PM 2, SPM 0, DIR 0, VP 0, CPO 0, OTHER 1",
        "Title and content disagree: 1",
        "Flagged (see the flags column): low_confidence 1, no_level_cue 2",
        "Errors: 1 (see the error column)",
    ]


FORMULAS = ('=HYPERLINK("http://x.test/?"&A1)', "+1 555 0100", "-Own the roadmap", "@SUM(A1:A9)", "'=already quoted", "''+two quotes")


def test_csv_cells_that_a_spreadsheet_would_run_get_an_apostrophe_and_resume_reads_them_back(tmp_path, classifier):
    """Text from the inputs (ids, titles, evidence, errors) never opens a CSV cell with =, +, - or @: a spreadsheet would
    run it as a formula. JSONL keeps the text as it is; resuming a CSV matches the ids as they were."""
    rows = [{"url": url, "body": f"Job title: {url}\n\nOwn the roadmap for our payments platform and work with engineering."} for url in FORMULAS]
    Path("ads.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    Path("=empty.txt").write_text(" ", encoding="utf-8")  # a file named as a formula: its error names it first
    inputs = BatchInputs((Path("ads.jsonl"), Path("=empty.txt")), text_column="body", id_column="url")
    run_batch(inputs, "levels.csv", model=classifier)
    run_batch(inputs, "levels.jsonl", model=classifier)
    plain = [json.loads(line) for line in Path("levels.jsonl").read_text(encoding="utf-8").splitlines()]
    cells = read_rows(Path("levels.csv"))
    assert [row["id"] for row in plain] == [*FORMULAS, "=empty.txt"]
    assert [row["id"] for row in cells] == ["'" + url for url in FORMULAS] + ["'=empty.txt"]
    assert [row["title"] for row in plain[:-1]] == list(FORMULAS)
    assert [row["title"] for row in cells[:-1]] == ["'" + url for url in FORMULAS]
    assert cells[-1]["error"] == "'" + plain[-1]["error"] and plain[-1]["error"].startswith("=empty.txt: ")
    for column in TEXT_COLUMNS:
        assert all(not cell[column].startswith(("=", "+", "-", "@")) for cell in cells)
    text = Path("levels.csv").read_text(encoding="utf-8")
    Path("levels.csv").write_text("".join(text.splitlines(keepends=True)[:4]), encoding="utf-8")  # three rows done
    again = run_batch(inputs, "levels.csv", model=classifier, resume=True)
    assert (again.skipped, again.written) == (3, 4)
    assert Path("levels.csv").read_text(encoding="utf-8") == text


@given(st.text(max_size=12))
def test_read_back_undoes_spreadsheet_safe(text):
    cell = spreadsheet_safe(text)
    assert read_back(cell) == text
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cell == text or cell == "'" + text


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_a_bad_input_raises_after_the_results_before_it(classifier, n_jobs):
    """A script's loop gets every result before the bad input, then its error naming its place; both forms agree."""
    ads = [f"Product Manager {n}\n\nOwn the roadmap for payments and work with engineering." for n in range(7)]
    items = [*ads[:5], None, *ads[5:]]
    for run in (
        lambda: jdclass.classify_many(iter(items), n_jobs=n_jobs, model=classifier, chunk_size=3),
        lambda: classifier.classify_many(iter(items), batch_size=3),
    ):
        got = []
        with pytest.raises(InputError, match=r"^input 6: cannot parse a NoneType; give text or a pathlib\.Path$"):
            got.extend(run())
        assert [result.posting.text for result in got] == ads[:5]


def test_a_posting_given_with_a_title_is_read_with_it(classifier):
    Path("ad.md").write_text("Own the product roadmap for our payments platform. " * 5_000, encoding="utf-8")  # 255,000 characters
    posting = jdclass.parse(Path("ad.md"), max_chars=300_000)
    assert posting.title is None
    result = classifier.classify(posting, title="VP of Product")  # read as it is: no limit applied again, source kept
    assert (result.posting.title.value, result.title_level, result.posting.source) == ("VP of Product", jdclass.Level.VP, "ad.md")
    assert result.posting.text == posting.text
    assert classifier.classify(posting).title_level is None


def test_classify_many_loads_the_shipped_model_once_until_it_changes(monkeypatch, tmp_path):
    from jdclass import batch

    shutil.copytree(DEFAULT_MODEL_DIR, tmp_path / "models")
    monkeypatch.setattr(batch, "DEFAULT_MODEL_DIR", tmp_path / "models")
    monkeypatch.setattr(batch, "_shipped", {})
    loads = []
    monkeypatch.setattr(batch, "load", lambda path=None: loads.append(path) or jdclass.load(tmp_path / "models"))
    for _ in range(3):
        assert next(jdclass.classify_many(["Product Manager\n\nOwn the roadmap."])).level is not None
    assert loads == [None]
    manifest = tmp_path / "models" / "manifest.json"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # rebuilt, say, by jdclass train
    next(jdclass.classify_many(["Product Manager\n\nOwn the roadmap."]))
    assert loads == [None, None]


class _CursorDied(Exception):
    pass


def _dying(ads: list[str]):
    yield from ads
    raise _CursorDied("the connection dropped")


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_when_the_callers_iterable_raises_the_results_before_it_come_first(classifier, n_jobs):
    ads = [f"Product Manager {n}\n\nOwn the roadmap for payments and work with engineering." for n in range(20)]
    for run in (
        lambda: jdclass.classify_many(_dying(ads), n_jobs=n_jobs, model=classifier, chunk_size=8),
        lambda: classifier.classify_many(_dying(ads), batch_size=8),
    ):
        got = []
        with pytest.raises(_CursorDied):
            got.extend(run())
        assert [result.posting.text for result in got] == ads


def test_a_tables_encoding_is_read_from_all_of_it_in_chunks(tmp_path):
    from jdclass.batch import table_encoding

    Path("utf8.csv").write_bytes("id,text\nCafé-é,Product Manager\n".encode())
    Path("late.csv").write_bytes(b"id,text\nx,Product Manager\n" + "y,Caf\xe9\n".encode("cp1252"))
    Path("stray.csv").write_bytes("id,text\ncafé-1,Product Manager\n".encode() + b"y,Caf\xe9\n")
    # chunks of 3 bytes split "é" (two bytes in UTF-8) across reads: still UTF-8; a cp1252 byte at the end is found;
    # a stray byte in a file of UTF-8 text does not turn the rest of it into mojibake
    found = [table_encoding(Path(name), chunk=3) for name in ("utf8.csv", "late.csv", "stray.csv")]
    assert found == ["utf-8-sig", "cp1252", "utf-8-sig"]


def test_a_batch_leaves_the_garbage_collector_as_it_found_it(tmp_path, classifier):
    ads = [body for _, kind, body in corpus_ads(4) if kind != "html"][:2]
    Path("ads.jsonl").write_text("".join(json.dumps({"body": ad}) + "\n" for ad in ads), encoding="utf-8")
    before = gc.get_threshold()
    seen: list[tuple[tuple[int, int, int], int]] = []
    run_batch(
        BatchInputs((Path("ads.jsonl"),), text_column="body"),
        "levels.jsonl",
        model=classifier,
        progress=lambda *_: seen.append((gc.get_threshold(), gc.get_freeze_count())),
    )
    assert seen[0][0] == (GC_YOUNG_THRESHOLD, *before[1:]) and seen[0][1] > 0  # while it runs: fewer collections, the model set aside
    assert (gc.get_threshold(), gc.get_freeze_count()) == (before, 0)
    Path("levels.jsonl").unlink()
    with pytest.raises(ZeroDivisionError):  # a caller's progress callback that fails
        run_batch(BatchInputs((Path("ads.jsonl"),), text_column="body"), "levels.jsonl", model=classifier, progress=lambda *_: 1 / 0)
    assert (gc.get_threshold(), gc.get_freeze_count()) == (before, 0)


@pytest.mark.parametrize("first_to_end", ["first begun", "last begun"])
def test_batches_in_two_threads_leave_the_garbage_collector_as_they_found_it(tmp_path, classifier, first_to_end):
    """Each batch takes the thresholds it finds for the caller's; a batch begun during another finds that one's."""
    Path("ad.txt").write_text("Product Manager. Own the roadmap for payments.", encoding="utf-8")
    before = gc.get_threshold()
    running = [threading.Event(), threading.Event()]
    may_end = [threading.Event(), threading.Event()]

    def batch(number: int) -> None:
        def hold(*_: object) -> None:
            running[number].set()
            assert may_end[number].wait(60)

        run_batch(BatchInputs((Path("ad.txt"),)), f"levels-{number}.jsonl", model=classifier, progress=hold)

    threads = [threading.Thread(target=batch, args=(number,)) for number in (0, 1)]
    threads[0].start()
    assert running[0].wait(60)
    threads[1].start()
    assert running[1].wait(60)
    for number in (0, 1) if first_to_end == "first begun" else (1, 0):
        may_end[number].set()
        threads[number].join(60)
    assert (gc.get_threshold(), gc.get_freeze_count()) == (before, 0)


def test_a_batch_leaves_collection_off_when_the_caller_turned_it_off(tmp_path, classifier):
    Path("ad.txt").write_text("Product Manager. Own the roadmap for payments.", encoding="utf-8")
    before = gc.get_threshold()
    seen: list[tuple[int, int, int]] = []
    gc.set_threshold(0, *before[1:])
    try:
        run_batch(BatchInputs((Path("ad.txt"),)), "levels.jsonl", model=classifier, progress=lambda *_: seen.append(gc.get_threshold()))
        assert (seen, gc.get_threshold()) == ([(0, *before[1:])], (0, *before[1:]))
    finally:
        gc.set_threshold(*before)


def test_an_output_that_holds_rows_is_replaced_only_when_asked(tmp_path):
    Path("ad.txt").write_text("Associate Product Manager. New grads welcome.", encoding="utf-8")
    Path("levels.csv").write_text("id,level\nearlier,PM\n", encoding="utf-8")
    before = Path("levels.csv").read_bytes()
    runner = CliRunner()
    refused = runner.invoke(cli, ["batch", "ad.txt", "-o", "levels.csv", "--quiet", "--jobs", "1"])
    assert (refused.exit_code, refused.output) == (1, "Error: levels.csv: already holds rows; give --resume to continue it or --overwrite to replace it\n")
    both = runner.invoke(cli, ["batch", "ad.txt", "-o", "levels.csv", "--quiet", "--jobs", "1", "--resume", "--overwrite"])
    assert (both.exit_code, both.output) == (1, "Error: give --resume (continue the output) or --overwrite (replace it), not both\n")
    assert Path("levels.csv").read_bytes() == before
    replaced = runner.invoke(cli, ["batch", "ad.txt", "-o", "levels.csv", "--quiet", "--jobs", "1", "--overwrite"])
    assert (replaced.exit_code, replaced.output) == (0, "")
    assert [row["id"] for row in read_rows(Path("levels.csv"))] == ["ad.txt"]
    Path("empty.csv").write_bytes(b"")  # made ready by a script, say: nothing in it to lose
    assert runner.invoke(cli, ["batch", "ad.txt", "-o", "empty.csv", "--quiet", "--jobs", "1"]).exit_code == 0
    Path("header.csv").write_text("id,level\n\n", encoding="utf-8")  # a run stopped before its first rows
    Path("blank.jsonl").write_text("\n", encoding="utf-8")
    for name in ("header.csv", "blank.jsonl"):
        assert runner.invoke(cli, ["batch", "ad.txt", "-o", name, "--quiet", "--jobs", "1"]).exit_code == 0
    assert [row["id"] for row in read_rows(Path("header.csv"))] == ["ad.txt"]
    assert [json.loads(line)["id"] for line in Path("blank.jsonl").read_text(encoding="utf-8").splitlines()] == ["ad.txt"]
    with pytest.raises(OutputExists, match=r"^levels.csv: already holds rows"):
        check_output("levels.csv")  # what the command checks before it counts the inputs for its progress bar
    check_output("levels.csv", resume=True)
    with pytest.raises(OutputExists, match=r"^levels.csv: already holds rows; give --resume"):
        run_batch(BatchInputs((Path("ad.txt"),)), "levels.csv")


def test_a_resumed_runs_summary_gives_the_rows_the_output_holds_in_all(tmp_path, classifier):
    write_postings(Path("ads"), 5)
    run_batch(BatchInputs((Path("ads"),), globs=("apm/*", "pm/*")), "levels.csv", model=classifier)
    before = len(read_rows(Path("levels.csv")))
    assert 0 < before < 5
    summary = run_batch(BatchInputs((Path("ads"),)), "levels.csv", model=classifier, resume=True)
    assert (summary.before, summary.skipped, summary.written) == (before, before, 5 - before)
    assert summary.lines()[1:3] == [f"Skipped {before} inputs already in levels.csv", f"levels.csv now holds 5 rows ({before} from earlier runs)"]
    again = run_batch(BatchInputs((Path("ads"),)), "levels.csv", model=classifier, resume=True)
    assert again.lines()[:3] == [
        "Wrote 0 rows to levels.csv: 0 classified, 0 with an error",
        "Skipped 5 inputs already in levels.csv",
        "levels.csv now holds 5 rows (5 from earlier runs)",
    ]


ODD_IDS = ["a\nb", "a\\nb", "a\r\nb", '"quoted"', '"', "=a\nb", "'\"x", "a\\\\nb"]


@pytest.mark.parametrize("output", ["levels.csv", "levels.jsonl"])
def test_ids_with_line_breaks_and_backslashes_round_trip_through_resume(tmp_path, classifier, output):
    """An id holding a line break and one holding a backslash and an n stay apart in every format and through resume."""
    lines = [json.dumps({"url": url, "body": f"Product Manager {n}. Own the roadmap for payments."}) for n, url in enumerate(ODD_IDS)]
    Path("ads.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    inputs = BatchInputs((Path("ads.jsonl"),), text_column="body", id_column="url")
    run_batch(inputs, output, model=classifier)
    full = Path(output).read_text(encoding="utf-8")
    assert full.count("\n") == len(ODD_IDS) + output.endswith(".csv"), "one line per row"
    if output.endswith(".csv"):
        assert [row["id"] for row in read_rows(Path(output))] == [
            '"a\\nb"',
            "a\\nb",
            '"a\\r\\nb"',
            '"\\"quoted\\""',
            '"\\""',
            '"=a\\nb"',
            "'\"x",
            "a\\\\nb",
        ]
    else:
        assert [json.loads(line)["id"] for line in full.splitlines()] == ODD_IDS
    Path(output).write_text("".join(full.splitlines(keepends=True)[: 4 + output.endswith(".csv")]), encoding="utf-8")
    again = run_batch(inputs, output, model=classifier, resume=True)
    assert (again.skipped, again.written) == (4, 4)
    assert Path(output).read_text(encoding="utf-8") == full


def test_ids_with_line_breaks_round_trip_through_resume_in_parquet(tmp_path, classifier):
    pq = pytest.importorskip("pyarrow.parquet")
    Path("ads.jsonl").write_text("".join(json.dumps({"url": url, "body": "Product Manager. Own the roadmap."}) + "\n" for url in ODD_IDS), encoding="utf-8")
    inputs = BatchInputs((Path("ads.jsonl"),), text_column="body", id_column="url")
    run_batch(inputs, "levels.parquet", model=classifier)
    assert pq.read_table("levels.parquet").column("id").to_pylist() == ODD_IDS
    again = run_batch(inputs, "levels.parquet", model=classifier, resume=True)
    assert (again.skipped, again.written) == (len(ODD_IDS), 0)
    Path("empty.parquet").write_bytes(b"")  # resuming a file with nothing in it starts it
    assert run_batch(inputs, "empty.parquet", model=classifier, resume=True).written == len(ODD_IDS)


@given(st.text(max_size=12))
def test_a_csv_id_reads_back_exactly_from_one_line(text):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([spreadsheet_safe(csv_id(text)), "x"])
    assert buffer.getvalue().count("\n") == 1 and "\r" not in buffer.getvalue()
    (cells,) = list(csv.reader(io.StringIO(buffer.getvalue())))
    assert id_from_csv(read_back(cells[0])) == text


def test_jsonl_ids_that_are_no_strings_are_written_as_json_and_resume_matches_them(tmp_path, classifier):
    values = [True, False, 12, 1.5, 1.0, None, [1, "a"], {"k": 1}, "true", "plain"]
    Path("ads.jsonl").write_text("".join(json.dumps({"url": value, "body": "Product Manager. Own the roadmap."}) + "\n" for value in values), encoding="utf-8")
    inputs = BatchInputs((Path("ads.jsonl"),), text_column="body", id_column="url")
    for output in ("levels.csv", "levels.jsonl"):
        run_batch(inputs, output, model=classifier)
        full = Path(output).read_text(encoding="utf-8")
        ids = [row["id"] for row in read_rows(Path(output))] if output.endswith(".csv") else [json.loads(line)["id"] for line in full.splitlines()]
        assert ids == ["true", "false", "12", "1.5", "1.0", "ads.jsonl:6", '[1, "a"]', '{"k": 1}', "true", "plain"]
        Path(output).write_text("".join(full.splitlines(keepends=True)[:4]), encoding="utf-8")
        again = run_batch(inputs, output, model=classifier, resume=True)
        assert (again.skipped, again.written) == (3 + output.endswith(".jsonl"), 6 + output.endswith(".csv"))
        assert Path(output).read_text(encoding="utf-8") == full


def test_a_csv_quote_left_open_gets_an_error_row_naming_the_lines_it_swallowed(tmp_path, classifier):
    ad = "Product Manager. Own the roadmap for payments."
    Path("ads.csv").write_text(
        f'url,body\na,{ad}\nb,"{ad}\nc,{ad}\n\nd,"{ad}"\ne,{ad}\nf,"{ad} And then\nsome more.\ng,{ad}\n', encoding="utf-8"
    )  # b's quote is never closed: it runs to d's opening quote; f's runs to the end of the file
    run_batch(BatchInputs((Path("ads.csv"),), text_column="body", id_column="url"), "levels.jsonl", model=classifier)
    rows = [json.loads(line) for line in Path("levels.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(row["id"], row["error"]) for row in rows] == [
        ("a", None),
        (
            "ads.csv:3",
            "ads.csv:3: unreadable CSV row (',' expected after '\"') on lines 3-6: a quote left open makes one cell of the rows it runs over",
        ),
        ("e", None),
        (
            "ads.csv:5",
            "ads.csv:5: unreadable CSV row (unexpected end of data) on lines 8-10: a quote left open makes one cell of the rows it runs over",
        ),
    ]
    Path("header.csv").write_text('url,"body\nx,y\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"^header.csv: unreadable CSV header \(unexpected end of data\)$"):
        run_batch(BatchInputs((Path("header.csv"),), text_column="body"), "out.jsonl", model=classifier)


def test_a_csv_record_on_one_line_with_text_after_a_closing_quote_is_read_as_pandas_reads_it(tmp_path):
    ad = "Product Manager. Own the roadmap for payments."
    Path("ads.csv").write_text(f'url,title,body\na,"Senior PM" (Payments),{ad}\nb,PM,"{ad}" Remote.\nc,PM,"{ad}\n', encoding="utf-8")
    items = BatchInputs((Path("ads.csv"),), text_column="body", id_column="url", title_column="title")
    assert [(item.id, item.title, item.text, item.error) for item in items] == [
        ("a", "Senior PM (Payments)", ad, None),
        ("b", "PM", f"{ad} Remote.", None),
        ("c", "PM", f"{ad}\n", None),  # a quote left open on the last line swallows no row either
    ]


def test_file_row_is_the_row_a_spreadsheet_shows_in_a_csv_and_the_line_in_a_jsonl(tmp_path, classifier):
    ad = "Product Manager. Own the roadmap for payments."
    Path("ads.csv").write_text(f'body\n{ad}\n\n"{ad}\nSecond line."\n{ad}\n', encoding="utf-8")  # rows 2, 3 (blank), 4 (two lines), 5
    Path("ads.jsonl").write_text(json.dumps({"body": ad}) + "\n\n" + json.dumps({"body": ad}) + "\n", encoding="utf-8")
    run_batch(BatchInputs((Path("ads.csv"), Path("ads.jsonl")), text_column="body"), "levels.jsonl", model=classifier)
    ids = [json.loads(line)["id"] for line in Path("levels.jsonl").read_text(encoding="utf-8").splitlines()]
    assert ids == ["ads.csv:2", "ads.csv:4", "ads.csv:5", "ads.jsonl:1", "ads.jsonl:3"]


def test_resume_refuses_an_output_that_numbers_a_csvs_rows_as_before(tmp_path, classifier):
    """An older jdclass numbered a CSV's rows from 1: appending to its output would mix two numberings of one file."""
    Path("ads.csv").write_text("body\nProduct Manager. Own the roadmap.\nSenior Product Manager. Lead the roadmap.\n", encoding="utf-8")
    Path("levels.jsonl").write_text(json.dumps(dict.fromkeys(COLUMNS) | {"id": "ads.csv:1", "error": "x"}) + "\n", encoding="utf-8")
    before = Path("levels.jsonl").read_bytes()
    with pytest.raises(InputError) as refused:
        run_batch(BatchInputs((Path("ads.csv"),), text_column="body"), "levels.jsonl", model=classifier, resume=True)
    assert str(refused.value) == (
        "levels.jsonl: its row ads.csv:1 is no row of ads.csv now: it numbers the rows from 1, as jdclass did before FILE:ROW "
        "became the row a spreadsheet shows (from 2), or ads.csv changed since; finish it with the jdclass that began it, "
        "or start over with --overwrite"
    )
    assert Path("levels.jsonl").read_bytes() == before


PAID_AD = """# Senior Product Manager, Payments

## What you'll do
- **Own** the *multi-year* product strategy and roadmap for the payments area.
- Mentor two **junior product managers** on discovery and delivery.

Salary: £90,000 - £105,000 per year.
"""


def test_the_pay_and_the_evidence_columns(tmp_path, classifier):
    Path("paid.md").write_text(PAID_AD, encoding="utf-8")
    Path("unpaid.txt").write_text("Associate Product Manager. New grads welcome.", encoding="utf-8")
    Path("capped.txt").write_text("Product Manager. Compensation: up to $200,000 a year.", encoding="utf-8")
    inputs = BatchInputs((Path("paid.md"), Path("unpaid.txt"), Path("capped.txt")))
    run_batch(inputs, "levels.csv", model=classifier)
    run_batch(inputs, "levels.jsonl", model=classifier)
    pay = ["salary_min", "salary_max", "salary_currency", "salary_period"]
    expected = [["90000.0", "105000.0", "GBP", "year"], ["", "", "", ""], ["", "200000.0", "USD", "year"]]  # "up to": no minimum
    assert [[row[name] for name in pay] for row in read_rows(Path("levels.csv"))] == expected
    rows = [json.loads(line) for line in Path("levels.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [[row[name] for name in pay] for row in rows] == [[90000.0, 105000.0, "GBP", "year"], [None, None, None, None], [None, 200000.0, "USD", "year"]]
    evidence = classifier.classify(jdclass.parse(Path("paid.md"))).evidence[0]
    assert "**" in evidence.text and rows[0]["evidence"] == evidence.plain and "*" not in evidence.plain


def test_resume_refuses_an_older_numbering_when_the_first_record_has_an_id(tmp_path, classifier):
    """Records with an id and without: the older output's ads.csv:2 was the second record, which is ads.csv:3 now.
    Resumed, the second record would be skipped as done (by its new number) and scored again as ads.csv:3."""
    ads = ["Senior Product Manager. Own the payments roadmap.", "Associate Product Manager. New grads welcome.", "Director of Product."]
    Path("ads.csv").write_text("url,body\n" + "".join(f"{url},{ad}\n" for url, ad in zip(["u1", "", "u3"], ads, strict=True)), encoding="utf-8")
    older = [dict.fromkeys(COLUMNS) | {"id": row_id, "error": "x"} for row_id in ("u1", "ads.csv:2")]
    Path("levels.jsonl").write_text("".join(json.dumps(row) + "\n" for row in older), encoding="utf-8")
    inputs = BatchInputs((Path("ads.csv"),), text_column="body", id_column="url")
    with pytest.raises(InputError, match=r"^levels.jsonl: its row ads.csv:2 is no row of ads.csv now: it numbers the rows from 1"):
        run_batch(inputs, "levels.jsonl", model=classifier, resume=True)
    Path("levels.jsonl").write_text(json.dumps(older[0] | {"id": "u1"}) + "\n" + json.dumps(older[1] | {"id": "ads.csv:3"}) + "\n", encoding="utf-8")
    resumed = run_batch(inputs, "levels.jsonl", model=classifier, resume=True)  # numbered as now: goes on
    assert (resumed.skipped, resumed.written) == (2, 1)
