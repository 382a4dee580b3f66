"""Packaging agrees with itself: pyproject.toml, environment.yml, Makefile, README, CI.

conda cannot run here, so environment.yml is compared with pyproject.toml as text:
the same packages (core and every extra) with the same lower bounds, names mapped
explicitly where conda-forge and PyPI differ.
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent

#: PyPI requirement (name, with extras) -> its conda-forge package, where they differ.
PYPI_TO_CONDA = {
    "matplotlib": "matplotlib-base",   # matplotlib without a GUI toolkit
    "nbconvert": "nbconvert-core",     # nbconvert without pandoc/LaTeX
    "dask[dataframe]": "dask",         # conda-forge's dask bundles the dataframe extra
}

# "name[extra,...] >=1.2" with optional spaces; the lower bound is the part we compare.
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*?)\s*$")
_LOWER_BOUND = re.compile(r">=\s*([0-9][^,;\s]*)")


def normalise(name: str) -> str:
    """PEP 503 name: lower case, runs of ``-_.`` as one ``-``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def parse(requirement: str) -> tuple[str, str | None]:
    """``(name[extras], lower bound)`` of a requirement string, e.g. ``("dask[dataframe]", "2024.8")``."""
    requirement = requirement.split(";")[0].split("#")[0]
    match = _REQUIREMENT.match(requirement)
    if match is None:
        raise ValueError(f"cannot read requirement {requirement!r}")
    name, extras, spec = match.groups()
    key = normalise(name) + (extras.replace(" ", "").lower() if extras else "")
    bound = _LOWER_BOUND.search(spec)
    return key, bound.group(1) if bound else None


@pytest.fixture(scope="module")
def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def environment() -> dict:
    return yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pyproject_requirements(pyproject) -> dict[str, str | None]:
    """Every requirement of pyproject.toml, core and all extras, as {name: lower bound}."""
    project = pyproject["project"]
    strings = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        strings += extra
    parsed = [parse(s) for s in strings]
    names = [n for n, _ in parsed]
    assert len(names) == len(set(names)), f"a package is listed twice in pyproject.toml: {names}"
    return dict(parsed)


@pytest.fixture(scope="module")
def conda_and_pip(environment) -> tuple[dict[str, str | None], dict[str, str | None]]:
    """environment.yml's conda packages and pip packages, as {name: lower bound}."""
    conda, pip = {}, {}
    for item in environment["dependencies"]:
        if isinstance(item, dict):
            for line in item.get("pip", []):
                if not line.startswith("-"):  # "-e ." installs the toolkit itself
                    name, bound = parse(line)
                    pip[name] = bound
        else:
            name, bound = parse(item)
            conda[name] = bound
    return conda, pip


def environment_requirements(conda_and_pip) -> dict[str, str | None]:
    """environment.yml's packages under their PyPI names (python and pip left out)."""
    conda, pip = conda_and_pip
    conda_to_pypi = {c: p for p, c in PYPI_TO_CONDA.items()}
    out = {}
    for name, bound in conda.items():
        if name not in ("python", "pip"):
            out[conda_to_pypi.get(name, name)] = bound
    for name, bound in pip.items():
        out[name] = bound
    return out


def test_environment_uses_conda_forge(environment):
    assert environment["channels"][0] == "conda-forge"
    assert "defaults" not in environment["channels"]


def test_every_pyproject_dependency_is_in_environment_yml_with_its_lower_bound(pyproject_requirements, conda_and_pip):
    env = environment_requirements(conda_and_pip)
    missing = sorted(set(pyproject_requirements) - set(env))
    assert not missing, f"in pyproject.toml but not in environment.yml: {missing}"
    differ = {n: (b, env[n]) for n, b in pyproject_requirements.items() if env[n] != b}
    assert not differ, f"lower bounds differ (pyproject, environment.yml): {differ}"


def test_every_environment_yml_package_is_in_pyproject(pyproject_requirements, conda_and_pip):
    extra = sorted(set(environment_requirements(conda_and_pip)) - set(pyproject_requirements))
    assert not extra, f"in environment.yml but not in pyproject.toml: {extra}"


def test_no_package_comes_from_both_conda_and_pip(conda_and_pip):
    conda, pip = conda_and_pip
    conda_to_pypi = {c: p for p, c in PYPI_TO_CONDA.items()}
    both = {conda_to_pypi.get(n, n) for n in conda} & set(pip)
    assert not both, f"listed for conda and for pip: {sorted(both)}"
    if pip:
        assert "pip" in conda, "a pip: section needs pip among the conda packages"


def test_python_version_matches_requires_python(pyproject, conda_and_pip):
    conda, _ = conda_and_pip
    required = _LOWER_BOUND.search(pyproject["project"]["requires-python"]).group(1)
    assert conda.get("python") == required


def test_environment_installs_the_toolkit_itself(environment):
    pip = next(item["pip"] for item in environment["dependencies"] if isinstance(item, dict))
    assert "-e ." in pip


@pytest.mark.parametrize(("name", "bound"), [
    ("pandas>=2.2", ("pandas", "2.2")),
    ("dask[dataframe]>=2024.8", ("dask[dataframe]", "2024.8")),
    ("Charset_Normalizer >= 3.3", ("charset-normalizer", "3.3")),
    ("pytest", ("pytest", None)),
    ("pyarrow>=15,<30 ; python_version >= '3.11'", ("pyarrow", "15")),
])
def test_requirement_parsing(name, bound):
    assert parse(name) == bound


# ----------------------------------------------------------------------------- make, README, CI

def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return {m.group(1) for m in re.finditer(r"^([A-Za-z0-9_.-]+)\s*:(?!=)", text, re.MULTILINE)}


def test_makefile_has_run_and_test():
    targets = makefile_targets()
    assert {"run", "test"} <= targets
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^run:.*\n\t.*-m toolkit run --data data --out", text, re.MULTILINE)
    assert re.search(r"^test:.*\n\t.*-m pytest", text, re.MULTILINE)


def quick_start_commands() -> list[str]:
    """The shell lines of the README's "## Quick start" section (its fenced code blocks)."""
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8") if readme.is_file() else ""
    match = re.search(r"^## Quick start\s*$(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL | re.IGNORECASE)
    if match is None:
        pytest.skip("README.md has no '## Quick start' section yet (the lead writes it)")
    blocks = re.findall(r"```[^\n]*\n(.*?)```", match.group(1), re.DOTALL)
    lines = [line.strip().removeprefix("$ ") for block in blocks for line in block.splitlines()]
    return [line.split(" #")[0].strip() for line in lines if line and not line.startswith("#")]


def test_readme_quick_start_commands_exist_in_the_makefile():
    commands = quick_start_commands()
    make = [c for c in commands if c.startswith("make ")]
    used = {word for c in make for word in c.split()[1:] if not word.startswith("-") and "=" not in word}
    assert {"run", "test"} <= used, f"the quick start should show `make run` and `make test`: {commands}"
    missing = used - makefile_targets()
    assert not missing, f"README quick start uses make target(s) the Makefile lacks: {sorted(missing)}"


def test_ci_runs_make_test():
    lines = [line.split("#")[0].strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert "make test" in lines
