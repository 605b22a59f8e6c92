"""Score many postings: find the inputs, classify them in parallel, and write one row per input, failures included.

Memory stays flat: inputs are listed lazily, at most a few chunks are in flight, and rows are written as they come.
Every chunk is written with one call and flushed, so an interrupted run leaves a valid file that ``resume`` continues.
"""

from __future__ import annotations

import codecs
import csv
import gc
import io
import json
import logging
import multiprocessing
import os
import re
import signal
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path, PurePath
from typing import Any, Literal, Protocol, Self, TypeVar, overload

from jdclass.errors import InputError, InputTooLarge, JdclassError, MissingExtra, OutputExists, one_line
from jdclass.judgement import FLAGS
from jdclass.levels import CODES
from jdclass.management import YES_NO_SIGNALS
from jdclass.model import DEFAULT_MODEL_DIR, MANIFEST_FILE, MAX_BATCH_CHARS, MODEL_FILE, LevelClassifier, check_errors, load
from jdclass.posting import Posting, parse
from jdclass.readers import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES
from jdclass.result import Classification

Row = dict[str, Any]
T = TypeVar("T")
Item = str | os.PathLike[str] | Posting

TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson")
OUTPUT_FORMATS = ("csv", "jsonl", "parquet")
_FORMAT_BY_SUFFIX = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".pq": "parquet"}
# Inputs sent to a worker at a time. Each chunk's postings go through the model in one pass (or a few, for large
# postings: ``MAX_BATCH_CHARS``), and a pass has fixed costs: 128 a chunk took 6 to 10% less CPU time than 32 on
# bench postings (one process, alternating). Rows still reach the file and the progress bar every 0.2 s or so.
DEFAULT_CHUNK_SIZE = 128
PAY_FIELDS = ("salary_min", "salary_max", "salary_currency", "salary_period")
MANAGEMENT_FIELDS = ("direct_reports", "manages_product_managers", "manages_people", "manages_managers", "pnl", "budget", "reports_to", "board")
COLUMNS: tuple[str, ...] = (
    "id",
    "level",
    "confidence",
    "content_level",
    "title_level",
    "verdict",
    "mismatch",
    *(f"p_{code}" for code in CODES),
    "title",
    "minimum_years",
    "people_management_years",
    *MANAGEMENT_FIELDS,
    *PAY_FIELDS,
    "flags",
    "evidence",
    "error",
)
# What each column holds when it is not empty, as Parquet types it; the scope's yes-or-no signals are booleans.
COLUMN_TYPES: dict[str, type] = {
    **dict.fromkeys(COLUMNS, str),
    **dict.fromkeys(("confidence", *(f"p_{code}" for code in CODES), "minimum_years", "people_management_years", "salary_min", "salary_max"), float),
    **dict.fromkeys(("mismatch", *(name for name in MANAGEMENT_FIELDS if name in YES_NO_SIGNALS)), bool),
    "direct_reports": int,
}


