import dataclasses
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import jdclass.posting as posting_module
from jdclass import parse
from jdclass.corpus import DEFAULT_CORPUS
from jdclass.education import _DEGREES, _WITHOUT_DEGREE, EducationRequirement, _degree_matches, extract_education
from jdclass.education import _NEEDS as _DEGREE_NEEDS
from jdclass.errors import InputError, JdclassError
from jdclass.experience import (
    _LOWER_CUE,
    _MONTH_UNIT_BEFORE_EXPERIENCE,
    _MONTH_WORD,
    _MONTHS_STARTS,
    _MONTHS_WHERE,
    _UPPER_CUE,
    _WORD,
    _YEARS_STARTS,
    _YEARS_WHERE,
    MONTHS_PATTERN,
    YEARS_PATTERN,
    _tried_where_they_start,
    _unit_words,
    extract_years_of_experience,
)
from jdclass.fields import posting_fields
from jdclass.management import (
    _BOARD,
    _BUDGET,
    _CUED_STARTS,
    _DERIVED_PLACES,
    _DIRECT_REPORTS,
    _EXEC_TEAM,
    _HIRES,
    _MANAGES_MANAGERS,
    _MANAGES_PEOPLE,
    _MANAGES_PMS,
    _NEEDS,
    _PNL,
    _REPORTS_TO,
    _STARTS,
    _closing_quotes_as_spaces,
    _places,
    _starts_in,
    extract_management_scope,
)
from jdclass.posting import (
    _HIRE,
    _HIRE_STARTS,
    _LADDER_MENTION,
    _ROLE_AS_SUBJECT,
    _ROLE_AS_SUBJECT_STARTS,
    _ROLE_NAMED,
    _ROLE_NAMED_STARTS,
    _SELF_REFERENCE,
    _SELF_REFERENCE_STARTS,
    _THIS_ROLE,
    _THIS_ROLE_STARTS,
    _TITLE_LABEL,
    TextField,
    _label_line_starts,
    _ladder_mention_places,
    _lines_with_text,
    find_company,
    find_hired_title,
    find_mentions,
    find_self_reference,
    find_title,
    locate_title,
    parse_text,
    title_without_terms,
)
from jdclass.sections import PICTOGRAPHS, heading_kind, heading_text, split_sections
from jdclass.spans import Span, at_word_start, clause_around, lowered, matches_at, matches_from, matches_where, occurrences, starts_pattern

POSTING = """# Director of Product Management

About Lumen Freight
Lumen Freight was founded 25 years ago and moves parcels across Europe.

## What you'll do
- Lead a team of 6 product managers across our shipper tools.
- Own the P&L for the shipper business and its budget.
- You will report to the Chief Product Officer and present to the board of directors.

## What you bring
- 10+ years of product management experience, including 3+ years managing PMs.
- Bachelor's degree in Computer Science or Engineering; MBA a plus.

## Nice to have
- 2+ years with logistics software.

Location: Rotterdam (hybrid), full-time. Salary €120,000 - €150,000.
Lumen Freight is an equal opportunity employer.
"""


def test_fields_and_spans():
    posting = parse(POSTING)
    assert posting.title.value == "Director of Product Management"
    assert posting.title.span.of(posting.text) == "Director of Product Management"
    assert posting.title_level.level.code == "DIR"
    assert posting.company.value == "Lumen Freight"
    assert [s.kind for s in posting.sections] == ["other", "about", "responsibilities", "requirements", "preferred"]
    assert (posting.minimum_years, posting.people_management_years) == (10, 3)
    assert [(y.minimum, y.field, y.required) for y in posting.years] == [
        (10, "product_management", True),
        (3, "people_management", True),
        (2, "specialty", False),
    ]
    scope = posting.management
    assert (scope.direct_reports, scope.manages_product_managers, scope.pnl, scope.budget, scope.reports_to, scope.board) == (6, True, True, True, "cpo", True)
    assert [(d.level, d.required) for d in posting.education] == [("bachelor", True), ("mba", False)]
    assert posting.education[0].field == "Computer Science or Engineering"
    assert (posting.remote.value, posting.employment_type.value, posting.salary.value) == ("hybrid", "full-time", "€120,000 - €150,000")
    assert posting.location.value == "Rotterdam (hybrid), full-time. Salary €120,000 - €150,000."
    for span in posting.management.spans.values():
        assert 0 <= span.start < span.end <= len(posting.text)


def test_content_text_blanks_the_title_and_keeps_offsets():
    posting = parse(POSTING)
    content = posting.content_text()
    assert len(content) == len(posting.text)
    assert "Director of Product Management" not in content.splitlines()[0]


def test_content_text_blanks_what_the_employer_offers_and_keeps_line_breaks():
    text = (
        "Senior Product Manager\n\nAbout the role\nYou will own search.\n\n## Benefits\n- 30 days of leave\n- A pension\n\n"
        "Requirements\n- 5+ years of product management\n\nEqual opportunity\nWe welcome everyone."
    )
    content = parse(text).content_text()
    assert len(content) == len(text)
    assert [index for index, char in enumerate(content) if char == "\n"] == [index for index, char in enumerate(text) if char == "\n"]
    assert content.split() == ["About", "the", "role", "You", "will", "own", "search.", "Requirements", "-", "5+", "years", "of", "product", "management"]
    # Without a title or an offer section, the text is the content.
    assert parse("You will own search.\nRequirements\n- 5+ years").content_text() == "You will own search.\nRequirements\n- 5+ years"


def test_content_text_blanks_how_the_employer_hires() -> None:
    text = (
        "Product Manager\n\nWhat you will do\n- Interview customers every week.\n- Own the roadmap for search.\n\n"
        "Our interview process\n1. A call with the Head of Product\n2. A case study with two PMs\n\n"
        "How to apply\nSend us a short note about a product you love.\nThe role reports to the Head of Product."
    )
    posting = parse(text)
    content = posting.content_text()
    assert [section.kind for section in posting.sections] == ["role", "responsibilities", "process", "process"]
    kept = "What you will do - Interview customers every week. - Own the roadmap for search. The role reports to the Head of Product."
    assert " ".join(content.split()) == kept
    # The titles it names stay titles named in the body.
    assert [mention.value for mention in posting.mentions] == ["Head of Product", "Head of Product"]


@pytest.mark.parametrize(
    ("lines", "kept"),
    [
        # A duty list of plain lines, an ATS product's duty among them: not a hiring section, and the duties after it stay.
        (["What you'll do", "Own the roadmap for our applicant tracking system", "Own the hiring process", "Work with recruiters"], None),
        (["Responsibilities", "- Own the roadmap", "Hiring process ownership", "You will own the candidate experience."], None),
        (["What you'll do", "**Mortgage application journey**", "Redesign the mortgage application journey end to end."], None),
        (["About the role", "Improve how we hire", "You will own the tools our recruiters use every day."], None),
        # A plain "Next steps" line among the duties is no heading; set as one, it is the hiring section.
        (["Responsibilities", "- Run discovery with customers", "Next steps", "- Ship the new onboarding flow"], None),
        (["Responsibilities", "- Run discovery with customers", "## Next steps", "Send us your CV."], "Responsibilities - Run discovery with customers"),
        (["Responsibilities", "- Run discovery with customers", "Next steps:", "Send us your CV."], "Responsibilities - Run discovery with customers"),
        (["Responsibilities", "- Run discovery with customers", "NEXT STEPS", "Send us your CV."], "Responsibilities - Run discovery with customers"),
    ],
)
def test_only_a_heading_that_names_the_hiring_process_blanks_what_follows(lines: list[str], kept: str | None) -> None:
    text = "\n".join(["Product Manager", "", *lines])
    content = parse(text).content_text()
    assert " ".join(content.split()) == (kept if kept is not None else " ".join(text.split("\n", 1)[1].split()))


OWN_THE_POINTS = "You will own the points programme and its roadmap, and agree every change to it with finance and marketing."


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A field that states the pay is blanked, not the duties under it.
        (f"Senior Product Manager\nSalary: $120,000 - $140,000\n\n{OWN_THE_POINTS}", OWN_THE_POINTS),
        # The employer's About section, whatever its name holds.
        (f"Product Manager\n\n{OWN_THE_POINTS}\n\nAbout Harbor Pay\nHarbor Pay builds card software for small banks.", "Harbor Pay builds card software"),
        # A heading that names the duties as well as the pay.
        (f"Product Manager\n\nAbout the role\nA new team.\n\nCompensation and responsibilities\n{OWN_THE_POINTS}", OWN_THE_POINTS),
        (f"Product Manager\n\nAbout the role\nA new team.\n\nWhat we offer and what you'll do:\n{OWN_THE_POINTS}", OWN_THE_POINTS),
        # The header: a title and an employer that name a benefit, before the prose begins.
        (f"Product Manager, Loyalty & Rewards\n\n{OWN_THE_POINTS}", OWN_THE_POINTS),
        (f"Product Manager\nHarbor Pay – Lisbon\n\n{OWN_THE_POINTS}", OWN_THE_POINTS),
    ],
)
def test_content_text_keeps_the_job_under_a_heading_that_only_names_an_offer(text, kept):
    content = parse(text + "\n\nBenefits\n- A pension and 30 days of leave").content_text()
    assert kept in content
    assert "pension" not in content and "$120,000" not in content


@pytest.mark.parametrize(
    ("text", "managers"),
    [
        ("Lead, manage and develop the four product directors.", True),
        ("You will lead three group product managers.", True),
        ("Work closely with the sales and marketing directors.", False),
        ("For more than thirty years we have developed our own product leaders.", False),
        ("You will lead our two VPs and the Head of Design.", True),
        ("Lead and develop product managers and directors.", True),
        ("Work with managers and directors across the business.", False),
        ("Partner with engineering managers and directors.", False),
        ("Lead and develop the SVPs and VPs in your organisation.", True),
        ("Leadership of the product directors and their teams.", True),
        ("Own headcount planning and the hiring of senior product leaders.", True),
        ("6+ years leading product management teams with directors reporting to you.", True),
        ("Lead and develop the product leadership team.", True),
        # The organisation led through its managers.
        ("Lead the product organization through its directors.", True),
        ("Manage and grow the product org through its three directors.", True),
        ("Manage the product function via its heads of product.", True),
        ("Lead the organisation through change and work with directors.", False),
        # The words before the managers say how the role stands to them, not that it manages them.
        ("Build and develop relationships with directors and VPs across the business.", False),
        ("Manage up to directors and VPs and keep them informed.", False),
        ("Lead workshops with directors and senior stakeholders.", False),
        ("Managing expectations of directors and executives.", False),
        ("Engage stakeholders from district leaders to vice presidents.", False),
        ("8+ years in product management or digital product leadership.", False),
        ("Partner with the engineering lead as a product leadership trio.", False),
        # What others have, their meetings and reviews, is what is led, not they.
        ("Lead the product org through the directors' monthly business reviews.", False),
        ("You will lead the VPs’ planning offsite twice a year.", False),
        ("Coach the managers of managers' round tables on pricing.", False),
        ("Run the directors' forum and manage two directors of product.", True),
        ("Coach and develop the directors’ skills as leaders.", True),
    ],
)
def test_managing_managers_with_a_count_and_a_kind(text, managers):
    assert extract_management_scope(text).manages_managers is managers


@pytest.mark.parametrize(
    "line",
    [
        "Reports to: Director of Product, Payments",
        "You'll report to the Chief Product Officer and work with the executive team.",
        "As product manager you sit on the release board for every safety change.",
        "You will have 3 direct reports.",
    ],
)
def test_content_text_keeps_a_line_about_the_role_inside_an_offer_section(line):
    # A last section runs on to the end of the posting; the role's reporting line, reports or own name after the
    # benefits is the job, and the benefits around it are still the offer.
    text = f"Product Manager\n\n{OWN_THE_POINTS}\n\nWhat we offer\n- A pension\n{line}\n- 30 days of leave"
    content = parse(text).content_text()
    assert line in content
    assert "pension" not in content and "leave" not in content


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Job title: Senior PM, Checkout\nWe are hiring.", "Senior PM, Checkout"),
        ("**Position:** Product Manager II\n\nAbout us", "Product Manager II"),
        ("**Job title:** Group Product Manager\n**Location:** Berlin (hybrid)", "Group Product Manager"),
        ("Staff Product Manager - Search\nRemote, US\n\nWe are a search company.", "Staff Product Manager - Search"),
        ("About us\nWe sell shoes.\n\nThe role\nYou will own checkout.", None),
        ("We are looking for a product manager to own checkout. You will work with engineers.", None),
        ("ACME LTD\n\n  JOB TITLE: Group Product Manager\nApply now", "Group Product Manager"),
        ("\n\n**Role Title** – Head of Product İstanbul\n", "Head of Product İstanbul"),
        # Twelve words may be a title; a line of more is prose, and no title is looked for after it.
        (
            "Senior Product Manager for the Payments and Billing Platform Team in London\nApply",
            "Senior Product Manager for the Payments and Billing Platform Team in London",
        ),
        ("Senior Product Manager for the Payments and Billing Platform Team in London UK\nApply", None),
        ("We are hiring across many teams in our London and Paris offices.\nProduct Manager, Payments", "Product Manager, Payments"),
        ("We are hiring across many teams in our London, Paris and Berlin offices.\nProduct Manager, Payments", None),
        # A job board's header line names a group, not the role: the title is the line after it.
        ("Northwind Labs | Berlin | Executive Team\n\nChief Product Officer\n\nWe are looking for a CPO.", "Chief Product Officer"),
        ("Acme Health · Remote · Leadership Team\nVP of Product\nYou will lead product.", "VP of Product"),
        ("Analyst Team Lead\nYou will lead the analysts.", "Analyst Team Lead"),  # a lead of a team is a role
        ("Engineering Manager - Payments Team\nYou will manage engineers.", "Engineering Manager - Payments Team"),
        # A heading that names the role as this one states its title, without the words around it.
        ("Acme Robotics.\nAbout the Product Manager role\nOur PM reports to the CPO.", "Product Manager"),
        ("## About this Senior PM Opportunity:\nYou will own pricing.", "Senior PM"),
        ("The Director of Product position\nYou will lead four PMs.", "Director of Product"),
        ("Senior Product Manager\nAbout the role\nYou will own pricing.", "Senior Product Manager"),
        ("About the role\nYou will own pricing.", None),
    ],
)
def test_find_title(text, title):
    found = find_title(text)
    assert (found.value if found else None) == title
    assert found is None or found.span.of(text) == found.value


@given(st.lists(st.text(alphabet="ab \t\r\u2028\u00a0\x0c", max_size=8), max_size=6), st.sampled_from(["Job title: ", "  **Role:** ", "Position – "]))
def test_a_labelled_title_is_found_below_any_lines(lines: list[str], label: str) -> None:
    # Lines are split at "\n" only: a carriage return, a line separator or a form feed is part of a line.
    text = "\n".join([*lines, f"{label}Senior Product Manager", "Lead the roadmap."])
    title = find_title(text)
    assert title is not None and title.value == "Senior Product Manager" and text[title.span.start : title.span.end] == title.value


def test_a_bold_label_leaves_its_value_without_a_leading_space():
    posting = parse("**Job title:** Group Product Manager\n**Location:** Berlin (hybrid)\n\nOwn the payments roadmap.")
    assert posting.location is not None and posting.location.value == "Berlin (hybrid)"


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Product Manager\nCOMPANY NAME: Lumen Freight\n", "Lumen Freight"),
        ("Senior PM\n\n  **Employer** - Acme Health İnc.\nWe build clinics.", "Acme Health İnc."),
        ("Product Manager\n\nAbout Harbor Labs\nWe make ports smarter.", "Harbor Labs"),
        ("Product Manager\nWe are a company that builds tools.", None),
    ],
)
def test_find_company(text, company):
    found = find_company(text)
    assert (found.value if found else None) == company


def test_reporting_lines_and_management_signals():
    cases = {
        "This role reports directly to the CEO.": "ceo",
        "You'll report into the VP of Product.": "vp",
        "Reporting to the Group Product Manager, you will...": "senior_pm",
        "Reports to: Head of Product": "head_of_product",
    }
    for text, boss in cases.items():
        assert parse(text + " Product role.").management.reports_to == boss


@pytest.mark.parametrize(
    ("text", "manages"),
    [
        ("Lead and mentor a team of product managers.", True),
        ("Manage, coach and grow a team of product managers.", True),
        ("Build, lead, and develop the product management team.", True),
        ("Oversee the product team and its hiring.", True),
        ("Line-manage two product managers.", True),
        ("Three PMs will report to you.", True),
        ("Manage, mentor and support a team of PMs.", True),
        ("Recruit, manage, mentor and retain product managers.", True),
        ("Lead a team of engineers and designers.", False),
        ("Engineering Manager: you are a people leader for a team of 7 engineers.", False),
        ("Oversee the product team's sprint rituals.", False),
        ("Help grow the product management function.", False),
        ("Coach the two PMs who work on onboarding.", False),
        ("Work with product managers on the roadmap.", False),
        ("You will not manage product managers.", False),
        ("You won't manage product managers; the PMs report to the Director.", False),
        ("Develop and maintain the product roadmap.", False),
        # What the PMs have is not they, unless it is their own growth.
        ("Lead the product managers' fortnightly demo day.", False),
        ("Run and lead the PMs’ roadmap reviews with the CPO.", False),
        ("Develop the PMs' skills in pricing and discovery.", True),
        ("Develop the product team's craft through pairing.", True),
        # The plural too, and a word that only begins with "team" names no team.
        ("Lead the product teams' quarterly planning.", False),
        ("Lead and grow the product teams.", True),
        ("Lead the product teamwork sessions.", False),
    ],
)
def test_managing_product_managers_in_common_phrasings(text: str, manages: bool) -> None:
    assert extract_management_scope(text).manages_product_managers is manages


