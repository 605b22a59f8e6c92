"""The HTML report, opened in a real headless Chromium: the highlights and the verdict must be rendered."""

import os
import re
import shutil
import subprocess
from html import escape

import pytest

from jdclass.html_report import HIGHLIGHT, render_html
from jdclass.levels import Level
from tests.conftest import HELD_BACK
from tests.fixtures import DIRECTOR_AD, OTHER_AD
from tests.png import pixels

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have Chromium: .ci/run installs Debian's chromium package")
        pytest.skip("no Chromium found (install Debian's chromium package to run the browser test)")
    return found


def hex_rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


@pytest.fixture(scope="module")
def mismatch_report(classifier, tmp_path_factory):
    text = (HELD_BACK / "pm.md").read_text(encoding="utf-8")
    result = classifier.classify(text, title="Chief Product Officer")
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_html(result), encoding="utf-8")
    return result, path


def test_the_page_is_self_contained(mismatch_report):
    _, path = mismatch_report
    page = path.read_text(encoding="utf-8")
    assert "<script" not in page and "http://" not in page and "https://" not in page.replace("https://no-color", "")
    assert 'id="verdict" class="verdict mismatch" data-kind="title_overstates"' in page


def test_chromium_renders_the_highlights_and_the_verdict(mismatch_report, tmp_path):
    result, path = mismatch_report
    browser = chromium()
    shot = tmp_path / "shot.png"
    profile = tmp_path / "profile"
    run = subprocess.run(
        [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--window-size=1000,2400", f"--screenshot={shot}", path.as_uri()],
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert run.returncode == 0 and shot.is_file(), run.stderr.decode(errors="replace")[-2000:]
    colours = pixels(shot)
    assert result.verdict.kind == "title_overstates"
    assert colours[hex_rgb("#fff7ed")] > 2000, "the mismatch verdict box is not on screen"
    painted = {level for level in Level.ladder() if colours[hex_rgb(HIGHLIGHT[level])] > 300}
    assert Level.PM in painted, "the Product Manager highlights are not on screen"
    dom = subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", path.as_uri()], capture_output=True, check=True, timeout=120)
    assert "Titled Chief Product Officer; the duties" in dom.stdout.decode()


def test_the_page_marks_the_evidence_it_lists_and_nothing_for_other(classifier):
    result = classifier.classify(DIRECTOR_AD)
    posting = render_html(result).split('id="posting">', 1)[1]
    marks = re.findall(r'<mark class="(\w+)" title="[^"]*">(.*?)</mark>', posting, re.DOTALL)
    assert sorted(marks) == sorted(("DIR", escape(item.text)) for item in result.evidence)
    assert '<p class="legend">Marked: <span class="DIR">the evidence for Director of Product</span></p>' in render_html(result)
    other = render_html(classifier.classify(OTHER_AD))
    assert "<mark" not in other.split('id="posting">', 1)[1]
    assert '<p class="legend">No sentence marked: it reads as not a product-management role.</p>' in other
    assert '<ol id="evidence"><li>The duties do not read as a product-management role.</li></ol>' in other  # as the terminal says


def test_the_page_gives_the_pay_as_the_report_does(classifier):
    page = render_html(classifier.classify("Senior Product Manager\nSalary: CAD $150k-$180k a year.\nOwn the payments roadmap.\n"))
    assert "<tr><td><strong>Pay</strong></td><td>CAD 150,000-180,000 a year</td></tr>" in page
    assert "<tr><td><strong>Pay</strong></td><td>not stated</td></tr>" in render_html(classifier.classify(DIRECTOR_AD))