@dataclass(frozen=True)
class BatchInput:
    """One posting to score: a file to read (``path``) or text from a row of a table; ``error`` when it cannot be had."""

    id: str
    path: str | None = None
    text: str | None = None
    error: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class BatchInputs:
    """The postings in folders (recursive, sorted, hidden entries skipped), files, and CSV/JSONL tables of postings.

    Listed lazily and re-iterable. In a folder every file is an input (``globs`` narrow that), so an unreadable or
    unsupported file still gets its row; a folder named like a posting (``ad.md/``) is an input too, and is searched.
    """

    sources: tuple[Path, ...]
    globs: tuple[str, ...] = ()
    text_column: str = "text"
    id_column: str | None = None
    title_column: str | None = None

    def __iter__(self) -> Iterator[BatchInput]:
        for source in self.sources:
            if not source.exists() and not source.is_symlink():
                raise InputError(f"{source}: no such file or folder")
            if source.suffix.lower() in TABLE_SUFFIXES and source.is_file():
                self._check_table(source)
        for source in self.sources:
            if source.is_dir():
                yield from self._walk(source, source)
            elif source.suffix.lower() in TABLE_SUFFIXES:
                yield from self._table(source)
            else:
                yield BatchInput(str(source), path=str(source))

    def count(self) -> int:
        """How many inputs there are (one streaming pass: cheap for folders, a read of every table)."""
        return sum(1 for _ in self)

    def _matches(self, path: Path | str, root: Path) -> bool:
        if not self.globs:
            return True
        relative = PurePath(os.path.relpath(path, root))
        return any(relative.match(pattern) for pattern in self.globs)

    def _walk(self, folder: Path, root: Path) -> Iterator[BatchInput]:
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            yield BatchInput(str(folder), error=f"{folder}: cannot list the folder ({error.strerror})")
            return
        # A file's path as pathlib writes it, without making a Path of each (a third of listing a folder): the
        # folder's own path is one already, so only "./" differs ("jdclass batch ." names "ad.md", not "./ad.md").
        within = "" if str(folder) == "." else os.path.join(str(folder), "")
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_folder = entry.is_dir(follow_symlinks=False)  # like os.walk: no symlink loops
            except OSError:
                is_folder = False
            if not is_folder:
                name = within + entry.name
                if self._matches(name, root):
                    yield BatchInput(name, path=name)
                continue
            path = Path(entry.path)
            if path.suffix.lower() in SUPPORTED_SUFFIXES and self._matches(path, root):
                yield BatchInput(str(path), path=str(path))  # reading it reports "is a directory"
            yield from self._walk(path, root)

    def _check_table(self, path: Path) -> None:
        """A table without the text column is a usage error, found before any work starts."""
        try:
            with path.open(encoding=table_encoding(path), errors="replace", newline="") as handle:
                if path.suffix.lower() == ".csv":
                    columns = next(csv.reader(handle, strict=True), [])
                else:
                    columns = _jsonl_columns(path, handle)
        except OSError as error:
            raise InputError(f"{path}: cannot read ({error.strerror})") from None
        except csv.Error as error:  # a quote left open in the header would make one header of the whole file
            raise InputError(f"{path}: unreadable CSV header ({error})") from None
        found = ", ".join(str(column) for column in columns) or "none"
        if self.text_column not in columns:
            raise InputError(f"{path}: no {self.text_column!r} column (columns: {found}); name the text column with --text-column")
        if self.id_column is not None and self.id_column not in columns:
            raise InputError(f"{path}: no {self.id_column!r} column (columns: {found}); name the id column with --id-column")
        if self.title_column is not None and self.title_column not in columns:
            raise InputError(f"{path}: no {self.title_column!r} column (columns: {found}); name the title column with --title-column")

    def _table(self, path: Path) -> Iterator[BatchInput]:
        rows = _csv_records(path) if path.suffix.lower() == ".csv" else _jsonl_records(path)
        try:
            yield from self._rows(path, rows)
        except OSError as error:  # the table went away, or its disk failed, after it was checked: one row says so
            yield BatchInput(str(path), error=f"{path}: cannot read ({error.strerror or error})")

    def _rows(self, path: Path, rows: Iterator[tuple[int, dict[str, Any] | str]]) -> Iterator[BatchInput]:
        for number, record in rows:
            default_id = f"{path}:{number}"
            if isinstance(record, str):
                yield BatchInput(default_id, error=f"{default_id}: {record}")
                continue
            given = record.get(self.id_column) if self.id_column else None
            if given in (None, ""):
                row_id = default_id
            else:  # a JSONL id that is no string is written as its JSON text: true, 12, 1.5
                row_id = given if isinstance(given, str) else json.dumps(given, ensure_ascii=False)
            text = record.get(self.text_column)
            title = record.get(self.title_column) if self.title_column else None
            if isinstance(title, str) and title.strip().lower() in _NO_VALUE:
                title = None  # a spreadsheet's empty cell written out: "nan", "N/A", "#N/A", "null", "-"
            if not isinstance(text, str):
                yield BatchInput(row_id, error=f"{default_id}: no text in the {self.text_column!r} column")
            else:  # an empty or non-text title is none: the posting's own title line, if any, is read instead
                yield BatchInput(row_id, text=text, title=(title.strip() or None) if isinstance(title, str) else None)


def table_encoding(path: Path, chunk: int = 1 << 20) -> str:
    """The encoding of a CSV/JSONL table: Windows-1252, as a spreadsheet on Windows saves it, when some bytes are not
    UTF-8 and none is UTF-8 beyond ASCII ("Café" would otherwise read "Caf\ufffd" and ids would no longer join);
    else UTF-8 (a BOM skipped; a stray byte in a UTF-8 file is replaced, so its other ids stay as they are).
    The file is read in chunks, so memory stays flat however large it is; the answer is kept for the file as it is."""
    try:
        stat = path.stat()
    except OSError:
        return "utf-8-sig"  # reading it reports the error
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key not in _ENCODINGS:
        _ENCODINGS.clear()  # one table at a time is asked about, several times a run
        _ENCODINGS[key] = _sniff_encoding(path, chunk)
    return _ENCODINGS[key]


_ENCODINGS: dict[tuple[str, int, int], str] = {}
_BEYOND_ASCII = re.compile("[^\x00-\x7f\ufffd]")


def _sniff_encoding(path: Path, chunk: int) -> str:
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    invalid = False
    try:
        with path.open("rb") as handle:
            while block := handle.read(chunk):
                decoded = decoder.decode(block)
                if _BEYOND_ASCII.search(decoded):
                    return "utf-8-sig"  # real UTF-8 text: a stray byte elsewhere is no reason to misread it all
                invalid = invalid or "\ufffd" in decoded
            invalid = invalid or "\ufffd" in decoder.decode(b"", final=True)
    except OSError:
        return "utf-8-sig"
    return "cp1252" if invalid else "utf-8-sig"


_NO_VALUE = frozenset(["", "nan", "none", "null", "n/a", "na", "#n/a", "-", "--"])


def _jsonl_columns(path: Path, handle: Iterable[str], lines: int = 100) -> list[str]:
    """The keys of the JSON objects among a JSONL file's first ``lines`` lines, in the order first met (a record may
    leave out an optional key; a bad line gets its own error row later)."""
    keys: dict[str, None] = {}
    objects = 0
    for number, line in enumerate(handle, start=1):
        if number > lines:
            break
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(record, dict):
            objects += 1
            keys.update(dict.fromkeys(record))
    if not objects:
        raise InputError(f"{path}: no JSON object in its first {lines} lines")
    return list(keys)