@pytest.mark.parametrize(
    ("text", "manages"),
    [
        ("Write the engineers' performance reviews each spring.", False),
        ("Conduct performance reviews for the backend developers you manage.", False),
        ("Own the 1:1s, career plans and performance reviews of the engineering squad.", False),
        ("Our HR suite handles onboarding, payroll and performance reviews.", False),
        ("Run performance reviews for the product managers in your group.", True),
        ("Write the performance reviews of your team of PMs twice a year.", True),
        ("Hold performance reviews for the whole product team.", True),
        ("Coach four PMs and run their career plans; lead, hire and develop the product team.", True),
        ("Run quarterly performance reviews for each product manager in your group.", True),
        ("Write performance reviews for every PM you manage.", True),
        ("Own PM performance reviews and promotions.", True),
        ("You will run product manager performance reviews each quarter.", True),  # no "report" anywhere in the text
        ("Conduct performance reviews and career plans for the product managers.", True),
    ],
)
def test_performance_reviews_count_only_when_they_are_of_product_managers(text: str, manages: bool) -> None:
    assert extract_management_scope(text).manages_product_managers is manages


@pytest.mark.parametrize(
    ("text", "signals"),
    [
        # A quotation mark that closes a quote after a plural is no possessive: punctuation, a line end or the text's
        # end follows it, or an opening quote in its line matches it.
        ("Your brief, in a word: 'lead the product managers'.", {"manages_product_managers"}),
        ("Your brief, in a word: ‘lead the product managers’.", {"manages_product_managers"}),
        ("We call it 'coaching the PMs'; you will do it weekly.", {"manages_product_managers"}),
        ("Your job: 'lead the product managers'\nand the roadmap.", {"manages_product_managers"}),
        ("Your job is to 'lead the product managers' and keep the roadmap honest.", {"manages_product_managers"}),
        ("You 'develop the directors', in our words.", {"manages_managers"}),
        ("We want one of our 'people managers'.", {"manages_people"}),
        ("In short, 'you'll lead the PMs' is the brief.", {"manages_product_managers"}),  # an apostrophe inside the quote
        # ... where a possessive has a word after it in its line, and stays what the managed have.
        ("You will lead the product managers' weekly review.", set()),
        ("Chair the PMs’ 2025 planning offsite.", set()),
        ("Lead the directors' offsite each spring.", set()),
        ("You will book the people managers' training room.", set()),
        ("Lead the product team's retro.", set()),
        ("Lead the product managers' 'retro' every Friday.", set()),  # the quote opens after it
        ("Since the '90s the product managers' forum has met monthly.", set()),  # no opening quote: a letter follows none
    ],
)
def test_a_quote_closed_after_a_plural_is_no_possessive(text: str, signals: set[str]) -> None:
    scope = extract_management_scope(text)
    assert {name for name in ("manages_product_managers", "manages_managers", "manages_people") if getattr(scope, name)} == signals


@pytest.mark.parametrize("text", ["'a " * 20_000, "x 'lead the PMs " * 20_000, "'" + "a" * 50_000])
def test_quotes_left_open_are_read_once(text: str) -> None:
    """A line of opening quotes that nothing closes: each is tried once, not each against the rest of the line."""
    assert _closing_quotes_as_spaces(text) == text


@pytest.mark.parametrize(
    ("text", "product_managers", "people"),
    [
        # "People management" and "direct reports" say that the role manages, not whom (issue 3).
        ("Engineering Manager: strong people management skills.", False, True),
        ("You bring 5+ years of people management experience.", False, True),
        ("You will have direct reports.", False, True),
        ("You will have direct reports and coach the product managers.", True, True),
        ("You will manage a team of product managers.", True, False),
        ("You will have no direct reports.", False, False),
        # Stated as absent: a contraction, "rather than", a label's value (issue 3).
        ("This is a senior IC role; you won't have direct reports.", False, False),
        ("The title reflects scope rather than direct reports.", False, False),
        ("Direct reports:   Nil", False, False),
        ("Direct reports: 0 (an individual contributor role)", False, False),
        ("People management – none", False, False),
        ("Direct reports: none yet, two PMs by Q3", False, True),  # the label's value goes on: not a plain "none"
        ("You will have direct reports - no micromanagement.", False, True),
        # A negation ends with its clause; a range from none is no absence; "not required" is one (review of issue 3).
        ("This isn't an IC role: you'll have direct reports.", False, True),
        ("Don't worry — you will have direct reports.", False, True),
        ("Direct reports: 0-2", False, True),
        ("People management: Not required", False, False),
        ("| Direct reports | None |", False, False),  # a table's cell, or a note before the value
        ("Direct reports (for now): none", False, False),
        # Line management is people management; a product line's is not, nor one that sits with someone else.
        ("- Line management", False, True),
        ("You will line-manage the engineers and QA.", False, True),
        ("You will report to your line manager.", False, False),
        ("At least 6 years in product line management.", False, False),
        ("Line management remains with the director; you lead the craft.", False, False),
        ("People management sits with our Head of Product.", False, False),
        ("Keep both solid-line and dotted-line reports engaged.", False, True),
        # What people managers have is not the role's managing ("the people managers' calendar"), but their growth is.
        ("You will keep the people managers' offsite calendar.", False, False),
        ("You will grow the people managers' skills.", False, True),
        ("You will keep the people managers’ offsite calendar.", False, False),
        # ... but a people manager's job, or people management's, is the role's.
        ("This is a people manager's job first and foremost.", False, True),
        ("You will own people management’s day-to-day: one-to-ones and reviews.", False, True),
        ("There will be at least 2 immediate direct reports.", True, True),
        # A count after a comma is stated, whatever came before it; a list of what the role will not have stays absent.
        ("No ego, 5 direct reports.", True, True),
        ("No egos, no politics, 3 PMs reporting to you.", True, False),
        ("You will have no budget, headcount or direct reports.", False, False),
        ("No direct reports, no budget.", False, False),
        ("Not 5 direct reports.", False, False),
        # A count of reports manages PMs unless the reports are named as other people.
        ("You will have 4 direct reports.", True, True),
        ("You will have 3 direct reports: two designers and a researcher.", False, True),
        ("Direct reports: 3 designers", False, True),
        ("You will have 2 direct reports, both senior designers.", False, True),
        ("5 direct reports (all product managers)", True, True),
        ("Direct reports: 3 Product Managers, 1 Designer", True, True),
        ("You will have 4 direct reports and work with our engineers.", True, True),
        ("You will manage 5 people (designers and engineers).", False, False),
        ("Manage 5 people; partner with designers.", True, False),
    ],
)
def test_managing_people_is_read_apart_from_managing_product_managers(text: str, product_managers: bool, people: bool) -> None:
    scope = extract_management_scope(text)
    assert (scope.manages_product_managers, scope.manages_people) == (product_managers, people)


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        ("You will lead a team of 6 product managers.", 6),
        ("This isn't an IC role: you'll lead a team of 6 product managers.", 6),
        ("You'll grow a team of 5 PMs to 12 by next year.", 5),
        ("Scale a team of four product managers into a team of ten.", 4),
        ("Build and lead a growing team of four PMs.", 4),
        ("You will have a team of 5 product managers.", 5),
        ("Lead an organization of 60 people across three product lines.", 60),
        ("Manage 3 product managers in the payments group.", 3),
        ("Supervising two associate product managers.", 2),
        ("You will join a team of 12 product managers.", None),
        ("You'll be part of a team of 8 PMs.", None),
        ("You will report to a Director who leads a team of 10 product managers.", None),
        ("Our product org is a team of 40 people in three cities.", None),
        ("You will be in charge of a team of six product managers.", 6),
        ("You will lead the Payments Acceptance product team of five product managers.", 5),
        ("You'll take over a team of four PMs.", 4),
        ("You will supervise our team of six product managers.", 6),
        ("This role leads Kalyra's product organisation of 34 people.", 34),
        ("You will work closely with a team of 12 product managers.", None),
        ("Our VP of Product (who manages three directors) reports to the CEO.", None),
        ("Our Head of Product manages 3 directors.", None),
        ("You will report to our VP of Product, who joined in 2023 and manages 5 directors.", None),
        ("Our CPO leads 40 people across the group.", None),
        ("Reporting to the VP (manages 3 directors).", None),
        ("Join our growing team of 40 product managers.", None),
        ("We are a fintech with a team of 60 people.", None),
        ("We have a team of 200 people in Berlin.", None),
        ("The team of five product managers reports to you.", 5),
        ("Your peers include a team of 6 product managers.", None),
        ("Acme is a team of 60 people\nReporting to you: 4 product managers", None),
        ("Responsible for managing 5 product managers.", 5),
        ("You'll be managing 4 product managers.", 4),
        ("You'll directly manage 4 PMs.", 4),
        ("Own the product roadmap, manage 4 PMs, and set the strategy.", 4),
        ("● Manage 5 product managers.", 5),
        ("Our Head of Product also manages 3 directors.", None),
        ("She manages 3 directors.", None),
        ("Our VP of Product joined from Google and leads 40 people.", None),
        ("You'll report to our CPO, who joined in 2023 and leads a team of 40 people.", None),
        ("Our team needs you to manage 5 product managers.", 5),
        ("You have worked in a team of 8 product managers.", None),
        ("Lead our team of 4 game PMs across two studios.", 4),
        ("In a department that serves every clinic, the Director manages a team of five product managers.", 5),
        ("- Leading four Directors across the division", 4),
        ("This person will manage five product managers.", 5),
        ("You'll line-manage five product managers.", 5),
        ("Reports to the Deputy Librarian, and supervises four product managers.", 4),
        ("**Scope** - Leads two Senior Directors", 2),
        # Whole verbs: a company's team is no team the role leads.
        ("Join our leadership team of 10 directors.", None),
        ("Our management team of 8 people meets weekly.", None),
        ("We're growing our team of 40 people.", None),
        ("We are a rapidly scaling fintech with a team of 60 people.", None),
        ("We're hiring for our team of 12 product managers.", None),
        ("You will grow our team of 5 PMs.", 5),
        ("You will lead this product line and the team of five PMs.", 5),
        ("- Disciplinary leadership of a team of seven product managers", 7),
        # A label and its value (issue 3): the count, the lower end of a range; not a time or a share.
        ("Direct reports: 3 (PMs)", 3),
        ("**Direct reports** – 4", 4),
        ("Number of direct reports: five", 5),
        ("Direct reports: 2-3", 2),
        ("Direct reports: none", None),
        ("Direct reports: 50% of your time is coaching", None),
        ("Direct reports: 12 months from now", None),
        ("Our CPO's direct reports: 6 directors", None),
        ("Direct reports:\n3 product lines", None),
        # ... nor the years of a requirement, past a plus or a range; the next line's years are no part of the value.
        ("Experience managing direct reports - 5+ years", None),
        ("Managing direct reports: 3-5 years", None),
        ("Direct reports: 3 or more years", None),
        ("Direct reports: 1 to 2 yrs", None),
        ("Direct reports: 3\nYears of experience: 8", 3),
        # ... in a table, with a note, or a value given roughly.
        ("| Direct reports | 4 |", 4),
        ("Direct reports (initially): 2", 2),
        ("Direct reports: ~6", 6),
        ("Direct reports: up to 5", 5),
        ("Direct reports: approx. 3 months", None),
        # ... and the reports its value lists, each a count or one named: not a count of some of them, nor a thing.
        ("Direct Reports: 3 Product Managers, 1 Designer", 4),
        ("Your direct reports: two VPs of Engineering, the VP Design and the Head of Research.", 4),
        ("Direct reports: four Product Managers and two Data Analysts (one role open)", 6),
        ("Direct reports: 2 PMs & a senior designer", 3),
        ("Direct reports: 4 (2 PMs, 2 designers)", 4),
        ("Direct reports: 3 PMs, 2 of whom are senior", 3),
        ("Direct reports: 3 PMs, 2 in London", 3),
        ("Direct reports: 2-3 PMs and a designer", 2),
        ("Direct reports: 3 PMs and the opportunity to hire more", 3),
        ("Direct reports: 3 PMs.\nA designer joins in Q2.", 3),
        # A relative clause that describes the hire is the role's; a colleague's or a boss's is not.
        ("We are looking for a Director who will lead 6 PMs.", 6),
        ("We need a leader who will lead a team of 6 product managers.", 6),
        ("Someone who can manage 4 PMs.", 4),
        ("Our CPO, who will manage 5 directors, joins in May.", None),
        ("You will report to a VP who will manage 5 directors.", None),
        ("Our CPO can manage 4 PMs.", None),
        # A count of reports before the size of a team; the lower end of a range; Markdown emphasis is no word.
        ("You will lead an organization of 60 people across four teams, with 5 direct reports.", 5),
        ("Lead a group of 12 product managers. You will have 3 direct reports.", 3),
        ("You will have 2-3 direct reports.", 2),
        ("With 3 to 5 direct reports.", 3),
        ("Up to 5 direct reports.", 5),
        ("You will lead a team of **4 product managers** and own the roadmap.", 4),
        ("You'll manage *3 PMs*.", 3),
        ("- **Manage 4 product managers** across payments", 4),
        ("You will manage 4 product managers. Our CPO has 6 direct reports.", 4),
        ("Team size: 40 – 6 direct reports", 6),
        ("You will have between three and five direct reports.", 3),
        ("You will run an org of 60 with 5 directs.", 5),
        ("This is a senior role in which you will have 5 direct reports.", 5),
        ("Our ideal candidate will have 5 direct reports.", 5),
        ("Our CPO has 6 direct reports.", None),
        ("She has 4 direct reports.", None),
        # The hire's boss, unless the clause goes on to the hire.
        ("Your manager has 6 direct reports.", None),
        ("Your manager's direct reports: 7", None),
        ("Reporting to your manager, you will have 4 direct reports.", 4),
        ("In your role as director you will have 5 direct reports.", 5),
    ],
)
def test_a_team_counts_as_reports_only_when_the_role_leads_it(text: str, reports: int | None) -> None:
    assert extract_management_scope(text).direct_reports == reports


@pytest.mark.parametrize(
    ("text", "reports", "span"),
    [
        ("An organization of 60 people; you will have 2 – 3 direct reports.", 2, "2 – 3 direct reports"),  # the whole range
        ("Direct reports: 3 PMs, a designer and 2 analysts (one role open)", 6, "Direct reports: 3 PMs, a designer and 2"),  # each one counted
    ],
)
def test_the_span_of_the_reports_holds_what_was_counted(text: str, reports: int, span: str) -> None:
    scope = extract_management_scope(text)
    assert (scope.direct_reports, scope.spans["direct_reports"].of(text)) == (reports, span)


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        ("Direct reports: 1 PM" + ", 1 PM" * 20_000, 9),  # eight listed after the first at most
        ("Direct reports: 2 PMs" + " " * 100_000 + "x", 2),
        ("Direct reports: 2 PMs," + " " * 100_000 + "the" + " " * 100_000 + "x", 2),
        ("Direct reports: 2" + " PMs" * 30_000, 2),
        ("direct reports: " * 6_000 + "3", 3),
        ("Direct reports: " + "1" * 100_000, None),
    ],
)
def test_a_long_run_in_a_labels_value_is_read_once(text: str, reports: int | None) -> None:
    assert extract_management_scope(text).direct_reports == reports


@pytest.mark.parametrize(
    ("text", "hires"),
    [
        # The employer announcing the vacancy, or its recruiting staff and process: not the role's own hiring.
        ("We are hiring a product manager to join our payments team.", False),
        ("We're recruiting for this role and the growth team behind it.", False),
        ("Our team is growing and we are hiring for the product team.", False),
        ("Fernhill Labs is now recruiting an APM for its data team.", False),
        ("The person we hire will sit on the leadership team.", False),
        ("Every year we hire a cohort of graduates into the product org.", False),
        ("Need an adjustment while you apply? Write to our recruiting team.", False),
        ("Throughout the hiring process, our talent team is there to help.", False),
        ("You will meet your recruiter, then the hiring team.", False),
        ("To request an accommodation during recruiting, email our Talent team.", False),
        ("Candidates who need support at any stage of recruitment may contact our talent line.", False),
        ("We are hiring.", False),
        ("Acme Health is hiring a Product Manager to join our payments team.", False),
        ("Northwind and Fabrikam are now hiring PMs for the new data team.", False),
        ("The VP of Product is hiring a Director to lead the platform team.", False),
        ("Acme is recruiting for its new product team.", False),
        # The role hiring or building a team.
        ("You will hire and grow a team of PMs.", True),
        ("Recruit and develop product managers across the platform.", True),
        ("Build out the product team as the business expands.", True),
        ("Scale the product org from one squad to five.", True),
        ("You'll be hiring two more PMs in your first year.", True),
        ("You will shape who we hire into the product group and grow the talent already here.", True),
        ("Success looks like directors who are hiring strong PMs.", True),
        ("Scale team from 4 to 12 PMs by the end of the year.", True),
        ("We operate at global scale and small enough that product managers shape whole services.", False),
        ("Build out team of product managers for the new region.", True),
        ("Hire team leads for each product org.", True),
        ("Your first priority is hiring two senior PMs for the team.", True),
        ("A big part of this role is recruiting a team of product managers.", True),
        ("You are hiring the first three PMs of the team.", True),
        ("This role is recruiting a team of product managers.", True),
        ("In year one, Acme's new director is expected to hire the team.", True),
        ("Your directors lead the groups. They are hiring strong PMs into the team.", True),
        ("The Director is recruiting a team of five product managers.", True),
        ("The Head of Product is hiring and developing a team of PMs.", True),
        ("Your directors: they are hiring strong PMs into the team.", True),
        ("Set the bar for the product managers we hire into your team.", True),
        ("Decide whom we hire into the product org.", True),
        ("Serve as hiring manager for every PM role in your org.", True),
        ("Interviews are led by hiring managers from the product team.", False),
        ("Our hiring processes are run by our talent team.", False),
        ("A hiring committee from the team reviews every application.", False),
        ("We follow fair hiring practices across every team.", False),
        ("This is a contract-to-hire role on the growth team.", False),
        ("New hire onboarding is run by the people team.", False),
    ],
)
def test_hiring_is_the_roles_not_the_employers(text: str, hires: bool) -> None:
    assert extract_management_scope(text).hires is hires


