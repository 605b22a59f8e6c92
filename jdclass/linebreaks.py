"""Lines that a scrape or a copy ran together ("3+ years of experienceStrong SQL skills"), broken again.

A job board's text often loses the line breaks between its list items and after its headings: "Job DescriptionWe
are seeking a Product Designer", "stakeholder managementExperience with SQL", "Qualifications:Bachelor's degree".
The words then run into each other: the tokenizer reads "managementExperience" as one unknown word, the sentence
never ends, and the parser's patterns that look for a line's or a sentence's start ("We are seeking a ...", a
heading, a bullet's years) find none. Of the 271 real ads of ``../shared/eval``, 45 hold three such joins or more.
"""

from __future__ import annotations

import re

# Headings that a scrape runs into the first word of their section ("ResponsibilitiesOwn the roadmap").
_HEADINGS = (
    "Benefits",
    "Description",
    "Duties",
    "Education",
    "Experience",
    "Opportunity",
    "Overview",
    "Perks",
    "Qualifications",
    "Requirements",
    "Responsibilities",
    "Role",
    "Skills",
    "Summary",
)
# Before a run-together word, in its run of non-space characters, what only an address or code holds: a web
# address ("https://", "acme.com/productManager", "?jobId=..."), an e-mail address or handle, a hashtag
# ("#hiringNow"), an identifier ("user_nameField", "this.fetchData"). Such a word was written so, and no line break
# was lost in it. A slash alone is prose ("3 days/weekResponsibilities" lost one), as is a full stop before a capital
# ("in fintech.Strong communicationExperience": a scrape that lost a space too).
_ADDRESS_OR_CODE = re.compile(r"[@#_\\=]|\.[a-z]|://")
# What every lost break holds: a lower-case letter or a colon, then a capitalised word. The search finds these
# few places (a posting has a handful, from names such as "LinkedIn"), and each is then judged on its own. It
# looks for the capital first and behind it second: a lower-case letter is most characters, a capital few, so
# this reads a posting in 15 µs, against 30 µs the other way round.
_JOIN = re.compile(r"[A-Z](?<=[a-z:][A-Z])[a-z]")
_SHORTEST_HEAD = 4
_LINE_BREAK = re.compile(r"\r\n?|\n")
_LIST_MARKS = ",;/()"
_ADDRESS_REACH = 200


def break_run_together_lines(text: str) -> str:
    """``text`` with a line break put back where a scrape ran two lines together.

    A line break was lost, and is put back, as the text ends its lines ("\\r\\n" in a text pasted with Windows line
    ends, so that they do not mix), after:

    - a word of four lower-case letters or more, from its first letter, run into a capitalised word
      ("stakeholder managementExperience with SQL" reads "stakeholder management\\nExperience with SQL");
    - a heading run into a capitalised word, whether or not the heading was itself run into the line before it
      ("Job DescriptionWe are" reads "Job Description\\nWe are");
    - a colon between a word and a capitalised word ("Qualifications:Bachelor's" reads "Qualifications:\\nBachelor's").

    A word that starts in lower case and goes on in capitals with a shorter head is a name ("iPhone", "devOps",
    "eCommerce"), as are words in capitals from the first letter ("LinkedIn", "JavaScript"), and a word in an
    address or code ("acme.com/jobs/productManager", "jane.doeSmith@acme.com", "#hiringNow", "user_nameField"):
    they are left as they are. So is a name with a longer head between the marks of a list ("eClinicalWorks,
    athenaOne, Epic"); one in a sentence ("we moved to athenaOne last year") is broken, as no table of words tells
    it from a lost break ("athena" is a word), which costs a sentence break and keeps its words. ``text`` itself is
    returned when nothing was run together.
    """
    breaks = [match.start() for match in _JOIN.finditer(text) if _lost_break_before(text, match.start())]
    if not breaks:
        return text
    pieces = [text[start:end] for start, end in zip([0, *breaks], [*breaks, len(text)], strict=True)]
    return _line_end(text).join(pieces)


def _line_end(text: str) -> str:
    """How ``text`` ends its lines, by its first line break: "\\r\\n", a lone "\\r", or "\\n" (also when it has none)."""
    first = _LINE_BREAK.search(text)
    return first.group() if first else "\n"


def _lost_break_before(text: str, at: int) -> bool:
    """True when the capitalised word at ``at`` was run into what stands before it and began a line of its own."""
    if text[at - 1] == ":":
        return at > 1 and text[at - 2].isalpha() and not _in_address_or_code(text, at - 1, at)
    # The word before, read back to its start or to a capital in it, no further: a run of words in camel case
    # ("abcdEfgh" 20,000 times) read back to its start from each capital took a minute.
    start = at - 1
    while start > 0 and text[start - 1].isalpha() and not (text[start - 1].isupper() or text[start - 1].istitle()):
        start -= 1
    if start == 0 or not text[start - 1].isalpha():  # the whole word, in lower case
        return (
            at - start >= _SHORTEST_HEAD and text[start:at].islower() and not _in_address_or_code(text, start, at) and not _an_item_of_a_list(text, start, at)
        )
    for heading in _HEADINGS:
        if at >= len(heading) and text.startswith(heading, at - len(heading)):
            before = at - len(heading) - 1
            # "JobDescription" or "managementExperience", not "LinkedIn"
            return (before < 0 or not text[before].isalpha() or text[before].islower()) and not _in_address_or_code(text, start, at)
    return False


def _an_item_of_a_list(text: str, start: int, at: int) -> bool:
    """Whether the word from ``start`` with its one capitalised part at ``at`` stands between marks of a list: a name
    ("(eClinicalWorks, athenaOne, Epic)"); a line that ends before a heading or a sentence is no list's item."""
    before = start
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    after = at + 1
    while after < len(text) and text[after].islower():
        after += 1
    return before > 0 and text[before - 1] in _LIST_MARKS and after < len(text) and text[after] in _LIST_MARKS


def _in_address_or_code(text: str, start: int, at: int) -> bool:
    """Whether the run of non-space characters that holds the word before ``at`` (read back to ``start`` at least) and
    the capitalised word at ``at`` is an address or code: ``_ADDRESS_OR_CODE`` before the word, or an "@" after the
    join ("mailto:Jobs@acme.com"). The run is read ``_ADDRESS_REACH`` characters either way at most: a line of one
    long run of joins read whole from each took time that grows with the square of its length."""
    before, first = start, max(0, start - _ADDRESS_REACH)
    while before > first and not text[before - 1].isspace():
        before -= 1
    after, last = at, min(len(text), at + _ADDRESS_REACH)
    while after < last and not text[after].isspace():
        after += 1
    # Up to the word's first letter: "this.fetchData" is code by its dot before a lower-case letter.
    return _ADDRESS_OR_CODE.search(text, before, start + 1) is not None or "@" in text[at:after]
