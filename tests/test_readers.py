import codecs
import os
import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jdclass.errors import CorruptFile, EmptyInput, InputError, InputTooLarge, MissingExtra, UnsupportedFormat
from jdclass.readers import _control_share, decode_text, html_to_text, looks_binary, read_posting
from tests.fixtures import POSTING_LINES, make_pdf, write_all


@pytest.fixture
def files(tmp_path):
    return write_all(tmp_path)


@pytest.mark.parametrize("kind", ["txt", "md", "bom_crlf", "cp1252", "html", "pdf", "docx"])
def test_every_reader_returns_the_posting_lines(files, kind):
    text = read_posting(files[kind])
    for line in POSTING_LINES:
        assert line in text
    assert "\r" not in text
    assert not text.startswith("\ufeff")


def test_a_pdf_with_words_hyphenated_at_line_ends_parses_them_whole(tmp_path):
    from jdclass import parse

    lines = ["Senior Product Manager, Data Plat-", "form", "We need 7+ years of product manage-", "ment experience and a self-", "serve mindset."]
    path = tmp_path / "posting.pdf"
    path.write_bytes(make_pdf(lines))
    assert read_posting(path) == "\n".join(lines) + "\n"  # the reader gives the text as the PDF has it; parsing joins
    posting = parse(path)
    assert posting.text == "Senior Product Manager, Data Platform\nWe need 7+ years of product management experience and a self-serve mindset.\n"
    assert (posting.title.value if posting.title else None, posting.minimum_years) == ("Senior Product Manager, Data Platform", 7)


def test_a_pdf_line_broken_where_the_page_ran_out_is_one_line(tmp_path):
    lines = [
        "Senior Product Manager",
        "remote, full-time",
        "You will work closely with engineering, sales and design",
        "and customer success to prioritize the product",
    ]
    lines += ["backlog.", "- 5+ years of product management and people", "leadership experience", "Responsibilities", "own the product strategy"]
    path = tmp_path / "posting.pdf"
    path.write_bytes(make_pdf(lines))
    assert read_posting(path).splitlines() == [
        "Senior Product Manager",  # a short line keeps its break: a title or a heading, not a sentence cut short
        "remote, full-time",
        "You will work closely with engineering, sales and design and customer success to prioritize the product backlog.",
        "- 5+ years of product management and people leadership experience",
        "Responsibilities",
        "own the product strategy",
    ]


def test_cp1252_is_decoded(files):
    assert "We’re hiring – café team" in read_posting(files["cp1252"])


def test_html_keeps_visible_text_only(files):
    text = read_posting(files["html"])
    assert text.splitlines()[0] == "# Senior Product Manager"
    assert "- Own the long-term strategy for our payments platform." in text.splitlines()
    assert "payments & billing" in text
    assert "tracking" not in text and "color" not in text and "Careers" not in text and "tracker" not in text


@pytest.mark.parametrize(
    "text",
    [
        "# Senior PM\n**Acme** | Remote<br>Full-time\n- <strong>5+ years</strong> of product management\n- SQL",
        "Front-end PM\nKnow HTML elements such as <div>, <span>, <p> and <ul>.\n- 5 years of product management",
    ],
    ids=["markdown with inline tags", "prose naming tags"],
)
def test_text_files_with_some_tags_keep_their_lines(tmp_path, text):
    path = tmp_path / "ad.md"
    path.write_text(text, encoding="utf-8")
    assert read_posting(path).splitlines() == text.splitlines()


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_html_saved_in_a_text_file_is_read_as_html(tmp_path, suffix):
    path = tmp_path / f"scraped{suffix}"
    path.write_text("<div><h2>Product Manager</h2><ul><li>5&ndash;8 years of product management</li><li>R&amp;D</li></ul></div>", encoding="utf-8")
    assert read_posting(path) == "## Product Manager\n- 5–8 years of product management\n- R&D"


def test_markdown_entities_are_the_characters_they_stand_for(tmp_path):
    path = tmp_path / "ad.md"
    path.write_text("# Product Manager\n- 5&ndash;8 years, R&amp;D, &#8211; &#x2013;\n- Legal&regulatory, &copy 2024, &notifications;\n", encoding="utf-8")
    # Only complete references are decoded, as Markdown does: no semicolon or no such entity, no change.
    assert read_posting(path) == "# Product Manager\n- 5–8 years, R&D, – –\n- Legal&regulatory, &copy 2024, &notifications;\n"
    plain = tmp_path / "ad.txt"
    plain.write_text("Fish &amp; chips\n", encoding="utf-8")
    assert read_posting(plain) == "Fish &amp; chips\n"  # plain text is taken as written


