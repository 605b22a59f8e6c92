"""Fuzz tests: any text, bytes or HTML gives a well-formed result or a domain error (a ``JdclassError``), nothing else.

The budget is fixed (``max_examples`` per test, no deadline) so the file runs in about a minute on two cores in CI.
``JDCLASS_FUZZ_SCALE=20`` multiplies every budget for a longer run by hand; docs/reliability.md records one.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import jdclass
from jdclass.errors import JdclassError
from jdclass.readers import SUPPORTED_SUFFIXES, html_to_text, read_posting
from tests.fixtures import POSTING_LINES, make_docx, make_html, make_pdf
from tests.hostile import ENGLISH, GERMAN, assert_well_formed, assert_well_formed_posting, docx_document_xml, docx_with

SCALE = int(os.environ.get("JDCLASS_FUZZ_SCALE", "1"))


def budget(examples: int) -> settings:
    return settings(
        max_examples=examples * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
    )


def outcome(call: Callable[[], object]) -> object | None:
    """The call's value, or None after a domain error; anything else escapes and fails the test. Counts each kind."""
    try:
        value = call()
    except JdclassError as error:
        event(f"refused: {type(error).__name__}")
        assert str(error) and "\n" not in str(error), "a domain error is one line"
        return None
    event("accepted")
    return value


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory(prefix="jdclass-fuzz-") as name:
        yield Path(name)


JOB_WORDS = st.sampled_from(
    [
        "Senior Product Manager",
        "Director of Product",
        "5+ years",
        "reports to the CEO",
        "P&L",
        "MBA",
        "\n",
        "- ",
        "## ",
        "Requirements:",
        "&amp;",
        "<li>",
        "</p>",
        "<script>",
        "\t",
        "\u00a0",
        "\ufeff",
        "\u202e",
        "🚀",
        "产品经理",
        ENGLISH,
    ]
)
TEXTS = st.one_of(
    st.text(max_size=3000),
    st.lists(st.one_of(JOB_WORDS, st.text(max_size=20)), max_size=80).map(" ".join),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=500).map(lambda noise: ENGLISH + noise),
)


def as_read(text: str) -> str:
    """``text`` with each lone carriage return a line feed, as the parser reads it (one character for one)."""
    return re.sub(r"\r(?!\n)", "\n", text)


@budget(300)
@given(text=TEXTS)
def test_any_text_classifies_or_raises_the_domain_error(classifier, text):
    result = outcome(lambda: classifier.classify(text))
    if result is not None:
        assert_well_formed(result)
        unmarked = text.replace("\ufeff", "")  # pasted byte-order marks are dropped, as a file's is
        assert result.posting.text in (as_read(unmarked), as_read(html_to_text(unmarked)))


@budget(600)
@given(text=TEXTS)
def test_any_text_parses_or_raises_the_domain_error(text):
    posting = outcome(lambda: jdclass.parse(text))
    if posting is not None:
        assert_well_formed_posting(posting)


SUFFIXES = st.sampled_from([*SUPPORTED_SUFFIXES, ".xlsx", "", ".PDF", ".Docx"])
ENCODED = st.builds(
    lambda text, encoding: text.encode(encoding, errors="replace"),
    st.one_of(TEXTS, st.just(GERMAN)),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1", "shift_jis", "gb18030"]),
)


@budget(600)
@given(data=st.one_of(st.binary(max_size=4096), ENCODED), suffix=SUFFIXES)
def test_any_bytes_in_a_file_of_any_type_read_or_raise_the_domain_error(folder, data, suffix):
    path = folder / f"posting{suffix}"
    path.write_bytes(data)
    text = outcome(lambda: read_posting(path))
    if text is not None:
        assert isinstance(text, str) and text.strip()
        posting = outcome(lambda: jdclass.parse(path))
        if posting is not None:
            assert_well_formed_posting(posting)


def mutate(original: bytes) -> st.SearchStrategy[bytes]:
    """``original`` with a few bytes overwritten, a chunk inserted or removed, and maybe cut short."""
    size = len(original)

    def apply(edits: list[tuple[int, bytes, int]], cut: int) -> bytes:
        data = bytearray(original)
        for position, insert, remove in edits:
            position %= max(len(data), 1)
            data[position : position + remove] = insert
        return bytes(data[: max(cut, 1)])

    edit = st.tuples(st.integers(0, size), st.binary(max_size=16), st.integers(0, 64))
    return st.builds(apply, st.lists(edit, min_size=1, max_size=6), st.one_of(st.just(size * 2), st.integers(0, size)))


