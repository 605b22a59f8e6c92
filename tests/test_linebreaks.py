import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from jdclass.linebreaks import _line_end, break_run_together_lines


@pytest.mark.parametrize(
    ("text", "broken"),
    [
        ("strong stakeholder managementExperience with SQL", "strong stakeholder management\nExperience with SQL"),
        ("Job DescriptionWe are seeking a Product Designer", "Job Description\nWe are seeking a Product Designer"),
        ("ResponsibilitiesOwn the roadmap", "Responsibilities\nOwn the roadmap"),
        ("About the RoleYou will lead", "About the Role\nYou will lead"),
        ("Qualifications:Bachelor's degree", "Qualifications:\nBachelor's degree"),
        ("required:Experience with SQL", "required:\nExperience with SQL"),
        ("5+ yearsExperience", "5+ years\nExperience"),
        ("3 yrs in fintechStrong SQLExcellent writing", "3 yrs in fintech\nStrong SQLExcellent writing"),  # "SQL" is no word's lower-case head
        ("teamsWork with design and researchLead discovery", "teams\nWork with design and research\nLead discovery"),
        ("Private health coverBenefitsFour weeks of leave", "Private health cover\nBenefits\nFour weeks of leave"),
        # A slash in prose, and a sentence whose space after the full stop the scrape lost too, are no address.
        ("On-site 3 days/weekResponsibilities:", "On-site 3 days/week\nResponsibilities:"),
        ("in fintech.Strong communicationExperience with SQL", "in fintech.Strong communication\nExperience with SQL"),
        # A list's mark on one side only: a line ended there.
        ("dental and vision coverDiversity, equity and belonging", "dental and vision cover\nDiversity, equity and belonging"),
        ("Berlin, hybridIn this role you will", "Berlin, hybrid\nIn this role you will"),
        # A name in a sentence is broken too: nothing tells it from a lost break.
        ("we moved our clinics to medicaPlus last spring", "we moved our clinics to medica\nPlus last spring"),
    ],
)
def test_a_line_break_a_scrape_lost_is_put_back(text: str, broken: str) -> None:
    assert break_run_together_lines(text) == broken


@pytest.mark.parametrize(
    "text",
    [
        "Experience with iPhone, iOS, macOS, eCommerce and devOps",  # a head under four letters: a name
        "LinkedIn, JavaScript, YouTube, PowerPoint and GitHub",  # capitals from the first letter
        "Meet at 10:30, see https://example.com or mailto:jobs@example.com",  # no capitalised word after the colon
        "RESPONSIBILITIES: own the roadmap",
        # An address or code, written so: a web address, an e-mail address, a hashtag or handle, an identifier.
        "Apply at https://acme.com/jobs/productManager or acme.io/careers/senior-productManager?ref=jobBoard",
        "Write to jane.doeSmith@acme.com or mailto:Jobs@acme.com",
        "#hiringNow #productManagement, follow @acmeProducts",
        "Call user_nameField, this.fetchData() or C:\\Users\\janeDoe",
        # A name with a longer head, between the marks of a list.
        "Clinics run on several records systems (medicaPlus, carelinkNet, Orbit Health).",
        "Tools we share (trelloBoard; notionWiki/figmaJam) and more",
        "Senior Product Manager\nResponsibilities\nOwn the roadmap.\n",
        "",
    ],
)
def test_what_was_not_run_together_is_left_as_it_is(text: str) -> None:
    assert break_run_together_lines(text) is text


@pytest.mark.parametrize(
    ("text", "broken"),
    [
        # A break put back ends its line as the text's others do, so a text pasted with Windows line ends keeps them.
        ("Senior PM\r\nJob DescriptionWe are hiring\r\n", "Senior PM\r\nJob Description\r\nWe are hiring\r\n"),
        ("Old Mac text\rJob DescriptionWe are hiring", "Old Mac text\rJob Description\rWe are hiring"),
        ("Job DescriptionWe are hiring", "Job Description\nWe are hiring"),
        ("Mixed\nthen\r\nJob DescriptionWe", "Mixed\nthen\r\nJob Description\nWe"),  # the first line end decides
    ],
)
def test_a_break_put_back_ends_its_line_as_the_text_does(text: str, broken: str) -> None:
    assert break_run_together_lines(text) == broken


_PIECES = ["management", "Experience", "Description", "We", ":", "iPhone", "a", "Z", "é", " ", "\n", "\r\n", "\r", "3", "_", "SQL"]


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join), st.text(max_size=200)))
@example("managementExperienceDescriptionWe:Experience")
def test_breaking_only_adds_line_breaks_and_is_idempotent(text: str) -> None:
    broken = break_run_together_lines(text)
    end = _line_end(text)
    assert broken.replace(end, "") == text.replace(end, "")
    assert broken.count(end) >= text.count(end)
    assert break_run_together_lines(broken) == broken


def test_a_long_run_of_joins_is_read_once() -> None:
    # Each join read its word back to the run's start (and its address to the run's ends): these took about a minute
    # each.
    assert break_run_together_lines("abcdEfgh" * 20_000) == "abcd\n" + "Efghabcd" * 19_999 + "Efgh"
    assert break_run_together_lines("Description" * 10_000 + "We") == "\n".join(["Description"] * 10_000 + ["We"])
    url = "https://acme.com/" + "abcdEf" * 20_000
    assert break_run_together_lines(url) is url
    names = "(abcdEfgh, " * 20_000
    assert break_run_together_lines(names) is names