def test_html_entities_and_nesting():
    assert html_to_text("<div><p>R&amp;D &ndash; <b>bold</b></p></div>") == "R&D – bold"
    assert html_to_text("<div>" * 2000 + "deep" + "</div>" * 2000) == "deep"


def test_html_white_space_runs_of_any_kind_are_one_space():
    markup = "<p>Own  the\troadmap,\u00a0\u2028ship&nbsp;&nbsp;it &#10; now</p><p>A&#x9;B\u3000C\u200bD</p><br/>E \n F"
    assert html_to_text(markup) == "Own the roadmap, ship it now\nA B C\u200bD\nE F"


def test_every_white_space_character_but_the_space_is_unprintable():
    # html_to_text leaves a printable text without two spaces in a row as it is: it holds no white space to collapse.
    spaces = [chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()]
    assert [space for space in spaces if space.isprintable()] == [" "]
    assert all(re.fullmatch(r"\s", space) for space in spaces)


@pytest.mark.parametrize(
    ("name", "data", "error", "message"),
    [
        ("broken.pdf", b"%PDF-1.4\nnot really a pdf", CorruptFile, "broken.pdf: not a readable PDF"),
        ("broken.docx", b"PK\x03\x04 not a zip", CorruptFile, "broken.docx: not a readable Word file (not a zip archive)"),
        ("binary.txt", bytes(range(256)) * 4, CorruptFile, "binary.txt: binary data, not text"),
        ("empty.txt", b"   \n\t ", EmptyInput, "empty.txt: no text in the file"),
        ("sheet.xlsx", b"whatever", UnsupportedFormat, "sheet.xlsx: unsupported file type '.xlsx'"),
        ("broken.html", b"\x00\x01\x02\x03" * 100, CorruptFile, "broken.html: binary data, not text"),
    ],
)
def test_bad_files_give_the_domain_error(tmp_path, name, data, error, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(error) as raised:
        read_posting(path)
    assert str(raised.value).startswith(str(path.parent / message) if "/" not in message else message)


def test_a_docx_that_is_a_zip_but_not_a_document(tmp_path):
    import zipfile

    path = tmp_path / "fake.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not word")
    with pytest.raises(CorruptFile, match="fake.docx: not a readable Word file"):
        read_posting(path)


def test_a_docx_that_inflates_past_the_limit_is_refused(tmp_path):
    import zipfile

    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "a" * 3_000_000)
    with pytest.raises(InputTooLarge, match="inflates to 3,000,000 bytes"):
        read_posting(path, max_bytes=100_000)


