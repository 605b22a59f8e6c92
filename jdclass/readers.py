"""Read a posting from a file: plain text, Markdown, HTML, PDF or Word, into text."""

from __future__ import annotations

import codecs
import contextlib
import html
import html.entities
import io
import os
import re
import stat
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jdclass.errors import CorruptFile, EmptyInput, EncryptedFile, InputError, InputTooLarge, MissingExtra, UnsupportedFormat

# A file may carry fonts and images, so its limit is in bytes and generous; 5 MB is far past any job ad.
DEFAULT_MAX_BYTES = 5_000_000
# The text is what spaCy reads: a long job ad is 15,000 characters; spaCy itself stops at 1,000,000.
DEFAULT_MAX_CHARS = 200_000
SPACY_MAX_CHARS = 1_000_000
# A PDF is read for its first pages only. PDF and Word files get a time budget; a Word file (a zip archive) may
# inflate to 20 times the byte limit, and never past 25 MB: python-docx holds about 15 bytes of memory per byte.
PDF_MAX_PAGES = 50
READ_TIME_BUDGET = 10.0
DOCX_MAX_INFLATION = 20
DOCX_MAX_INFLATED = 25_000_000
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + (".pdf", ".docx")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BOM_BYTES = tuple(bom for bom, _ in _BOMS)