def _csv_records(path: Path) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(row number, record) for each data row; a row that cannot be read gives its error message.

    The number is the row a spreadsheet shows the record on: the header is row 1, and a blank line is a row (of no
    posting), however many lines a record's cells span. Quotes are read strictly: a quote left open would otherwise
    make one cell of the rows after it, to the next quote or the end of the file, and they would vanish. A record
    on one line swallows none, and is read as pandas and spreadsheets read it (``"Senior PM" II`` is Senior PM II)."""
    # Postings are long: let parse() judge size against --max-bytes rather than csv's 128 KB field limit.
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    with path.open(encoding=table_encoding(path), errors="replace", newline="") as handle:
        taken: deque[str] = deque(maxlen=1)  # the line the reader took last
        reader = csv.reader(_remembered(handle, taken), strict=True)
        header = next(reader, [])
        number = 1
        while True:
            number += 1
            first = reader.line_num + 1
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                if reader.line_num > first:
                    yield number, f"unreadable CSV row ({error}) on lines {first}-{reader.line_num}: a quote left open makes one cell of the rows it runs over"
                    continue
                try:  # on one line: read as pandas reads it
                    values = next(csv.reader(taken), [])
                except csv.Error:
                    yield number, f"unreadable CSV row ({error}) on line {first}"
                    continue
            if values:  # a blank line holds no posting (pandas skips it too), as in JSONL
                yield number, dict(zip(header, values, strict=False))


def _remembered(lines: Iterable[str], taken: deque[str]) -> Iterator[str]:
    for line in lines:
        taken.append(line)
        yield line


def _jsonl_records(path: Path) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(line number, record) for each non-blank line; a line that is not a JSON object gives an error message."""
    with path.open(encoding=table_encoding(path), errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                yield number, f"not JSON ({error.msg.removesuffix(' at')} at column {error.colno})"  # "Invalid control character at"
                continue
            yield number, record if isinstance(record, dict) else "not a JSON object"


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) if value is not None else None


def error_row(row_id: str, message: str) -> Row:
    """The row of an input that could not be classified."""
    row: Row = dict.fromkeys(COLUMNS)
    row.update(id=row_id, error=message)
    return row


def result_row(row_id: str, result: Classification) -> Row:
    """One flat row of a classification: levels, probabilities, title, years, management signals, pay, top evidence."""
    posting = result.posting
    scope = posting.management
    verdict = result.verdict
    row: Row = {
        "id": row_id,
        "level": result.level.code,
        "confidence": round(result.confidence, 4),
        "content_level": result.content_level.code,
        "title_level": result.title_level.code if result.title_level else None,
        "verdict": verdict.kind,
        "mismatch": verdict.mismatch,
    }
    for level, p in result.probabilities:
        row["p_" + level.code] = round(p, 4)
    row["title"] = _clean(posting.title.value) if posting.title else None
    row["minimum_years"] = posting.minimum_years
    row["people_management_years"] = posting.people_management_years
    for name in MANAGEMENT_FIELDS:
        row[name] = getattr(scope, name)
    pay = posting.pay
    row.update(zip(PAY_FIELDS, (pay.minimum, pay.maximum, pay.currency, pay.period) if pay else (None,) * len(PAY_FIELDS), strict=True))
    row["flags"] = ";".join(result.flags) or None
    row["evidence"] = result.evidence[0].plain if result.evidence else None
    row["error"] = None
    return row


class _Scorer:
    """Classifies chunks of inputs with one loaded model; lives in each worker process (or in-process for one job)."""

    def __init__(self, classifier: LevelClassifier, max_bytes: int | None, max_chars: int | None = None) -> None:
        self.classifier = classifier
        self.max_bytes = max_bytes
        self.max_chars = max_chars

    def _parse(self, item: BatchInput | Item) -> Posting:
        if isinstance(item, Posting):
            return item
        if isinstance(item, BatchInput):
            if item.error is not None:
                raise InputError(item.error)
            if item.path is None and self.max_bytes is not None:
                size = len((item.text or "").encode("utf-8", "surrogatepass"))
                if size > self.max_bytes:  # a row of a table is held to the same limit as a file
                    raise InputTooLarge(f"{item.id}: {size:,} bytes is over the {self.max_bytes:,}-byte limit")
            source: str | os.PathLike[str] = Path(item.path) if item.path is not None else item.text or ""
        else:
            source = item
        title = item.title if isinstance(item, BatchInput) else None
        return parse(source, max_bytes=self.max_bytes, max_chars=self.max_chars, title=title)

    def classify(self, chunk: list[tuple[int, Item]]) -> tuple[list[Classification], JdclassError | None]:
        """The library's path: the results in order up to the first input that cannot be classified, and that
        input's domain error naming its place (None when there is none)."""
        postings = []
        for number, item in chunk:
            try:
                postings.append(self._parse(item))
            except JdclassError as error:
                return list(self.classifier.classify_many(postings)), type(error)(f"input {number}: {error}")
        return list(self.classifier.classify_many(postings)), None

    def outcomes(self, chunk: list[tuple[int, Item]]) -> list[Classification | JdclassError]:
        """The library's path with ``errors="return"``: each input's result, or its domain error naming its place."""
        found: list[Classification | JdclassError] = []
        for (number, _), result in zip(chunk, self._each([item for _, item in chunk]), strict=True):
            if isinstance(result, OSError):
                raise result  # not the input's fault: as classify_many raises it otherwise
            found.append(type(result)(f"input {number}: {result}") if isinstance(result, JdclassError) else result)
        return found

    def rows(self, chunk: list[BatchInput]) -> list[Row]:
        """The batch path: one row per input, failures as error rows."""
        return [
            error_row(item.id, one_line(result)) if isinstance(result, Exception) else result_row(item.id, result)
            for item, result in zip(chunk, self._each(chunk, details=False, pay=True), strict=True)
        ]

    def _each(self, items: list[BatchInput] | list[Item], details: bool = True, pay: bool = False) -> Iterator[Classification | JdclassError | OSError]:
        """Each input's result or the error that stopped it, in order: parsed one by one, then the model once for a
        group of them (at most ``MAX_BATCH_CHARS`` characters: a chunk of the largest postings is read a few at a
        time), and one by one when one posting spoils its group, to find it. With ``pay``, each posting's pay is read
        as it is parsed."""
        group: list[Posting | JdclassError | OSError] = []
        characters = 0
        for item in items:
            try:
                posting = self._parse(item)
            except (JdclassError, OSError) as error:
                group.append(error)
                continue
            if pay:
                _ = posting.pay  # now, while ``lowered`` still holds the text's lower case: after the model, lowering it again took 6 us
            group.append(posting)
            characters += len(posting.text)
            if characters >= MAX_BATCH_CHARS:
                yield from self._results(group, details)
                group, characters = [], 0
        yield from self._results(group, details)

    def _results(self, group: list[Posting | JdclassError | OSError], details: bool) -> Iterator[Classification | JdclassError | OSError]:
        """The group's results, its errors in their places."""
        postings = [item for item in group if isinstance(item, Posting)]
        try:
            results: list[Classification | JdclassError | OSError] = list(self.classifier.classify_many(postings, details=details))
        except (JdclassError, OSError):
            results = [self._one(posting, details) for posting in postings]
        found = iter(results)
        for item in group:
            yield next(found) if isinstance(item, Posting) else item

    def _one(self, posting: Posting, details: bool) -> Classification | JdclassError | OSError:
        try:
            return next(self.classifier.classify_many([posting], details=details))
        except (JdclassError, OSError) as error:
            return error