def test_paths_that_are_not_files(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        read_posting(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        read_posting(tmp_path / "missing.txt")


def test_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    with pytest.raises(InputTooLarge, match="5,000 bytes is over the 100-byte limit"):
        read_posting(path, max_bytes=100)


def test_missing_extra_names_the_install(monkeypatch, files):
    import builtins

    real_import = builtins.__import__

    def no_pypdf(name, *args, **kwargs):
        if name.startswith("pypdf"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pypdf)
    with pytest.raises(MissingExtra, match=r"pip install 'jdclass\[pdf\]'"):
        read_posting(files["pdf"])


def test_decode_utf16_with_bom():
    assert decode_text("Product Manager\r\n".encode("utf-16")) == "Product Manager\n"


_SOME_CHARS = st.sampled_from(["a", " ", "é", "\t", "\n", "\x0c", "\r", "\x00", "\x01", "\x08", "\x0b", "\x0e", "\x1f", "\x7f", "\x85", "€", "\ud800", "😀"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_SOME_CHARS, max_size=300).map("".join))
def test_control_characters_are_counted_as_defined(text: str) -> None:
    # A control character is below a space and is not a tab, new line, form feed or carriage return.
    controls = sum(1 for char in text if char < " " and char not in "\t\n\x0c\r")
    assert _control_share(text) == (controls / len(text) if text else 0.0)
    data = text.encode("latin-1", errors="replace")
    sample = data[:8192]
    byte_controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    expected = b"\x00" in sample or (len(sample) > 0 and byte_controls / len(sample) > 0.05)
    assert looks_binary(data) is expected


def test_only_the_first_8192_bytes_are_sampled_and_a_bom_means_text():
    text = "a" * 8192 + "\x01" * 1000  # control characters past the sample do not count
    assert _control_share(text[:8192]) == 0.0
    assert not looks_binary(text.encode())
    assert looks_binary(("a" * 100 + "\x01" * 10).encode())  # 9% control bytes
    assert not looks_binary(codecs.BOM_UTF16_LE + "Product Manager".encode("utf-16-le"))  # NULs, but a BOM


def test_a_docx_laid_out_in_a_table_keeps_its_text_in_order(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Acme Freight is hiring.")
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Job title", "Director of Product"
    table.cell(1, 0).text, table.cell(1, 1).text = "Requirements", "12+ years of product management experience."
    table.cell(1, 1).add_paragraph("Experience leading product managers.")
    merged = table.cell(2, 0).merge(table.cell(2, 1))
    merged.text = "Apply by 1 March."
    document.add_paragraph("Equal opportunity employer.")
    path = tmp_path / "table.docx"
    document.save(path)
    assert read_posting(path).splitlines() == [
        "Acme Freight is hiring.",
        "Job title: Director of Product",
        "Requirements: 12+ years of product management experience.",
        "Experience leading product managers.",
        "Apply by 1 March.",
        "Equal opportunity employer.",
    ]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("---\nlevel: SPM\ntitle: none\ntags:\n  - payments\n---\nSenior Product Manager\nOwn the roadmap.\n", "Senior Product Manager\nOwn the roadmap.\n"),
        ("---\ntitle: Careers\n---\n<div><h1>Director of Product</h1><p>Lead the team.</p><ul><li>Own the plan.</li></ul></div>\n", None),
        ("---\nNot front matter, a rule above the title\n---\nProduct Manager\n", "---\nNot front matter, a rule above the title\n---\nProduct Manager\n"),
        ("Product Manager\n---\nkey: value\n---\n", "Product Manager\n---\nkey: value\n---\n"),
        (
            "---\n# Director of Product\nLocation: Berlin\n- Lead the team.\n---\nApply now.\n",
            "---\n# Director of Product\nLocation: Berlin\n- Lead the team.\n---\nApply now.\n",
        ),
        ('---\nlayout: job\ntitle: "Senior Product Manager, Payments"\n---\nOwn the roadmap.\n', "Senior Product Manager, Payments\nOwn the roadmap.\n"),
        ("---\ntitle: Senior Product Manager\n---\n# Senior Product Manager\nOwn the roadmap.\n", "# Senior Product Manager\nOwn the roadmap.\n"),
        ("---\ntitle: Product Manager Jobs\n---\n# Director of Product\nLead the team.\n", "# Director of Product\nLead the team.\n"),
        (
            "---\ntitle: Payments &amp; Billing Product Manager\n---\nOwn the roadmap for payments and billing, and work with engineering.\n",
            "Payments & Billing Product Manager\nOwn the roadmap for payments and billing, and work with engineering.\n",
        ),
    ],
)
def test_markdown_front_matter_is_no_part_of_the_posting(tmp_path, text, body):
    path = tmp_path / "ad.md"
    path.write_text(text, encoding="utf-8")
    found = read_posting(path)
    if body is None:  # an HTML body after the front matter is read as HTML
        assert found.splitlines()[0] == "# Director of Product" and "title: Careers" not in found
    else:
        assert found == body


def test_a_docx_table_merged_down_nested_or_with_lists_reads_once_each(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    merged = table.cell(0, 0).merge(table.cell(1, 0))  # one label for two rows
    merged.text = "Duties"
    table.cell(0, 1).text = "Own the roadmap."
    table.cell(1, 1).text = "Lead the team."
    table.cell(1, 1).add_paragraph("Hire two product managers.", style="List Bullet")
    table.cell(2, 0).text = "Notes"
    table.cell(2, 0).add_table(rows=1, cols=1).cell(0, 0).text = "Nested note."
    table.cell(2, 1).text = "Remote."
    path = tmp_path / "merged.docx"
    document.save(path)
    assert read_posting(path).splitlines() == [
        "Duties: Own the roadmap.",
        "Lead the team.",
        "- Hire two product managers.",
        "Notes",
        "Nested note.",
        "",
        "Remote.",
    ]  # python-docx puts a paragraph after a table in a cell


def test_a_file_that_grows_after_its_size_is_taken_is_read_whole_up_to_the_limit(tmp_path, monkeypatch):
    path = tmp_path / "growing.txt"
    path.write_text("word " * 40)  # 200 bytes, where the stat taken before said 20
    stat, fstat = os.stat, os.fstat

    def smaller(info: os.stat_result) -> os.stat_result:
        return os.stat_result((*info[:6], 20, *info[7:10]))

    monkeypatch.setattr(os, "stat", lambda *args, **kwargs: smaller(stat(*args, **kwargs)))
    monkeypatch.setattr(os, "fstat", lambda descriptor: smaller(fstat(descriptor)))
    assert read_posting(path) == "word " * 40
    with pytest.raises(InputTooLarge) as refused:
        read_posting(path, max_bytes=100)
    assert str(refused.value) == f"{path}: over the 100-byte limit"
