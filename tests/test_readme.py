"""The README's examples are run, so the docs cannot drift from what the tool prints."""

import re

from click.testing import CliRunner

from jdclass.cli import cli
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_classify_example_prints_what_the_readme_shows(monkeypatch):
    monkeypatch.chdir(ROOT)
    block = re.search(r"```console\n\$ jdclass classify docs/examples/senior-pm.md\n(.*?)```", README, re.DOTALL)
    assert block, "README lost its classify example"
    result = CliRunner().invoke(cli, ["classify", "docs/examples/senior-pm.md"])
    assert result.output == block.group(1)


def test_the_python_example_runs(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    code = re.search(r"```python\n(.*?)```", README, re.DOTALL).group(1)
    exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - the README is ours
    assert capsys.readouterr().out.splitlines() == ["SPM SPM 5.0", "APM", "SPM", "input 2: the posting is empty"]


def test_quick_start_is_exactly_two_commands():
    block = re.search(r"## Quick start.*?```console\n(.*?)```", README, re.DOTALL).group(1)
    assert [line.split("#")[0].strip() for line in block.strip().splitlines()] == ["make demo", "make test"]


def test_the_readme_explains_every_column_batch_writes():
    from jdclass.batch import COLUMNS

    table = README.split("The columns, in order:", 1)[1].split("\n\n", 2)[1]
    documented = re.findall(r"`([\w]+)`", "\n".join(line.split(" | ")[0] for line in table.splitlines()))
    named = [column for column in COLUMNS if not column.startswith("p_")] + ["p_APM", "p_OTHER"]
    assert sorted(set(named)) == sorted(set(documented))
