"""Every notebook, run in JupyterLab in Chromium as a student runs it.

For each ``notebooks/NN_*.ipynb``: open it in JupyterLab, Run All Cells, wait for
the kernel to go idle, and check that no cell shows an error, that every widget
renders, that moving each slider of each explorer (keyboard, ArrowRight)
changes its readout and its figure, and that a mouse drag of each explorer's first
slider changes the figure at least twice before the mouse is released. The time
from a key press to the changed image (median of a few presses, measured in the
page) is printed, not asserted. A screenshot of each notebook after the run
goes to ``screenshots/NN_name.png`` (git-ignored) for a person to look at.

Needs Debian's Chromium (``apt-get install chromium``); see conftest.py.
"""

from __future__ import annotations

import shutil
import statistics

import nbformat
import pytest

from tools.classroom.course import notebook_paths

from . import lab_driver
from .lab_driver import ROOT

pytestmark = pytest.mark.browser

NOTEBOOKS = notebook_paths()


@pytest.mark.parametrize("stored", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_in_jupyterlab(stored, lab, lab_page, screenshots):
    report = lab_driver.drive(
        lab_page, lab.page_url(stored.name), lab.root / stored.name, stored, kernel_idle=lambda: lab.kernel_idle(stored.name)
    )
    shot = lab_driver.screenshot(lab_page, screenshots / f"{stored.stem}.png")
    moved = "; ".join(f"{m.label}: {m.readout_before} -> {m.readout_after}" for m in report.moves) or "no explorer"
    dragged = "; ".join(
        f"{d.label}: {d.value_before:g} -> {d.value_after:g}, {d.mouse_moves} moves in {d.seconds:.1f} s,"
        f" {d.frames_during} frames during the drag, {d.frames_after} after"
        for d in report.drags
    )
    times = report.key_to_image_ms
    key = f"median {statistics.median(times):.0f} ms over {len(times)} presses" if times else "no timed press"
    print(
        f"{stored.name}: {report.seconds:.1f} s; sliders moved: {moved}; dragged: {dragged or 'nothing'};"
        f" key press to changed image: {key} ({', '.join(f'{t:.0f}' for t in times)}); screenshot {shot.relative_to(ROOT)}"
    )
    assert not report.problems, f"{stored.name} in JupyterLab:\n  " + "\n  ".join(report.problems)


# ----------------------------------------------------- the checks can fail
def _write(path, sources, tags=None):
    cells = [nbformat.v4.new_code_cell(src) for src in sources]
    for cell, cell_tags in zip(cells, tags or [[]] * len(cells)):
        if cell_tags:
            cell.metadata["tags"] = cell_tags
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nbformat.write(nb, path)
    return path


def test_driver_reports_errors_and_still_figures(lab, lab_page, tmp_path):
    """A notebook with a raising cell, a warning and an explorer whose figure
    ignores its slider: the driver must report each (the key press, the timed key
    presses and the mouse drag that do not change the figure), and pass the tagged
    cell."""
    stored = _write(
        tmp_path / "selftest_broken.ipynb",
        [
            "raise ValueError('expected: tagged raises-exception')",
            "import warnings\nwarnings.warn('a warning in a lesson')",
            "from mlhelpers.widgets import Explorer, slider\n"
            "ex = Explorer(lambda fig, a: fig.add_subplot().plot([0, 1]), {'a': slider('a', 0.0, 0.0, 1.0, 0.5)})\nex",
            "1 / 0",
            "print('never runs')",
        ],
        tags=[["raises-exception"], [], [], [], []],
    )
    shutil.copy2(stored, lab.root / stored.name)
    stored_with_widget = nbformat.read(stored, as_version=4)  # expect one explorer, as a real notebook would store it
    stored_with_widget.cells[2].outputs = [
        nbformat.v4.new_output(
            "display_data", data={lab_driver.WIDGET_VIEW: {"model_id": "x"}, "text/plain": "Explorer(children=...)"}
        )
    ]
    nbformat.write(stored_with_widget, stored)
    report = lab_driver.drive(
        lab_page,
        lab.page_url(stored.name),
        lab.root / stored.name,
        stored,
        kernel_idle=lambda: lab.kernel_idle(stored.name),
        slider_timeout=3,
    )
    text = "\n".join(report.problems)
    assert "ValueError" not in text
    assert "wrote to stderr: " in text and "a warning in a lesson" in text
    assert "raised ZeroDivisionError: division by zero" in text
    assert "did not run" not in text  # the cell after the error is not blamed
    assert "slider 'a': the figure did not change" in text
    assert "readout still shows" not in text  # the readout did move
    assert "slider 'a': 5 of 5 timed key presses did not change the figure" in text
    assert "slider 'a': the figure changed 0 time(s) during a" in text  # the drag moved the slider, not the figure
    assert "did not move the slider" not in text
    assert [d.frames_during for d in report.drags] == [0] and report.drags[0].value_after != report.drags[0].value_before
    assert report.key_to_image_ms == []
    assert len(report.problems) == 5, text
