"""The installed packages are exactly those constraints.txt pins, and it pins everything ``jdclass[dev]`` pulls in.

``make setup`` installs with ``-c constraints.txt``, so a fresh install gets the versions that were tested; these
tests make CI fail when the environment drifts from the file or the file misses a new dependency. pip on a given
machine may add a constraints file of its own: only the packages our file names are checked.
"""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT

CONSTRAINTS = ROOT / "constraints.txt"
EXTRAS_INSTALLED = ("dev",)  # what the Makefile installs: -e '.[dev]'
_PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[A-Za-z0-9.+!_-]+)$")


def pins() -> dict[str, str]:
    """Canonical package name -> pinned version."""
    found = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            match = _PIN.match(line)
            assert match, f"constraints.txt: {line!r} is not an exact NAME==VERSION pin"
            found[str(canonicalize_name(match["name"]))] = match["version"]
    return found


def installed_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def drift(pinned: dict[str, str]) -> dict[str, tuple[str, str | None]]:
    """Package -> (pinned, installed) for every pin the environment does not match."""
    return {name: (version, installed_version(name)) for name, version in pinned.items() if installed_version(name) != version}


def test_every_pinned_package_is_installed_at_its_pinned_version():
    found = drift(pins())
    assert not found, f"installed versions differ from constraints.txt (pinned, installed): {found}; run `make clean setup`"


def test_drift_is_caught():
    assert drift({"click": "0.0.1", "no-such-package-jdclass": "1.0"}) == {
        "click": ("0.0.1", metadata.version("click")),
        "no-such-package-jdclass": ("1.0", None),
    }


def requirements_of(name: str, extras: frozenset[str]) -> list[Requirement]:
    """The requirements of an installed distribution that apply here, with the given extras; jdclass's own come from
    pyproject.toml, so a dependency added there is checked before the next install."""
    if name == "jdclass":
        project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
        lines = project["dependencies"] + [line for extra in sorted(extras) for line in project["optional-dependencies"][extra]]
    else:
        lines = metadata.requires(name) or []
    applicable = []
    for line in lines:
        requirement = Requirement(line)
        if requirement.marker is None or any(requirement.marker.evaluate({"extra": extra}) for extra in extras | {""}):
            applicable.append(requirement)
    return applicable


def test_constraints_pin_every_package_that_jdclass_dev_needs():
    pinned = pins()
    seen: set[tuple[str, frozenset[str]]] = set()
    unpinned: dict[str, str] = {}
    todo = [("jdclass", frozenset(EXTRAS_INSTALLED))]
    while todo:
        name, extras = todo.pop()
        for requirement in requirements_of(name, extras):
            key = canonicalize_name(requirement.name)
            if key not in pinned:
                unpinned[key] = name
            elif not requirement.specifier.contains(pinned[key], prereleases=True):
                unpinned[key] = f"{name} asks {requirement.specifier}, constraints.txt pins {pinned[key]}"
            if (key, frozenset(requirement.extras)) not in seen and installed_version(key) is not None:
                seen.add((key, frozenset(requirement.extras)))
                todo.append((key, frozenset(requirement.extras)))
    assert not unpinned, f"constraints.txt misses or contradicts these requirements (package: wanted by): {unpinned}"