def test_the_roles_hiring_is_found_inside_the_employers_announcement() -> None:
    text = "We're hiring a Director of Product to hire and coach the team."
    scope = extract_management_scope(text)
    assert scope.hires
    assert scope.spans["hires"].of(text) == "hire and coach the team"


def test_the_kind_of_reports_is_read_once_over_a_run_of_spaces() -> None:
    # The spaces before and after a separator are read possessively: a run is not split every way before the kind.
    assert extract_management_scope("5 direct reports," + " " * 200_000 + "designers").manages_product_managers is False
    assert extract_management_scope("5 direct reports" + " " * 200_000 + "x").manages_product_managers is True


def test_joined_verbs_do_not_backtrack_on_runs_of_spaces() -> None:
    # Each joint of "manage, coach and grow" can be split only one way; an earlier pattern took minutes here.
    text = "manage ," + (" " * 400 + "x ,") * 3 + " " * 400 + "y z"
    assert not extract_management_scope(text).manages_product_managers


def test_dashboard_and_onboarding_are_not_the_board():
    scope = parse("Build dashboards and onboarding flows for our job board users. Run the Jira board.").management
    assert not scope.board


_GATED_WORDS = ["p&l", "P & L", "p&amp;l", "profit and loss", "Profit & Loss", "PnL", "own the budget", "budgetary", "budget for"]
_GATED_WORDS += ["board of directors", "the Board", "board-level", "investor updates", "on the board", "İ", "manage", "a", ".", "\n", " "]
_GATED_WORDS += ["lead", "hire", "Directors", "group product managers", "VPs", "vice presidents", "heads of product", "product leaders"]
_GATED_WORDS += ["managers of managers", "leaders of leaders", "people managers", "executive team", "Executive Leadership Committee"]
_GATED_WORDS += ["C-suite", "c level", "csuite", "senior leadership team", "member of the product leadership team", "SLT", "the", "and"]
_GATED = (("pnl", _PNL), ("budget", _BUDGET), ("board", _BOARD), ("executive_team", _EXEC_TEAM))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_GATED_WORDS), max_size=12).map(" ".join))
def test_a_pattern_never_matches_without_the_words_it_needs(text: str) -> None:
    # The scan with a pattern is skipped when none of its words is in the text: that must never lose a match.
    lower = lowered(text)
    for name, pattern in _GATED:
        if pattern.search(lower):
            assert any(word in lower for word in _NEEDS[name]), (name, text)


_DEGREE_WORDS = ["MBA", "M.B.A.", "Master of Business Administration", "Ph.D.", "PhD", "ph d", "doctorate", "doctoral", "Master's", "masters"]
_DEGREE_WORDS += ["master of science", "M.S. in", "MS degree", "M.Sc. or", "MSc", "M.Tech", "mtech", "degree", "in", "or", "İ", ".", "\n", " ", "a"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_DEGREE_WORDS), max_size=10).map(" ".join))
def test_a_degree_pattern_never_matches_without_the_words_it_needs(text: str) -> None:
    lower = lowered(text)
    for level, pattern in _DEGREES:
        if level in _DEGREE_NEEDS and pattern.search(lower):
            assert any(word in lower for word in _DEGREE_NEEDS[level]), (level, text)


# The degree patterns as first written, each alternative opening with ``\b``; ours check it behind a first letter.
_DEGREES_AS_WRITTEN = {
    "mba": r"\bmba\b|master\s+of\s+business\s+administration",
    "phd": r"\bph\.?\s?d\b|\bdoctora(?:te|l)\b",
    "master": r"\bmaster['’]?s\b|\bmaster\s+(?:of|degree)\b|\bm\.?s\.?c?\.?(?=\s+(?:in|degree|or)\b)|\bm\.?tech\b|\bmsc\b",
    "bachelor": (
        r"\bbachelor['’]?s?\b|\bb\.?s\.?c?\.?(?=[\s/,]+(?:in|degree|or|ba)\b)|\bb\.?a\.?(?=[\s/,]+(?:in|degree|or|bs)\b)|\bb\.?tech\b|\bb\.?e\.?(?=\s*(?:/|in\b|or\b))"
        r"|\bundergraduate\s+degree|\bcollege\s+degree|\buniversity\s+degree|\bfour[- ]year\s+degree"
        r"|\b(?:a|relevant|related|technical|appropriate)\s+degree\b(?!\s+of\b)|\bdegree\b(?=\s+(?:in|required|preferred|from|or\s+equivalent)\b)"
    ),
}
# A phrase for each alternative of each degree pattern, tried glued to a word before it and after it.
_DEGREE_PHRASES = ["MBA", "Master of Business Administration", "Ph.D.", "PhD", "ph d", "doctorate", "doctoral", "Master's", "masters"]
_DEGREE_PHRASES += ["master of science", "master degree", "M.S. in", "MS degree", "M.Sc. or", "MSc", "M.Tech", "mtech", "Bachelor's", "bachelor"]
_DEGREE_PHRASES += ["B.S. in", "BSc, or", "B.A. degree", "BA/BS", "B.Tech", "B.E. in", "BE/BTech", "undergraduate degree", "college degree"]
_DEGREE_PHRASES += ["university degree", "four-year degree", "four year degree", "a degree", "relevant degree", "related degree", "technical degree"]
_DEGREE_PHRASES += ["appropriate degree", "a degree of", "degree in", "degree required", "degree preferred", "degree from", "degree or equivalent"]
_BACHELOR_WORDS = ["Bachelor", "bachelors", "Bachelor’s", "B.S.", "BS", "B.Sc", "B.A.", "BA", "B.Tech", "B.E.", "BE", "undergraduate", "college"]
_BACHELOR_WORDS += ["university", "four-year", "four year", "appropriate", "relevant", "related", "technical", "required", "preferred", "from"]
_BACHELOR_WORDS += ["or equivalent", "of", "/", ",", "x", "_", "9", "é", "webmaster", "abachelor", "degrees"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_DEGREE_WORDS + _BACHELOR_WORDS + _DEGREE_PHRASES), max_size=12).map("".join))
def test_the_degree_patterns_find_what_their_word_boundary_forms_find(text: str) -> None:
    # Words and whole phrases glued together ("xcollege degree", "webmaster") test the word boundary behind
    # each first letter; the phrase test below tries every alternative in the contexts that matter.
    lower = lowered(text)
    for level, pattern in _DEGREES:
        plain = re.compile(_DEGREES_AS_WRITTEN[level])
        assert [m.span() for m in pattern.finditer(lower)] == [m.span() for m in plain.finditer(lower)], (level, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_DEGREE_WORDS + _BACHELOR_WORDS + _DEGREE_PHRASES), max_size=12).map("".join))
def test_a_narrower_degree_pattern_finds_the_same_in_a_text_without_degree(text: str) -> None:
    # "degre" keeps the letters the other alternatives start with, so that they are tried and must fail.
    for lower in (lowered(text).replace("degree", "degre"), lowered(text).replace("degree", "")):
        for level, narrow in _WITHOUT_DEGREE.items():
            assert "degree" not in lower
            assert [m.span() for m in narrow.finditer(lower)] == [m.span() for m in dict(_DEGREES)[level].finditer(lower)], (level, text)


def _same_degree_matches(text: str) -> None:
    lower = lowered(text)
    for level, pattern in _DEGREES:
        assert [m.span() for m in _degree_matches(level, pattern, lower)] == [m.span() for m in pattern.finditer(lower)], (level, text)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(_DEGREE_WORDS + _BACHELOR_WORDS + _DEGREE_PHRASES + ["-", "four-year", "  ", "\u00a0", "a", "(", "b"]), max_size=14).map("".join)
)
def test_each_degree_is_read_as_a_scan_reads_it(text: str) -> None:
    # A PhD is tried where "ph" and "doctora" are; in a text with "degree", the bachelor's pattern where its "b"
    # alternatives match and at each "degree" and the words before it. Glued words test the boundaries.
    _same_degree_matches(text)


@pytest.mark.parametrize("phrase", _DEGREE_PHRASES + ["four-year\ndegree", "a\u00a0relevant degree", "B.S. or a degree in math", "bachelor's degree"])
def test_each_degree_phrase_is_read_as_a_scan_reads_it(phrase: str) -> None:
    for text in (phrase, f"x {phrase} y", f"x{phrase} y", f"({phrase})", f"{phrase}, or a degree", f"degree: {phrase}"):
        _same_degree_matches(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A college degree or the equivalent in practice.", [("bachelor", True)]),  # "degree": the whole pattern
        ("BA/BS in economics; a PhD is a plus.", [("bachelor", True), ("phd", False)]),  # no "degree": the "b" alternatives
        ("You hold a relevant degree.\nB.Tech preferred.", [("degree", True), ("bachelor", False)]),
    ],
)
def test_degrees_are_read_with_or_without_the_word_degree(text: str, expected: list[tuple[str, bool]]) -> None:
    assert [(item.level, item.required) for item in extract_education(text)] == expected


@pytest.mark.parametrize("phrase", _DEGREE_PHRASES)
def test_each_degree_phrase_is_found_as_its_word_boundary_form_finds_it(phrase: str) -> None:
    for text in (phrase, f"x {phrase} y", f"x{phrase} y", f"({phrase})", f"é{phrase}", f"_{phrase}", f"9{phrase}", f"{phrase}x"):
        lower = lowered(text)
        for level, pattern in _DEGREES:
            assert [m.span() for m in pattern.finditer(lower)] == [m.span() for m in re.finditer(_DEGREES_AS_WRITTEN[level], lower)], (level, text)


def test_the_degree_patterns_find_what_their_word_boundary_forms_find_in_the_corpus() -> None:
    for path in sorted((DEFAULT_CORPUS / "postings").rglob("*.md")):
        lower = lowered(path.read_text(encoding="utf-8"))
        for level, pattern in _DEGREES:
            assert [m.span() for m in pattern.finditer(lower)] == [m.span() for m in re.finditer(_DEGREES_AS_WRITTEN[level], lower)], (level, path)


_MANAGEMENT_PATTERNS = {
    "direct_reports": _DIRECT_REPORTS,
    "manages_product_managers": _MANAGES_PMS,
    "manages_people": _MANAGES_PEOPLE,
    "manages_managers": _MANAGES_MANAGERS,
    "hires": _HIRES,
    "budget": _BUDGET,
    "board": _BOARD,
    "executive_team": _EXEC_TEAM,
}
# The patterns whose starts are all their places (not those ``_DERIVED_PLACES`` adds places to).
_STARTED = [(pattern, _STARTS[name]) for name, pattern in _MANAGEMENT_PATTERNS.items() if name not in _DERIVED_PLACES]
_STARTED += [(_SELF_REFERENCE, _SELF_REFERENCE_STARTS), (_HIRE, _HIRE_STARTS)]
_STARTED += [(_ROLE_NAMED, _ROLE_NAMED_STARTS), (_ROLE_AS_SUBJECT, _ROLE_AS_SUBJECT_STARTS), (_THIS_ROLE, _THIS_ROLE_STARTS)]
_STARTED += [(YEARS_PATTERN, _YEARS_STARTS), (MONTHS_PATTERN, _MONTHS_STARTS)]
_STARTED_WORDS = [
    "٣ direct reports",
    "3",
    "12",
    "ten",
    "twenty",
    "fifteen",
    "direct reports",
    "reports",
    "reporting to you",
    "product managers",
    "PMs",
    "people",
]
_STARTED_WORDS += ["with", "have", "manage", "Managing", "lead", "team of", "group of", "organisation of", "build and lead", "coach", "grow"]
_STARTED_WORDS += ["hire", "hiring", "recruit", "build out", "scale", "mentor and manage", "supervise", "oversee", "senior", "a", "the", "our"]
_STARTED_WORDS += ["product team", "product org", "product leaders", "directors", "VPs", "people managers", "managers of managers", "budget"]
_STARTED_WORDS += ["leaders of leaders", "own", "set", "responsible for", "budgetary", "board", "Board of Directors", "company", "investor relations"]
_STARTED_WORDS += ["board-level", "executive team", "Executive Leadership Committee", "C-suite", "c level", "csuite", "member of the", "SLT"]
_STARTED_WORDS += ["leadership team", "as", "as our", "be", "become", "seeking", "looking for", "join us as", "role of", "position of", "need"]
_STARTED_WORDS += ["associate", "junior", "Sr.", "principal", "staff", "technical", "Product Manager", "PM", "APM", "Director of Product"]
_STARTED_WORDS += ["head of product", "VP", "vice president", "SVP", "chief product officer", "CPO", "you", "will", "+", "-", "x", "İ", "é"]
_STARTED_WORDS += [" ", " ", " ", "\n", ", ", ". ", "", "not "]
_STARTED_WORDS += ["seeks", "seek", "recruiting", "searching for", "needs", "wants", "an", "our first", "experienced", "!", "'"]
_STARTED_WORDS += ["recruiter", "recruiting team", "hiring process", "performance reviews", "for", "we are", "we're", "is", "who"]
_STARTED_WORDS += ["years", "Yrs.", "year's", "YOE", "decade", "months", "mos", "at least", "minimum", "min.", "up to", "between", "and", "to"]
_STARTED_WORDS += ["or more", "plus", "(5)", "3", "10", "2.5", ".5", "twenty-five", "Thirteen", "often", "in excess of", "no more than", "under"]
# A phrase that each alternative of each pattern matches: a start missing from a pattern's list loses one.
_STARTED_PHRASES = [
    "The Product Owner will",
    "this PM role",
    "the Director of Product reports to",
    "5 direct reports",
    "three PMs reporting to you",
    "with 4 reports",
    "team of 6 product managers",
    "group of two directors",
]
_STARTED_PHRASES += ["organization of 40 people", "has 3 reports", "have ten reports", "managing 2 reports", "leading 5 reports"]
_STARTED_PHRASES += ["manage 3 product managers", "supervising two PMs", "oversees 4 managers", "leads 2 directors"]
_STARTED_PHRASES += ["lead, coach and grow the product team", "build and lead product leaders", "hiring the PMs", "mentor and manage PMs"]
_STARTED_PHRASES += ["line management", "line-manage", "solid-line reports", "dotted line reports", "3 immediate direct reports"]
_STARTED_PHRASES += ["hire 4 PMs and manage them", "supervise 3 PMs", "product managers who will report to you", "people management", "oversee our product org"]
_STARTED_PHRASES += ["performance reviews of the PMs", "performance review for your product team", "PM performance reviews"]
_STARTED_PHRASES += ["product manager performance review", "PMs who will report directly to you", "product managers reporting into this role"]
_STARTED_PHRASES += ["direct\treports", "PMs report to this role"]
_STARTED_PHRASES += ["lead directors", "coach the group product managers", "develop people managers", "hire and grow heads of product"]
_STARTED_PHRASES += ["hire a team", "recruiting talent", "build out the org", "scale the team", "own the budget", "control budgets"]
_STARTED_PHRASES += ["accountable for budget", "budget ownership", "the board", "company board", "board meetings", "investor updates"]
_STARTED_PHRASES += ["executive leadership team", "senior leadership team", "member of the product leadership team", "as a Senior PM, you"]
_STARTED_PHRASES += ["join us as a product manager to", "looking for a Director of Product who", "role of Head of Product.", "need a PM,", "want a PM."]
_STARTED_PHRASES += ["CPO", "APM", "Senior Product Managers", "VP, Product", "vice president of product management", "SVP Product", "EVP of Product"]
_STARTED_PHRASES += ["Chief Product Officer", "Head of Product", "staff PM", "technical product manager", "junior PM", "associate product manager"]
_STARTED_PHRASES += ["principal PM", "lead PM", "Sr. PM", "group PM", "Director, Product"]
_STARTED_PHRASES += [
    "Vice\u00a0President of\tProduct",
    "vice president, product",
    "Sr.\nPM",
    "Director,\u2003Product",
    "head\nof  product",
    "Chief\tProduct Officer",
]
_STARTED_PHRASES += ["senior\u2003product managers", "xAPM", "VP of Product Management", "director product"]
_STARTED_PHRASES += ["be the PM who", "become our APM to", "seeking a VP of Product to", "hiring a Group PM to", "position of Lead PM;"]
_STARTED_PHRASES += ["seeks a Product Manager.", "recruiting an APM", "searching for our first Head of Product who", "needs a Senior PM - Growth"]
_STARTED_PHRASES += ["wants an experienced Principal PM!", "join us as Director of Product to", "start as an APM,", "step in as Head of Product."]
_STARTED_PHRASES += ["come on board as our new Lead PM;", "for the role of Senior PM.", "become our next CPO?", "grow the team over time"]
_STARTED_PHRASES += [
    "you are a seasoned PM with",
    "you're an experienced APM.",
    "you’re a Senior PM,",
    "opportunity for a Product Manager who",
    "this remote PM position",
]
_STARTED_PHRASES += ["about the Product Manager role", "adding a Senior PM to", "bring on a Product Manager for", "welcome a Head of Product,"]
_STARTED_PHRASES += ["C-suite", "C level", "csuite", "CLevel", "SLT", "our board", "manage the budget", "set budgets", "responsible for the budget"]
_STARTED_PHRASES += ["financial management of budgets", "management of the budget", "manager of a budget"]
_STARTED_PHRASES += [f"{count} years" for count in ["zero", "one", "two", "twelve", "twenty", "three", "thirteen", "thirty", "four", "fourteen"]]
_STARTED_PHRASES += [f"{count} years" for count in ["five", "fifteen", "six", "seven", "eight", "nine", "ten", "eleven", *"0123456789"]]
_STARTED_PHRASES += ["at least 5 years", "a minimum of 3 yrs", "a decade", "min. 2 years", "minimum 4 YOE", "over 6 years", "more than 7 years"]
_STARTED_PHRASES += ["up to 3 years", "upwards of 8 years", "in excess of 10 years", "no less than 2 years", "not less than 3 years"]
_STARTED_PHRASES += ["no more than 4 years", "less than 2 years", "under 3 years", "between 3 and 5 years", "6 months", "18 mos", "a year"]
_STARTED_PHRASES += [f"{count} months of experience" for count in ["zero", "one", "two", "twelve", "twenty", "three", "thirteen", "thirty", "four"]]
_STARTED_PHRASES += [f"{count} months of experience" for count in ["fifteen", "five", "six", "seven", "eight", "nine", "ten", "eleven", *"0123456789"]]
_STARTED_PHRASES += [f"{cue} 6 months' experience" for cue in ["at least", "a minimum of", "min.", "over", "more than", "upwards of", "in excess of"]]
_STARTED_PHRASES += ["no less than 6 mos. exp", "not less than 3-6 months of product experience", "6 months experience"]
_STARTED_PHRASES += [
    "at\tleast 5 years",
    "a\u00a0decade",
    "no\nless than 2 years",
    "min 3 yrs",
    "minimum of 3 years",
    "not less than 2 years",
    "no more than 1 year",
]
_STARTED_PHRASES += [
    "in\u00a0excess of 9 years",
    "up\u2003to 4 years",
    "more than\n3 years",
    "over\t2 years",
    "between\u00a02 and 4 years",
    "min.\n6 months of experience",
]
_STARTED_WORDS += ["6-12 months of product experience", "at least six months' experience", "18 mos. exp", "of", "experience"]
_STARTED_PHRASES += [
    "manage a team of product managers",
    "coach PMs",
    "develop product managers",
    "manage directors",
    "grow the product team",
    "direct reports",
]
# Every way a count can begin, written out here rather than taken from the code's lists.
_COUNTS = [*"0123456789", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen"]
_STARTED_PHRASES += [f"{count} direct reports" for count in [*_COUNTS, "twenty", "thirty", "forty", "fifty"]]
_STARTED_PHRASES += ["5 directs", "4 direct\nreports", "two product leaders reporting\tto  you", "3+ senior PMs report to you"]
_STARTED_PHRASES += ["direct reports: 3", "direct  reports – four", "direct reports:\t2-3", "direct reports | 4", "direct reports (initially): ~2"]
_STARTED_WORDS += ["|", "(initially)", "~"]
_STARTED_PHRASES += ["the PM on the card team will", "The Head of Product reports directly to", "this APM reports into", "the Designer and the PM will"]
_STARTED_WORDS += ["on", "directly", "into", "and the", "Sr.", "Officer."]


def _same_management_matches_from_places(lower: str, name_of_text: str) -> None:
    # Each management pattern, tried at its places in ``lower`` (its starts there, and the places derived from words
    # after them), finds what a scan finds.
    for name, starts in _starts_in(lower).items():
        pattern = _MANAGEMENT_PATTERNS[name]
        found = [m.span() for m in matches_at(pattern, lower, _places(name, lower, starts))]
        assert found == [m.span() for m in pattern.finditer(lower)], (name, name_of_text)


def _same_matches_from_starts(text: str) -> None:
    lower = lowered(text)
    for pattern, starts in _STARTED:
        assert [m.span() for m in matches_from(pattern, lower, starts)] == [m.span() for m in pattern.finditer(lower)], (pattern.pattern[:40], text)
    _same_management_matches_from_places(lower, text)
    for pattern, where in ((YEARS_PATTERN, _YEARS_WHERE), (MONTHS_PATTERN, _MONTHS_WHERE)):
        assert [m.span() for m in matches_where(pattern, lower, where)] == [m.span() for m in pattern.finditer(lower)], (pattern.pattern[:40], text)
    mentions = [m.span() for m in _LADDER_MENTION.finditer(lower)]
    assert [m.span() for m in matches_at(_LADDER_MENTION, lower, _ladder_mention_places(lower))] == mentions, text


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(_STARTED_WORDS + _STARTED_PHRASES + ["direct", "directs", "report", "reports", "reporting", "to you"]), max_size=14).map("".join)
)
def test_a_count_or_with_begins_a_match_only_where_its_words_are(text: str) -> None:
    # In a text without a group's words, ``_starts_in`` leaves its starts out: no match may begin with one of them there.
    lower = lowered(text)
    for name, group, cues in _CUED_STARTS:
        if name == "direct_reports" and any(lower.startswith(tuple(group), m.start()) for m in _DIRECT_REPORTS.finditer(lower)):
            assert any(cue.search(lower) for cue in cues), (sorted(group)[:3], text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_STARTED_WORDS + _STARTED_PHRASES), max_size=6).map("".join), min_size=1, max_size=4), st.data())
