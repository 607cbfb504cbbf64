"""Write the student edition: every notebook without its solutions or outputs.

Usage: python tools/classroom/build_student.py [--out student] [--source notebooks]

nbconvert's ``TagRemovePreprocessor`` drops the cells tagged ``solution`` and its
``ClearOutputPreprocessor`` clears every output and execution count, so students
run the notebooks themselves. Each exercise check then prints "not attempted yet"
on the untouched stub instead of failing, and the edition runs top to bottom
without an error (tests/test_classroom.py executes it). ``student/`` is ignored by
git; hand it out as a folder or a zip.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import nbformat
from nbconvert import NotebookExporter
from nbconvert.preprocessors import ClearOutputPreprocessor, TagRemovePreprocessor
from traitlets.config import Config

sys.path.insert(0, str(Path(__file__).resolve().parent))
from course import NOTEBOOKS, ROOT, course_map

SOLUTION_TAG = "solution"


def student_exporter() -> NotebookExporter:
    config = Config()
    config.TagRemovePreprocessor.remove_cell_tags = {SOLUTION_TAG}
    config.ClearOutputPreprocessor.remove_metadata_fields = {"collapsed", "scrolled", "execution"}
    exporter = NotebookExporter(config=config)
    exporter.register_preprocessor(TagRemovePreprocessor(config=config), enabled=True)
    exporter.register_preprocessor(ClearOutputPreprocessor(config=config), enabled=True)
    return exporter


def build(out: Path, *, folder: Path = NOTEBOOKS) -> list[Path]:
    """Write the student edition of every notebook of ``folder`` into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    exporter = student_exporter()
    written = []
    for entry in course_map(folder):
        nb = nbformat.read(entry.path, as_version=4)
        nb.metadata.pop("widgets", None)
        body, _ = exporter.from_notebook_node(nb)
        student_nb = nbformat.reads(body, as_version=4)
        leftover = [c for c in student_nb.cells if SOLUTION_TAG in c.metadata.get("tags", [])]
        if leftover:  # would only happen if nbconvert changed how tags are read
            raise RuntimeError(f"{entry.path.name}: {len(leftover)} solution cell(s) survived TagRemovePreprocessor")
        nbformat.validate(student_nb)
        target = out / entry.path.name
        nbformat.write(student_nb, target)
        written.append(target)
    return written


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "student", help="output folder (default: student/)")
    parser.add_argument(
        "--source", type=Path, default=NOTEBOOKS, help="folder of NN_*.ipynb and course.json (default: notebooks/)"
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    written = build(args.out, folder=args.source)
    print(f"{len(written)} student notebook(s) in {args.out}/ ({time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    main()
