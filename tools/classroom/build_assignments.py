"""Build the nbgrader course: one assignment a notebook, released for students.

Usage: python -m tools.classroom.build_assignments [--out classroom] [NN ...]

From the instructor's notebooks in git (``notebooks/NN_*.ipynb``, with their solutions
and hidden tests) this writes an nbgrader course directory:

* ``source/psNN/NN_name.ipynb``: the instructor's notebook, as nbgrader's source;
* ``release/psNN/NN_name.ipynb``: the student release, made by nbgrader's
  ``generate_assignment`` (solutions replaced by stubs, hidden tests removed, outputs
  cleared, graded cells locked); this is the student edition (``make student``);
* ``gradebook.db``: the assignments, their graded parts and points, and the hidden tests
  that ``nbgrader autograde`` puts back when it grades;
* ``nbgrader_config.py``: the course's settings (stub, per-cell timeout).

Grade in that folder: ``nbgrader collect``/``autograde psNN``/``export``/
``generate_feedback psNN`` (README, "For instructors").
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

import nbformat

from .course import NOTEBOOKS, ROOT, course_map

CONFIG = Path(__file__).resolve().parent / "nbgrader_config.py"


def assignment_id(number: int | str) -> str:
    return f"ps{int(number):02d}"


def nbgrader_api(course: Path, *, timeout: int | None = None):
    """nbgrader's Python API on the course directory ``course``, with the course's config
    (and another per-cell ``timeout`` in seconds, if given)."""
    # nbgrader runs the `alembic` command of its environment through PATH: make sure the
    # venv's bin/ is on it even when the venv is not activated (make calls .venv/bin/python).
    bin_dir = str(Path(sys.executable).parent)
    if bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")
    from nbgrader.apps import NbGraderAPI
    from traitlets.config import Config, PyFileConfigLoader

    config = Config()
    config.merge(PyFileConfigLoader(CONFIG.name, path=str(CONFIG.parent)).load_config())
    config.CourseDirectory.root = str(course)
    config.Exchange.root = str(course / "exchange")  # a local exchange, unused unless collected
    if timeout is not None:
        config.Execute.timeout = timeout
    return NbGraderAPI(config=config)


def show_answer_cells(path: Path) -> None:
    """Un-collapse the answer cells of a released notebook. In the instructor's notebook
    they are collapsed (the solution should not catch the eye of whoever opens it); in
    the release they hold the stub the student writes in."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("solution"):
            cell.metadata.get("jupyter", {}).pop("source_hidden", None)
            if cell.metadata.get("jupyter") == {}:
                del cell.metadata["jupyter"]
    nbformat.write(nb, path)


def build(out: Path, numbers=None, *, folder: Path = NOTEBOOKS) -> dict[str, Path]:
    """Write sources and releases into ``out``; return {assignment id: released notebook}."""
    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(CONFIG, out / "nbgrader_config.py")
    api = nbgrader_api(out)
    released = {}
    for entry in course_map(folder):
        if numbers and int(entry.number) not in numbers:
            continue
        aid = assignment_id(entry.number)
        source = out / "source" / aid / entry.path.name
        source.parent.mkdir(parents=True, exist_ok=True)
        nb = nbformat.read(entry.path, as_version=4)
        nb.metadata.pop("widgets", None)
        nbformat.write(nb, source)
        result = api.generate_assignment(aid, force=True)
        if not result["success"]:
            raise RuntimeError(f"nbgrader generate_assignment {aid} failed:\n{result['log']}\n{result.get('error', '')}")
        released[aid] = out / "release" / aid / entry.path.name
        show_answer_cells(released[aid])
    return released


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "classroom", help="course directory (default: classroom/)")
    parser.add_argument("numbers", nargs="*", type=int, help="only these notebooks (default: all)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    released = build(args.out, args.numbers)
    print(f"{len(released)} assignment(s) released in {args.out}/release/ ({time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    main()