def test_where_starts_occur_is_kept_for_the_same_text_only(texts: list[str], data: st.DataObject) -> None:
    # The positions of each start are kept for the last text: texts taken in turn, again, and equal texts that are other
    # objects, each with the starts of patterns drawn in any order (so that one pattern's starts serve the next), find
    # what a scan finds.
    for text in texts + texts[::-1] + [text.encode().decode() for text in texts]:
        lower = lowered(text)
        for pattern, starts in data.draw(st.permutations(_STARTED)):
            assert [m.span() for m in matches_from(pattern, lower, starts)] == [m.span() for m in pattern.finditer(lower)]


def test_every_start_begins_a_match_in_some_phrase() -> None:
    # So that the phrase test below fails when a start is dropped from a pattern's list (or a new one has no phrase).
    for pattern, starts in _STARTED:
        begun = [lowered(phrase)[m.start() :] for phrase in _STARTED_PHRASES for m in pattern.finditer(lowered(phrase))]
        for start in starts:
            assert any(text.startswith(start) for text in begun), (pattern.pattern[:40], start)


@pytest.mark.parametrize("phrase", _STARTED_PHRASES)
def test_each_phrase_is_found_from_where_it_starts(phrase: str) -> None:
    assert set(_MANAGEMENT_PATTERNS) == set(_STARTS)
    for text in (phrase, f"x {phrase} y", f"Our {phrase}.", f"x{phrase}", f"- {phrase}\nnot {phrase}"):
        _same_matches_from_starts(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_STARTED_WORDS + _STARTED_PHRASES), max_size=14).map("".join))
def test_a_pattern_tried_where_its_starts_occur_finds_what_a_scan_finds(text: str) -> None:
    # Words glued together ("xlead", "aboard") test the word boundaries at a start.
    _same_matches_from_starts(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_STARTED_WORDS + _STARTED_PHRASES), max_size=10).map("".join), st.integers(0, 120), st.integers(0, 120))
def test_a_pattern_tried_where_its_starts_occur_in_a_window_finds_what_a_scan_of_the_window_finds(text: str, pos: int, endpos: int) -> None:
    # The years and months patterns are tried in a window around each unit word: a start cut off by the window's end
    # begins no match.
    lower = lowered(text)
    for pattern, starts in _STARTED:
        assert [m.span() for m in matches_from(pattern, lower, starts, pos, endpos)] == [m.span() for m in pattern.finditer(lower, pos, endpos)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*_STARTED_WORDS, *_STARTED_PHRASES, "٣", "５+", "𝟓", "١٢"]), max_size=10).map("".join), st.integers(0, 120), st.integers(0, 120)
)
def test_the_years_windows_find_what_a_scan_finds_whatever_the_digits(text: str, pos: int, endpos: int) -> None:
    # "\d" reads Arabic-Indic, full-width and mathematical digits too: such a window is scanned whole.
    lower = lowered(text)
    for pattern, where in ((YEARS_PATTERN, _YEARS_WHERE), (MONTHS_PATTERN, _MONTHS_WHERE)):
        assert [m.span() for m in _tried_where_they_start(pattern, lower, where, pos, endpos)] == [m.span() for m in pattern.finditer(lower, pos, endpos)]


_CUE_WORDS = ["a", "at", "least", "minimum", "min", "min.", "of", "in", "excess", "no", "not", "less", "more", "than", "up", "upwards", "to"]
_CUE_WORDS += ["over", "under", "between", "decade", "decades", "year", "years", "month", "months", "experience", "5", "ten", "data", "within"]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from([*_STARTED_WORDS, *_STARTED_PHRASES, *_CUE_WORDS, " ", "\n", "\t", "\u00a0", "\u2003", "."]), max_size=14).map("".join),
    st.integers(0, 120),
    st.integers(0, 120),
)
def test_the_years_patterns_tried_where_their_starts_are_followed_as_they_must_find_what_a_scan_finds(text: str, pos: int, endpos: int) -> None:
    # A cue's start is tried only where what follows it in every match does ("a" before "t " or a space): the cue words
    # glued or spaced in every way must find the same as a scan, in any window.
    lower = lowered(text)
    for pattern, where in ((YEARS_PATTERN, _YEARS_WHERE), (MONTHS_PATTERN, _MONTHS_WHERE)):
        for window in ((0, len(lower)), (pos, endpos)):
            assert [m.span() for m in matches_where(pattern, lower, where, *window)] == [m.span() for m in pattern.finditer(lower, *window)], text


_MONTH_PHRASES = st.tuples(
    st.sampled_from(["", "at least ", "6", "6-12", "six", "a", "18 "]),
    st.sampled_from(["", " ", "-", "+ ", "\n"]),
    st.sampled_from(["month", "months", "month’", "mos", "mos.", "months or more", "monthly", "mosaic"]),
    st.lists(st.sampled_from(["of", "product", "hands-on", "b2b", "x", "\n", "  "]), max_size=5).map(" ".join),
    st.sampled_from([" experience", " exp", " expert", " exp.", "", "experience"]),
).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.lists(_MONTH_PHRASES, max_size=4).map(" ".join), st.integers(0, 120))
def test_a_months_match_begins_its_unit_at_a_unit_word_that_experience_follows(text: str, endpos: int) -> None:
    # ``_month_candidates`` tries the months pattern only around the unit words where ``_MONTH_UNIT_BEFORE_EXPERIENCE``
    # matches, in the same window: every match the pattern finds there must have its unit at such a word.
    lower = lowered(text)
    for end in (len(lower), endpos):
        for match in MONTHS_PATTERN.finditer(lower, 0, end):
            assert _MONTH_WORD.match(lower, match.start("unit")), text
            assert _MONTH_UNIT_BEFORE_EXPERIENCE.match(lower, match.start("unit"), end), text


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["year", "years", "yr", "yrs", "yoe", "decade", "decades", "y", "s", "ye", "yo", "deca", "5", " ", "\n"]), max_size=12).map(
        "".join
    )
)
def test_the_years_units_are_found_as_one_scan_for_them_finds_them(text: str) -> None:
    # ``_unit_words`` finds the units in "y" and the decades apart; this is the one pattern for all of them.
    units = re.compile(r"years?|yrs?|yoe|decades?")
    assert [m.span() for m in _unit_words(text)] == [m.span() for m in units.finditer(text)]


def test_a_starts_pattern_matches_the_first_character_where_each_start_begins() -> None:
    where = starts_pattern(("ab", "b", "a", "cd"), {"a": r"\s", "cd": "x"})
    assert [m.span() for m in where.finditer("ab a xcdx cd bab")] == [(0, 1), (1, 2), (3, 4), (6, 7), (13, 14), (14, 15), (15, 16)]
    pattern = re.compile(r"\bab\w*|\bb\w*|a\s\w|cdx")
    text = "xab ab abab b bab a b cdxcdx"
    where = starts_pattern(("ab", "b", "a", "cd"), {"a": r"\s|b", "cd": "x"})
    assert [m.span() for m in matches_where(pattern, text, where)] == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("٣ years of product management experience", 3.0),
        ("５+ years of product experience", 5.0),
        ("𝟓+ yrs as a PM", 5.0),
        ("٦ months of product experience", 0.5),
    ],
)
def test_years_written_in_other_digits_are_read(text: str, expected: float) -> None:
    assert [item.minimum for item in extract_years_of_experience(text)] == [expected]


def test_every_alternative_of_the_years_words_begins_with_a_start() -> None:
    # A word added to a pattern's alternatives without a start to find it by would never be tried.
    for group, starts in ((_WORD, _YEARS_STARTS), (_LOWER_CUE, _MONTHS_STARTS), (_UPPER_CUE, _YEARS_STARTS)):
        body = group[group.index(">") + 1 : -1] if group.startswith("(?P<") else group[3:-1]
        for alternative in body.split("|"):
            assert alternative.startswith(starts), alternative


@pytest.mark.parametrize(
    ("text", "owns_a_budget"),
    [
        ("You will own the budget for the platform.", True),
        ("Own the product development budget and the vendor contracts.", True),
        ("Set the travel budget for the product team.", True),
        ("Managing the product budget is part of the job.", True),
        ("Our Performance Management product helps finance teams build budgets.", False),
        ("Management of the $5M product budget sits with this role.", True),
        ("You will be the manager of a $2M budget.", True),
        ("Financial management, including budgets and forecasts.", True),
        ("You manage a budget of $3M for vendors, and a learning budget for yourself.", True),  # the first budget counts
        ("Perks: a learning budget of $1,500 a year.", False),
        ("We offer a budget for certifications and conferences.", False),
        ("Manage your personal development budget as you see fit.", False),
        ("Benefits: a learning and development budget, a home office budget.", False),
        ("A yearly budget of EUR 2,000 to spend on courses.", False),
        ("You will manage a budget of CHF 2,000 for conferences.", False),  # any currency the pay is read in (issue 3)
        ("You will manage a budget of ₹50,000 for courses.", False),
        ("You will manage a budget of CHF 2M for the platform.", True),
    ],
)
def test_a_budget_that_is_a_perk_is_no_budget_the_role_owns(text: str, owns_a_budget: bool) -> None:
    assert extract_management_scope(text).budget is owns_a_budget


def test_a_head_of_product_marketing_or_design_is_no_ladder_title() -> None:
    text = "Our Director of Product Marketing, the Head of Product Design and the VP, Product Operations work with the Director of Product Management and the VP of Product."
    assert [(m.value, m.level.level.code) for m in find_mentions(text)] == [("Director of Product Management", "DIR"), ("VP of Product", "VP")]


def test_a_managing_director_over_product_is_a_rank_above_its_directors() -> None:
    text = "You will work with the Managing Director, Product and the Director of Product."
    assert [(m.value, m.level.level.code) for m in find_mentions(text)] == [("Managing Director, Product", "VP"), ("Director of Product", "DIR")]


def test_matches_from_keeps_the_order_and_skips_overlaps() -> None:
    pattern = re.compile(r"\bab\w*|\bb\w*")
    text = "xab ab abab b bab"
    assert [m.span() for m in matches_from(pattern, text, ("ab", "b"))] == [m.span() for m in pattern.finditer(text)] == [(4, 6), (7, 11), (12, 13), (14, 17)]
    assert list(matches_from(pattern, text, ())) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["p", "P", "&", " & ", "l", "L", "&amp;", "profit", "and", "loss", "pnl", "x", " ", "\n", "-"]), max_size=10).map("".join))
def test_the_pnl_pattern_finds_what_its_word_boundary_form_finds(text: str) -> None:
    # _PNL checks the word boundary behind its first letter; this is the pattern as first written.
    plain = re.compile(r"\bp\s*&\s*l\b|\bp&amp;l\b|\bprofit\s+(?:and|&)\s+loss\b|\bpnl\b")
    lower = lowered(text)
    assert [m.span() for m in _PNL.finditer(lower)] == [m.span() for m in plain.finditer(lower)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["report", "Reports", "reporting", "xreport", "_report", "3report", "to", "into", "line", ":", "|", " ", "\n", "the", "CEO"]),
        max_size=10,
    ).map(" ".join)
)
def test_the_reporting_line_pattern_finds_what_its_word_boundary_form_finds(text: str) -> None:
    # _REPORTS_TO checks the word boundary behind the word "report" (``at_word_start``); this is the pattern with ``\b``.
    plain = re.compile(r"\breport" + _REPORTS_TO.pattern.removeprefix(at_word_start("report")))
    assert plain.pattern != _REPORTS_TO.pattern
    lower = lowered(text)
    assert [m.span() for m in _REPORTS_TO.finditer(lower)] == [m.span() for m in plain.finditer(lower)]
    for glued in (text.replace(" ", ""), "\n" + text, text + "report"):
        assert [m.span() for m in _REPORTS_TO.finditer(glued)] == [m.span() for m in plain.finditer(glued)]


_RUNS = ["manage", "managing", "leads", "coach", "grow", "hire", "develop", ",", " , ", " and ", " & ", "  ", "\n", "the", "team of", "5", "product"]
_RUNS += ["product managers", "PMs", "product organisation's", "product org’s", "product org", "directors", "a team of", "VPs", "x", "'s"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_RUNS), max_size=12).map(" ".join), st.booleans())
def test_the_possessive_runs_find_what_runs_that_give_back_find(text: str, glued: bool) -> None:
    # ``\w*+`` and ``\w++`` read a word whole: what follows each needs a space or a comma, so giving a letter back
    # never makes a match (but "product org\w*" before "'s" gives back, and is no possessive run).
    lower = lowered(text.replace(" ", "") if glued else text)
    for pattern in (_MANAGES_PMS, _MANAGES_MANAGERS):
        giving_back = re.compile(pattern.pattern.replace("*+", "*").replace("++", "+"))
        assert giving_back.pattern != pattern.pattern
        assert [m.span() for m in pattern.finditer(lower)] == [m.span() for m in giving_back.finditer(lower)], text


def test_the_words_a_pattern_needs_hold_across_the_corpus() -> None:
    for path in sorted((DEFAULT_CORPUS / "postings").rglob("*.md")):
        lower = lowered(path.read_text(encoding="utf-8"))
        for name, pattern in _GATED:
            assert not pattern.search(lower) or any(word in lower for word in _NEEDS[name]), (name, path.name)
        for level, pattern in _DEGREES:
            assert level not in _DEGREE_NEEDS or not pattern.search(lower) or any(word in lower for word in _DEGREE_NEEDS[level]), (level, path.name)
            assert [m.span() for m in _degree_matches(level, pattern, lower)] == [m.span() for m in pattern.finditer(lower)], (level, path.name)
        for pattern, starts in _STARTED:
            assert [m.span() for m in matches_from(pattern, lower, starts)] == [m.span() for m in pattern.finditer(lower)], (pattern.pattern[:40], path.name)
        _same_management_matches_from_places(lower, path.name)
        mentions = [m.span() for m in _LADDER_MENTION.finditer(lower)]
        assert [m.span() for m in matches_at(_LADDER_MENTION, lower, _ladder_mention_places(lower))] == mentions, path.name


