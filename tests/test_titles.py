"""Title normalizer: at least forty titles, including the pitfalls named in issue 4."""

import pytest

from jdclass.titles import title_level

TITLES = [
    ("Associate Product Manager", "APM", "associate"),
    ("APM, Consumer Growth", "APM", "associate"),
    ("Junior Product Manager", "APM", "junior"),
    ("Jr. Product Manager", "APM", "junior"),
    ("Entry-Level Product Manager", "APM", "junior"),
    ("Rotational Associate Product Manager", "APM", "associate"),
    ("Product Manager Intern", "APM", "intern"),
    ("Product Management Internship", "APM", "intern"),
    ("Internal Tools Product Manager", "PM", "product_manager"),
    ("Product Manager, Internal Platforms", "PM", "product_manager"),
    ("Product Manager", "PM", "product_manager"),
    ("Technical Product Manager, Payments API", "PM", "product_manager"),
    ("Growth PM", "PM", "product_manager"),
    ("Product Manager II", "PM", "numbered"),
    ("Product Manager / Product Owner", "PM", "product_manager"),
    ("Senior Product Manager", "SPM", "senior"),
    ("Sr. PM", "SPM", "senior"),
    ("Sr Technical Product Manager", "SPM", "senior"),
    ("Product Manager, Senior", "SPM", "senior"),
    ("PM III", "SPM", "numbered_senior"),
    ("Lead Product Manager", "SPM", "lead"),
    ("Product Lead", "SPM", "lead"),
    ("Principal PM", "SPM", "principal"),
    ("Staff Product Manager, Search", "SPM", "staff"),
    ("Group Product Manager", "SPM", "group"),
    ("Manager, Product Management", "SPM", "manager_of_pm"),
    ("Director of Product", "DIR", "director"),
    ("Director, Product Management", "DIR", "director"),
    ("Senior Director of Product", "DIR", "director"),
    ("Associate Director of Product", "DIR", "associate_director"),
    ("Assistant Director, Product Management", "DIR", "associate_director"),
    ("Head of Product", "DIR", "head_of_product"),
    ("Senior Manager, Product Management", "DIR", "senior_manager_of_pm"),
    ("VP of Product", "VP", "vice_president"),
    ("Vice President, Product Management", "VP", "vice_president"),
    ("SVP Product", "VP", "svp_evp"),
    ("EVP Product & Design", "VP", "svp_evp"),
    ("Chief Product Officer", "CPO", "chief_product"),
    ("Chief Product & Technology Officer", "CPO", "chief_product"),
    ("CPO", "CPO", "cpo_acronym"),
    ("Product Marketing Manager", "OTHER", "product_marketing"),
    ("Director of Product Marketing", "OTHER", "product_marketing"),
    ("VP, Product Marketing", "OTHER", "product_marketing"),
    ("Product Owner", "OTHER", "product_owner"),
    ("Senior Product Designer", "OTHER", "product_designer"),
    ("Head of Product Design", "OTHER", "product_designer"),
    ("Technical Program Manager", "OTHER", "program_manager"),
    ("Senior Programme Manager", "OTHER", "program_manager"),
    ("IT Project Manager", "OTHER", "project_manager"),
    ("Engineering Manager, Payments", "OTHER", "engineering_manager"),
    ("VP of Engineering", "OTHER", "engineering_manager"),
    ("Production Manager", "OTHER", "production_manager"),
    ("Retail Product Specialist", "OTHER", "product_specialist"),
    ("Product Analyst", "OTHER", "product_analyst"),
    ("Scrum Master", "OTHER", "scrum_master"),
    ("Software Engineer", "OTHER", "not_product_management"),
    ("Internship Coordinator", "OTHER", "not_product_management"),
    # A Managing Director heads a company, or is a bank's senior rank: over product, above its directors.
    ("Managing Director of Northwind", "OTHER", "not_product_management"),
    ("Managing Director", "OTHER", "not_product_management"),
    ("Managing Director, Northwind Products Ltd", "OTHER", "not_product_management"),
    ("Managing Director, Product Management", "VP", "managing_director"),
    ("Managing Director – Consumer Products", "VP", "managing_director"),
    ("Managing Director, Product Marketing", "OTHER", "product_marketing"),
    ("Managing Director & Chief Product Officer", "CPO", "chief_product"),
]


@pytest.mark.parametrize(("title", "code", "rule"), TITLES)
def test_title_level(title, code, rule):
    found = title_level(title)
    assert (found.level.code, found.rule) == (code, rule)


def test_at_least_forty_titles():
    assert len(TITLES) >= 40


@pytest.mark.parametrize("title", [None, "", "   "])
def test_no_title(title):
    assert title_level(title) is None


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("Product Manager (Senior)", "SPM"),
        ("Product Manager (Sr.)", "SPM"),
        ("Project Manager (PM)", "OTHER"),
        ("Program Manager - PM", "OTHER"),
        ("Senior Product Manager, New Grad Programs", "SPM"),
        ("Senior PM – Junior Talent Marketplace", "SPM"),
        ("Product Manager, Senior Leadership Tools", "PM"),
        ("Product Manager - Principal", "SPM"),
        ("Director of Product Management, Payments", "DIR"),
    ],
)
def test_level_words_after_the_team_name_do_not_count(title, code):
    assert title_level(title).level.code == code
