"""The command line: a thin skin over the library."""

from __future__ import annotations

import functools
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from jdclass import __version__
from jdclass.corpus import DEFAULT_CORPUS, check_corpus, load_corpus
from jdclass.errors import EmptyInput, InputError, JdclassError
from jdclass.posting import Posting, parse, with_title
from jdclass.readers import DEFAULT_MAX_BYTES, decode_text

# The modules that need scikit-learn or spaCy (seconds to import) are imported by the commands that use them,
# after the input is read: --help, --version and a mistyped path answer at once.

F = TypeVar("F", bound=Callable[..., Any])
PROMPT = "Paste the job ad, then Ctrl-D"


def domain_errors(command: F) -> F:
    """Turn jdclass's domain errors into one ``Error: ...`` line and exit code 1, and Ctrl-C into exit code 130
    (the shell's code for an interrupt; click's own "Aborted!" exits with 1)."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except JdclassError as error:
            raise click.ClickException(str(error)) from None
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            raise click.exceptions.Exit(130) from None

    return wrapper  # type: ignore[return-value]


def use_color() -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def write_text(path: Path, text: str) -> None:
    """Write an output file, turning an unwritable path into a domain error."""
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise JdclassError(f"{path}: cannot write ({error.strerror})") from None


def _looks_like_text(argument: str) -> bool:
    """Whether a command-line argument is a posting's text pasted in place of a file name (a line break, or
    more than five words): "no such file" alone would not tell the user what to do instead."""
    return "\n" in argument or len(argument.split()) > 5


def read_source(source: str | None, max_bytes: int = DEFAULT_MAX_BYTES) -> Posting:
    """The posting named on the command line: a file path, ``-`` for stdin, or nothing (stdin, prompting on a terminal)."""
    if source == "":
        raise InputError("no file named (an empty argument); give a path, or '-' to read the posting from stdin")
    if source not in (None, "-"):
        path = Path(source)
        if path.is_dir():
            raise InputError(f"{source}: is a directory; to score a folder, run: jdclass batch {source} -o results.csv")
        if _looks_like_text(source) and not path.exists():
            shown = source if len(source) <= 40 else source[:40].rstrip() + "..."
            raise InputError(f"no such file: {shown!r}; to classify text, pipe it in (... | jdclass classify -) or give no argument and paste it")
        return parse(path, max_bytes=max_bytes)
    stdin = sys.stdin.buffer
    if source is None and sys.stdin.isatty():
        click.echo(PROMPT, err=True)
    data = stdin.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise JdclassError(f"stdin holds more than the {max_bytes:,}-byte limit")
    text = decode_text(data, "stdin")
    if not text.strip():
        raise EmptyInput("no text on stdin")
    return parse(text)


json_option = click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of the report.")
title_option = click.option(
    "--title",
    default=None,
    help="The job title, when it is kept apart from the text (an ATS field); weighed in as a title line is, and blanked where the text states it as one.",
)


def titled(posting: Posting, title: str | None) -> Posting:
    """``posting`` with a ``--title`` given on the command line (``with_title``); as it is without one."""
    if title is not None and not title.strip():
        raise InputError("--title is empty; leave it out to read the title from the text")
    return with_title(posting, title.strip() if title is not None else None)


model_option = click.option("--model", "model_path", type=click.Path(path_type=Path), default=None, help="Model folder (default: the shipped model).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="jdclass")
def cli() -> None:
    """Tell which rung of the product-management ladder a job posting is, with the evidence."""


@cli.command()
@click.argument("source", required=False)
@title_option
@json_option
@model_option
@click.option("--html", "html_path", type=click.Path(path_type=Path, dir_okay=False), help="Also write a self-contained HTML report here.")
@click.option("--show-text/--no-show-text", default=None, help="Print the posting with matched sentences highlighted (default: on a terminal).")
@domain_errors
def classify(source: str | None, title: str | None, as_json: bool, model_path: Path | None, html_path: Path | None, show_text: bool | None) -> None:
    """Classify one job posting: a file, '-' for stdin, or paste it.

    The report gives the level (title and duties weighed together) with its
    probability; the verdict on the stated title against the duties; the level
    of the duties alone; a bar per level (APM, PM, SPM, DIR, VP, CPO, OTHER:
    not a product-management role); the signals read (years asked, people
    managed, budget, P&L, reporting line); and up to five sentences that match
    the level's duties, each with the duty it matches. Notes say when to doubt
    the level. Files: txt, md, html; pdf and docx with the pdf and docx extras.

    Example:

        jdclass classify posting.txt

        pbpaste | jdclass classify --json

        jdclass classify posting.pdf --html report.html

        jdclass classify body.txt --title "Senior Product Manager"
    """
    posting = titled(read_source(source), title)
    from jdclass.html_report import render_html
    from jdclass.model import load
    from jdclass.report import render_classification, to_json

    result = load(model_path).classify(posting)
    if html_path is not None:
        write_text(html_path, render_html(result))
    if as_json:
        click.echo(to_json(result.to_dict()))
        return
    color = use_color()
    terminal = sys.stdout.isatty()
    if show_text is None:
        show_text = terminal
    width = min(max(shutil.get_terminal_size().columns, 60), 100) if terminal else 80  # piped: 80, the same every run
    click.echo(render_classification(result, color=color, show_text=show_text, width=width), color=color)


@cli.command("parse")
@click.argument("source", required=False)
@title_option
@json_option
@domain_errors
def parse_command(source: str | None, title: str | None, as_json: bool) -> None:
    """Show the fields read from a posting: title, sections, years, education, management scope.

    Example:

        jdclass parse posting.html --json
    """
    posting = titled(read_source(source), title)
    from jdclass.report import render_posting, to_json

    click.echo(to_json(posting.to_dict()) if as_json else render_posting(posting))


@cli.command("train")
@click.option("--corpus", "corpus_dir", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_CORPUS, show_default="corpus/")
@click.option("--data", type=click.Path(path_type=Path), default=None, help="Your own labelled postings: JSONL or CSV with text, level and title.")
@click.option("--with-corpus", is_flag=True, help="Train on --data and the corpus together.")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=None, show_default="models/")
@domain_errors
def train_command(corpus_dir: Path, data: Path | None, with_corpus: bool, out: Path | None) -> None:
    """Train the model (from the corpus, or your own labelled postings) and save it with its manifest.

    Example:

        jdclass train --out models/

        jdclass train --data our_postings.csv --with-corpus --out team-model/
    """
    if with_corpus and data is None:
        raise click.UsageError("--with-corpus needs --data")
    from jdclass.model import DEFAULT_MODEL_DIR
    from jdclass.training import train

    out = out or DEFAULT_MODEL_DIR
    classifier = train(corpus_dir, out, data=data, with_corpus=with_corpus)
    metrics = classifier.manifest["cv_metrics"]
    click.echo(f"Trained on {sum(classifier.manifest['training_examples'].values())} postings; model saved to {out}")
    click.echo(
        f"Cross-validated ({classifier.manifest['cv_folds']}-fold): accuracy {metrics['accuracy']:.3f}, "
        f"macro-F1 {metrics['macro_f1']:.3f}, within one rung {metrics['within_one']:.3f}"
    )


@cli.command("evaluate")
@click.argument("data", type=click.Path(path_type=Path))
@model_option
@click.option("--mask-title/--with-title", default=True, show_default=True, help="Judge the content alone, or weigh in the title column.")
@click.option("--baselines", is_flag=True, help="Also run the majority class, the title rules and a plain TF-IDF model.")
@click.option("--errors", "errors", type=click.IntRange(0), default=0, help="List the N worst mistakes with their evidence.")
@click.option("--by-writer", is_flag=True, help="On a corpus: hold out each writer in turn instead of random folds.")
@click.option("--plot", "plot_dir", type=click.Path(path_type=Path, file_okay=False), default=None, help="Write confusion.png and reliability.png here.")
@json_option
@domain_errors
def evaluate_command(
    data: Path, model_path: Path | None, mask_title: bool, baselines: bool, errors: int, by_writer: bool, plot_dir: Path | None, as_json: bool
) -> None:
    """Measure the model on labelled postings (JSONL/CSV), or cross-validate on a corpus folder.

    Example:

        jdclass evaluate ../shared/eval/real_pm_postings.jsonl --baselines --errors 5

        jdclass evaluate corpus/ --by-writer
    """
    from jdclass.evaluation import evaluate_corpus, evaluate_rows, load_labelled, plot
    from jdclass.model import load
    from jdclass.report import render_evaluation, to_json

    if (data / "postings").is_dir():
        evaluation = evaluate_corpus(load_corpus(data), baselines=baselines, errors=errors, by_writer=by_writer)
    else:
        evaluation = evaluate_rows(
            load(model_path), load_labelled(data), mask_title=mask_title, baselines=load_corpus(DEFAULT_CORPUS) if baselines else None, errors=errors
        )
    if plot_dir is not None:
        plot(evaluation, plot_dir)
    click.echo(to_json(evaluation.to_dict()) if as_json else render_evaluation(evaluation))


@cli.command()
@model_option
@json_option
@domain_errors
def info(model_path: Path | None, as_json: bool) -> None:
    """Show which model is loaded: its version, manifest and metrics.

    Example:

        jdclass info
    """
    from jdclass.model import DEFAULT_MODEL_DIR, load
    from jdclass.report import to_json

    directory = model_path or DEFAULT_MODEL_DIR
    classifier = load(directory)  # verifies the file against its manifest
    manifest = classifier.manifest
    if as_json:
        click.echo(to_json(manifest))
        return
    environment = manifest["environment"]
    metrics = manifest["cv_metrics"]
    click.echo(f"Model: {classifier.version}")
    click.echo(f"Folder: {directory}")
    click.echo(f"Labels: {', '.join(manifest['labels'])}")
    click.echo(
        f"Trained with: jdclass {environment['jdclass']}, scikit-learn {environment['scikit-learn']}, spaCy {environment['spacy']}, Python {environment['python']}"
    )
    click.echo(f"Corpus sha256: {manifest['corpus_sha256']}")
    click.echo(f"Model sha256: {manifest['sha256']}")
    click.echo(
        f"Cross-validated ({manifest['cv_folds']}-fold, {metrics['n']} postings): accuracy {metrics['accuracy']:.3f}, "
        f"macro-F1 {metrics['macro_f1']:.3f}, within one rung {metrics['within_one']:.3f}"
    )


@cli.group()
def corpus() -> None:
    """Work with the labelled corpus."""


@corpus.command("check")
@click.option("--corpus", "corpus_dir", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_CORPUS, show_default="corpus/")
@click.option("--threshold", type=click.FloatRange(0.0, 1.0), default=0.5, show_default=True, help="Near-duplicate 5-gram Jaccard limit.")
@domain_errors
def corpus_check(corpus_dir: Path, threshold: float) -> None:
    """Validate the corpus: schema, labels, duplicates, duty counts; print the balance.

    Example:

        jdclass corpus check
    """
    report = check_corpus(corpus_dir, near_duplicate_threshold=threshold)
    total = sum(report.counts_by_level.values())
    click.echo(f"{total} postings, {sum(report.duties_by_level.values())} duty statements")
    click.echo("By level:  " + ", ".join(f"{k} {v}" for k, v in report.counts_by_level.items()))
    click.echo("By format: " + ", ".join(f"{k} {v}" for k, v in report.counts_by_format.items()))
    click.echo("Hard cases: " + ", ".join(f"{k} {v}" for k, v in report.counts_by_hard_case.items()))
    click.echo("OTHER roles: " + (", ".join(f"{k} {v}" for k, v in report.counts_by_role.items()) or "none"))
    click.echo("Duties:    " + ", ".join(f"{k} {v}" for k, v in report.duties_by_level.items()))
    low, high, mean = report.words
    click.echo(f"Words per posting: {low} to {high}, mean {mean:.0f}")
    for error in report.errors:
        click.echo(error, err=True)
    if report.errors:
        raise click.ClickException(f"corpus check failed with {len(report.errors)} error(s)")
    click.echo("Corpus OK")


@cli.command("batch")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True, help="The file to write: .csv, .jsonl or .parquet.")
@click.option("--format", "output_format", type=click.Choice(["csv", "jsonl", "parquet"]), default=None, help="Default: the output's extension.")
@click.option("--glob", "globs", multiple=True, help="In folders, only paths matching this pattern, e.g. '*.md' (repeatable).")
@click.option("--text-column", default="text", show_default=True, help="The column of a CSV/JSONL input that holds the posting.")
@click.option("--id-column", default=None, help="The column of a CSV/JSONL input that names each row (default: FILE:ROW).")
@click.option("--title-column", default=None, help="The column of a CSV/JSONL input that holds each posting's job title, weighed in as a title line is.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")
@click.option("--resume", is_flag=True, help="Skip the inputs already in the output and append the rest.")
@click.option("--overwrite", is_flag=True, help="Replace an output that already holds rows (without it, or --resume, such an output is refused).")
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Larger postings get an error row (as do texts over 200,000 characters).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@model_option
@domain_errors
def batch_command(
    inputs: tuple[Path, ...],
    output: Path,
    output_format: str | None,
    globs: tuple[str, ...],
    text_column: str,
    id_column: str | None,
    title_column: str | None,
    jobs: int | None,
    resume: bool,
    overwrite: bool,
    max_bytes: int,
    quiet: bool,
    model_path: Path | None,
) -> None:
    """Classify a folder, files or a CSV/JSONL of postings into one row each of a CSV, JSONL or Parquet file.

    Folders are searched recursively; hidden files and folders (names starting with '.') and symbolic links to
    folders are not entered.

    Example:

        jdclass batch postings/ -o levels.csv

        jdclass batch ads.jsonl --text-column body --id-column url -o levels.jsonl --resume

        jdclass batch export.csv --text-column description --title-column title -o levels.csv

    A table's text may be UTF-8 or, as Excel on Windows saves it, Windows-1252.
    The columns written are listed in the README ("Score many postings").
    """
    from jdclass.batch import BatchInputs, BatchInterrupted, BatchSummary, check_output, default_jobs, run_batch

    found = BatchInputs(inputs, globs=globs, text_column=text_column, id_column=id_column, title_column=title_column)
    check_output(output, output_format, resume=resume, overwrite=overwrite, inputs=found)  # before the inputs are counted
    show = not quiet and sys.stderr.isatty()
    total = found.count() if show else 0
    interrupted = False
    with click.progressbar(length=total, label="Classifying", file=sys.stderr, hidden=not show, show_pos=True, item_show_func=lambda rate: rate) as bar:

        def advance(summary: BatchSummary, rows: int) -> None:
            bar.length = max(total - summary.skipped, summary.written)
            bar.update(rows, f"{summary.rate:.1f} postings/s")

        try:
            summary = run_batch(
                found,
                output,
                fmt=output_format,
                n_jobs=jobs or default_jobs(),
                model=model_path,
                resume=resume,
                overwrite=overwrite,
                max_bytes=max_bytes,
                progress=advance,
            )
        except BatchInterrupted as stop:
            summary, interrupted = stop.summary, True
    if not quiet:
        click.echo("\n".join(summary.lines()))
    if interrupted:
        click.echo(f"Interrupted: the rows finished are in {output}; run the same command with --resume to finish.", err=True)
        click.get_current_context().exit(130)


def main() -> None:
    cli(prog_name="jdclass")