_worker_scorer: _Scorer | None = None


# A batch allocates some 300 short-lived objects a posting; Python's cyclic collector, run after every 700 by default,
# then spent about 5% of a run's time traversing the model and the lexicon again and again. Collected after every
# 10,000, with the objects alive at the start (the model above all) set aside, it spent 0.1 s on 10,000 postings
# instead of 1.1 s. Reference counting still frees almost everything at once; only cycles wait a little longer.
GC_YOUNG_THRESHOLD = 10_000


def _fewer(thresholds: tuple[int, int, int]) -> tuple[int, int, int]:
    """The collector's thresholds for a batch: the young generation's raised, unless 0 (collection turned off)."""
    young, middle, old = thresholds
    return max(young, GC_YOUNG_THRESHOLD) if young else 0, middle, old


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run the cyclic garbage collector less often, and never over the objects alive now, while a batch runs."""
    thresholds, ours = gc.get_threshold(), not gc.get_freeze_count()  # a caller's own freeze is left as it is
    fewer = _fewer(thresholds)
    if ours:
        gc.freeze()
    gc.set_threshold(*fewer)
    try:
        yield
    finally:
        # A batch begun in another thread while this one ran took these for the caller's thresholds: each puts
        # back only thresholds still its own, so the caller's return when the first batch ends, and stay.
        if gc.get_threshold() == fewer:
            gc.set_threshold(*thresholds)
        if ours:
            gc.unfreeze()


def _start_worker(classifier: LevelClassifier, max_bytes: int | None, max_chars: int | None) -> None:
    global _worker_scorer
    gc.freeze()  # a worker's own process: the model it was given is alive for as long as the worker
    gc.set_threshold(*_fewer(gc.get_threshold()))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it stops the pool
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged PDFs are reported in their rows
    _worker_scorer = _Scorer(classifier, max_bytes, max_chars)


def _run_in_worker(method: str, chunk: list[Any]) -> list[Any]:
    assert _worker_scorer is not None, "the worker initializer did not run"
    result: list[Any] = getattr(_worker_scorer, method)(chunk)
    return result


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class _Workers:
    """An ordered map of chunks over worker processes, at most two chunks per worker in flight; one job runs in-process."""

    def __init__(self, classifier: LevelClassifier, n_jobs: int, max_bytes: int | None, max_chars: int | None = None) -> None:
        self.scorer = _Scorer(classifier, max_bytes, max_chars)
        self.n_jobs = n_jobs
        self.pool: Pool | None = None
        if n_jobs > 1:
            self.pool = multiprocessing.get_context().Pool(n_jobs, initializer=_start_worker, initargs=(classifier, max_bytes, max_chars))

    def map(self, method: str, chunks: Iterable[list[Any]]) -> Iterator[list[Any]]:
        if self.pool is None:
            for chunk in chunks:
                yield getattr(self.scorer, method)(chunk)
            return
        # Not Pool.imap: its feeder thread reads the whole input ahead, and memory would grow with the folder.
        pending: deque[AsyncResult[list[Any]]] = deque()
        try:
            for chunk in chunks:
                pending.append(self.pool.apply_async(_run_in_worker, (method, chunk)))
                if len(pending) >= 2 * self.n_jobs:
                    yield pending.popleft().get()
        except Exception:  # the inputs raised: the chunks in flight are yielded first
            while pending:
                yield pending.popleft().get()
            raise
        while pending:
            yield pending.popleft().get()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size``; when ``items`` raises, the items read before it come first, then the exception."""
    chunk: list[T] = []
    try:
        for item in items:
            chunk.append(item)
            if len(chunk) >= size:
                yield chunk
                chunk = []
    except Exception:
        if chunk:
            yield chunk
        raise
    if chunk:
        yield chunk


