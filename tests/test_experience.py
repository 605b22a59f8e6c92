"""Years of experience: at least sixty phrasings, including the pitfalls public parsers get wrong."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jdclass import experience
from jdclass.experience import extract_years_of_experience, main_requirement, people_management_years, years_bucket
from jdclass.posting import parse
from jdclass.spans import Span, lowered

# (text, minimum, maximum, field, required) of the headline requirement; None where no requirement is stated.
HEADLINE = [
    ("5+ years of product management experience", 5, None, "product_management", True),
    ("We expect at least six years in product management.", 6, None, "product_management", True),
    ("We're looking for 4+ years in B2B software.", 4, None, "specialty", True),
    ("We expect a bachelor's degree and two years in an analytical job.", 2, None, "specialty", True),
    ("Experience in 5+ years of product management.", 5, None, "product_management", True),
    ("Candidate should have experience in 4-6 years in product management.", 4, 6, "product_management", True),
    ("5 + years of product management experience", 5, None, "product_management", True),
    ("5 plus years of experience in product management", 5, None, "product_management", True),
    ("5 or more years of experience as a product manager", 5, None, "product_management", True),
    ("3-5 yrs in SaaS", 3, 5, "specialty", True),
    # A team the candidate sat on, or a second number's field, is not what these years are of.
    ("2+ years of product experience, with time on the product leadership team", 2, None, "product_management", True),
    ("5+ years presenting to the management team", 5, None, "general", True),
    ("12+ years in F2P games with 5+ leading product teams", 12, None, "specialty", True),
    ("15+ years of experience with 10+ years leading product teams", 15, None, "general", True),
    ("15+ years of experience with five years leading product teams", 15, None, "general", True),
    ("5+ years of experience with 100 million users", 5, None, "specialty", True),  # a figure of the field, no second number
    # Team budgets, an employer that leads its market, a team that leads: no people managed
    ("5+ years managing team budgets and vendor contracts", 5, None, "general", True),
    ("5+ years of experience at leading organizations of global scale", 5, None, "specialty", True),
    ("3+ years working in a leading product team", 3, None, "specialty", True),
    # The German "erste Berufserfahrung": the candidate's first years, asked
    ("You bring first 2-3 years of experience as a product manager", 2, 3, "product_management", True),
    # Equity, grants or higher education as the field of the experience, not a grant or a degree
    ("3+ years equity research experience", 3, None, "general", True),
    ("3+ years grant management experience", 3, None, "general", True),
    ("5+ years higher education experience", 5, None, "general", True),
    ("3–5 years of experience", 3, 5, "general", True),
    ("3 to 5 years of product experience", 3, 5, "product_management", True),
    ("between 4 and 6 years of experience in product management", 4, 6, "product_management", True),
    ("at least seven years of experience", 7, None, "general", True),
    ("At least 7 years of product management experience.", 7, None, "product_management", True),
    ("five (5) years of experience as a PM", 5, None, "product_management", True),
    ("Ten (10) years of progressive experience", 10, None, "general", True),
    ("a decade of product leadership", 10, None, "product_management", True),
    ("over a decade of experience building software products", 10, None, "product_management", True),
    ("two decades of experience", 20, None, "general", True),
    ("8-10 years of product management experience; 2 years of AI experience", 8, 10, "product_management", True),
    ("2 years of AI experience and 8-10 years of product management experience", 8, 10, "product_management", True),
    ("Minimum 2 years experience", 2, None, "general", True),
    ("Minimum of 3 years of experience in product management", 3, None, "product_management", True),
    ("min. 4 yrs of relevant experience", 4, None, "general", True),
    ("Exp: 4-8 Years", 4, 8, "general", True),
    ("Experience: 2 - 4 years", 2, 4, "general", True),
    ("You have 12+ yrs. of experience", 12, None, "general", True),
    ("12+ yrs experience", 12, None, "general", True),
    ("6-8 years' experience in product roles", 6, 8, "product_management", True),
    ("6 years’ experience shipping products", 6, None, "product_management", True),
    ("1-2 years of experience in a product or analytical role", 1, 2, "product_management", True),
    ("0-2 years of experience", 0, 2, "general", True),
    # A scraped ad that lost the line break between two list items: the full stop ends a sentence.
    ("Comfortable with ambiguity and messy data.4+ years of product management experience", 4, None, "product_management", True),
    ("A degree in a technical field, or equivalent experience.5-7 years of product management experience", 5, 7, "product_management", True),
    # The line after the years is a heading about the job ("Roadmap and vision"), not about the number.
    ("Product Manager\n\nExp- 2 to 4.5 yrs\n\nRoadmap and vision\n\n- Own the backlog", 2, 4.5, "general", True),
    ("On call 10% of the time.5+ years of product management experience", 5, None, "product_management", True),
    # "years of operations" is a candidate's field here; "years of operation" stays a company's age (below).
    ("Degree or equivalent practical experience.\n6 years of operations, logistics or related experience.", 6, None, "specialty", True),
    ("up to 2 years of experience", 0, 2, "general", True),
    ("more than 15 years of experience in product management", 15, None, "product_management", True),
    ("15-20 years of experience, including executive roles", 15, 20, "general", True),
    ("20+ years in technology, 10 of them in product leadership", 20, None, "general", True),
    ("2.5 years of experience", 2.5, None, "general", True),
    ("2.25+ years of experience", 2.25, None, "general", True),  # not "25 years"
    ("1.75 years of product management experience", 1.75, None, "product_management", True),
    ("1 year of experience as a product manager", 1, None, "product_management", True),
    ("a minimum of eight years of product management experience", 8, None, "product_management", True),
    ("no less than 10 years of experience", 10, None, "general", True),
    ("3+ years of experience in fintech", 3, None, "specialty", True),
    ("7+ years experience in product management, 3+ with B2B payments", 7, None, "product_management", True),
    ("4+ years of PM experience", 4, None, "product_management", True),
    ("3 years minimum of experience in a product role", 3, None, "product_management", True),
    ("Seven years of experience in product", 7, None, "product_management", True),
    ("Candidate should have 5-7 years of experience", 5, 7, "general", True),
    ("2+ years with ML is a plus", 2, None, "specialty", False),
    ("Ideally 3+ years of product management experience", 3, None, "product_management", False),
    ("5+ years of product management experience preferred", 5, None, "product_management", False),
    ("10+ years in product, including 5+ years managing product managers", 10, None, "product_management", True),
    ("twelve years of experience", 12, None, "general", True),
    ("you bring 6+ years of product management", 6, None, "product_management", True),
    # The patterns run over lower-cased text: any case reads the same.
    ("AT LEAST SEVEN (7) YEARS OF PRODUCT MANAGEMENT EXPERIENCE", 7, None, "product_management", True),
    ("Minimum 5 Yrs Experience", 5, None, "general", True),
    ("Two Decades Of Experience In Product", 20, None, "product_management", True),
    # Lower-cased with offsets kept, "İ" and "ı" read as "i": these were missed before.
    ("FİVE YEARS OF PRODUCT MANAGEMENT EXPERIENCE", 5, None, "product_management", True),
    ("At least fıve years of product management experience.", 5, None, "product_management", True),
    ("NİNE MONTHS OF EXPERIENCE", 0.75, None, "general", True),
    # Months, when "experience" follows: kept as years.
    ("6-12 months of experience", 0.5, 1, "general", True),
    ("12+ months of product experience", 1, None, "product_management", True),
    ("18 months' experience in a product role", 1.5, None, "product_management", True),
    ("six months of experience in product management", 0.5, None, "product_management", True),
    ("Minimum 6 months experience", 0.5, None, "general", True),
    ("6 months or more of experience", 0.5, None, "general", True),
    ("6 months or more of hands-on direct-to-consumer subscription-commerce experience", 0.5, None, "specialty", True),
    ("3 months of internship experience is a plus", 0.25, None, "specialty", False),
    ("- 5+ years running technical programs across engineering teams", 5, None, "specialty", True),
    ("Requirements:\n- 3 yrs running paid acquisition for a consumer app", 3, None, "general", True),
]

# Sentences with "years" that state no requirement of the candidate.
NOT_REQUIREMENTS = [
    "Founded 20 years ago, we are the leader in logistics.",
    "We have been in business for 30 years.",
    "For the past 15 years we have helped hospitals run better.",
    "Our product has been on the market for 15 years.",
    "Our 3-5 year product vision guides the portfolio.",
    "You will set a 3-year roadmap for the platform.",
    "This is a 1 year contract with an option to extend.",
    "Within 2 years you will lead a team.",
    "Shares vest over 4 years with a one-year cliff.",
    "We celebrate our 10-year anniversary this spring.",
    "A 25-year-old company with deep roots.",
    "We have grown revenue 40% for 3 years in a row.",
    "Our team has been building payments software for over 12 years.",
    "In the next 2 years we will open five new markets.",
    "In your first 6 months you will launch the app and gain experience with our customers.",
    "This is a 6-month contract.",
    "Within 3 months of joining, you will own onboarding.",
    "After 6 months of experience with us you will rotate to a new team.",
    "A 12-month rotational programme.",
    "Our brand has 100 years of history.",
    "Voted a best place to work three years running.",
    "We have grown 40% three years running, and we keep hiring.",
    "For more than 20 years, Northwind Freight has helped shipping and receiving teams keep their docks moving.",
    "For 12 years we have been shipping software to hospitals.",
    "A two-year development track with four rotations across the bank.",
    "Throughout the two years you will rotate across three product teams.",
    "Our two-year graduate programme starts in September.",
    "You will decide where the platform should stand in two to three years.",
    "We expect the market to double in 5 years.",
    "We aim to be the market leader in about three years.",
    "We are looking for a Director who will set our strategy for the next ten years.",
    "We are looking for a PM to join a team that has tripled in the past 2 years.",
    "We expect the first two years in the role to be about building the platform.",
    "We expect to hire 20 PMs over 2 years.",
    "- Four-year equity grants with annual refreshers",
    "The scheme is open to veterans in the first three years after leaving the forces.",
    "Your first two years here are a rotation through three teams.",
    "A bachelor's degree earned in the last two years.",
    "A one-year graduate onboarding track with mentoring.",
    "A one-year probationary period applies.",
    "Two years of post-secondary education in a related field.",
]


@pytest.mark.parametrize(("text", "minimum", "maximum", "field", "required"), HEADLINE)
def test_headline_requirement(text, minimum, maximum, field, required):
    main = main_requirement(extract_years_of_experience(text))
    assert main is not None, text
    assert (main.minimum, main.maximum, main.field, main.required) == (minimum, maximum, field, required)


@pytest.mark.parametrize("text", NOT_REQUIREMENTS)
def test_company_age_and_horizons_are_not_requirements(text):
    assert extract_years_of_experience(text) == []


def test_at_least_sixty_phrasings_are_covered():
    assert len(HEADLINE) + len(NOT_REQUIREMENTS) >= 60


def test_specialty_clause_does_not_override_the_pm_requirement():
    found = extract_years_of_experience("8-10 years of product management; 2 years of AI")
    assert [(item.minimum, item.field) for item in found] == [(8, "product_management"), (2, "specialty")]
    assert main_requirement(found).minimum == 8


@pytest.mark.parametrize(
    "text",
    [
        "10+ years in product, including 5+ years managing product managers",
        "10+ years in product management, including 5 years managing product teams",
        "10+ years of experience, of which at least 5 years with disciplinary responsibility for product managers",
        "10+ years of product experience, 5+ years leading organizations of product managers through directors",
        "10+ years of product experience, 5+ years leading groups of 20+ product managers",
        "10+ years of product experience, with 5+ years managing a product team",
    ],
)
def test_people_management_years_are_kept_apart(text):
    found = extract_years_of_experience(text)
    assert people_management_years(found) == 5
    assert main_requirement(found).minimum == 10


def test_spans_point_at_the_phrase():
    text = "Requirements: at least 7 years of experience."
    (found,) = extract_years_of_experience(text)
    assert found.span.of(text) == "at least 7 years"


def test_bare_years_in_a_nice_to_have_section_are_preferred():
    text = "Nice to have\n- 3 years in healthcare\n"
    (found,) = extract_years_of_experience(text, preferred_spans=(Span(0, len(text)),))
    assert not found.required


@pytest.mark.parametrize(
    ("minimum", "band"), [(None, "none"), (0, "0"), (0.5, "1"), (1.5, "2"), (4, "4"), (5, "5"), (7, "7"), (10, "10"), (11, "11-12"), (14, "13-14"), (20, "15+")]
)
def test_years_bucket(minimum, band):
    assert years_bucket(minimum) == band


@pytest.mark.parametrize(
    ("text", "minimum", "field", "required"),
    [
        ("Acme has helped retailers grow for 12 years. You will bring 3+ years of PM experience.", 3, "product_management", True),
        ("The ideal candidate has 5+ years of product management experience.", 5, "product_management", True),
        ("3+ years of product management experience, ideally in e-commerce", 3, "product_management", True),
        ("- 7+ years of product experience, MBA preferred\n- 4-year degree required", 7, "product_management", True),
        ("3+ years of product management experience\n5+ years as a software engineer", 3, "product_management", True),
        ("You have 3+ years managing a team of product managers and 10+ years total experience.", 10, "general", True),
        # Product marketing or design is another field than product management; "in product" alone is the field.
        ("1-2 years of experience in product marketing, growth marketing or communications", 1, "specialty", True),
        ("4+ years in product design for consumer apps", 4, "specialty", True),
        ("3+ years of experience in product, ideally B2B", 3, "product_management", True),
    ],
)
def test_review_pitfalls(text, minimum, field, required):
    main = main_requirement(extract_years_of_experience(text))
    assert (main.minimum, main.field, main.required) == (minimum, field, required)


@pytest.mark.parametrize(
    "text",
    [
        "Acme has helped retailers grow for 12 years",
        "We have grown 40% every year for 6 years. You'll join a team of 5 PMs.",
        "Join our two-year rotation.",
        "Eligibility: a minimum of 15 years of full-time education (10+2+3).",
        "Candidates need 16 years of formal schooling.",
        "You join a firm with 20 years of operation and a loyal client base.",  # a company's age, not "of operations"
        # A number that opens with its decimal point is not read as a whole number ("5 years").
        "Minimum .5 years of experience required",
        "Associate PM (.5+ years of experience)",
        "You have 1.2.5 years of experience",
        # Hard-wrapped text (a PDF keeps its line breaks): the sentence goes on after the break.
        "Your team shipped its first product 3 years\nago and now serves banks.",
        "You will modernize a 15 years\nold codebase with the team.",
        "You will shape our three-to-five-year\nproduct vision with the CEO.",
    ],
)
def test_more_numbers_that_are_not_requirements(text):
    assert main_requirement(extract_years_of_experience(text)) is None


def test_years_of_education_do_not_hide_the_experience_asked():
    text = "Requirements: 15 years of regular education. 4+ years of product management experience."
    main = main_requirement(extract_years_of_experience(text))
    assert (main.minimum, main.field) == (4, "product_management")


@pytest.mark.parametrize(
    ("text", "minimum"),
    [
        ("5+ years program management experience", 5),
        ("- 7+ years programme management experience in construction", 7),
        ("3+ years shipping B2B products", 3),
        ("4 years track record of launching products", 4),
        ("5+ years program/project management experience", 5),
        ("5+ years program and product management experience", 5),
        # A capitalized word after the years is the field, not a company, unless a comma sets it off as the subject.
        ("- 6+ years Product Management is key", 6),
        ("- 2+ years SQL is a plus", 2),
        ("- 5 years Salesforce was used daily by the team", 5),
    ],
)
def test_a_field_named_after_the_years_is_still_asked_for(text, minimum):
    # "program", "track" and "shipping" also end a programme's length or start a company's story; here they are the work.
    found = extract_years_of_experience(text)
    assert [item.minimum for item in found] == [minimum], text


def test_a_run_of_spaces_after_the_years_does_not_backtrack():
    # An earlier company-subject pattern tried every split of such a run: 16,000 spaces took 7 s, 32,000 took 27 s.
    [found] = extract_years_of_experience("- 5 years" + " " * 30_000 + "x")
    assert (found.minimum, found.required) == (5, True)


def test_a_run_of_spaces_after_a_second_number_is_read_once():
    # "with 5" and a run with no "+" or "years" after it: two runs of spaces around a missing "+" shared it in every
    # way (20,000 spaces took 0.4 s, 100,000 took 9 s).
    [found] = extract_years_of_experience("10 years of product experience with 5" + " " * 100_000 + "x")
    assert (found.minimum, found.field) == (10, "product_management")


def test_years_of_managing_engineers_are_years_of_managing_people() -> None:
    posting = parse("Engineering Manager\n\n6+ years of software engineering, 2+ years managing engineers.\n")
    assert (posting.people_management_years, [(r.minimum, r.field) for r in posting.years]) == (2, [(6, "specialty"), (2, "people_management")])


# The cue and field patterns run over lowered(text), in place of re.IGNORECASE over the text: they must find the same.
_LOWERED_PATTERNS = [
    experience._NOT_REQUIREMENT_BEFORE,
    experience._NOT_REQUIREMENT_AFTER,
    experience._CANDIDATE_CUE,
    experience._WE_ASK,
    experience._COMPANY_SUBJECT,
    experience._ACTIVITY_CUE,
    experience._PREFERRED_CUE,
    experience._PM_FIELD,
    experience._PEOPLE_FIELD,
    experience._GENERAL_FIELD,
    experience._AS_ANOTHER_ROLE,
    experience._IN_A_SPECIALTY,
]
_CASED_WORDS = ["Founded", "SINCE", "in Business", "Been Around", "For The Past", "WITHIN THE FIRST", "Vesting Over", "We've", "Our Team Has"]
_CASED_WORDS += ["ago", "OLD", "From Now", "Of Growth", "Product Roadmap", "DEGREE", "Program Management", "Track Record", "Full-Time Education"]
_CASED_WORDS += ["Experience", "EXP", "You", "Candidate", "Must", "Ideally", "We Expect", "WE'RE LOOKING FOR", "Candidates To Have", "and", "Plus"]
_CASED_WORDS += ["Worked", "As An", "In A Product", "Preferred", "A Big Plus", "Nice-To-Have", "Would Be Great", "Product Management", "PM"]
_CASED_WORDS += ["Senior PM", "Shipping Products", "People Management", "Managing Teams", "Leading Product Managers", "Supervising"]
_CASED_WORDS += ["In The Tech Industry", "Relevant Work Experience", "With", "Working On", "İn", "ıN", "ſince", "K", "ẞ", "Σ", "ǅ", "ﬁ", "5", "x"]
_CASED_WORDS += [" ", "  ", "\n", "\u00a0", ",", ".", "-", "’", "'"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CASED_WORDS), max_size=12).map("".join))
def test_the_patterns_run_over_the_lowered_text_find_what_ignorecase_finds(text: str) -> None:
    lower = lowered(text)
    for pattern in _LOWERED_PATTERNS:
        ignorecase = re.compile(pattern.pattern, re.IGNORECASE)
        assert [m.span() for m in pattern.finditer(lower)] == [m.span() for m in ignorecase.finditer(text)], (pattern.pattern[:40], text)


@pytest.mark.parametrize(
    ("text", "field", "field_text"),
    [
        ("5+ Years Of PRODUCT MANAGEMENT Experience, SQL a plus", "product_management", "Of PRODUCT MANAGEMENT Experience"),
        ("Product Management Experience: 5+ years", "product_management", "Product Management Experience:"),
        ("Leadership, People Management Experience: 4 Years", "people_management", "People Management Experience:"),
        ("6 years AND more in FinTech", "specialty", "AND more in FinTech"),
        ("7 years As A Software Engineer", "specialty", "As A Software Engineer"),
    ],
)
def test_the_field_is_read_in_any_case_and_given_as_written(text: str, field: str, field_text: str) -> None:
    found = extract_years_of_experience(text)
    assert [(item.field, item.field_text) for item in found] == [(field, field_text)]
