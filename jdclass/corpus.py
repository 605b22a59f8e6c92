"""The labelled corpus: postings and the duty catalogue, as Markdown files with a front-matter header."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from jdclass.errors import CorpusError, UnknownLevel
from jdclass.levels import Level
from jdclass.readers import html_to_text

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / "corpus"
FORMATS = ("markdown", "text", "html")
HARD_CASES = ("none", "title_overstates", "title_understates", "no_title", "short")
OTHER_ROLES = (
    "program_manager", "technical_program_manager", "project_manager", "product_marketing_manager", "product_owner",
    "product_designer", "product_analyst", "engineering_manager", "production_manager", "product_specialist",
    "business_analyst", "product_operations", "solutions_engineer", "category_manager", "brand_manager",
    "software_engineer", "account_manager", "data_scientist", "customer_success_manager",
)  # fmt: skip
POSTING_FIELDS = ("level", "title", "format", "industry", "company_size", "role", "hard_case", "provenance", "notes")
RUBRIC_FIELDS = ("level", "kind", "provenance")
PROVENANCE = "written for jdclass"


@dataclass(frozen=True)
class CorpusPosting:
    """One labelled posting: ``text`` is what a reader of the posting sees (HTML already turned into text)."""

    path: Path
    level: Level
    title: str | None
    format: str
    text: str
    meta: dict[str, str] = field(compare=False)

    @property
    def hard_case(self) -> str:
        return self.meta["hard_case"]


@dataclass(frozen=True)
class Duty:
    """A duty or requirement statement of the rubric, typical of ``level``."""

    level: Level
    text: str
    section: str
    path: Path
    line: int


@dataclass(frozen=True)
class Corpus:
    """Everything under ``corpus/``: labelled postings and the duty catalogue."""

    root: Path
    postings: tuple[CorpusPosting, ...]
    duties: tuple[Duty, ...]

    def digest(self) -> str:
        """sha256 over every corpus file's path and bytes, so a model can name the corpus it came from."""
        return corpus_digest(self.root)


