"""Read a posting from a file: plain text, Markdown, HTML, PDF or Word, into text."""

from __future__ import annotations

import codecs
import io
import os
import re
import stat
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from jdclass.errors import CorruptFile, EmptyInput, InputError, InputTooLarge, MissingExtra, UnsupportedFormat

# A job ad is a few kilobytes; 5 MB of text is already a hundred ads.
DEFAULT_MAX_BYTES = 5_000_000
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + (".pdf", ".docx")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_posting(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The text of the posting at ``path``, whatever its supported format; raises an ``InputError`` otherwise."""
    file = Path(path)
    try:
        info = file.stat()
    except FileNotFoundError:
        raise InputError(f"{file}: no such file") from None
    except OSError as error:
        raise InputError(f"{file}: cannot read ({error.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{file}: is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{file}: not a regular file")
    if info.st_size > max_bytes:
        raise InputTooLarge(f"{file}: {info.st_size:,} bytes is over the {max_bytes:,}-byte limit")
    suffix = file.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        supported = ", ".join(SUPPORTED_SUFFIXES)
        raise UnsupportedFormat(f"{file}: unsupported file type {suffix or '(none)'!r}; supported: {supported}")
    try:
        data = file.read_bytes()
    except OSError as error:
        raise InputError(f"{file}: cannot read ({error.strerror})") from None
    if suffix == ".pdf":
        text = pdf_to_text(data, str(file))
    elif suffix == ".docx":
        text = docx_to_text(data, str(file), max_bytes)
    else:
        text = decode_text(data, str(file))
        if suffix in HTML_SUFFIXES:
            text = html_to_text(text)
    if not text.strip():
        raise EmptyInput(f"{file}: no text in the file")
    return text


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
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding jdclass reads (NULs without a UTF-16/32 BOM, control bytes)."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
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
_HIDDEN_TAGS = frozenset(["script", "style", "noscript", "template", "head", "title", "svg", "iframe", "object", "embed", "canvas", "select"])


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
            if tag == "li":
                self.parts.append("- ")
            elif re.fullmatch(r"h[1-6]", tag):
                self.parts.append("#" * int(tag[1]) + " ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(markup: str) -> str:
    """The visible text of an HTML page: headings and list items on lines of their own, scripts and styles dropped."""
    parser = _VisibleText()
    try:
        parser.feed(markup)
        parser.close()
    except (AssertionError, ValueError) as error:  # html.parser's rare failures on broken markup
        raise CorruptFile(f"unreadable HTML ({error})") from None
    lines = (line.strip() for line in "".join(parser.parts).split("\n"))
    text = "\n".join(line for line in lines if line and line not in ("-", "- "))
    return re.sub(r"\n{3,}", "\n\n", text)


def looks_like_html(text: str) -> bool:
    """True when text pasted or stored as a posting is HTML markup rather than prose."""
    head = text.lstrip()[:2000].lower()
    return head.startswith(("<!doctype html", "<html")) or len(re.findall(r"</?(?:p|div|li|ul|h[1-6]|br|strong|span)\b", head)) >= 3


def pdf_to_text(data: bytes, name: str = "input.pdf") -> str:
    """The text of a PDF (needs the ``pdf`` extra)."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:
        raise MissingExtra("reading PDF needs pypdf: pip install 'jdclass[pdf]'") from None
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise CorruptFile(f"{name}: the PDF is encrypted")
        pages = [page.extract_text() or "" for page in reader.pages[:50]]
    except CorruptFile:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as error:
        raise CorruptFile(f"{name}: not a readable PDF ({type(error).__name__})") from None
    return "\n".join(pages)


def docx_to_text(data: bytes, name: str = "input.docx", max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The paragraphs of a Word document (needs the ``docx`` extra); refuses archives that inflate past the limit."""
    try:
        import docx
    except ImportError:
        raise MissingExtra("reading Word files needs python-docx: pip install 'jdclass[docx]'") from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile:
        raise CorruptFile(f"{name}: not a readable Word file (not a zip archive)") from None
    if inflated > 20 * max_bytes:
        raise InputTooLarge(f"{name}: the archive inflates to {inflated:,} bytes; refusing it")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # noqa: BLE001 - python-docx raises many unrelated types on damaged archives
        raise CorruptFile(f"{name}: not a readable Word file ({type(error).__name__})") from None
    lines = []
    for paragraph in document.paragraphs:
        style = (paragraph.style.name or "") if paragraph.style is not None else ""
        prefix = "- " if "List" in style else "# " if style.startswith("Heading") or style == "Title" else ""
        lines.append(prefix + paragraph.text)
    return "\n".join(lines)
