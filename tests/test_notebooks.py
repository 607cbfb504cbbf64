"""Structure of every stored notebook, and its run time in a fresh kernel.

nbval (run by the same test command) checks the stored outputs themselves; these
tests check what makes a notebook usable as a lesson, a deck and a handout.
"""

import re
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
IDS = [p.stem[:2] for p in NOTEBOOKS]
MAX_SECONDS = 8.0


def load(path):
    return nbformat.read(path, as_version=4)


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code" and c.source.strip()]


def test_the_course_is_numbered_from_00_without_gaps():
    # (tests/test_classroom.py checks that notebooks/course.json lists exactly these)
    assert IDS == [f"{k:02d}" for k in range(len(IDS))]
    assert len(IDS) == 11


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_executed_top_to_bottom_with_outputs(path):
    nb = load(path)
    counts = [c.execution_count for c in code_cells(nb)]
    assert counts == list(range(1, len(counts) + 1)), "re-run with tools/execute_notebooks.py"
    assert sum(bool(c.outputs) for c in code_cells(nb)) >= len(counts) // 2
    for c in code_cells(nb):
        for out in c.outputs:
            assert out.output_type != "error", f"stored error in cell {c.execution_count}"
            assert not (out.output_type == "stream" and out.name == "stderr"), f"stderr (a warning?) in cell {c.execution_count}"
    assert nb.metadata.kernelspec.name == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_lesson_shape_slides_and_solutions(path):
    nb = load(path)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and re.match(rf"# {path.stem[:2]} · \S", first.source), first.source[:40]
    for k, cell in enumerate(nb.cells):
        assert cell.metadata.get("slideshow", {}).get("slide_type") in {"slide", "subslide", "fragment", "skip", "notes", "-"}, k
        if "solution" in cell.metadata.get("tags", []):
            assert cell.metadata.get("jupyter", {}).get("source_hidden") is True, f"solution cell {k} not collapsed"
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert re.search(r"^## Summary", text, re.M), "a notebook ends with a summary"
    assert len(re.findall(r"\*\*Exercise \d+", text)) >= 2, "2-4 exercises, headed **Exercise N.**"
    solutions = [c for c in nb.cells if "solution" in c.metadata.get("tags", [])]
    assert len(solutions) >= 2
    for sol in solutions:
        assert "exercises.check" in sol.source, "a solution runs the same check as its exercise"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_explorer_has_a_static_twin_and_is_not_compared(path):
    nb = load(path)
    explorers = [c for c in code_cells(nb) if re.search(r"^(\w+ = )?widgets\.\w+_explorer\(", c.source, re.M)]
    assert explorers, "each notebook has at least one explorer from mlhelpers.widgets"
    for cell in explorers:
        assert "nbval-ignore-output" in cell.metadata.get("tags", [])
    assert any("static_panels(" in c.source for c in code_cells(nb))


@pytest.mark.timed
@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_runs_under_8_seconds_in_a_fresh_kernel(path):
    nb = load(path)
    client = NotebookClient(nb, timeout=60, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute()
    elapsed = time.perf_counter() - start
    print(f"{path.name}: {elapsed:.1f} s")
    assert elapsed < MAX_SECONDS, f"{path.name} took {elapsed:.1f} s (limit {MAX_SECONDS} s, kernel start included)"