def test_parse_a_path(tmp_path):
    path = tmp_path / "ad.md"
    path.write_text(POSTING, encoding="utf-8")
    assert parse(path).source == str(path)
    assert parse(Path(path)).title.value == "Director of Product Management"


@pytest.mark.parametrize("bad", ["", "   \n  "])
def test_empty_text_is_a_domain_error(bad):
    with pytest.raises(InputError, match="the posting is empty"):
        parse(bad)


def test_too_long_text_is_a_domain_error():
    with pytest.raises(InputError, match="over the 1,000-character limit"):
        parse("x" * 1001, max_chars=1000)


def test_to_dict_is_json_ready():
    import json

    data = parse(POSTING).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["main_years"]["minimum"] == 10


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=2000))
def test_any_string_parses_or_raises_the_domain_error(text):
    try:
        posting = parse(text)
    except JdclassError:
        return
    for item in posting.years:
        assert 0 <= item.span.start < item.span.end <= len(posting.text)
    if posting.title:
        assert posting.title.span.of(posting.text).strip() == posting.title.value


JOB_WORDS = st.sampled_from(
    [
        "5+ years",
        "3-5 yrs",
        "at least seven years",
        "a decade",
        "Senior",
        "Product Manager",
        "Director",
        "reports to the CEO",
        "P&L",
        "\n",
        "- ",
        "## ",
        "MBA",
        "(",
        ")",
        "&amp;",
        "<li>",
        "</p>",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(JOB_WORDS, st.text(max_size=12)), max_size=60).map(" ".join))
def test_job_like_text_parses_or_raises_the_domain_error(text):
    try:
        posting = parse(text)
    except JdclassError:
        return
    assert posting.to_dict()["minimum_years"] is None or posting.minimum_years >= 0


@pytest.mark.parametrize(
    ("text", "boss"),
    [
        ("REPORTS TO THE VP OF PRODUCT AND THE CEO", "ceo"),
        ("Reports To: Engineering Manager With Dotted Line To The VP Product", "vp"),
        ("Reporting To: Director Of Engineering As Well As The CEO", "ceo"),
        ("Reports to the VP of Product and works with the CEO", "vp"),
        ("Reports to the Senior Vice President, Digital & Technology", "vp"),
        ("Reports to the Vice-President of Engineering", "vp"),
        ("Reports to the Vice  President of Engineering", "vp"),
        ("Reports to the Vice – President, Digital", "vp"),
        ("Reports to the Vice\u00a0President of Engineering", "vp"),
        ("Reports to the President of the company", "ceo"),
        # The head of a business unit or a region, not of the company.
        ("Reports to the General Manager of Imaging Informatics", "vp"),
        ("Reporting to the Managing Director of Digital Commerce, you will", "vp"),
        ("Reporting to the President, Asia Pacific, you will lead the product team.", "vp"),
        ("Reports to the Managing Director, Commercial Banking Technology", "vp"),
        ("Reports to the President of the Consumer Banking division", "vp"),
        ("Reports to the President of Northwind.", "ceo"),
        ("Reports to the Managing Director, Anna Berg.", "ceo"),
        # The company's own head: its legal form, "the business", or a person's name that ends in a compass point.
        ("This role reports to the Managing Director of Acme GmbH.", "ceo"),
        ("You will report to the General Manager of Northwind Holdings Ltd.", "ceo"),
        ("You will report directly to the Managing Director of the business.", "ceo"),
        ("You will report to the President, Northwind Technology Inc.", "ceo"),
        ("You will report to our President, Maria West.", "ceo"),
        ("Reports to the Managing Director of the business unit", "vp"),
        ("Reports to the General Manager for EMEA", "vp"),
        ("Reports to the President, North America", "vp"),
        ("Reports to the Managing Director for Acme", "ceo"),
        ("Reports to the Managing Director of Acme.", "ceo"),  # as "for Acme": a Managing Director of a name heads it
        ("Reports to the Managing Director of the card unit", "vp"),
        ("Reports to the General Manager of the company", "ceo"),
        ("Reports to our General Manager.", "ceo"),
        ("Reports to the CFO.", "executive"),
        ("Reporting to the CIO, you will run the data products.", "executive"),
        # The boss before "to whom this role reports".
        ("Set the roadmap with the Chief Digital Officer, to whom this role reports.", "executive"),
        ("Partner with our VP of Product, to whom you will report, on the roadmap.", "vp"),
        ("Work with the CFO, to whom finance reports.", None),
        ("Acme, to whom you report, sells shoes.", None),
        ("Work with a Senior Product Manager, who sets the direction for the squad and to whom you report.", "senior_pm"),
        ("Partner with the President, EMEA, to whom this role reports.", "vp"),
        ("You'll join the team of our CPO, to whom you'll report.", "cpo"),
        ("Our Head of Product, to whom you will be reporting, leads the group.", "head_of_product"),
        ("Work with the VP of Sales, to whom the successful applicant will report.", "vp"),
        ("Work with the VP of Sales, to whom the design team will report.", None),
        ("| Reports to | Head of Product |", "head_of_product"),
        ("Reporting line: Chief Technology Officer", "executive"),
        ("Report to a Group PM.", "senior_pm"),
        ("Team: 4 PMs reporting to you.", None),
        ("We offer a clear reporting line and regular 1:1s.", None),
        ("Reporting line - VP Product", "vp"),
    ],
)
def test_reporting_line_in_any_case(text: str, boss: str) -> None:
    # The patterns run over lower-cased text; the boss is read from the original, where only lower-case
    # "and", "with", "as" end the phrase.
    assert extract_management_scope(text).reports_to == boss


@pytest.mark.parametrize("gap", ["\t", "\n", " \n"])
def test_a_long_gap_after_reports_to_is_read_once(gap: str) -> None:
    # The space before an optional separator and the space after it took every split of such a run: 4,000 tabs took 1 s.
    assert extract_management_scope("Reports to" + gap * 100_000 + "x").reports_to is None
    assert extract_management_scope("Reports to:" + gap * 100_000 + "the CPO").reports_to == "cpo"
    assert extract_management_scope("Work with the CPO, to whom you" + gap * 100_000 + "report.").reports_to == "cpo"
    assert extract_management_scope("Work with the CPO, to whom you" + gap * 100_000 + "x").reports_to is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("As a Senior Product Manager, you will own search.", "Senior Product Manager"),
        ("We are hiring a Director of Product to lead our platform team.", "Director of Product"),
        ("Founded 100 years ago, the firm is hiring a Product Manager to run pricing.", "Product Manager"),
        ("- 7+ years as a product manager, some of it in payments.", None),
        ("- 5 years of experience as a project manager in IT projects.", None),
        ("Prior experience as a CPO or SVP of Product.", None),
        ("You have worked as a product owner or business analyst.", None),
        ("Background as a Product Owner or business analyst on an agile team.", None),
        ("In your first year as a Senior Product Manager, you will own onboarding.", "Senior Product Manager"),
        ("Over the next two years as Head of Product you will scale the team.", "Head of Product"),
        # No article: the title's own first letters are not one ("As Associate ...", "as an APM" read whole).
        ("As Associate Product Manager you will support the checkout team.", "Associate Product Manager"),
        ("As APM, you will write specs for the onboarding squad.", "APM"),
        ("We are seeking an Associate Product Manager to join payments.", "Associate Product Manager"),
        # A pronoun starts no title: the role is named in the next sentence, not across the full stop.
        ("Build what customers need it. As Associate Product Manager, you will run research.", "Associate Product Manager"),
        ("We want you. As a Senior PM you will own search.", "Senior PM"),
        # ... but "IT" and "US" start titles, and an article is never part of one.
        ("As IT Product Manager, you will own our ERP roadmap.", "IT Product Manager"),
        ("We are hiring an IT Product Manager to run the ERP.", "IT Product Manager"),
        ("As US Product Lead, you will own the roadmap.", "US Product Lead"),
        # A title does not run on past a full stop, but for an abbreviation in it.
        ("The role answers for the suite as a business. The Director sets its product strategy.", None),
        ("As a Sr. Product Manager, you will own search.", "Sr. Product Manager"),
        ("As a U.S. Product Lead, you will own the roadmap.", "U.S. Product Lead"),
        ("As an Assoc. Product Manager, you will support the payments team.", "Assoc. Product Manager"),
        ("As Dir. of Product Management, you will set the plan.", "Dir. of Product Management"),
        ("We want to grow in two years. The Director of Product will mentor you.", None),
        # "An experienced": an article and a word of praise together.
        ("We are looking for an experienced Technical Program Manager to join us.", "Technical Program Manager"),
        ("Acme is seeking a seasoned Product Manager to run pricing.", "Product Manager"),
        # The employer's or the team's own: "As Acme's first Product Designer", "As our next Head of Product".
        ("As Acme's first Product Designer, you will set the bar.", "Product Designer"),
        ("As our next Head of Product, you will own the roadmap.", "Head of Product"),
        ("As the team’s new Senior PM, you will own search.", "Senior PM"),
        # A title ends before its sentence's full stop, not an abbreviation's.
        ("We're hiring our first Chief Product Officer. You will report to the CEO.", "Chief Product Officer"),
        ("We're hiring our first Sr. Product Manager. You will own pricing.", "Sr. Product Manager"),
        ("Intro. The Product Manager. Role overview follows.", None),
        # "Be" names the role when the reader or the one hired is to be it.
        ("You'll be the squad's only designer, so you'll own the design.", "designer"),
        ("You will also be our first Product Manager.", "Product Manager"),
        ("Could you be our next Head of Product?", "Head of Product"),
        ("We want someone to be our first Product Manager.", "Product Manager"),
        ("Your closest partners will be the squad's product manager and a tech lead.", None),
        ("Your manager will be the Chief Product Officer.", None),
        ("Intro.\n\nYour closest partners will be the squad's product manager.", None),
        ("Intro.\n\nEach quarter the product manager will review our plan.", None),
        # The role as the subject of a sentence that says what it will do or is.
        ("About the role\n\nThe Senior Product Manager will own search and payments.", "Senior Product Manager"),
        ("We build ledgers. The Program Manager is responsible for delivery across teams.", "Program Manager"),
        ("- This Product Owner role sits in the payments tribe.", "Product Owner"),
        ("1. The Director of Product reports to the CPO.", "Director of Product"),
        ("We sell tea. The Senior Product Manager reports directly to the CPO.", "Senior Product Manager"),
        # ... or after a clause that opens the sentence to place the role.
        ("Intro.\n\nReporting to the CPO, the VP of Product will run the product organisation.", "VP of Product"),
        ("Intro. In this role, the Senior PM will own pricing.", "Senior PM"),
        ("Intro.\nReporting to the Manager, Digital Product, the Product Manager will own the app.", "Product Manager"),
        ("**Reporting line.** The CPO reports to the CEO.", "CPO"),
        ("- Under the direction of the Head of Digital, the Product Manager is responsible for the app.", "Product Manager"),
        ("We sell tea. After the launch, the Product Manager will review our plan.", None),
        ("Intro.\n\nReporting to you, the Product Manager will own pricing.", None),
        ("We sell tea. The Product Manager reports into the Head of Product.", "Product Manager"),
        # ... not a colleague: the sentence addresses the reader, says what someone does now, or is not a sentence's start.
        ("We build apps. The Product Manager sets priorities; you shape the solutions.", None),
        ("The PM will set the roadmap and the what; you will own the experience.", None),
        ("Acme makes boards. Our Head of Product sets the strategy each quarter.", None),
        ("Each quarter the product manager will review our plan.", None),
        ("The team will grow. The title says Head of Product because it is one.", None),
        ("We sell tea. The Designer and the PM will co-own the roadmap.", None),
        ("We sell tea. The PM on the card team will own pricing.", "PM"),
        ("We sell tea. The Product Manager in our Berlin office will own pricing.", "Product Manager"),
        ("We issue permits. The Product Manager for the licensing service is responsible for renewals.", "Product Manager"),
        ("We sell tea. The VP of Product and Design will own pricing.", "VP of Product and Design"),
        # A title that ends in a group names the group, unless an "of" or a dash says it is the role's.
        ("We build banks. The product management team will grow to twelve PMs.", None),
        ("We build banks. The PM team is a group of eight.", None),
        ("Intro.\n\nAs a product management community, we share what we learn.", None),
        ("We build banks. The Head of Product Practice will set standards.", "Head of Product Practice"),
        ("We build banks. The Senior Product Manager - Payments Team will own pricing.", "Senior Product Manager - Payments Team"),
        # ... nor the one who hires for the role: the sentence speaks of the hiring.
        ("We sell tea. The Head of Product will interview candidates in the second round.", None),
        ("We sell tea. The VP of Product will be the hiring manager for this role.", None),
        ("Intro.\n\nThe Director of Product will oversee this position and its budget.", None),
        # ... while the role's own interviews, and words that only begin with "you", are read.
        ("We make apps. The Product Manager will run customer interviews every week.", "Product Manager"),
        ("Intro.\n\nThe Associate Product Manager is a developmental position for candidates early in their careers.", "Associate Product Manager"),
        ("We sell tea. The Head of Product will lead the interview panel.", None),
        ("We sell games. The Senior Product Manager will own a market where youth matters.", "Senior Product Manager"),
        # A title ends at the line's end.
        ("About the role\nThe Director of Product will lead the platform.", "Director of Product"),
        # Emphasis and quotation marks around the title are no part of it.
        ("We are looking for a **Product Manager** with a security background.", "Product Manager"),
        ("As a 'Senior Product Manager' you will shape our care platform.", "Senior Product Manager"),
        ('Our client is looking for a "Senior" Product Manager to join them.', "Senior Product Manager"),
        ("As a “Head of Product”, you will set the plan.", "Head of Product"),
        # ... but a heading is no sentence: the role is not looked for across a line break.
        ("**Why we're hiring**\n\nOur product team grew from one PM to four.", None),
        ("What we are looking for\nProduct management experience in fintech.", None),
        # The reader addressed as the role.
        ("You are a seasoned Product Manager with many launches behind you.", "Product Manager"),
        ("If you are a Senior Product Manager who thrives on ambiguity, read on.", "Senior Product Manager"),
        ("You're an experienced APM.", "APM"),
        ("You are a great fit if you love data.", None),
        ("You are an engineer at heart.", None),
        # ... with an article only, and not as what the reader has been or is now.
        ("You are supported by a Senior Product Manager.", None),
        ("You are currently a Senior Product Manager and want to grow.", None),
        ("You are an APM today, hungry for more scope.", None),
        ("You are a Product Manager or Product Owner with 5 years of experience.", None),
        # ... and described in words joined by "and", which are no part of the title; two roles so joined are not one.
        ("You are a thoughtful and numbers-minded Product Manager who enjoys talking to users.", "Product Manager"),
        ("You're a patient, curious and hands-on Senior PM with a taste for pricing.", "Senior PM"),
        ("As a calm & organised Associate Product Manager, you will run the weekly triage.", "Associate Product Manager"),
        ("As a Designer and Product Manager, you will shape both the flows and the plan.", "Designer"),
        ('We list our founder as "Chair" and our head of engineering as "Tech Director".', None),
        # The words in lower case around a title in capitals are no part of it, unless they make its rung.
        ("You are a curious data-driven Product Manager.", "Product Manager"),
        ("You're an engineer turned Senior Product Manager who loves APIs.", "Senior Product Manager"),
        ("You are the kind of PM who ships.", "PM"),
        ("If you are a Product Manager looking for a bigger scope, read on.", "Product Manager"),
        ("This fast-paced Senior PM role is hybrid.", "Senior PM"),
        ("You are an entry-level Product Manager at heart.", "entry-level Product Manager"),
        ("As a senior Product Manager you will own pricing.", "senior Product Manager"),
        ("We're adding a Head of Product next quarter.", "Head of Product"),
        ("Trainees are confirmed as Associate Product Manager after 12 months based on reviews.", "Associate Product Manager"),
        ("As Product Manager 2 you will own search.", "Product Manager 2"),
        # The role named as this one, wherever the sentence has it.
        ("The ideal applicant for this remote Product Manager position has a customer-first mindset.", "Product Manager"),
        ("Within this Senior PM role at Acme, you will own pricing.", "Senior PM"),
        ("About the Product Manager role\nOur PM reports to the CPO.", "Product Manager"),
        ("This is an excellent opportunity for a Project Manager who loves hardware.", "Project Manager"),
        ("This is a great role for growth.", None),
        # ... still this one with a possessive after it; but a step of a career is the role's next, not the role.
        ("This Senior PM role's peers are two designers and an analyst.", "Senior PM"),
        ("After a year there is an opportunity for a Senior PM promotion.", None),
        ("Strong work opens an opportunity for a senior pm promotion within two years.", None),
        ("The plan offers an opportunity for a Group PM track later on.", None),
        ("There is an opportunity for a Senior PM, Promotions to own our coupon engine.", "Senior PM"),
        ("Our PMs grow into the Director of Product role over time.", None),
        # The employer hiring, in words the other forms do not read.
        ("We are seeking an entrepreneurial Product Designer as we build out our studio.", "Product Designer"),
        ("We are currently searching for an experienced Survey Project Manager.", "Survey Project Manager"),
        ("We are excited to bring on a Product Manager for our billing suite.", "Product Manager"),
        ("We're looking to add a talented Senior Product Manager to our growing team!", "Senior Product Manager"),
        ("We are adding a remote Product Manager, with a knack for APIs, to the platform team.", "Product Manager"),
        ("You will add two Product Managers to the team.", None),
        # ... not the reader's boss, nor someone already there, hired too.
        ("We are hiring a Head of Product, to whom you will report.", None),
        ("We are hiring a VP of Product, who you'll report to.", None),
        ("We are excited to welcome a Head of Product who joined last year.", None),
        ("We are adding a Head of Product next quarter, to whom you will report.", None),
        ("We are hiring a Product Manager who will be your manager.", None),
        ("We are hiring a Senior PM who will work with our CPO, to whom you will report.", "Senior PM"),
        ("Help us add a Product Manager to the team.", None),
        # "need to" and "want to" go on with a verb: only one that hires names a role.
        ("You want to learn product management from people who ship.", None),
        ("The founders want to professionalise product management.\nAs Director of Product, you will report to them.", "Director of Product"),
        ("We need to hire a product manager who enjoys billing.", "product manager"),
        ("We want to find a Senior PM to own search.", "Senior PM"),
        ("We want to hire a Head of Product, to whom you will report.", None),
    ],
)
def test_self_reference_is_the_role_not_a_background_asked_for(text: str, role: str | None) -> None:
    found = find_self_reference(text)
    assert (found.value if found else None) == role