def _classifier(model: LevelClassifier | str | os.PathLike[str] | None) -> LevelClassifier:
    # Loaded here, not only in the workers: a bad model must fail once, cleanly, before any process starts.
    if isinstance(model, LevelClassifier):
        return model
    return _shipped_model() if model is None else load(Path(model))


_shipped: dict[object, LevelClassifier] = {}


def _shipped_model() -> LevelClassifier:
    """The shipped model, loaded again only when its files change (``jdclass train`` rebuilt it): a script calling
    ``classify_many`` page by page pays 0.2-0.6 s for each load otherwise."""
    try:
        stamp: object = tuple(
            (info.st_mtime_ns, info.st_size) for info in (path.stat() for path in (DEFAULT_MODEL_DIR / MANIFEST_FILE, DEFAULT_MODEL_DIR / MODEL_FILE))
        )
    except OSError:
        return load(None)  # missing or unreadable: its error
    if stamp not in _shipped:
        _shipped.clear()
        _shipped[stamp] = load(None)
    return _shipped[stamp]


def _jobs(n_jobs: int | None) -> int:
    if n_jobs is None:
        return 1
    if not isinstance(n_jobs, int) or isinstance(n_jobs, bool):
        raise TypeError(f"n_jobs must be an int (or None), not {type(n_jobs).__name__}")
    if n_jobs == -1:
        return default_jobs()
    if n_jobs < 1:
        raise InputError(f"n_jobs must be a positive number or -1 (all cores), not {n_jobs}")
    return n_jobs


@overload
def classify_many(
    items: Iterable[Item],
    n_jobs: int | None = None,
    model: LevelClassifier | str | os.PathLike[str] | None = None,
    *,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    max_chars: int | None = None,
    errors: Literal["raise"] = "raise",
) -> Iterator[Classification]: ...


@overload
def classify_many(
    items: Iterable[Item],
    n_jobs: int | None = None,
    model: LevelClassifier | str | os.PathLike[str] | None = None,
    *,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    max_chars: int | None = None,
    errors: Literal["return"],
) -> Iterator[Classification | JdclassError]: ...


def classify_many(
    items: Iterable[Item],
    n_jobs: int | None = None,
    model: LevelClassifier | str | os.PathLike[str] | None = None,
    *,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    max_chars: int | None = None,
    errors: Literal["raise", "return"] = "raise",
) -> Iterator[Classification | JdclassError]:
    """Classify postings (text, ``pathlib.Path`` to a file, or ``Posting``) lazily, in input order.

    ``n_jobs`` worker processes share the work (None or 1: this process; -1: all cores); each loads the model
    once. ``model`` is a loaded classifier or a model folder (default: the shipped model, kept between calls). ``max_chars`` is
    ``parse``'s limit (a text's characters; a file's bytes, when given). The first input that cannot be
    classified raises its ``JdclassError`` once the results of the inputs before it are yielded, its message
    starting with the input's place, counted from 1 ("input 40: ..."); with ``errors="return"`` that error is
    yielded in the input's place instead and the rest go on, as ``asyncio.gather(return_exceptions=True)`` does
    (``run_batch`` records it in the input's row).
    """
    if isinstance(items, (str, bytes)):
        raise TypeError("classify_many takes an iterable of postings, not one string; for one posting use load().classify(text)")
    check_errors(errors)
    classifier = _classifier(model)
    with _Workers(classifier, _jobs(n_jobs), None, max_chars) as workers:
        if errors == "return":
            for outcomes in workers.map("outcomes", _chunks(enumerate(items, start=1), chunk_size)):
                yield from outcomes
            return
        for results, failure in workers.map("classify", _chunks(enumerate(items, start=1), chunk_size)):
            yield from results
            if failure is not None:
                raise failure


@dataclass
class BatchSummary:
    """What a batch run did: rows written by this run (per level, mismatches, errors), inputs skipped, the rows the
    output held before the run (``before``, when resuming), time."""

    output: Path
    jobs: int = 1
    before: int = 0
    written: int = 0
    errors: int = 0
    mismatches: int = 0
    skipped: int = 0
    seconds: float = 0.0
    levels: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CODES, 0))
    flags: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FLAGS, 0))

    @property
    def classified(self) -> int:
        return self.written - self.errors

    @property
    def rate(self) -> float:
        """Rows written per second of the run."""
        return self.written / self.seconds if self.seconds > 0 else 0.0

    def add(self, rows: list[Row]) -> None:
        for row in rows:
            self.written += 1
            if row["error"] is not None:
                self.errors += 1
                continue
            self.levels[row["level"]] += 1
            self.mismatches += bool(row["mismatch"])
            for flag in str(row["flags"] or "").split(";"):
                if flag:
                    self.flags[flag] = self.flags.get(flag, 0) + 1

    def lines(self) -> list[str]:
        """The summary as a few lines of text."""
        lines = [f"Wrote {_count(self.written, 'row')} to {self.output}: {self.classified:,} classified, {self.errors:,} with an error"]
        if self.skipped:
            lines.append(f"Skipped {_count(self.skipped, 'input')} already in {self.output}")
        if self.before:
            lines.append(f"{self.output} now holds {_count(self.before + self.written, 'row')} ({self.before:,} from earlier runs)")
        lines.append("Levels: " + ", ".join(f"{code} {count:,}" for code, count in self.levels.items()))
        lines.append(f"Title and content disagree: {self.mismatches:,}")
        flagged = [f"{flag} {count:,}" for flag, count in self.flags.items() if count]
        if flagged:
            lines.append(f"Flagged (see the flags column): {', '.join(flagged)}")
        if self.errors:
            lines.append(f"Errors: {self.errors:,} (see the error column)")
        lines.append(f"Time: {self.seconds:.1f} s, {self.rate:.1f} postings/s, {_count(self.jobs, 'job')}")
        return lines


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


class BatchInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped a batch run; the output holds every row finished before it, and ``summary`` counts them."""

    def __init__(self, summary: BatchSummary) -> None:
        super().__init__(f"interrupted after {summary.written} rows")
        self.summary = summary


class _Output(Protocol):
    done: Counter[str]  # the ids already in the file, each as many times as it is there

    def write(self, rows: list[Row]) -> None: ...

    def close(self) -> None: ...


def output_format(path: Path, given: str | None = None) -> str:
    """The output format: ``given``, else the one the file name's extension says."""
    if given is not None:
        if given not in OUTPUT_FORMATS:
            raise InputError(f"unknown output format {given!r}; choose one of {', '.join(OUTPUT_FORMATS)}")
        return given
    found = _FORMAT_BY_SUFFIX.get(path.suffix.lower())
    if found is None:
        raise InputError(f"{path}: cannot tell the output format from the extension; name it .csv, .jsonl or .parquet, or give --format")
    return found


# A spreadsheet runs a cell that opens with one of these as a formula ("CSV injection"); a posting's title or sentence
# can open with one, or be written to. Such a cell, or one of apostrophes and then one, gets one more apostrophe in front,
# so that a spreadsheet shows it as text, and ``read_back`` takes it off: every text reads back as it was.
_FORMULA_START = re.compile(r"'*[=+\-@\t\r]")
_ESCAPED_FORMULA = re.compile(r"''*[=+\-@\t\r]")
TEXT_COLUMNS = frozenset({"id", "title", "evidence", "error"})  # the columns of text from the inputs


def spreadsheet_safe(text: str) -> str:
    """``text`` as a CSV cell that no spreadsheet runs as a formula."""
    return "'" + text if _FORMULA_START.match(text) else text


def read_back(cell: str) -> str:
    """The text ``spreadsheet_safe`` made ``cell`` of."""
    return cell[1:] if _ESCAPED_FORMULA.match(cell) else cell


def csv_id(value: str) -> str:
    """An id as a CSV cell: as it is, unless it holds a line break (a row of the file is one line) or opens with a
    double quote; such an id is written as a JSON string ("a\\nb"), which ``id_from_csv`` reads back exactly."""
    if "\n" in value or "\r" in value or value.startswith('"'):
        return json.dumps(value, ensure_ascii=False)
    return value


def id_from_csv(cell: str) -> str:
    """The id ``csv_id`` made ``cell`` of."""
    if cell.startswith('"'):
        try:
            value = json.loads(cell)
        except json.JSONDecodeError:
            return cell  # written by an older jdclass, which kept such an id as it was
        if isinstance(value, str):
            return value
    return cell


_TEXT_CELLS = tuple(index for index, name in enumerate(COLUMNS) if name in TEXT_COLUMNS and name != "id")
_CSV_BOOLEANS = {True: "true", False: "false"}


def _csv_row(row: Row) -> list[object]:
    """The row's cells: true and false as such, the texts made spreadsheet-safe (the id written by ``csv_id`` first)."""
    cells: list[object] = [_CSV_BOOLEANS[value] if value.__class__ is bool else value for value in map(row.__getitem__, COLUMNS)]
    cells[0] = spreadsheet_safe(csv_id(row["id"]))
    for index in _TEXT_CELLS:
        text = cells[index]
        if isinstance(text, str):
            cells[index] = spreadsheet_safe(text)
    return cells


def _drop_partial_line(path: Path) -> None:
    """Cut a last line that was never finished (a killed run), so that appending starts on a fresh line."""
    with path.open("rb+") as handle:
        size = handle.seek(0, os.SEEK_END)
        end = size
        while end > 0:
            start = max(0, end - 65536)
            handle.seek(start)
            block = handle.read(end - start)
            newline = block.rfind(b"\n")
            if newline >= 0:
                keep = start + newline + 1
                break
            end = start
        else:
            keep = 0
        if keep < size:
            handle.truncate(keep)


# json.dumps with any option builds a new encoder for every call: a tenth of a JSONL row's time.
_JSON_ROW = json.JSONEncoder(ensure_ascii=False).encode