def read_posting(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The text of the posting at ``path``, whatever its supported format; raises an ``InputError`` otherwise."""
    file = path if isinstance(path, Path) else Path(path)
    try:
        info = file.stat()
    except FileNotFoundError:
        raise InputError(f"{file}: no such file") from None
    except OSError as error:
        raise InputError(f"{file}: cannot read ({error.strerror})") from None
    _check_regular(file, info)
    if info.st_size > max_bytes:
        raise InputTooLarge(f"{file}: {info.st_size:,} bytes is over the {max_bytes:,}-byte limit")
    suffix = file.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        supported = ", ".join(SUPPORTED_SUFFIXES)
        raise UnsupportedFormat(f"{file}: unsupported file type {suffix or '(none)'!r}; supported: {supported}")
    data = _read_bytes(file, max_bytes)
    if suffix == ".pdf":
        text = pdf_to_text(data, str(file))
    elif suffix == ".docx":
        text = docx_to_text(data, str(file), max_bytes)
    else:
        text = decode_text(data, str(file))
        title = None
        if suffix in MARKDOWN_SUFFIXES:
            title, text = split_front_matter(text)
        if suffix in HTML_SUFFIXES or is_html_document(text):  # a scraped page body saved as .txt or .md
            text = html_to_text(text)
        elif suffix in MARKDOWN_SUFFIXES:
            text = _ENTITY.sub(_entity, text)
        text = _titled(title, text)
    if not text.strip():
        raise EmptyInput(f"{file}: no text in the file")
    return text


def _check_regular(file: Path, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{file}: is a directory")
    if not stat.S_ISREG(info.st_mode):
        kind = "a named pipe" if stat.S_ISFIFO(info.st_mode) else "a socket" if stat.S_ISSOCK(info.st_mode) else "a device"
        raise InputError(f"{file}: is {kind}, not a regular file")


def _read_bytes(file: Path, max_bytes: int) -> bytes:
    # Non-blocking, and checked again once open: a FIFO swapped in after the stat must not hang the read.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(file, flags)
        with open(descriptor, "rb", closefd=True) as handle:
            info = os.fstat(handle.fileno())
            _check_regular(file, info)
            # What the file holds, and more only if it grew: a read of ``max_bytes + 1`` first allocates all of them
            # (5 MB), which took twice as long as reading a posting.
            data = handle.read(min(info.st_size, max_bytes) + 1)
            if info.st_size < len(data) <= max_bytes:
                data += handle.read(max_bytes + 1 - len(data))
    except OSError as error:
        raise InputError(f"{file}: cannot read ({error.strerror})") from None
    if len(data) > max_bytes:
        raise InputTooLarge(f"{file}: over the {max_bytes:,}-byte limit")
    return data


def check_text(text: str, name: str | None = None) -> None:
    """Refuse a string that is not text: NUL or many control characters (binary data), or unpaired surrogates."""
    where = f"{name}: " if name else ""
    if "\x00" in text or _control_share(text[:8192]) > 0.05:
        raise CorruptFile(f"{where}binary data, not text (NUL or control characters)")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise CorruptFile(f"{where}invalid Unicode (unpaired surrogates)") from None


# Control characters other than tab, new line, form feed and carriage return: text has few, binary data many.
_CONTROL_BYTES = bytes([*range(9), 11, *range(14, 32)])


def _control_share(sample: str) -> float:
    # Counted in UTF-8, where a control character is its own byte and every other character's bytes are 0x80 or over:
    # bytes.translate counts them three times as fast as a pattern over the string.
    encoded = sample.encode("utf-8", "surrogatepass")
    return (len(encoded) - len(encoded.translate(None, _CONTROL_BYTES))) / len(sample) if sample else 0.0


def decode_text(data: bytes, name: str = "input") -> str:
    """Bytes to text: a BOM decides the encoding, else UTF-8, else Windows-1252; CRLF becomes LF."""
    if looks_binary(data):
        raise CorruptFile(f"{name}: binary data, not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise CorruptFile(f"{name}: invalid {encoding} text") from None
            break
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text  # two copies of the text, if needed


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding jdclass reads (NULs without a UTF-16/32 BOM, control bytes)."""
    if data.startswith(_BOM_BYTES):
        return False
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return len(sample) > 0 and controls / len(sample) > 0.05


_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
# Hidden until their end tag. Void elements (embed, img) never end, so they must not be here.
_HIDDEN_TAGS = frozenset(["script", "style", "noscript", "noembed", "noframes", "template", "head", "title", "svg", "iframe", "object", "canvas", "select"])
# Raw text: nothing inside is markup, so skip straight to the end tag.
_RAW_TEXT_TAGS = frozenset(["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"])
# A tag and its attributes, quotes only after '='. Possessive throughout, so a tag costs one scan at most (linear time).
_TAG = re.compile(r"""<(/?)([a-zA-Z][^\s/>]*+)(?:[^>"'=]++|=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]*+)|["'])*+>""")
_COMMENT_END = re.compile(r"--!?>")
_MARKUP_START = re.compile(r"<[a-zA-Z!?/]")
_TAG_START = re.compile(r"</?[a-zA-Z]")
_BLOCK_PREFIX = {"li": "- ", **{f"h{rank}": "#" * rank + " " for rank in range(1, 7)}}


def _markup_tokens(markup: str) -> Iterator[tuple[str, str]]:
    """("text", data), ("start", tag), ("startend", tag) or ("end", tag), left to right in linear time.

    Follows HTML5 where it matters for visible text: a comment or tag that never ends runs to the end of the
    input; a '<' that starts no tag is text. (html.parser before Python 3.13.4 takes quadratic time there.)
    """
    position, length = 0, len(markup)
    while position < length:
        found = _MARKUP_START.search(markup, position)
        if found is None:
            yield "text", markup[position:]
            return
        opening = found.start()
        if opening > position:
            yield "text", markup[position:opening]
        tag = _TAG.match(markup, opening)  # a tag first: most markup is tags
        if tag is not None:
            slash, name = tag.group(1, 2)
            name = name.lower()
            position = tag.end()
            if slash:
                yield "end", name
            elif markup[position - 2] == "/":
                yield "startend", name
            else:
                yield "start", name
                if name in _RAW_TEXT_TAGS:
                    end_tag = re.compile(rf"</{name}[\s/>]", re.IGNORECASE).search(markup, position)
                    content_end = end_tag.start() if end_tag else length
                    if name not in _HIDDEN_TAGS:
                        yield "text", markup[position:content_end]
                    position = content_end
        elif markup.startswith("<!--", opening):
            end = _COMMENT_END.search(markup, opening + 2)
            if end is None:
                return
            position = end.end()
        elif _TAG_START.match(markup, opening):
            return  # the tag runs to the end of the input
        else:
            end_index = markup.find(">", opening + 1)  # a doctype, CDATA, processing instruction or bogus comment
            if end_index < 0:
                return
            position = end_index + 1


# Every white-space character but the space is unprintable (tests/test_readers.py checks): a printable text without
# two spaces in a row has no run of white space to collapse, and most text between tags is such a text.
_SPACES = re.compile(r"\s+")


def html_to_text(markup: str) -> str:
    """The visible text of an HTML page: headings and list items on lines of their own, scripts and styles dropped.

    Nothing is fetched or run: links, images and scripts are markup to skip, never resources to load.
    """
    parts: list[str] = []
    hidden = 0
    for kind, value in _markup_tokens(markup):
        if kind == "text":
            if not hidden:
                if "&" in value:
                    value = html.unescape(value)
                if "  " in value or not value.isprintable():
                    value = _SPACES.sub(" ", value)
                parts.append(value)
        elif kind == "start" and value == "body":
            hidden = 0  # a page without </head> still shows its body
        elif kind == "start" and value in _HIDDEN_TAGS:
            hidden += 1
        elif kind == "end" and value in _HIDDEN_TAGS:
            hidden = max(0, hidden - 1)
        elif value in _BLOCK_TAGS:
            parts.append("\n")
            if kind == "start" and value in _BLOCK_PREFIX:
                parts.append(_BLOCK_PREFIX[value])
    lines = (line.strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line and line not in ("-", "- "))


# An entity reference with its semicolon, as Markdown decodes them: "&ndash;", "&#8211;", "&#x2013;".
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _entity(match: re.Match[str]) -> str:
    reference = match[0]
    if reference.startswith("&#") or reference[1:] in html.entities.html5:
        return html.unescape(reference)
    return reference  # "&notifications;" is no entity, though html.unescape would read "&not" in it


_OPENS_WITH_TAG = re.compile(r"\s*<")  # a match, not text.lstrip(): no copy of a large file to look at its start


# A Markdown file's front matter (Jekyll, Hugo, a CMS export, this project's corpus): "---", lines of "key: value"
# (a value's indented continuation, a list under a key with no value), "---". It is metadata about the page.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n((?:[^\n]*\n){0,100}?)---[ \t]*(?:\n|\Z)")
_KEY_LINE = re.compile(r"(?P<key>[A-Za-z_][\w.-]*(?:[ \t][\w.-]+){0,2})[ \t]*:(?:[ \t]+(?P<value>.*))?")
_NOT_A_TITLE = frozenset({"", "none", "null", "~"})


def split_front_matter(text: str) -> tuple[str | None, str]:
    """The ``title`` of the front matter ``text`` opens with (None without one), and the text after it."""
    found = _FRONT_MATTER.match(text)
    if found is None:
        return None, text
    title = None
    in_list = False
    for line in found.group(1).splitlines():
        key = _KEY_LINE.fullmatch(line)
        if key is not None:
            value = (key.group("value") or "").strip()
            in_list = not value
            if key.group("key").lower() == "title":
                title = value.strip("\"'").strip()
        elif not line.strip() or line[:1] in " \t" or (in_list and line.startswith("- ")):
            continue
        else:
            return None, text  # a line no front matter holds ("# Heading", a bullet, prose): a rule, not front matter
    return (None if title is None or title.lower() in _NOT_A_TITLE else title), text[found.end() :]


def _titled(title: str | None, text: str) -> str:
    """``text`` with ``title`` as its first line when it names a role ("Senior Product Manager", "Program Manager";
    not a page's "Careers") and none of the text's first lines names one (a page exported with its title in the
    front matter only). Only the title rules are used here: reading a file stays free of the parser."""
    from jdclass.titles import title_level

    def names_a_role(line: str) -> bool:
        found = title_level(line.strip().lstrip("#").strip(" *"))
        return found is not None and found.rule != "not_product_management"

    if title is None or not names_a_role(title):
        return text
    opening = [line for line in text.splitlines() if line.strip()][:6]
    if any(len(line.split()) <= 12 and names_a_role(line) for line in opening):
        return text
    return f"{html.unescape(title)}\n{text}"


def is_html_document(text: str) -> bool:
    """True when a text file holds an HTML document or body: it opens with a tag and reads as HTML.

    Stricter than ``looks_like_html``: a Markdown or text posting with a few inline tags, or one that
    names tags in a sentence, is taken as written (converting it would join its lines).
    """
    return _OPENS_WITH_TAG.match(text) is not None and looks_like_html(text)


def looks_like_html(text: str) -> bool:
    """True when text pasted or stored as a posting is HTML markup rather than prose."""
    head = text.lstrip()[:2000].lower()
    tags = len(re.findall(r"</?(?:p|div|li|ul|h[1-6]|br|strong|span)\b", head))
    return head.startswith(("<!doctype html", "<html")) or tags >= 3 or (tags >= 1 and _empty_markup(text))


def _empty_markup(text: str) -> bool:
    """An applicant-tracking system's empty rich-text field ("<p></p>", "<p>&nbsp;</p>"): a few tags and no text."""
    return len(text) <= 1000 and not html.unescape(_TAG.sub("", text)).strip()


class _OutOfTime(Exception):
    """The reader's time budget ran out."""


@contextlib.contextmanager
def _pdf_limits() -> Iterator[None]:
    """pypdf's resource limits, tightened for job ads, for this read only; quiet pypdf's log and warnings."""
    import logging
    import warnings

    import pypdf

    logger = logging.getLogger("pypdf")
    if not any(isinstance(handler, logging.NullHandler) for handler in logger.handlers):
        logger.addHandler(logging.NullHandler())  # no stray lines on stderr; an app's own handlers still see them
    # No external jbig2dec process, and at most 10 MB out of any stream: far more than a page of text needs.
    limits = {"jbig2dec_binary": None, "zlib_maximum_output_length": 10_000_000, "stream_decoding_work_maximum_length": 50_000_000}
    limits |= {"lzw_maximum_output_length": 10_000_000, "run_length_maximum_output_length": 10_000_000}
    limits |= {"stream_parsing_work_maximum_count": 200_000, "xform_maximum_invocations_per_extraction": 500}
    apply = getattr(pypdf, "apply_configuration", None)  # pypdf >= 6.18; older versions keep their own defaults
    with warnings.catch_warnings(), apply(**limits) if apply else contextlib.nullcontext():
        warnings.simplefilter("ignore")
        yield


def pdf_to_text(data: bytes, name: str = "input.pdf", max_pages: int = PDF_MAX_PAGES, time_budget: float = READ_TIME_BUDGET) -> str:
    """The text of the first ``max_pages`` pages of a PDF (needs the ``pdf`` extra).

    A PDF that needs a password is refused; one that inflates past pypdf's limits or takes longer than
    ``time_budget`` seconds is refused as too large.
    """
    try:
        from pypdf import PdfReader
        from pypdf.errors import DependencyError, LimitReachedError
    except ImportError:
        raise MissingExtra("reading PDF needs pypdf: pip install 'jdclass[pdf]'") from None
    deadline = time.monotonic() + time_budget

    def check_time(*_: object) -> None:
        if time.monotonic() > deadline:
            raise _OutOfTime

    pages = []
    try:
        with _pdf_limits():
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                try:
                    opened = bool(reader.decrypt(""))  # restricted but not password-protected: any viewer opens it
                except DependencyError:
                    opened = False
                if not opened:
                    raise EncryptedFile(f"{name}: the PDF is encrypted and needs a password")
            for page in reader.pages[:max_pages]:
                pages.append(page.extract_text(visitor_operand_before=check_time) or "")
                check_time()
    except EncryptedFile:
        raise
    except _OutOfTime:
        raise InputTooLarge(f"{name}: reading the PDF took over {time_budget:g} seconds; refusing it") from None
    except LimitReachedError:
        raise InputTooLarge(f"{name}: the PDF is past the reading limits (it inflates or nests too far); refusing it") from None
    except Exception as error:  # noqa: BLE001 - pypdf raises many unrelated types on damaged files
        raise CorruptFile(f"{name}: not a readable PDF ({type(error).__name__})") from None
    # Broken font maps can put control characters in the text; they are not part of the posting.
    text = re.sub(r"[\x00-\x08\x0b\x0e-\x1f\x7f]", "", "\n".join(pages))
    return _SOFT_WRAP.sub(_soft_wrap, text)


# A PDF breaks its lines where the page's width ran out: a long line that ends in a word or a comma and a next line
# that goes on in lower case are one sentence ("work with engineering, sales\nand customer success"). A short line
# (a title, a heading: under 40 characters) keeps its break, as does one before a bullet or a capital; a hyphen at a
# line end is the parser's (``jdclass.hyphenation``).
_SOFT_WRAP = re.compile(r"(?<=[^\W_]|,)[ \t]*\n[ \t]*(?=[a-z])")
_WRAPPED_LINE_CHARS = 40


def _soft_wrap(match: re.Match[str]) -> str:
    text = match.string
    line_start = text.rfind("\n", 0, match.start()) + 1
    return " " if match.start() - line_start >= _WRAPPED_LINE_CHARS else match.group()


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _docx_paragraphs(container: Any, deadline: float) -> Iterator[Any]:
    """The paragraphs of a document or table cell in reading order, descending into tables (a merged cell once);
    a label-and-value row as one line of text."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if time.monotonic() > deadline:
            raise _OutOfTime
        if not isinstance(block, Table):
            yield block
            continue
        above: set[int] = set()  # the cells of the row above: a cell merged down repeats in the rows below it
        for row in block.rows:
            cells = list({id(cell._tc): cell for cell in row.cells}.values())  # a cell merged across repeats too
            fresh = [cell for cell in cells if id(cell._tc) not in above]
            above = {id(cell._tc) for cell in cells}
            label = cells[0].text.strip() if len(cells) == 2 and fresh == cells else ""
            if label and "\n" not in label and len(label) <= 40 and not cells[0].tables and not cells[1].tables and cells[1].paragraphs:
                first, *rest = cells[1].paragraphs
                yield f"{label.rstrip(':')}: {first.text}".rstrip()
                yield from rest  # paragraphs, so that list items and headings keep their marks
                continue
            for cell in fresh:
                yield from _docx_paragraphs(cell, deadline)


def docx_to_text(data: bytes, name: str = "input.docx", max_bytes: int = DEFAULT_MAX_BYTES, time_budget: float = READ_TIME_BUDGET) -> str:
    """The paragraphs of a Word document, those in its tables included, in reading order (needs the ``docx`` extra).

    A table row of a label and a value ("Job title" | "Senior Product Manager") reads as one line, "Job title:
    Senior Product Manager", as a posting laid out in a table means it.

    Refuses password-protected and old .doc files, archives that inflate past ``DOCX_MAX_INFLATION`` times
    ``max_bytes`` or ``DOCX_MAX_INFLATED`` bytes, and documents that take longer than ``time_budget`` seconds.
    """
    try:
        import docx
    except ImportError:
        raise MissingExtra("reading Word files needs python-docx: pip install 'jdclass[docx]'") from None
    if data.startswith(_OLE_MAGIC):  # Word wraps an encrypted .docx in an OLE file, the format of the old .doc
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise EncryptedFile(f"{name}: the Word file is encrypted and needs a password")
        raise UnsupportedFormat(f"{name}: an old Word .doc file, not .docx; save it as .docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise CorruptFile(f"{name}: not a readable Word file (not a zip archive)") from None
    if inflated > min(DOCX_MAX_INFLATION * max_bytes, DOCX_MAX_INFLATED):
        raise InputTooLarge(f"{name}: the archive inflates to {inflated:,} bytes; refusing it")
    deadline = time.monotonic() + time_budget
    lines = []
    try:
        document = docx.Document(io.BytesIO(data))
        # Paragraph.style searches the styles part on every call, so a long document took minutes: map the ids once.
        styles = {style.style_id: style.name or "" for style in document.styles}
        for paragraph in _docx_paragraphs(document, deadline):
            if isinstance(paragraph, str):
                lines.append(paragraph)
                continue
            style = styles.get(paragraph._p.style or "", "")
            prefix = "- " if "List" in style else "# " if style.startswith("Heading") or style == "Title" else ""
            lines.append(prefix + paragraph.text)
    except _OutOfTime:
        raise InputTooLarge(f"{name}: reading the Word file took over {time_budget:g} seconds; refusing it") from None
    except Exception as error:  # noqa: BLE001 - python-docx raises many unrelated types on damaged archives
        raise CorruptFile(f"{name}: not a readable Word file ({type(error).__name__})") from None
    return "\n".join(lines)
