"""The set-up files agree with each other and keep the secure defaults."""

import re
from pathlib import Path

import pytest
import tomllib

ROOT = Path(__file__).resolve().parents[1]


def _requirement(spec: str) -> tuple[str, str]:
    name, version = re.match(r"^([A-Za-z0-9_.\-]+)\s*(.*)$", spec.strip()).groups()
    return name.lower().replace("_", "-"), version.replace(" ", "")


def pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = project["dependencies"] + project["optional-dependencies"]["test"]
    return dict(_requirement(s) for s in specs)


def environment_requirements() -> tuple[dict[str, str], list[str]]:
    conda, pip, in_pip = {}, [], False
    text = (ROOT / "environment.yml").read_text()
    for line in text[text.index("\ndependencies:") :].splitlines():
        item = line.split("#")[0].rstrip()
        if re.match(r"^\s*- pip:\s*$", item):
            in_pip = True
        elif in_pip and re.match(r"^\s{6,}- ", item):
            pip.append(item.strip()[2:])
        elif re.match(r"^\s{2}- ", item):
            in_pip = False
            name, version = _requirement(item.strip()[2:])
            conda[name] = version
    return conda, pip


def stored_outputs_python() -> str:
    first = (ROOT / "requirements/constraints.txt").read_text().splitlines()[0]
    match = re.fullmatch(r"# Stored outputs made with: Python (3\.\d+)", first)
    assert match, f"constraints.txt must open with the Python of the stored outputs, found {first!r}"
    return match.group(1)


STORED_PYTHON = stored_outputs_python()


def test_stored_notebook_outputs_come_from_the_pinned_python():
    import nbformat

    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        version = nbformat.read(path, as_version=4).metadata["language_info"]["version"]
        assert version.startswith(STORED_PYTHON + "."), f"{path.name} was executed with Python {version}"


def test_environment_yml_and_pyproject_agree():
    conda, pip = environment_requirements()
    conda.pop("pip")
    assert conda.pop("python") == "=" + STORED_PYTHON, "environment.yml must pin the Python of the stored outputs"
    assert conda == pyproject_requirements()
    assert pip == ["-e ."], "environment.yml must install mlhelpers itself from the checkout"
    assert "conda-forge" in (ROOT / "environment.yml").read_text()


def test_python_requirement_and_constraints_are_pins_of_declared_packages():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["requires-python"] == ">=3.10"
    declared = set(pyproject_requirements())
    pinned = set()
    for line in (ROOT / "requirements/constraints.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            assert re.match(r'^[A-Za-z0-9_.\-]+==[0-9][^;]*; python_version >= "3.11"$', line), line
            pinned.add(_requirement(line.split("==")[0])[0])
    assert declared <= pinned | {"pytest-benchmark"}, f"unpinned: {declared - pinned}"


def test_mlhelpers_never_imports_sklearn():
    for path in (ROOT / "mlhelpers").glob("*.py"):
        assert not re.search(r"^\s*(from|import)\s+sklearn", path.read_text(), re.M), path.name


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    block = re.search(r"```(?:bash|sh)?\n(.*?)```", text, re.S).group(1)
    return [line.split("#")[0].strip() for line in block.strip().splitlines()]


def test_readme_opens_with_exactly_two_commands_and_ci_runs_the_test_one():
    assert readme_commands() == ["make lab", "make test"]
    ci = (ROOT / ".ci/run").read_text()
    assert "grep -m1 -E '^make test\\b' README.md" in ci and 'eval "$test_cmd"' in ci


def test_lab_listens_on_localhost_with_a_token():
    makefile = (ROOT / "Makefile").read_text()
    lab = re.search(r"^lab:.*\n((?:\t.*\n)+)", makefile, re.M).group(1)
    assert "--ServerApp.ip=127.0.0.1" in lab
    for unsafe in ("0.0.0.0", "token=''", 'token=""', "token= ", "--ip=*", "disable_check_xsrf"):
        assert unsafe not in makefile
    assert "token" not in lab  # JupyterLab's default: a random token printed in the URL


@pytest.mark.parametrize(
    "path", ["README.md", "environment.yml", "pyproject.toml", "Makefile", ".ci/run", "requirements/constraints.txt"]
)
def test_no_network_hosts_named_in_setup_files(path):
    text = (ROOT / path).read_text()
    assert "cdn." not in text and "unpkg" not in text and "jsdelivr" not in text
