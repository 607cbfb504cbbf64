"""The instructor's grading cycle, headless, with nbgrader on every problem set.

For each notebook: ``build_assignments`` releases it; the release runs top to bottom
without an error and shows no answer; then nbgrader autogrades these submissions:

* the untouched release: 0 points, no crash;
* the instructor's solutions: full points;
* planted wrong answers (tests/grading/psNN.py), in two submissions that each get every
  other part wrong: a wrong part scores 0 and every right part keeps its points, and the
  wrong part's feedback names it without showing a hidden test or an expected value.

For notebook 00, bad submissions too: an endless loop (cut by the per-cell timeout), a
syntax error, an edited and a deleted test cell, a renamed function and a missing
notebook. Each is graded, scores 0 on the parts it affects, keeps the others, and says
what went wrong (a missing notebook: nbgrader names the file it did not expect, and the
grade table gives 0). Then the grade table (``nbgrader export``) and the feedback pages.
"""

from __future__ import annotations

import csv
import importlib.util
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tools.classroom import build_assignments

ROOT = Path(__file__).resolve().parents[1]

# nbgrader 0.9.6 with SQLAlchemy 2.1 warns (SAWarning, a RuntimeWarning, which pyproject.toml
# turns into an error) that a submission is added through autoflush; the scores are stored
# all the same, as the asserts below read them back from the gradebook.
pytestmark = [pytest.mark.grading, pytest.mark.slow, pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")]

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
TIMEOUT = 30  # seconds a cell may run while graded here (the course's config says 60)


@dataclass
class Part:
    answer_id: str
    test_id: str
    title: str  # "Problem 2"
    points: float
    solution: str  # the answer cell's source without the solution markers
    hidden: list[str]  # the lines of the hidden tests


def nbgrader_meta(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


def graded_parts(nb) -> list[Part]:
    parts, answer = [], None
    for cell in nb.cells:
        meta = nbgrader_meta(cell)
        if meta.get("solution") and cell.cell_type == "code":
            answer = cell
        elif meta.get("grade") and cell.cell_type == "code":
            assert answer is not None, f"test cell {meta['grade_id']} has no answer cell before it"
            number = re.fullmatch(r"ps\d\d-p(\d+)", meta["grade_id"]).group(1)
            hidden = re.search(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", cell.source, re.S)
            assert hidden, f"{meta['grade_id']} has no hidden tests"
            parts.append(
                Part(
                    answer_id=nbgrader_meta(answer)["grade_id"],
                    test_id=meta["grade_id"],
                    title=f"Problem {number}",
                    points=float(meta["points"]),
                    solution="\n".join(line for line in answer.source.splitlines() if "### " not in line),
                    hidden=[line.strip() for line in hidden.group(1).splitlines() if len(line.strip()) > 12],
                )
            )
            answer = None
    return parts


def with_answers(release, answers: dict[str, str]):
    nb = nbformat.from_dict(release)
    for cell in nb.cells:
        if nbgrader_meta(cell).get("grade_id") in answers:
            cell.source = answers[nbgrader_meta(cell)["grade_id"]]
    return nb


def wrong_answers(number: str) -> dict[str, str]:
    path = ROOT / "tests" / "grading" / f"ps{number}.py"
    spec = importlib.util.spec_from_file_location(f"plants_ps{number}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.WRONG


def cell_text(cell) -> str:
    out = []
    for o in cell.get("outputs", []):
        out.append(o.get("text", "") if o.output_type == "stream" else "")
        if o.output_type == "error":
            out.append(f"{o.ename}: {o.evalue}\n" + "\n".join(o.traceback))
        out.append(str(o.get("data", {}).get("text/plain", "")))
    return "".join(out)


class Course:
    """One problem set built into a temporary nbgrader course, with helpers to submit
    notebooks, autograde them and read the scores."""

    def __init__(self, path: Path, tmp: Path):
        self.number = path.name[:2]
        self.aid = f"ps{self.number}"
        self.root = tmp / "classroom"
        self.name = path.name
        released = build_assignments.build(self.root, [int(self.number)])
        self.release = nbformat.read(released[self.aid], as_version=4)
        self.source = nbformat.read(self.root / "source" / self.aid / self.name, as_version=4)
        self.parts = graded_parts(self.source)
        self.api = build_assignments.nbgrader_api(self.root, timeout=TIMEOUT)

    def solutions(self) -> dict[str, str]:
        return {p.answer_id: p.solution for p in self.parts}

    def submit(self, student: str, nb=None) -> None:
        folder = self.root / "submitted" / student / self.aid
        folder.mkdir(parents=True, exist_ok=True)
        if nb is not None:
            nbformat.write(nb, folder / self.name)

    def autograde(self, student: str) -> dict[str, float]:
        result = self.api.autograde(self.aid, student, force=True, create=True)
        assert result["success"], result["log"]
        from nbgrader.api import Gradebook

        with Gradebook(f"sqlite:///{self.root / 'gradebook.db'}", course_id="linear-classifiers") as gb:
            notebook = gb.find_submission_notebook(self.name[:-6], self.aid, student)
            return {g.name: float(g.score) for g in notebook.grades}

    def graded(self, student: str):
        return nbformat.read(self.root / "autograded" / student / self.aid / self.name, as_version=4)

    def test_cell(self, nb, part: Part):
        return next(c for c in nb.cells if nbgrader_meta(c).get("grade_id") == part.test_id)

    def full(self) -> dict[str, float]:
        return {p.test_id: p.points for p in self.parts}


GRADED = [p for p in NOTEBOOKS if graded_parts(nbformat.read(p, as_version=4))]


def test_every_notebook_has_a_graded_problem_set():
    missing = [p.name for p in NOTEBOOKS if p not in GRADED]
    assert not missing, f"no nbgrader problem set in {missing}"
    for path in GRADED:
        parts = graded_parts(nbformat.read(path, as_version=4))
        assert len(parts) >= (2 if path.name.startswith("00") else 4), f"{path.name}: too few graded parts"


@pytest.mark.parametrize("path", GRADED, ids=[p.stem[:2] for p in GRADED])
def test_grading_cycle(path, tmp_path):
    course = Course(path, tmp_path)

    # The release: stubs instead of solutions, no hidden test, no output; it runs to the end.
    release_text = "\n".join(c.source for c in course.release.cells)
    assert "BEGIN SOLUTION" not in release_text and "HIDDEN TESTS" not in release_text
    answers = [c for c in course.release.cells if nbgrader_meta(c).get("solution")]
    assert answers and not any(c.metadata.get("jupyter", {}).get("source_hidden") for c in answers), "stubs must show"
    for part in course.parts:
        assert not any(line in release_text for line in part.hidden), f"{part.test_id}: a hidden test leaked"
    nb = nbformat.from_dict(course.release)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    shown = "\n".join(cell_text(c) for c in nb.cells if c.cell_type == "code")
    assert shown.count("not attempted yet") >= len(course.parts)

    # Untouched, solutions, and every other part wrong (two submissions).
    wrong = wrong_answers(course.number)
    assert set(wrong) == {p.answer_id for p in course.parts}, "one planted wrong answer per graded part"
    course.submit("untouched", course.release)
    course.submit("solutions", with_answers(course.release, course.solutions()))
    planted = {"wrong-odd": course.parts[0::2], "wrong-even": course.parts[1::2]}
    for student, wrong_parts in planted.items():
        answers = course.solutions() | {p.answer_id: wrong[p.answer_id] for p in wrong_parts}
        course.submit(student, with_answers(course.release, answers))

    assert sum(course.autograde("untouched").values()) == 0
    assert course.autograde("solutions") == course.full()
    for student, wrong_parts in planted.items():
        scores = course.autograde(student)
        expected = course.full() | {p.test_id: 0.0 for p in wrong_parts}
        assert scores == expected, f"{student}: a wrong answer must cost exactly its own part"
        graded = course.graded(student)
        for part in wrong_parts:
            feedback = cell_text(course.test_cell(graded, part))
            assert part.title in feedback, f"{part.test_id}: the feedback does not name the part"
            leaked = [line for line in part.hidden if line in feedback]
            assert not leaked, f"{part.test_id}: the feedback shows hidden tests: {leaked}"


BAD_ANSWERS = {
    # (what the student did, parts it costs, a word the feedback must show)
    "endless-loop": ("def n_features(X):\n    while True:\n        pass\n", "p1", "Timeout|Interrupt"),
    "syntax-error": ("def model_outputs(X, w, b)\n    return mh.sigmoid(X @ w + b)\n", "p2", "SyntaxError"),
    "renamed-function": ("def num_features(X):\n    return np.shape(X)[1]\n", "p1", "NameError"),
}


@pytest.mark.skipif(not any(p.name.startswith("00") for p in GRADED), reason="notebook 00 has no problem set")
def test_bad_submissions_are_graded_and_told_what_went_wrong(tmp_path):
    course = Course(NOTEBOOKS[0], tmp_path)
    p1, p2 = course.parts[:2]
    solutions = course.solutions()
    for student, (source, costs, _) in BAD_ANSWERS.items():
        answer_id = p1.answer_id if costs == "p1" else p2.answer_id
        course.submit(student, with_answers(course.release, solutions | {answer_id: source}))
    # A test cell edited to pass, and a test cell deleted, each beside a wrong answer.
    wrong = wrong_answers(course.number)
    edited = with_answers(course.release, solutions | {p1.answer_id: wrong[p1.answer_id], p1.test_id: "pass"})
    course.submit("edited-test", edited)
    deleted = with_answers(course.release, solutions | {p2.answer_id: wrong[p2.answer_id]})
    deleted.cells = [c for c in deleted.cells if nbgrader_meta(c).get("grade_id") != p2.test_id]
    course.submit("deleted-test", deleted)
    # The notebook itself is missing: the student handed in a copy under another name.
    course.submit("missing-notebook")
    nbformat.write(
        with_answers(course.release, solutions),
        course.root / "submitted" / "missing-notebook" / course.aid / "Copy1_of_notebook.ipynb",
    )

    lost = {name: costs for name, (_, costs, _) in BAD_ANSWERS.items()} | {"edited-test": "p1", "deleted-test": "p2"}
    for student, costs in lost.items():
        scores = course.autograde(student)
        lost_part = p1 if costs == "p1" else p2
        assert scores == course.full() | {lost_part.test_id: 0.0}, student
        feedback = "\n".join(cell_text(c) for c in course.graded(student).cells if c.cell_type == "code")
        if student in BAD_ANSWERS:
            assert re.search(BAD_ANSWERS[student][2], feedback), f"{student}: no message says what went wrong"
        else:
            assert lost_part.title in feedback, f"{student}: the restored test does not name its part"
    # nbgrader refuses that submission with a message naming the unknown file, and goes on:
    # the student is in the gradebook, with 0 points in the grade table.
    result = course.api.autograde(course.aid, "missing-notebook", force=True, create=True)
    assert not result["success"] and "Skipping unknown notebook" in result["log"]

    # The grade table and the feedback pages.
    env = {**os.environ, "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"]}
    subprocess.run(
        [str(Path(sys.executable).parent / "nbgrader"), "export"], cwd=course.root, env=env, check=True, capture_output=True
    )
    with open(course.root / "grades.csv", newline="") as f:
        rows = {row["student_id"]: row for row in csv.DictReader(f)}
    assert set(rows) == set(lost) | {"missing-notebook"}
    assert float(rows["renamed-function"]["score"]) == sum(course.full().values()) - p1.points
    assert float(rows["missing-notebook"]["score"]) == 0
    result = course.api.generate_feedback(course.aid, "renamed-function")
    assert result["success"], result["log"]
    page = (course.root / "feedback" / "renamed-function" / course.aid / course.name.replace(".ipynb", ".html")).read_text()
    assert p1.title in page or "NameError" in page