def mutated_file_test(suffix: str, original: bytes, examples: int) -> Callable[..., None]:
    @budget(examples)
    @given(data=mutate(original))
    def test(folder, data):
        path = folder / f"mutated{suffix}"
        path.write_bytes(data)
        text = outcome(lambda: read_posting(path))
        if text is not None:
            assert isinstance(text, str) and "\x00" not in text

    return test


test_a_damaged_pdf_reads_or_raises_the_domain_error = mutated_file_test(".pdf", make_pdf(POSTING_LINES), 400)
test_a_damaged_docx_reads_or_raises_the_domain_error = mutated_file_test(".docx", make_docx(POSTING_LINES), 150)
test_a_damaged_html_file_reads_or_raises_the_domain_error = mutated_file_test(".html", make_html(POSTING_LINES).encode(), 300)


@budget(120)
@given(data=mutate(docx_document_xml()))
def test_a_word_file_with_damaged_xml_reads_or_raises_the_domain_error(folder, data):
    path = folder / "damaged-xml.docx"
    path.write_bytes(docx_with(data))
    text = outcome(lambda: read_posting(path))
    if text is not None:
        assert isinstance(text, str)


# HTML fragments: markers that must show (visible text) and markers that never may (scripts, styles, comments,
# attributes, hidden elements). Markers are letters only, so entity decoding and whitespace cannot split them.
SHOWN, HIDDEN = "shownmarker", "hiddenmarker"
VISIBLE_TAGS = ["p", "div", "span", "li", "ul", "h1", "h3", "b", "a", "td", "table", "section", "br", "font", "x-widget"]
HIDDEN_TAGS = ["script", "style", "noscript", "template", "svg", "iframe", "object", "select", "title"]
WORDS = st.text(alphabet=st.characters(exclude_characters="<>&\"'", exclude_categories=["Cs", "Cc"]), max_size=12)


def attribute(name: str, value: str, quote: str) -> str:
    unquoted = re.sub(r"[\s>]", "", value)
    return f" {name}={quote}{value}{quote}" if quote else f" {name}={unquoted}"


ATTRIBUTE = st.builds(
    attribute,
    st.sampled_from(["class", "href", "src", "onclick", "style", "data-x"]),
    st.builds(lambda words: f"{words} {HIDDEN} https://tracker.invalid/?q=<b>", WORDS),
    st.sampled_from(['"', "'", ""]),
)


def element(tag: str, attributes: list[str], children: list[str]) -> str:
    attrs = "".join(attributes)
    if tag == "br":
        return f"<br{attrs}>"
    return f"<{tag}{attrs}>{''.join(children)}</{tag}>"


def hidden_element(tag: str, words: str) -> str:
    return f"<{tag}>{words} {HIDDEN} {words}</{tag}>"


LEAVES = st.one_of(
    st.builds(lambda words: f" {words} {SHOWN} {words} ", WORDS),
    st.builds(hidden_element, st.sampled_from(HIDDEN_TAGS), WORDS),
    st.builds(lambda words: f"<!-- {words} {HIDDEN} -->", WORDS),
    st.sampled_from(["&amp;", "&lt;", "&#x1F680;", "&nbsp;", "&bogus;", "&#0;", "&#xD800;", " < ", " 3 > 2 ", "<!DOCTYPE html>", "<?php ?>"]),
)
FRAGMENTS = st.recursive(
    LEAVES,
    lambda children: st.builds(element, st.sampled_from(VISIBLE_TAGS), st.lists(ATTRIBUTE, max_size=2), st.lists(children, max_size=5)),
    max_leaves=40,
)


@budget(600)
@given(markup=FRAGMENTS)
def test_html_shows_its_text_and_hides_scripts_comments_and_attributes(markup):
    text = html_to_text(markup)
    assert HIDDEN not in text
    assert text.count(SHOWN) == markup.count(SHOWN)


BROKEN = st.lists(
    st.one_of(FRAGMENTS, st.sampled_from(["<", "</", "<!--", "<a href='", '<a b="', "<script>", "<style>", "<!", "<![CDATA[", "-->", ">", "&#"])),
    max_size=12,
).map("".join)


@budget(300)
@given(markup=BROKEN)
def test_broken_html_classifies_or_raises_the_domain_error(classifier, markup):
    assert isinstance(html_to_text(markup), str)
    result = outcome(lambda: classifier.classify("<html><body>" + markup))
    if result is not None:
        assert_well_formed(result)
