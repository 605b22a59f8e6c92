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
# What every lost break holds: a lower-case letter or a colon, then a capitalised word. The search finds these
# few places (a posting has a handful, from names such as "LinkedIn"), and each is then judged on its own. It
# looks for the capital first and behind it second: a lower-case letter is most characters, a capital few, so
# this reads a posting in 15 µs, against 30 µs the other way round.
_JOIN = re.compile(r"[A-Z](?<=[a-z:][A-Z])[a-z]")
_SHORTEST_HEAD = 4


def break_run_together_lines(text: str) -> str:
    """``text`` with a line break put back where a scrape ran two lines together.

    A line break was lost, and is put back, after:

    - a word of four lower-case letters or more, from its first letter, run into a capitalised word
      ("stakeholder managementExperience with SQL" reads "stakeholder management\\nExperience with SQL");
    - a heading run into a capitalised word, whether or not the heading was itself run into the line before it
      ("Job DescriptionWe are" reads "Job Description\\nWe are");
    - a colon between a word and a capitalised word ("Qualifications:Bachelor's" reads "Qualifications:\\nBachelor's").

    A word that starts in lower case and goes on in capitals with a shorter head is a name ("iPhone", "devOps",
    "eCommerce"), as are words in capitals from the first letter ("LinkedIn", "JavaScript"): they are left as they
    are. One with a longer head ("athenaOne") is broken too, which costs a sentence break and keeps its words.
    ``text`` itself is returned when nothing was run together.
    """
    breaks = [match.start() for match in _JOIN.finditer(text) if _lost_break_before(text, match.start())]
    if not breaks:
        return text
    pieces = [text[start:end] for start, end in zip([0, *breaks], [*breaks, len(text)], strict=True)]
    return "\n".join(pieces)


def _lost_break_before(text: str, at: int) -> bool:
    """True when the capitalised word at ``at`` was run into what stands before it and began a line of its own."""
    if text[at - 1] == ":":
        return at > 1 and text[at - 2].isalpha()
    start = at - 1
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    word = text[start:at]
    if len(word) >= _SHORTEST_HEAD and word.islower():
        return True
    for heading in _HEADINGS:
        if word.endswith(heading):
            head = word[: -len(heading)]
            return not head or head[-1].islower()  # "JobDescription" or "managementExperience", not "LinkedIn"
    return False