def test_a_long_line_of_role_subjects_is_read_once() -> None:
    # Each "the Product Manager will" read the rest of its line for a "you": 3,400 of them on one line took 2.4 s.
    line = "and the Product Manager will " * 3_400
    assert find_self_reference(line + "you.") is None
    found = find_self_reference(line + "\nThe Senior Product Manager will own pricing.")
    assert found is not None
    assert (found.value, found.span.start) == ("Senior Product Manager", len(line) + 5)


_SUBJECT_OPENINGS = ["", "Intro.\n", "Intro.\r\n", "Intro. \u00a0", "- ", "1) ", "**Role.** ", "Reporting to the CPO, ", "We build maps and ", "Part of "]
_SUBJECT_SENTENCES = ["The Senior Product Manager will own search.", "This Product Owner role sits in payments.", "the PM sets it; you build it."]


@pytest.mark.parametrize("text", [opening + sentence for opening in _SUBJECT_OPENINGS for sentence in _SUBJECT_SENTENCES])
def test_the_role_as_subject_is_tried_only_where_it_can_begin(monkeypatch, text: str) -> None:
    # ``_subject_places`` skips each "the" that no sentence start stands before; trying every "the" finds the same.
    found = find_self_reference(text)
    monkeypatch.setattr(posting_module, "_subject_places", lambda lower: occurrences(lower, ("the", "this")))
    assert find_self_reference(text) == found


@pytest.mark.parametrize(("line", "value"), [("İNTERNSHİP, REMOTE", "İNTERNSHİP"), ("full-tıme, remote", "full-tıme"), ("FULL-TIME", "FULL-TIME")])
def test_case_folding_keeps_what_ignorecase_matched(line: str, value: str) -> None:
    posting = parse(f"Product Manager\n{line}")
    assert posting.employment_type is not None
    assert posting.employment_type.value == value
    assert posting.employment_type.span.of(posting.text) == value


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("aİıſßẞǅﬁK Ω\nI"), max_size=30))
def test_lowered_keeps_every_offset(text: str) -> None:
    assert len(lowered(text)) == len(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("aAİıſK \n"), max_size=8), min_size=1, max_size=6))
def test_lowered_remembers_only_the_same_text(texts: list[str]) -> None:
    # Equal texts that are different objects, and texts asked for twice in a row, all get their own lower case.
    for text in texts + texts[::-1] + [text.encode().decode() for text in texts]:
        assert lowered(text) == "".join(ch.lower()[0] for ch in text).translate(str.maketrans("ıſ", "is"))


def test_fields_no_model_reads_are_read_when_asked() -> None:
    posting = parse(POSTING)
    assert "salary" not in vars(posting)
    copy = dataclasses.replace(posting, title=None, title_level=None)
    assert (copy.company, copy.employment_type, copy.location, copy.remote, copy.salary) == (
        posting.company,
        posting.employment_type,
        posting.location,
        posting.remote,
        posting.salary,
    )
    assert vars(posting)["salary"].value == "€120,000 - €150,000"


def _clause_by_walking(text: str, start: int, end: int) -> tuple[int, int]:
    """``clause_around`` as first written: a walk outward, one character at a time."""
    left = start
    while left > 0:
        ch = text[left - 1]
        if ch in "\n;•" or (ch == "." and left < len(text) and text[left].isspace()):
            break
        left -= 1
    right = end
    while right < len(text):
        ch = text[right]
        if ch in "\n;•" or (ch == "." and (right + 1 == len(text) or text[right + 1].isspace())):
            break
        right += 1
    return left, right


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .;\n•\t\u00a0\u2003"), max_size=40), st.data())
def test_clause_around_is_the_walk_outward(text: str, data: st.DataObject) -> None:
    for _ in range(20):  # past a text's first clauses, its clause ends are kept: the later spans are read from them
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        assert clause_around(text, start, end) == _clause_by_walking(text, start, end)


@pytest.mark.parametrize("degree", ["MBA ", "PhD ", "degree in ", "bachelor's "])
def test_a_clause_of_many_degrees_is_read_once(degree: str) -> None:
    # Each degree read its clause from the text: a line of 10,000 "MBA"s took 5 s.
    [found] = extract_education(degree * 20_000)
    assert (found.span.start, found.required) == (0, True)


# A posting copied out of a PDF, words hyphenated at the line ends, and the same posting as its author wrote it.
BROKEN_AT_LINE_ENDS = """Senior Product Manager, Data Plat-
form

We are looking for an experi-
enced product manager to own the
road-
map for our data platform. You
will work with engi-
neering and design and mentor
two associate product man-
agers.

Requirements
- 7+ years of product manage-
ment experience, including 2+
years in data infra-
structure.
- Proven track record of ship-
ping B2B products.
"""
WRITTEN_WHOLE = """Senior Product Manager, Data Platform

We are looking for an experienced product manager to own the roadmap for our data platform. You will work with engineering and design and mentor two associate product managers.

Requirements
- 7+ years of product management experience, including 2+ years in data infrastructure.
- Proven track record of shipping B2B products.
"""


def _without_spans(data: object) -> object:
    if isinstance(data, dict):
        return {key: _without_spans(value) for key, value in data.items() if key not in ("span", "spans")}
    if isinstance(data, list):
        return [_without_spans(item) for item in data]
    return data


def test_words_hyphenated_at_line_ends_are_read_whole() -> None:
    posting = parse(BROKEN_AT_LINE_ENDS)
    assert posting.text == (
        "Senior Product Manager, Data Platform\n\nWe are looking for an experienced product manager to own the\nroadmap for our data platform. You\n"
        "will work with engineering and design and mentor\ntwo associate product managers.\n\nRequirements\n"
        "- 7+ years of product management experience, including 2+\nyears in data infrastructure.\n- Proven track record of shipping B2B products.\n"
    )
    assert posting.title is not None and posting.title.value == "Senior Product Manager, Data Platform"
    assert posting.title.span.of(posting.text) == "Senior Product Manager, Data Platform"
    assert posting.minimum_years == 7
    assert [(item.minimum, item.field, item.span.of(posting.text)) for item in posting.years] == [
        (7, "product_management", "7+ years"),
        (2, "specialty", "2+\nyears"),
    ]
    assert [item.field_text for item in posting.years] == ["of product management experience", "in data infrastructure"]


def test_a_posting_hyphenated_at_line_ends_parses_as_written_whole() -> None:
    broken, whole = parse(BROKEN_AT_LINE_ENDS).to_dict(), parse(WRITTEN_WHOLE).to_dict()
    for name in broken:
        assert _without_spans(broken[name]) == _without_spans(whole[name]), name


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        ("Product Manager\n\nYou will manage three product man-\nagers.\n", 3),
        ("Group Product Manager\n\nLead a team of five product mana-  \r\n  gers.\n", 5),
    ],
)
def test_managing_product_managers_is_read_across_a_hyphenated_line_end(text: str, reports: int) -> None:
    management = parse(text).management
    assert (management.direct_reports, management.manages_product_managers) == (reports, True)


def test_compounds_hyphenated_at_line_ends_keep_their_hyphen() -> None:
    body = "Work with cross-\nfunctional teams on the end-\nto-end journey of B2B-\nfocused tools.\n"
    posting = parse("Senior Product Manager, Self-\nServe Analytics\n\n" + body)
    assert posting.title is not None and posting.title.value == "Senior Product Manager, Self-Serve Analytics"
    assert posting.text.splitlines()[2] == "Work with cross-functional teams on the end-to-end journey of B2B-focused tools."


# What a recruiter's pasted ads showed (issue 6): a title stated only in a sentence, emoji in titles and bullets,
# a degree of no level, a day rate.
@pytest.mark.parametrize(
    ("text", "title", "code"),
    [
        ("Acme Health is seeking a Product Manager to join our growing team.", "Product Manager", "PM"),
        ("We are looking for a Senior Product Manager to lead our payments roadmap.", "Senior Product Manager", "SPM"),
        ("Northwind is hiring a Director of Product who will own the platform strategy.", "Director of Product", "DIR"),
        ("We're recruiting an Associate Product Manager for our data team.", "Associate Product Manager", "APM"),
        ("Fernhill Labs is searching for a Group Product Manager, Payments.", "Group Product Manager", "SPM"),
        ("Acme needs a Head of Product to build the team.", "Head of Product", "DIR"),
        ("We want a Principal PM who loves data.", "Principal PM", "SPM"),
        ("We seek an experienced Product Manager to join us.", "Product Manager", "PM"),
        ("Lagoa Trips, a 25-person startup, is looking for a Product Manager to own booking.", "Product Manager", "PM"),
        ("At Acme, we are currently hiring a Senior Product Manager.", "Senior Product Manager", "SPM"),
        ("Our payments team is looking for a Product Manager to own checkout.", "Product Manager", "PM"),
        ("Clydebank Power is looking for a graduate or early-career Associate Product Manager.", "Associate Product Manager", "APM"),
        ("We're hiring a Technical Program Manager to run the migration.", "Technical Program Manager", "OTHER"),
        ("🚀 We're HIRING a Product Manager! 🚀\nAbout us\nWe build tools.", "Product Manager", "PM"),
    ],
)
def test_a_title_stated_only_in_a_hire_sentence_is_the_title(text: str, title: str, code: str) -> None:
    posting = parse(text)
    start = text.index(title)
    assert posting.title_level is not None
    assert (posting.title, posting.title_level.level.code) == (TextField(title, Span(start, start)), code)
    # The sentence is content: nothing is blanked, and it still names the role and a ladder title.
    assert posting.content_text() == text


def test_a_hire_sentence_title_keeps_the_self_reference_and_mentions() -> None:
    posting = parse("Acme Health is seeking a Senior Product Manager to join our growing team.")
    assert posting.self_reference is not None
    assert (posting.self_reference.value, posting.self_reference.span) == ("Senior Product Manager", Span(25, 47))
    assert [(m.value, m.span) for m in posting.mentions] == [("Senior Product Manager", Span(25, 47))]
    assert posting_fields(posting) == {"self_title=SPM": 1.0, "mentions=SPM": 1.0}


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Senior PM\nWe are hiring a Senior PM.", 0),
        ("# Senior PM\n\nAcme builds payroll.", 2),
        ("**Senior PM**\nAcme builds payroll.", 2),
        ("Job title: Senior PM\nAcme builds payroll.", 11),
        ("**Position:** Senior PM\n", 14),
        ("Acme | Senior PM | Remote\n", 7),
        ("Acme Senior PM - Remote\n", 5),
        # In a sentence first, as a title below it: the title line is the one blanked.
        ('We want a "Senior PM".\nSenior PM\nAcme builds payroll.', 23),
        ("As Senior PM, you own payroll.\nSenior PM\n", 31),
        # In another case: the heading in capitals is the title the spreadsheet gives.
        ("SENIOR PM\nAcme builds payroll.", 0),
        ("Acme | senior pm | Remote\n", 7),
        # A name with a capital inside is a name, not a word of a sentence.
        ("eBay Senior PM\nAcme builds payroll.", 5),
        # Part of a longer word is not the title: the plural opens a sentence.
        ("Senior PMs at Acme own payroll.\nSenior PM\n", 32),
    ],
)
def test_a_title_given_is_blanked_where_the_text_states_it_as_a_title(text: str, start: int) -> None:
    assert parse(text, title="Senior PM").title == TextField("Senior PM", Span(start, start + 9))


@pytest.mark.parametrize(
    ("line", "stated"),
    [
        ("Lead PM – Card Issuing", "Lead PM – Card Issuing"),  # as given
        ("Lead PM - Card Issuing", "Lead PM - Card Issuing"),
        ("Lead PM — Card Issuing", "Lead PM — Card Issuing"),
        ("Lead PM -- Card Issuing", "Lead PM -- Card Issuing"),
        ("Lead PM \u2212 Card Issuing", "Lead PM \u2212 Card Issuing"),  # a minus sign
        ("Lead PM \u2012 Card Issuing", "Lead PM \u2012 Card Issuing"),  # a figure dash
        ("Lead PM–Card Issuing", "Lead PM–Card Issuing"),
        ("Lead\u00a0PM – Card\u00a0Issuing", "Lead\u00a0PM – Card\u00a0Issuing"),
        ("Lead  PM  –  Card   Issuing", "Lead  PM  –  Card   Issuing"),
        ("LEAD PM - CARD ISSUING", "LEAD PM - CARD ISSUING"),
        ("Tallyhoe | Lead PM - Card Issuing | Remote", "Lead PM - Card Issuing"),
    ],
)
def test_a_title_given_is_found_whatever_dashes_and_spaces_the_text_writes_it_with(line: str, stated: str) -> None:
    text = f"{line}\n\nTallyhoe issues debit cards for small charities.\n"
    start, end = text.index(stated), text.index(stated) + len(stated)
    posting = parse(text, title="Lead PM – Card Issuing")
    assert posting.title == TextField("Lead PM – Card Issuing", Span(start, end))  # the title given, the text's span
    assert posting.content_text() == text[:start] + " " * (end - start) + text[end:]


@pytest.mark.parametrize(
    "text",
    [
        "We are hiring a Lead PM - Card Issuing to run the card roadmap.",  # a sentence naming the role: content
        "Lead PM Card Issuing\nTallyhoe issues debit cards.",  # no dash: another title
        "Lead PM - Card\nIssuing is what you will lead.",  # a line break is no space of a title on one line
        "Lead PM - Card Issuings\n",  # part of a longer word
        "Lead PM - Card Iss\n",
    ],
)
def test_a_title_given_is_not_found_across_its_words_lines_or_sentences(text: str) -> None:
    posting = parse(text, title="Lead PM – Card Issuing")
    assert (posting.title, posting.content_text()) == (TextField("Lead PM – Card Issuing", Span(0, 0)), text)


_TITLE_GAPS = {"space": [" ", "  ", "\u00a0", " \t"], "dash": ["-", " - ", " – ", "—", " -- ", " \u2212 ", "\u2012", " \u2010 "]}


@given(
    st.lists(st.tuples(st.sampled_from(["dash", "space"]), st.integers(0, 7), st.integers(0, 7)), max_size=5),
    st.lists(st.sampled_from(["Lead", "PM", "Card", "ISSUING", "eu", "B2B", "O'Neil"]), min_size=6, max_size=6),
)
def test_a_title_given_is_found_at_the_top_however_its_gaps_are_written(gaps: list[tuple[str, int, int]], words: list[str]) -> None:
    """The title given and the text's title line hold the same words, each gap of the same kind (a dash or spaces) written
    in its own way; the span is the text's line."""
    given, written = words[0], words[0]
    for (kind, mine, theirs), word in zip(gaps, words[1:]):
        forms = _TITLE_GAPS[kind]
        given += forms[mine % len(forms)] + word
        written += forms[theirs % len(forms)] + word.swapcase()
    text = f"{written}\nTallyhoe issues debit cards."
    assert parse(text, title=given).title == TextField(given, Span(0, len(written)))


def _title_pattern(title: str) -> re.Pattern[str]:
    """The title written any way, as a pattern: each dash (with or without spaces around it) any dash, "--" taken whole
    where it stands, and each run of spaces any run (across a line only where the title's crosses one)."""
    dash = rf"[^\S\n]*+(?>--|[{posting_module._DASHES}])[^\S\n]*+"
    pieces = re.findall(rf"[^\S\n]*(?:--|[{posting_module._DASHES}])[^\S\n]*|\s+|[^\s{posting_module._DASHES}]+", title.lower())
    written = [
        dash if piece.strip() in ("--", *posting_module._DASHES) else r"\s++" if "\n" in piece else r"[^\S\n]++" if piece.isspace() else re.escape(piece)
        for piece in pieces
    ]
    return re.compile("".join(written))


_TOP_PIECES = ["Lead", "PM", "pm", "Card", " ", "  ", "\u00a0", "\n", "-", " – ", "—", "--", "Acme | ", "We hire a ", "x", "s"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_TOP_PIECES), max_size=14).map("".join), st.lists(st.sampled_from(_TOP_PIECES), min_size=1, max_size=6).map("".join))
def test_a_title_given_is_found_where_a_search_for_it_written_any_way_finds_it_first(text: str, title: str) -> None:
    """``locate_title`` (which looks for the title as given first, and cuts it into pieces only when it must) finds
    what a scan of the top with the title as a pattern finds: the first place that states it as a title."""
    found = Span(0, 0)
    pattern = _title_pattern(title)
    for at in range(min(len(text), posting_module.TITLE_SCAN_CHARS)):
        match = pattern.match(text.lower(), at, posting_module.TITLE_SCAN_CHARS)
        stated = match and not posting_module._IN_A_SENTENCE.search(text, text.rfind("\n", 0, at) + 1, at)
        if match and stated and not posting_module._in_a_word(text, at, match.end()):
            found = Span(at, match.end())
            break
    assert locate_title(text, title).span == found


def test_a_title_given_with_a_line_break_is_found_with_any_spaces_there() -> None:
    text = "Lead PM\n  Card Issuing\nTallyhoe issues debit cards.\n"
    assert parse(text, title="Lead PM\nCard Issuing").title == TextField("Lead PM\nCard Issuing", Span(0, 22))