class _TextOutput:
    """CSV or JSONL, one physical line per row; a chunk is written with one call and flushed."""

    def __init__(self, path: Path, kind: str, resume: bool) -> None:
        self.path = path
        self.kind = kind
        self.done: Counter[str] = Counter()
        append = resume and path.is_file() and path.stat().st_size > 0
        if append:
            _drop_partial_line(path)
            self.done = self._read_ids()
            append = path.stat().st_size > 0
        self.handle = path.open("a" if append else "w", encoding="utf-8", newline="")
        if kind == "csv" and not append:
            self._put(",".join(COLUMNS) + "\n")

    def _read_ids(self) -> Counter[str]:
        ids: Counter[str] = Counter()
        with self.path.open(encoding="utf-8", newline="") as handle:
            if self.kind == "csv":
                reader = csv.reader(handle)
                if tuple(next(reader, ())) != COLUMNS:
                    raise JdclassError(f"{self.path}: its columns are not those jdclass batch writes; cannot resume it")
                ids.update(id_from_csv(read_back(values[0])) for values in reader if values)
                return ids
            for number, line in enumerate(handle, start=1):
                try:
                    row = json.loads(line)
                    ids[str(row["id"])] += 1
                except (json.JSONDecodeError, KeyError, TypeError):
                    raise JdclassError(f"{self.path}:{number}: not a row jdclass batch writes; cannot resume it") from None
                if tuple(row) != COLUMNS:  # written by another version: the rows appended would not match it
                    raise JdclassError(f"{self.path}:{number}: its columns are not those jdclass batch writes; cannot resume it")
        return ids

    def _put(self, text: str) -> None:
        try:
            self.handle.write(text)
            self.handle.flush()
        except OSError as error:
            raise JdclassError(f"{self.path}: cannot write ({error.strerror})") from None

    def write(self, rows: list[Row]) -> None:
        buffer = io.StringIO()
        if self.kind == "csv":
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerows(map(_csv_row, rows))
        else:
            buffer.writelines(_JSON_ROW(row) + "\n" for row in rows)
        self._put(buffer.getvalue())

    def close(self) -> None:
        self.handle.close()


def check_output(output: Path | str, fmt: str | None = None, *, resume: bool = False, overwrite: bool = False, inputs: BatchInputs | None = None) -> None:
    """Refuse an output that is one of ``inputs`` (``InputError``), or that already holds rows (``OutputExists``)
    unless ``resume`` or ``overwrite`` says what to do with them. ``run_batch`` checks; a command line can check
    before it counts the inputs."""
    output = Path(output)
    if inputs is not None:
        _check_output_is_no_input(output, inputs)
    if resume or overwrite or not _holds_rows(output, output_format(output, fmt)):
        return
    raise OutputExists(f"{output}: already holds rows; give --resume to continue it or --overwrite to replace it")


def _holds_rows(path: Path, kind: str) -> bool:
    """Whether ``path`` holds a row: a CSV's header alone, as a run stopped before its first rows leaves it, is none."""
    try:
        if not path.is_file() or not path.stat().st_size:
            return False
        if kind == "parquet":
            try:
                import pyarrow.parquet
            except ImportError:
                return True  # not read without the extra: any bytes may be rows
            try:
                return bool(pyarrow.parquet.read_metadata(path).num_rows)
            except (OSError, pyarrow.ArrowException):
                return True  # unreadable: not ours to replace unasked
        with path.open("rb") as handle:
            if kind == "csv":
                handle.readline()  # the header
            return any(line.strip() for line in handle)
    except OSError:
        return True  # unreadable here: opening it to write will say why


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise MissingExtra("writing Parquet needs pyarrow: pip install 'jdclass[parquet]'") from None
    return pyarrow, pyarrow.parquet


class _ParquetOutput:
    """Parquet, a row group per chunk; resuming copies the rows already there into a new file, then appends."""

    def __init__(self, path: Path, resume: bool) -> None:
        pa, pq = _pyarrow()
        self.pa = pa
        self.path = path
        self.done: Counter[str] = Counter()
        types = {str: pa.string(), float: pa.float64(), bool: pa.bool_(), int: pa.int64()}
        self.schema = pa.schema([(name, types[COLUMN_TYPES[name]]) for name in COLUMNS])
        self.target = path.with_name(path.name + ".partial") if resume and path.exists() and path.stat().st_size > 0 else path
        existing = None
        if self.target != path:
            try:
                existing = pq.ParquetFile(path)
            except (OSError, pa.ArrowException) as error:
                raise JdclassError(f"{path}: not a readable Parquet file ({one_line(error)}); cannot resume it") from None
            if not existing.schema_arrow.equals(self.schema):
                raise JdclassError(f"{path}: its columns are not those jdclass batch writes; cannot resume it")
        self.writer = pq.ParquetWriter(self.target, self.schema)
        if existing is not None:
            for batch in existing.iter_batches():
                self.done.update(str(value) for value in batch.column("id").to_pylist())  # Counter.update counts
                self.writer.write_batch(batch)

    def write(self, rows: list[Row]) -> None:
        self.writer.write_table(self.pa.Table.from_pylist(rows, schema=self.schema))

    def close(self) -> None:
        self.writer.close()  # the footer: without it the file is unreadable
        if self.target != self.path:
            os.replace(self.target, self.path)


def open_output(path: Path, fmt: str | None = None, resume: bool = False) -> _Output:
    """A writer for ``path``; with ``resume``, its ``done`` holds the ids already in the file, and rows are appended."""
    kind = output_format(path, fmt)
    try:
        return _ParquetOutput(path, resume) if kind == "parquet" else _TextOutput(path, kind, resume)
    except OSError as error:
        raise JdclassError(f"{path}: cannot write ({error.strerror})") from None


