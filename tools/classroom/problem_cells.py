"""Authoring helpers for graded problem cells (nbgrader metadata, schema 3).

    from tools.classroom.problem_cells import statement, answer, tests
    statement("**Problem 1 (2 points).** Write `f(x)` ...")
    answer("def f(x):\n    ### BEGIN SOLUTION\n    return x\n    ### END SOLUTION", "ps00-p1-answer")
    tests(CHECK_AND_HIDDEN_TESTS, "ps00-p1", points=2)

An answer cell is nbgrader's "autograded answer" (solution) cell and carries the
``solution`` tag as well, which the slides and the site read. A tests cell is a locked
"autograder tests" cell with its points. tests/test_notebooks.py checks the structure.
"""

from __future__ import annotations

from nbformat.v4 import new_code_cell, new_markdown_cell


def _nbgrader(grade_id: str, *, grade: bool, solution: bool, locked: bool, points: float | None = None) -> dict:
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3, "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    return meta


def statement(text: str, slide: str = "-"):
    return new_markdown_cell(text.strip("\n"), metadata={"slideshow": {"slide_type": slide}})


def answer(source: str, grade_id: str):
    meta = {
        "slideshow": {"slide_type": "-"},
        "tags": ["solution"],
        "jupyter": {"source_hidden": True},  # collapsed here; the release shows the stub (build_assignments)
        "nbgrader": _nbgrader(grade_id, grade=False, solution=True, locked=False),
    }
    return new_code_cell(source.strip("\n"), metadata=meta)


def tests(source: str, grade_id: str, *, points: float):
    meta = {
        "slideshow": {"slide_type": "-"},
        "nbgrader": _nbgrader(grade_id, grade=True, solution=False, locked=True, points=points),
    }
    return new_code_cell(source.strip("\n"), metadata=meta)