def read_front_matter(path: Path, text: str, required: tuple[str, ...]) -> tuple[dict[str, str], str, int]:
    """The header fields, the body, and the 1-based line the body starts on; raises ``CorpusError`` as ``path:line: ...``."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise CorpusError(f"{path}:1: missing front matter: the file must start with a '---' line")
    meta: dict[str, str] = {}
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            missing = [name for name in required if name not in meta]
            if missing:
                raise CorpusError(f"{path}:{number}: missing field(s): {', '.join(missing)}")
            return meta, "\n".join(lines[number:]), number + 1
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if not sep or not re.fullmatch(r"[a-z_]+", key):
            raise CorpusError(f"{path}:{number}: expected 'key: value', got {line.strip()[:60]!r}")
        if not value:
            raise CorpusError(f"{path}:{number}: field {key!r} is empty (write 'none' when it does not apply)")
        if key in meta:
            raise CorpusError(f"{path}:{number}: field {key!r} given twice")
        meta[key] = value
    raise CorpusError(f"{path}:{len(lines)}: front matter is not closed with a '---' line")


def _line_of(meta_text: str, key: str) -> int:
    for number, line in enumerate(meta_text.split("\n"), start=1):
        if line.split(":", 1)[0].strip() == key:
            return number
    return 1


def load_posting(path: Path) -> CorpusPosting:
    """Read and validate one posting file."""
    raw = _read(path)
    meta, body, body_line = read_front_matter(path, raw, POSTING_FIELDS)

    def fail(key: str, message: str) -> CorpusError:
        return CorpusError(f"{path}:{_line_of(raw, key)}: {message}")

    try:
        level = Level.from_code(meta["level"])
    except UnknownLevel as error:
        raise fail("level", str(error)) from None
    folder = path.parent.name
    if folder != level.code.lower():
        raise fail("level", f"level {level.code} does not match the folder {folder!r}")
    if meta["format"] not in FORMATS:
        raise fail("format", f"format must be one of {', '.join(FORMATS)}, got {meta['format']!r}")
    if meta["hard_case"] not in HARD_CASES:
        raise fail("hard_case", f"hard_case must be one of {', '.join(HARD_CASES)}, got {meta['hard_case']!r}")
    if level is Level.OTHER and meta["role"] not in OTHER_ROLES:
        raise fail("role", f"an OTHER posting needs a role from {', '.join(OTHER_ROLES)}, got {meta['role']!r}")
    if meta["provenance"] != PROVENANCE:
        raise fail("provenance", f"provenance must be {PROVENANCE!r}")
    if meta["company_size"] != "none" and not re.fullmatch(r"[\d,]+", meta["company_size"]):
        raise fail("company_size", f"company_size must be a number or 'none', got {meta['company_size']!r}")
    text = html_to_text(body) if meta["format"] == "html" else body.strip()
    if len(text.split()) < 20:
        raise CorpusError(f"{path}:{body_line}: the posting has fewer than 20 words")
    title = None if meta["title"].lower() == "none" else meta["title"]
    return CorpusPosting(path, level, title, meta["format"], text, meta)


def load_rubric_file(path: Path) -> list[Duty]:
    """Read the duty statements of one rubric file (each ``- `` bullet is a statement)."""
    raw = _read(path)
    meta, body, body_line = read_front_matter(path, raw, RUBRIC_FIELDS)
    try:
        level = Level.from_code(meta["level"])
    except UnknownLevel as error:
        raise CorpusError(f"{path}:{_line_of(raw, 'level')}: {error}") from None
    if meta["kind"] != "rubric":
        raise CorpusError(f"{path}:{_line_of(raw, 'kind')}: kind must be 'rubric'")
    duties: list[Duty] = []
    section = ""
    for number, line in enumerate(body.split("\n"), start=body_line):
        stripped = line.strip()
        if stripped.startswith("#"):
            section = stripped.lstrip("# ").strip()
        elif stripped.startswith("- "):
            statement = " ".join(stripped[2:].split())  # a tab or run of spaces is one space, as the report prints it
            if len(statement.split()) < 4:
                raise CorpusError(f"{path}:{number}: a duty needs at least four words")
            if not statement.isprintable():
                raise CorpusError(f"{path}:{number}: a duty holds a control or invisible character")
            duties.append(Duty(level, statement, section, path, number))
        elif stripped:
            raise CorpusError(f"{path}:{number}: expected a '- ' bullet or a '#' heading")
    if not duties:
        raise CorpusError(f"{path}:{body_line}: no duty statements")
    return duties


def load_corpus(root: Path | str = DEFAULT_CORPUS) -> Corpus:
    """Load and validate every posting and rubric file under ``root``."""
    root = Path(root)
    if not root.is_dir():
        raise CorpusError(f"{root}: no corpus folder here")
    postings = tuple(load_posting(path) for path in sorted((root / "postings").glob("*/*.md")))
    duties = tuple(duty for path in sorted((root / "rubric").glob("*.md")) for duty in load_rubric_file(path))
    if not postings:
        raise CorpusError(f"{root / 'postings'}: no posting files")
    return Corpus(root, postings, duties)


def corpus_digest(root: Path) -> str:
    """sha256 over the relative path and bytes of every ``.md`` file under ``postings/`` and ``rubric/``."""
    digest = hashlib.sha256()
    for path in sorted(list(root.glob("postings/*/*.md")) + list(root.glob("rubric/*.md"))):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise CorpusError(f"{path}:1: not UTF-8 ({error.reason} at byte {error.start})") from None


# ---- corpus check ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckReport:
    """What ``jdclass corpus check`` found: errors fail the check; counts describe the balance."""

    errors: tuple[str, ...]
    counts_by_level: dict[str, int]
    counts_by_format: dict[str, int]
    counts_by_hard_case: dict[str, int]
    counts_by_role: dict[str, int]
    duties_by_level: dict[str, int]
    words: tuple[int, int, float]

    @property
    def ok(self) -> bool:
        return not self.errors


def _shingles(text: str, size: int = 5) -> set[int]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {hash(" ".join(words[i : i + size])) for i in range(max(1, len(words) - size + 1))}


def near_duplicates(postings: tuple[CorpusPosting, ...], threshold: float) -> list[tuple[CorpusPosting, CorpusPosting, float]]:
    """Pairs of postings whose word 5-gram Jaccard similarity reaches ``threshold``."""
    shingles = [_shingles(posting.text) for posting in postings]
    index: dict[int, list[int]] = {}
    for i, grams in enumerate(shingles):
        for gram in grams:
            index.setdefault(gram, []).append(i)
    pairs = []
    for i, grams in enumerate(shingles):
        shared: Counter[int] = Counter(j for gram in grams for j in index[gram] if j > i)
        for j, common in shared.items():
            similarity = common / len(grams | shingles[j])
            if similarity >= threshold:
                pairs.append((postings[i], postings[j], similarity))
    return pairs


def check_corpus(root: Path | str = DEFAULT_CORPUS, near_duplicate_threshold: float = 0.5, min_duties: int = 30) -> CheckReport:
    """Validate the corpus: schema and labels (raises on the first bad file), duplicates, duty counts, balance."""
    corpus = load_corpus(root)
    errors: list[str] = []
    by_text: dict[str, CorpusPosting] = {}
    for posting in corpus.postings:
        key = " ".join(posting.text.lower().split())
        if key in by_text:
            errors.append(f"{posting.path}: exact duplicate of {by_text[key].path}")
        else:
            by_text[key] = posting
    for first, second, similarity in near_duplicates(corpus.postings, near_duplicate_threshold):
        if " ".join(first.text.lower().split()) != " ".join(second.text.lower().split()):
            errors.append(f"{second.path}: near-duplicate of {first.path} (5-gram Jaccard {similarity:.2f})")
    duties = Counter(duty.level.code for duty in corpus.duties)
    for level in Level.ladder():
        if duties[level.code] < min_duties:
            errors.append(f"{root}/rubric: {level.code} has {duties[level.code]} duty statements; at least {min_duties} needed")
    words = [len(posting.text.split()) for posting in corpus.postings]
    return CheckReport(
        errors=tuple(errors),
        counts_by_level={level.code: sum(p.level is level for p in corpus.postings) for level in Level},
        counts_by_format=dict(sorted(Counter(p.format for p in corpus.postings).items())),
        counts_by_hard_case=dict(sorted(Counter(p.hard_case for p in corpus.postings).items())),
        counts_by_role=dict(sorted(Counter(p.meta["role"] for p in corpus.postings if p.level is Level.OTHER).items())),
        duties_by_level={level.code: duties[level.code] for level in Level.ladder()},
        words=(min(words), max(words), sum(words) / len(words)),
    )