def run_batch(
    inputs: Iterable[BatchInput],
    output: Path | str,
    *,
    fmt: str | None = None,
    n_jobs: int | None = None,
    model: LevelClassifier | str | os.PathLike[str] | None = None,
    resume: bool = False,
    overwrite: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: Callable[[BatchSummary, int], None] | None = None,
) -> BatchSummary:
    """Classify every input into one row of ``output`` (CSV, JSONL or Parquet), errors included; return the summary.

    An input that cannot be read or classified gets a row whose ``error`` column says why. An ``output`` that holds
    rows is continued with ``resume`` (the inputs whose id is in it are skipped, the others appended), replaced with
    ``overwrite``, and otherwise refused (``OutputExists``). ``n_jobs`` and ``model`` as in ``classify_many``.
    ``progress(summary, rows)`` is called after each chunk. Ctrl-C raises ``BatchInterrupted`` after the rows
    finished so far are safely in the file.
    """
    if resume and overwrite:
        raise InputError("give --resume (continue the output) or --overwrite (replace it), not both")
    started = time.perf_counter()
    output = Path(output)
    jobs = _jobs(n_jobs)
    summary = BatchSummary(output, jobs=jobs)
    pending = iter(inputs)
    first = next(pending, None)
    if first is None:
        named = ", ".join(str(source) for source in inputs.sources) if isinstance(inputs, BatchInputs) else "the inputs"
        raise InputError(f"no postings found in {named}")
    if output_format(output, fmt) == "parquet":
        _pyarrow()  # a missing extra should stop the run before the model loads, not after
    check_output(output, fmt, resume=resume, overwrite=overwrite, inputs=inputs if isinstance(inputs, BatchInputs) else None)
    classifier = _classifier(model)
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged PDFs are reported in their rows
    writer = open_output(output, fmt, resume)
    done = writer.done
    summary.before = done.total()
    if done and isinstance(inputs, BatchInputs):
        try:
            _check_resumable(output, done, inputs)
        except InputError:
            writer.close()  # nothing written
            raise

    written_to = {os.path.abspath(output), os.path.abspath(f"{output}.partial")}
    written_names = {os.path.basename(path) for path in written_to}  # looked at first: cheaper than each input's abspath

    def todo() -> Iterator[BatchInput]:
        for item in _prepend(first, pending):
            if item.path is not None and os.path.basename(item.path) in written_names and os.path.abspath(item.path) in written_to:
                continue  # the output itself, inside an input folder
            if done[item.id] > 0:  # a row per input: an id that two inputs share is skipped as often as it was written
                done[item.id] -= 1
                summary.skipped += 1
            else:
                yield item

    try:
        with _fewer_collections(), _Workers(classifier, jobs, max_bytes) as workers:
            for rows in workers.map("rows", _chunks(todo(), chunk_size)):
                with _interrupt_after():
                    writer.write(rows)
                    summary.add(rows)
                summary.seconds = time.perf_counter() - started
                if progress is not None:
                    progress(summary, len(rows))
    except KeyboardInterrupt:
        summary.seconds = time.perf_counter() - started
        raise BatchInterrupted(summary) from None
    finally:
        writer.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _check_output_is_no_input(output: Path, inputs: BatchInputs) -> None:
    """Refuse an output that is one of the input files: writing it would destroy the postings before reading them."""
    if not output.exists():
        return
    for source in inputs.sources:
        if source.is_file() and os.path.samefile(source, output):
            raise InputError(f"{output}: is also an input; write the results to another file")


def _check_resumable(output: Path, done: Counter[str], inputs: BatchInputs) -> None:
    """Refuse to append to an output whose ids cannot be those of these inputs."""
    # A CSV's FILE:ROW ids in the output that no input has now: an older jdclass numbered the rows from 1, or the
    # file changed. Resuming would skip the records that now have those numbers and score others twice.
    tables = tuple(f"{source}:" for source in inputs.sources if source.suffix.lower() == ".csv")
    unmatched = {row_id for row_id in done if row_id.startswith(tables)} if tables else set()
    known = False
    for item in inputs:  # the output's rows are the first inputs': the loop ends soon after them
        if item.id in done:
            known = True
            unmatched.discard(item.id)
            if not unmatched:
                break
    if unmatched:
        example = min(unmatched)
        table = example.rpartition(":")[0]
        raise InputError(
            f"{output}: its row {example} is no row of {table} now: it numbers the rows from 1, as jdclass did before "
            f"FILE:ROW became the row a spreadsheet shows (from 2), or {table} changed since; finish it with the jdclass "
            "that began it, or start over with --overwrite"
        )
    if not known:  # appending would score every input a second time
        raise InputError(
            f"{output}: none of its {done.total():,} rows is one of these inputs, so --resume would add them all again; "
            "give the inputs as the first run did (the same paths), or write to a new file"
        )


@contextmanager
def _interrupt_after() -> Iterator[None]:
    """Ctrl-C during the block takes effect when it ends, so a chunk is written and counted together or not at all."""
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        yield  # only the main thread may set handlers; a caller's own handler is left alone
        return
    received: list[int] = []
    signal.signal(signal.SIGINT, lambda signum, frame: received.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if received:
        raise KeyboardInterrupt


def _prepend(first: T, rest: Iterator[T]) -> Iterator[T]:
    yield first
    yield from rest