@pytest.mark.parametrize(
    "text",
    [
        "We are hiring a Senior PM to own payroll.",
        "Acme is hiring a **Senior PM** to own payroll.",
        "Join us as Senior PM and own payroll.",
        "We are looking for an experienced Senior PM to own payroll.",
        "As Senior PM, you will own payroll.",
        "- **As Senior PM**, you will own payroll.",
        "The Senior PM will own payroll.",
        "About the role\nThe Senior PM will own payroll.",
    ],
)
def test_a_title_given_is_left_in_a_sentence_that_names_the_role(text: str) -> None:
    """The body naming its role is content, whether or not the title is known from elsewhere."""
    posting = parse(text, title="Senior PM")
    assert posting.title == TextField("Senior PM", Span(0, 0))
    assert posting.content_text() == text
    assert posting.self_reference is not None and posting.self_reference.value == "Senior PM"


@pytest.mark.parametrize(
    ("text", "mentions"),
    [("Senior PMs at Acme own payroll.", []), ("Our Senior PM owns payroll.", ["Senior PM"]), ("A Senior PM at Acme owns payroll.", ["Senior PM"])],
)
def test_a_title_given_is_not_blanked_from_a_plural_or_a_sentence_opening_with_it(text: str, mentions: list[str]) -> None:
    posting = parse(text, title="Senior PM")
    assert (posting.title, posting.content_text()) == (TextField("Senior PM", Span(0, 0)), text)
    assert [m.value for m in posting.mentions] == mentions


def test_a_title_given_in_another_case_is_blanked_as_the_text_spells_it() -> None:
    text = "SENIOR PRODUCT MANAGER, PAYROLL\nAcme builds payroll.\n"
    posting = parse(text, title="Senior Product Manager, Payroll")
    assert posting.title == TextField("Senior Product Manager, Payroll", Span(0, 31))
    assert posting.content_text() == " " * 31 + "\nAcme builds payroll.\n"
    assert posting.mentions == ()


@pytest.mark.parametrize(
    "text",
    [
        "You will work with a Product Manager on every release.",
        "Reporting to the Director of Product, you will own onboarding.",
        "Partner with product managers across the company.",
        "You will be hiring a Product Manager in your first quarter.",
        "You'll be recruiting a Senior PM for the team.",
        "We'll be hiring a Product Manager who reports to you.",
        "Candidates seeking a Product Manager role should apply.",
        "Are you looking for a Product Manager role?",
        "If you are seeking a Senior PM position, apply now.",
        "We're looking for someone to own the booking flow.",
        "We are looking for an experienced product manager to take charge of onboarding.",
        "We're hiring a Software Engineer to build the API.",
        "We are looking for a Director to run the team.",
        "Teams that need a Product Manager come to us.",
        "The ideal candidate is looking for a Product Manager role.",
        "Our customers need a Product Manager who understands them.",
        "We are hiring two Product Managers to join your team.",
        "We are hiring a Head of Product, to whom you will report.",
        "We are excited to welcome a Head of Product who joined last year.",
    ],
)
def test_no_title_is_read_from_a_sentence_that_hires_no_one_or_names_no_title(text: str) -> None:
    assert (find_hired_title(text), parse(text).title) == (None, None)


def test_a_title_line_comes_before_a_hire_sentence() -> None:
    text = "Senior Product Manager, Search\n\nAcme is hiring a Director of Product to lead search."
    title = parse(text).title
    assert title is not None and title.value == "Senior Product Manager, Search"


def test_a_hire_sentence_is_looked_for_at_the_top_only() -> None:
    text = "About Acme\n" + "We build tools for clinics. " * 120 + "\nWe're also hiring a Product Manager for our data team."
    assert parse(text).title is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_STARTED_WORDS + _STARTED_PHRASES + ["We are", "Acme is", "You are", "Acme, a startup,", "🚀"]), max_size=12).map("".join))
def test_a_hire_sentence_title_is_the_text_where_its_span_starts(text: str) -> None:
    found = find_hired_title(text)
    assert found is None or (found.value and found.span.start == found.span.end and text.startswith(found.value, found.span.start))


@pytest.mark.parametrize(
    ("text", "title", "span_text"),
    [
        (
            "Senior Product Manager – Growth 💡 | Payments 🌎\n\nWe build tools.",
            "Senior Product Manager – Growth | Payments",
            "Senior Product Manager – Growth 💡 | Payments",
        ),
        ("Senior Product Manager – Growth 💡 | Remote (US) 🌎\n\nWe build tools.", "Senior Product Manager – Growth", "Senior Product Manager – Growth"),
        ("🚀 We're HIRING! 🚀\nSenior Product Manager – Growth\n\nAbout us", "Senior Product Manager – Growth", "Senior Product Manager – Growth"),
        ("Job title: Senior PM 🚀\nWe build tools.", "Senior PM", "Senior PM"),
        ("⭐ Senior Product Manager ⭐\nWe build tools.", "Senior Product Manager", "Senior Product Manager"),
        ("# 🚀 **Head of Product** 🚀\nWe build tools.", "Head of Product", "Head of Product"),
        ("Head of Design ✏️\nWe build tools.", "Head of Design", "Head of Design"),
    ],
)
def test_emoji_are_no_part_of_a_title(text: str, title: str, span_text: str) -> None:
    found = find_title(text)
    assert found is not None and (found.value, found.span.of(text)) == (title, span_text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Senior", " Product Manager", "Job title: ", "🚀", "💡", "✅", "⭐", "️", "\u200d", " ", "\n", "|", "-", "We're"]), max_size=12
    ).map("".join)
)
def test_a_title_never_keeps_an_emoji(text: str) -> None:
    found = find_title(text)
    assert found is None or (found.value.strip() == found.value != "" and not set(found.value) & PICTOGRAPHS)


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("✅ Own the growth roadmap for our self-serve funnel", None),
        ("⭐ 6+ years in product management", None),
        ("✅ 5+ years of experience", None),
        ("✅ Excellent communication skills", None),
        ("🔹 Strong analytical skills", None),
        ("👉 Benefits", "Benefits"),  # a bullet symbol before the words of a section: a heading
        ("→ Requirements:", "Requirements"),
        ("🚀 What you'll do", "What you'll do"),
        ("What you'll do 🚀", "What you'll do"),
        ("⭐ Benefits ⭐", "Benefits"),
        ("🎁", None),
    ],
)
def test_an_emoji_bullet_is_no_heading(line: str, heading: str | None) -> None:
    assert heading_text(line) == heading


def test_emoji_bullets_stay_in_their_section() -> None:
    text = "What you'll do 🚀\n✅ Own the growth roadmap for our self-serve funnel\n✅ Strong analytical skills\n⭐ 5+ years of experience\n🎁 Benefits\n✅ Equity\n"
    assert [(s.kind, s.heading, s.span) for s in split_sections(text)] == [
        ("responsibilities", "What you'll do", Span(0, 120)),
        ("benefits", "Benefits", Span(120, 140)),
    ]


def test_an_emoji_bullet_at_the_top_is_no_title() -> None:
    assert find_title("Responsibilities\n✅ Partner with the Head of Design on the roadmap\n✅ Ship weekly") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A degree in any field; recent graduates welcome.", [EducationRequirement("degree", None, True, Span(0, 8))]),
        ("A degree (any subject) completed by June.", [EducationRequirement("degree", None, True, Span(0, 8))]),
        ("Degree in economics or statistics preferred.", [EducationRequirement("degree", "economics or statistics", False, Span(0, 6))]),
        ("A relevant degree (a bachelor's) is required.", [EducationRequirement("bachelor", None, True, Span(21, 31))]),
        (
            "A bachelor's or master's degree in any discipline.",
            [EducationRequirement("bachelor", None, True, Span(2, 12)), EducationRequirement("master", None, True, Span(16, 24))],
        ),
        ("University degree in any subject.", [EducationRequirement("bachelor", None, True, Span(0, 17))]),
    ],
)
def test_a_degree_of_no_level_is_read_as_one(text: str, expected: list[EducationRequirement]) -> None:
    assert extract_education(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You will be in the room with customers, or be on call.", []),
        ("BE in Computer Science or equivalent.", [("bachelor", "Computer Science")]),
        ("BA in Economics.", [("bachelor", "Economics")]),
        ("B.E. in Mechanical Engineering.", [("bachelor", "Mechanical Engineering")]),
        ("You do not need a degree.", []),
        ("No degree required; we hire for skills.", []),
        ("We don't require a bachelor's degree.", []),
        ("Candidates without a bachelor's degree will not be considered.", [("bachelor", None)]),
        ("requirements: bs in computer science or equivalent", [("bachelor", "computer science")]),
        ("Keep p95 page loads under 300 ms in production.", []),
        ("A bachelor's degree, not a master's.", [("bachelor", None)]),
        ("A degree is not required.", []),
        ("You don't need a college degree to apply.", []),
        ("A bachelor's degree is not necessary; a portfolio is.", []),
        ("Bachelor's degree required; a master's is optional.", [("bachelor", None)]),
        ("Bachelor's degree or equivalent experience is required.", [("bachelor", None)]),
    ],
)
def test_a_degree_is_read_only_where_one_is_asked(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(item.level, item.field) for item in extract_education(text)] == expected


def test_a_degree_of_no_level_is_the_models_first_degree_feature() -> None:
    # "A degree" asks for a first degree: the model reads it as a bachelor's (fields.FEATURE_DEGREE).
    assert posting_fields(parse("A degree in any field; recent graduates welcome.")) == {"degree=bachelor:required": 1.0}


@pytest.mark.parametrize(
    ("text", "salary"),
    [
        ("Contract: £550 per day (outside IR35).", "£550 per day"),
        ("Rate: $700/day, 6 months.", "$700/day"),
        ("£500pd inside IR35", "£500pd"),
        ("£500-£600 per day", "£500-£600 per day"),
        ("$50 - $70 per hour, paid weekly", "$50 - $70 per hour"),
        ("Interns earn $42/hour and a housing stipend.", "$42/hour"),
        ("$700/day - $800/day", "$700/day - $800/day"),
        ("$120k - $150k a year plus equity", "$120k - $150k a year"),
        ("£60,000 - £70,000 pa, 25 days' holiday", "£60,000 - £70,000 pa"),
        ("Salary: $100,000 to $120,000.", "$100,000 to $120,000"),
        ("A $20 per day meal allowance; pay $90k-$110k.", "$90k-$110k"),
        ("A $1,000 per year learning budget; pay $90k-$110k.", "$90k-$110k"),
        ("A $5,000 signing bonus.", None),
    ],
)
def test_pay_keeps_what_it_is_for(text: str, salary: str | None) -> None:
    found = parse(text).salary
    assert (found.value if found else None) == salary
    assert found is None or found.span.of(text) == salary


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("We are looking for a senior Product Manager to lead growth.", "senior Product Manager"),
        ("We're hiring a Product Manager. You will own onboarding.", "Product Manager"),
        ("We are looking for a Sr. PM. You will own it.", "Sr. PM"),
        ("Acme does not need a VP of Product; you will own onboarding.", None),
        ("Most startups don't need a Head of Product.", None),
        ("We no longer need a Chief Product Officer.", None),
        ("Do we need a VP of Product? Not yet.", None),
        ("Acme, one of Europe's fastest-growing fintechs, is hiring a Senior Product Manager to lead payments.", "Senior Product Manager"),
        ("One Medical is hiring a Product Manager to own scheduling.", "Product Manager"),
        ("We're hiring a Product Manager (remote?) to own onboarding.", "Product Manager"),
        ("As a Senior Product Manager at Acme you own growth.\nWe're also hiring a Director of Product to lead platform.", None),
    ],
)
def test_a_hire_sentence_names_the_title_only_when_the_employer_hires_for_it(text: str, title: str | None) -> None:
    found = find_hired_title(text)
    assert (found.value if found else None) == title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("★ Senior Product Manager\n\nWe build tools for clinics.", "Senior Product Manager"),
        ("▶ Product Manager, Payments\n\nWe build tools.", "Product Manager, Payments"),
        ("✅ Partner with the Head of Design\n\nWe build tools.", None),
        ("We're hiring: Senior Product Manager – Payments\n\nOwn the payments roadmap.", "Senior Product Manager – Payments"),
        ("Hiring: a new colleague for our team\n\nWe build software.", None),
        (
            "Senior Product Manager, Payments\nAbout us\nNow hiring: Engineering Manager, Product Designer and Data Analyst\n",
            "Senior Product Manager, Payments",
        ),
    ],
)
def test_a_title_line_after_a_bullet_symbol_or_a_hiring_label(text: str, title: str | None) -> None:
    found = parse(text).title
    assert (found.value if found else None) == title


_LABEL_WORDS = ["Job Title", "JOB", "job\ttitle", "Position", "position title", "Role", "role Title", "Title", "Vacancy", "Opening", "We're hiring"]
_LABEL_WORDS += ["WE’RE HIRING", "we are  hiring", "Now hiring", "Hiring", "Senior PM", "Acme", "İ", ""]
_LABEL_LINES = st.tuples(
    st.sampled_from(["", " ", "\t", "\r", "\u00a0", "\u2028", "\x0b", "**", " **"]),
    st.sampled_from(_LABEL_WORDS),
    st.sampled_from(["", "**", " "]),
    st.sampled_from([":", " - ", "–", " ", ""]),
    st.sampled_from(["Senior PM", " x", "**Head of Product**", "", "\r"]),
).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.lists(_LABEL_LINES, max_size=8).map("\n".join))
def test_every_label_line_begins_where_the_label_scan_looks(text: str) -> None:
    # ``find_title`` matches ``_TITLE_LABEL`` only on the lines ``_label_line_starts`` gives: no labelled line may be
    # missing from them, and the non-blank lines before one are counted as the lines themselves are.
    starts = list(_label_line_starts(text))
    assert starts == sorted(set(starts))
    offset = 0
    for number, line in enumerate(text.split("\n")):
        if _TITLE_LABEL.match(line):
            assert offset in starts, (line, text)
        assert _lines_with_text(text[:offset]) == sum(1 for before in text.split("\n")[:number] if before.strip())
        offset += len(line) + 1


def test_a_heading_after_a_bullet_symbol_keeps_its_section() -> None:
    text = "Senior Product Manager\n\n▶ What you will do\nOwn the roadmap.\n▶ Requirements\n5+ years of product management.\n▶ Nice to have\n8+ years in fintech.\n"
    assert [section.kind for section in parse(text).sections][-3:] == ["responsibilities", "requirements", "preferred"]


@pytest.mark.parametrize(
    ("text", "salary"),
    [
        ("Our customers save $5 per day using the app; salary $120k-$140k.", "$120k-$140k"),
        ("Perks: $25/day DoorDash credits. Salary $100k - $120k.", "$100k - $120k"),
        ("Up to $50 per day in reimbursements.", None),
        ("Day rate: £550 per day. You will manage a £2m-£5m budget.", "£550 per day"),
        ("£550 per day (outside IR35).", "£550 per day"),
    ],
)
def test_a_pay_range_comes_before_a_single_rate(text: str, salary: str | None) -> None:
    found = parse(text + "\nProduct Manager role.").salary
    assert (found.value if found else None) == salary


@pytest.mark.parametrize(
    ("heading", "kind"),
    [("What you'll do", "responsibilities"), ("WHAT YOU'LL DO", "responsibilities"), ("Nice to have", "preferred"), ("Our stack", "other")]
    + [("About the role " + "and the team " * 6, "role"), ("x" * 81 + " benefits", "benefits")]
    + [("About this role", "role"), ("About our team", "role"), ("About your team", "role"), ("About us", "about"), ("About Acme Health", "about")]
    + [("About yourself", "requirements"), ("About Yourself:", "requirements"), ("About your new team", "role"), ("About the product team", "role")]
    # How the employer hires; a duty that names interviews, or a process of the team's work, is no such heading.
    + [("Our interview process", "process"), ("How to apply", "process"), ("HOW WE HIRE", "process"), ("Next steps", "process")]
    + [("The recruitment stages", "process"), ("Our process", "process"), ("Interview users weekly", "other"), ("Our process for shipping", "other")]
    + [("5. How to apply", "process"), ("Interested? How to apply", "process"), ("Joining Acme: our hiring process", "process")]
    + [("Selection process / 選考プロセス", "process"), ("Selection process details", "process"), ("Our recruitment and selection process", "process")]
    + [("What to expect from our interview process", "process"), ("Your application journey", "process")]
    # The hiring words inside a duty, a duty's name or a product's: the heading as a whole names no hiring section.
    + [("Own the hiring process", "other"), ("Hiring process ownership", "other"), ("Selection process design", "other")]
    + [("Mortgage application journey", "other"), ("Improve how we hire", "other"), ("Redesign the interview loop for recruiters", "other")],
)
def test_a_heading_names_its_kind_each_time_it_is_asked(heading: str, kind: str) -> None:
    # Headings up to 80 characters are kept with their kind; longer lines are read each time.
    assert [heading_kind(heading) for _ in range(3)] == [kind] * 3


def test_a_bullet_symbol_before_a_point_opens_no_section() -> None:
    posting = parse("Senior Product Manager\nRequirements\n✅ Bonus points for SQL\n✅ 6+ years of product management experience\n")
    assert [(item.minimum, item.required) for item in posting.years] == [(6.0, True)]


def test_years_of_product_management_managing_engineers_are_product_years() -> None:
    posting = parse("Senior PM\nRequirements\n- 7+ years of product management experience managing engineers\n")
    assert (posting.minimum_years, [item.field for item in posting.years]) == (7.0, ["product_management"])


@pytest.mark.parametrize(
    ("line", "title"),
    [
        # Pay, place and terms after a pipe, a dash, a comma or in parentheses end the title (issue 3).
        ("Contract Product Manager (6 months) | $85-$100/hr W2", "Contract Product Manager"),
        ("Senior Product Manager – Remote (US) – Full-time", "Senior Product Manager"),
        ("Product Manager - Dashboards (Remote, EU)", "Product Manager - Dashboards"),
        ("Chief Product Officer | Cleveland, OH | Permanent", "Chief Product Officer"),
        ("Junior Product Manager – Grocery App (12-month FTC)", "Junior Product Manager – Grocery App"),
        ("VP Product — Sydney — Permanent — $350k+ package", "VP Product"),
        ("Head of Product — Pulsebar (30 people, remote US)", "Head of Product — Pulsebar"),
        ("Product Owner – Bielsko-Biała / remote – B2B 150–180 PLN/h", "Product Owner – Bielsko-Biała"),
        ("Product Manager – Payments – ARS 2.000.000", "Product Manager – Payments"),
        ("Product Manager – HKD 50.000 a month", "Product Manager"),
        ("Director of Product – Video Platform (m/w/d)", "Director of Product – Video Platform"),
        ("Product Manager, Payments, UK", "Product Manager, Payments"),
        # A team, a level or a programme is the title's, whatever words it shares with those terms.
        ("Senior Product Manager – Remote Patient Monitoring", "Senior Product Manager – Remote Patient Monitoring"),
        ("Product Manager – Contract Management", "Product Manager – Contract Management"),
        ("Senior PM, Paid Social", "Senior PM, Paid Social"),
        ("Senior PM – US Payments", "Senior PM – US Payments"),
        ("Product Manager (Senior)", "Product Manager (Senior)"),
        ("Associate Product Manager (New Grad 2026) – Fleet Charging", "Associate Product Manager (New Grad 2026) – Fleet Charging"),
        ("Product Management Intern – Internship", "Product Management Intern – Internship"),
        ("Remote | Senior Product Manager", "Remote | Senior Product Manager"),
        ("Acme | Denver, CO | Product Manager | Full-time", "Acme | Denver, CO | Product Manager"),
        # A large city alone that ends the line is a place; a team's name, or a city with more of the title after it, stays.
        ("Senior Product Manager - Austin", "Senior Product Manager"),
        ("Product Manager, Berlin", "Product Manager"),
        ("Head of Product | New York", "Head of Product"),
        ("Product Manager – São Paulo (Hybrid)", "Product Manager"),
        ("Product Manager, Payments, Berlin", "Product Manager, Payments"),
        ("Product Manager – Search", "Product Manager – Search"),
        ("Product Manager – Mobile", "Product Manager – Mobile"),
        ("Senior PM – London – Payments Platform", "Senior PM – London – Payments Platform"),
        ("Product Manager, Berlin Payments", "Product Manager, Berlin Payments"),
    ],
)
def test_pay_place_and_terms_after_a_title_are_no_part_of_it(line: str, title: str) -> None:
    assert title_without_terms(line) == title


@pytest.mark.parametrize(
    "line",
    [
        ",".join(["1"] * 25_000) + " usd",  # each comma read the rest of the line: 157 s before
        "(".join(["1"] * 25_000) + " usd",
        "Product Manager" + ",1" * 25_000,
    ],
)
def test_a_line_of_breaks_without_spaces_is_read_once(line: str) -> None:
    # Such a line is no title (a title fits in 300 characters), and terms lie within a few hundred characters of a break.
    assert title_without_terms(line) == line
    assert parse(line).title is None


_TITLE_WORDS = ["Senior", " Product Manager", " PM", "Acme", "Remote", "remote", "US", "Denver, CO", "(", ")", " | ", " – ", " - ", ", ", " / "]
_TITLE_WORDS += ["$85", "-$100/hr", "6 months", "Contract", "m/w/d", "**", "🌎", " ", "Full-time", "Paid", "Social", "or", "London", "New York"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TITLE_WORDS), max_size=16).map("".join))
def test_a_title_without_its_terms_is_a_prefix_of_it(line: str) -> None:
    title = title_without_terms(line)
    assert line.startswith(title) and title_without_terms(title) == title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Contract Product Manager (6 months) | $85-$100/hr W2\n\nWe build tools for farms.", "Contract Product Manager"),
        ("Job title: Senior PM | Remote (EU)\nWe build tools.", "Senior PM"),
        ("**Head of Product** | Acme | Bengaluru | On-site\n\nWe build tools.", "Head of Product"),
        ("🚀 **Senior PM, Search** · Remote US\n\nWe build tools.", "Senior PM, Search"),
        # Terms before the role are the line's, not after the title.
        ("Acme | Remote | Senior Product Manager\n\nWe build tools.", "Acme | Remote | Senior Product Manager"),
    ],
)
def test_a_title_line_ends_before_its_pay_place_and_terms(text: str, title: str) -> None:
    found = parse(text).title
    assert found is not None and (found.value, found.span.of(text) or found.value) == (title, title)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("We are looking for someone to join us as Director of Product Management to lead the platform.", "Director of Product Management"),
        ("Acme is hiring for the role of Senior Product Manager. You will own search.", "Senior Product Manager"),
        ("Could you be our next Head of Product? You will lead strategy.", "Head of Product"),
        ("As our first Head of Product, you will build the team.", "Head of Product"),
        ("As a Senior Product Manager on the payments team, you will own checkout.", "Senior Product Manager"),
        ("Join Acme Health as a Principal PM and own onboarding.", "Principal PM"),
        ("You'll join us as an Associate Product Manager working for the CPO.", "Associate Product Manager"),
        ("We're hiring a Product Manager. Later you may join us as Director of Product.", "Product Manager"),
        # A background, another role, a colleague, a negation, or "as" that addresses no one names no title.
        ("You bring 5 years of experience as a Product Manager, ideally in fintech.", None),
        ("We are not looking for someone to join us as a VP of Product.", None),
        ("We are also looking for someone to join us as Senior Product Manager.", None),
        ("You will work with Sam, who will join us as Senior Product Manager in May.", None),
        ("As a Senior Product Manager at Acme you own growth.", None),
        ("Our APMs often start as interns.", None),
    ],
)
def test_a_sentence_that_names_the_role_without_a_hire_verb_names_the_title(text: str, title: str | None) -> None:
    found = find_hired_title(text)
    assert (found.value if found else None, parse(text).title == found) == (title, True)


@pytest.mark.parametrize(
    ("text", "hires", "manages"),
    [
        # Hiring to come is hiring, not managing product managers now (issue 3).
        ("You'll hire and build the product team.", True, False),
        ("You will grow the team over time.", True, False),
        ("You will hire and grow a team of product managers.", True, False),
        ("- Grow the product team as the business expands", True, False),
        ("Recruit, manage and mentor the product team.", True, True),
        ("Lead and grow the product team.", True, True),
        # Not the role's growth: the employer's, a team's skills, a growing team.
        ("Acme is growing its product team fast.", False, False),
        ("We are growing our product team.", False, False),
        ("Join our growing team of designers.", False, False),
        ("Grow the team's skills in discovery.", False, False),
    ],
)
def test_hiring_to_come_is_hiring_not_managing_product_managers(text: str, hires: bool, manages: bool) -> None:
    scope = extract_management_scope(text)
    assert (scope.hires, scope.manages_product_managers) == (hires, manages)


@pytest.mark.parametrize(
    ("text", "reports", "hires", "manages"),
    [
        # A team the role is to build or hire does not report to it yet: hiring, with no count (issue 3).
        ("We need a leader who will build a team of 6 product managers.", None, True, False),
        ("You will build a world-class team of six PMs.", None, True, False),
        ("Your first job: hire a team of 5 product managers.", None, True, False),
        ("You will hire and grow a team of 4 product managers.", None, True, False),
        ("- Grow a team of 8 PMs over two years", None, True, False),
        ("You will be responsible for hiring a team of 3 PMs.", None, True, False),
        ("Own the roadmap and hire a team of 5 PMs.", None, True, False),
        # A team that is there, or one the role leads as well as grows: its size counts.
        ("You will grow our team of 5 PMs.", 5, True, True),
        ("Build and lead a team of 6 PMs.", 6, True, True),
        ("Lead, hire and develop a team of five PMs.", 5, True, True),
        ("Coach, hire and grow a team of 4 PMs.", 4, True, True),
        # ... or one it goes on to lead in the same clause.
        ("Build a team of 5 PMs and lead it.", 5, True, True),
        ("Hire a team of 4 product managers, then manage them through launch.", 4, True, True),
        ("Hire a team of 4 PMs and lead the launch.", None, True, False),
        ("You will hire four PMs and manage them.", 4, True, True),
        ("Hire 3 product managers, then lead them through the launch.", 3, True, True),
        ("You will hire four PMs.", None, True, False),
        ("Hire two PMs and lead the launch.", None, True, False),
        # The employer building, or a team's culture: no hiring of the role's.
        ("Acme is building a team of 12 product managers.", None, False, False),
        ("Build a team culture of curiosity.", None, False, False),
    ],
)
def test_a_team_to_be_built_or_hired_is_hiring_not_reports(text: str, reports: int | None, hires: bool, manages: bool) -> None:
    scope = extract_management_scope(text)
    assert (scope.direct_reports, scope.hires, scope.manages_product_managers) == (reports, hires, manages)


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        ("✅ Manage 3 product managers\n✅ Own the roadmap", 3),
        ("🚀 Lead 4 PMs across two squads", 4),
        ("✔️ Supervise two associate product managers", 2),
        ("Our CPO 🚀 manages 4 PMs.", None),
    ],
)
def test_a_bullet_that_opens_with_a_symbol_has_the_role_as_its_subject(text: str, reports: int | None) -> None:
    assert extract_management_scope(text).direct_reports == reports


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BE IN THE ROOM WHEN DECISIONS ARE MADE", []),
        ("YOU WILL BE IN CHARGE. TO BE OR NOT TO BE.", []),
        ("BE in Mechanical Engineering or equivalent.", [("bachelor", "Mechanical Engineering")]),
        ("BE/BTech in Computer Science.", [("bachelor", "Computer Science")]),
        ("B.E. IN COMPUTER SCIENCE", [("bachelor", "COMPUTER SCIENCE")]),
    ],
)
def test_be_in_a_line_of_capitals_is_the_verb(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(item.level, item.field) for item in extract_education(text)] == expected


# A posting as a job board's scrape has it, the line breaks after headings and between list items lost, and as
# its author wrote it.
RUN_TOGETHER = (
    "Senior Product Manager, Payments\nJob DescriptionWe are hiring a Senior Product Manager to own our card payments roadmap.\n"
    "ResponsibilitiesOwn the roadmap for card payments\nMentor two associate product managersReport to the Director of Product\n"
    "Qualifications:Bachelor's degree in computer science\n7+ years of product management experienceStrong SQL skills\n"
)
WRITTEN_WITH_BREAKS = (
    "Senior Product Manager, Payments\nJob Description\nWe are hiring a Senior Product Manager to own our card payments roadmap.\n"
    "Responsibilities\nOwn the roadmap for card payments\nMentor two associate product managers\nReport to the Director of Product\n"
    "Qualifications:\nBachelor's degree in computer science\n7+ years of product management experience\nStrong SQL skills\n"
)


def test_lines_a_scrape_ran_together_parse_as_written_with_their_breaks() -> None:
    run_together, written = parse(RUN_TOGETHER), parse(WRITTEN_WITH_BREAKS)
    assert run_together.text == WRITTEN_WITH_BREAKS
    assert run_together.to_dict() == written.to_dict()
    assert [section.kind for section in run_together.sections][:3] == ["role", "responsibilities", "requirements"]
    assert run_together.self_reference is not None and run_together.self_reference.value == "Senior Product Manager"
    assert run_together.management.reports_to == "director"
    assert [item.span.of(run_together.text) for item in run_together.years] == ["7+ years"]


def test_a_text_with_windows_line_ends_is_mended_in_them_and_reads_as_its_file_does(tmp_path: Path) -> None:
    pasted = RUN_TOGETHER.replace("\n", "\r\n").replace("card payments roadmap", "card pay-\r\nments roadmap")
    posting = parse(pasted)
    assert posting.text == WRITTEN_WITH_BREAKS.replace("\n", "\r\n")  # no bare line end put in among them
    assert parse_text(pasted).to_dict() == posting.to_dict()
    (tmp_path / "ad.txt").write_bytes(pasted.encode())
    read = parse(tmp_path / "ad.txt")  # a file's line ends are made "\n" when it is read
    assert read.text == WRITTEN_WITH_BREAKS
    for parsed in (posting, read):
        assert [(section.kind, section.heading) for section in parsed.sections] == [(section.kind, section.heading) for section in read.sections]
        assert parsed.self_reference is not None and parsed.self_reference.span.of(parsed.text) == "Senior Product Manager"
        assert [item.span.of(parsed.text) for item in parsed.years] == ["7+ years"]
        assert parsed.management.reports_to == "director"


# A posting typed on an old Mac: each line ends in a lone carriage return.
_OLD_MAC = "Staff Product Manager, Ledger\r\rBrightmoor Bank\r\rRequirements\r- 8+ years in product management\r- You will mentor two product managers\r"


def test_a_text_with_old_mac_line_ends_reads_as_its_lines() -> None:
    posting = parse_text(_OLD_MAC)
    assert posting.text == _OLD_MAC.replace("\r", "\n")  # one character for one: the spans index the text given
    assert posting.to_dict() == parse_text(_OLD_MAC.replace("\r", "\n")).to_dict()
    assert posting.title is not None and posting.title.span.of(_OLD_MAC) == "Staff Product Manager, Ledger"
    assert [section.heading for section in posting.sections] == ["", "Requirements"]
    assert [item.span.of(_OLD_MAC) for item in posting.years] == ["8+ years"]


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        (_OLD_MAC.replace("\r", "\r\n"), _OLD_MAC.replace("\r", "\r\n")),  # Windows line ends stay as they are
        ("Product Manager\r\nAcme\rLisbon\n", "Product Manager\r\nAcme\nLisbon\n"),  # a lone one among them is a line end
        ("Product Manager\r\r\nAcme\n", "Product Manager\n\r\nAcme\n"),  # as a file's is when it is read: a blank line
    ],
)
def test_only_a_lone_carriage_return_is_read_as_a_line_end(given: str, kept: str) -> None:
    posting = parse_text(given)
    assert posting.text == kept
    assert posting.title is not None and posting.title.value.startswith(("Staff Product Manager", "Product Manager"))


@pytest.mark.parametrize(
    "text",
    [
        "You are a curious data-driven Product Manager.",
        "You are a thoughtful and numbers-minded Product Manager who enjoys talking to users.",
        "This fast-paced Senior PM role is hybrid.",
        "If you are a Product Manager looking for a bigger scope, read on.",
        "We're adding a Head of Product next quarter.",
    ],
)
def test_a_self_reference_cut_to_its_title_spans_the_title(text: str) -> None:
    found = find_self_reference(text)
    assert found is not None and found.span.of(text) == found.value


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # The title alone: no determiner, count or describing word before it, nor the words that go on after it.
        ("You will run the Disputes squad as its product manager, from discovery to launch.", "product manager"),
        ("Each squad takes you on as their associate product manager for six months.", "associate product manager"),
        ("We're hiring our second product manager.", "product manager"),
        ("You will be the first and only product manager at Tillwork.", "product manager"),
        ("You'll be the only product manager here, and the team will lean on you.", "product manager"),
        ("You would be our first full-time designer.", "designer"),
        ("You will be a hands-on product manager.", "product manager"),
        ("As head of product since launch, you will set the strategy.", "head of product"),
        ("What we need now is a product owner who can say no.", "product owner"),
        ("The Opportunity The Junior Product Manager will support the onboarding squad.", "Junior Product Manager"),
        ("We are looking for our first Head of Product.Responsibilities\n- Own the roadmap", "Head of Product"),
        # A scheme named after the role: the role's title in it.
        ("The Hollowbrook APM Programme is a two-year rotation for graduates.", "APM"),
        ("The Associate Product Manager Program is an 18-month track for new graduates.", "Associate Product Manager"),
        # No role: the field, someone else, or a description that holds no title.
        ("You do not need previous product management experience.", None),
        ("You need product management experience in logistics.", None),
        ("The role is designed as a first step into product management.", None),
        ("The Product Management Development Program is a rotation for graduates.", None),
        ("We are looking for the leader of our product management function.", None),
        ("You'll be the right hand of our Product Manager for payments.", None),
        ("Our founder has been acting as head of product since launch; that has to change.", None),
        ("Our team includes Priya, who joined as an APM last year.", None),
        ("We are looking for the person our one associate PM learns from.", None),
        # A title ends before a verb "is" or a determiner that begins a clause about it.
        ("The role of Product Manager is open to engineers who want to move across.", "Product Manager"),
        ("You are the Product Manager our merchants have asked for.", "Product Manager"),
        ("You'll be the PM your squad leans on.", "PM"),
        # ... and the forms that named the title alone stay as they were.
        ("As a Product Manager, you will own the checkout.", "Product Manager"),
        ("We are looking for a product manager to own the checkout.", "product manager"),
        ("As Head of Product Management, you will own the strategy.", "Head of Product Management"),
        ("We are hiring a Product Management Intern to join us.", "Product Management Intern"),
        ("You will join the Ledger squad as a Product Manager II, working with two designers.", "Product Manager II"),
        ("As our Senior PM for Search, you will own ranking.", "Senior PM"),
        ("As an experienced product manager, you will own ranking.", "product manager"),
        ("You are an APM today and want to become a PM.", "PM"),
        ("You have worked as a product owner or business analyst.", None),
        ("The Senior Product Manager will own search.", "Senior Product Manager"),
        ("You will be the Product Manager of the self-checkout app: its screens and alerts.", "Product Manager"),
    ],
)
def test_a_self_reference_is_the_title_alone(text: str, role: str | None) -> None:
    found = find_self_reference(text)
    assert (found.value if found else None) == role
    assert found is None or found.span.of(text) == found.value


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("this " * 20_000, None),
        ("about the " * 20_000, None),
        ("this remote senior product " * 4_000, None),
        ("you are a " * 20_000, None),
        ("opportunity for a " * 10_000, None),
        ("We are excited to " * 5_000 + "add a Product Manager.", None),
        ("You are a Senior PM " * 5_000, "Senior PM"),
        ("You are an " + "able, " * 30_000 + "and keen PM.", "PM"),
        ("As an able and " * 20_000, None),
        ("We are hiring a lead" + " " * 100_000 + "programmer.", None),  # a scheme's name is looked for once in a run
        ("We are hiring a lead" + "\t" * 100_000 + "programme.", None),
    ],
)
def test_a_long_line_of_the_new_self_reference_starts_is_read_once(text: str, role: str | None) -> None:
    found = find_self_reference(text)
    assert (found.value if found else None) == role
