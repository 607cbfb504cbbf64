"""Item 4: the course itself. How long the README's notebook validation takes.

The README's command (nbval in strict mode over every notebook, each notebook in a
fresh kernel) runs once as a subprocess, timed from start to end: pytest's start,
kernel start-ups and shut-downs included. The same run writes a JUnit XML report;
each notebook's time is the sum of its cells' times there (the first cell's set-up
starts the kernel, the last one's tear-down stops it). The notebooks are whatever
``notebooks/*.ipynb`` holds when the benchmark runs; the quick mode runs notebook
00 alone. The subprocess gets the environment the benchmark was started with
(library default thread counts), as a student's run would.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from .common import Row

ROOT = Path(__file__).resolve().parent.parent
TOTAL_GOAL, EACH_GOAL = 45.0, 8.0
# As `make test` runs it: one notebook per worker on the two cores.
COMMAND = [
    "-m",
    "pytest",
    "-n",
    "2",
    "--dist",
    "loadfile",
    "--nbval",
    "--nbval-current-env",
    "--nbval-sanitize-with",
    "notebooks/sanitize.cfg",
]


def notebooks(quick: bool) -> list[str]:
    paths = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "notebooks").glob("*.ipynb"))
    if quick:
        paths = [p for p in paths if Path(p).name.startswith("00_")][:1] or paths[:1]
    return paths


def _run_alone(path: Path) -> float:
    """Wall-clock seconds to execute one notebook top to bottom in a fresh kernel."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute()
    return time.perf_counter() - start


def run(quick: bool, env: dict | None = None) -> list[Row]:
    paths = notebooks(quick)
    if not paths:
        raise RuntimeError(f"no notebooks found in {ROOT / 'notebooks'}")
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "nbval.xml"
        cmd = [sys.executable, *COMMAND, *(["notebooks"] if not quick else paths), "-q", f"--junitxml={report}"]
        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, env=env or os.environ.copy(), capture_output=True, text=True, check=False)
        total = time.perf_counter() - start
        if not report.exists():
            tail = f"{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
            raise RuntimeError(f"nbval wrote no report (exit code {proc.returncode}):\n{tail}")
        failed = sum(any(child.tag in ("failure", "error") for child in case) for case in ET.parse(report).iter("testcase"))
    # The parallel run shares the two cores between two notebooks, so its per-notebook
    # times say nothing about one notebook's; each is timed again alone, in a fresh
    # kernel (start-up included), as tests/test_notebooks.py does.
    per_notebook = {Path(p).name: _run_alone(ROOT / p) for p in paths}
    last = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else f"exit code {proc.returncode}"
    ranked = sorted(per_notebook, key=per_notebook.get, reverse=True)
    slowest = ranked[0]

    def short(name):
        return name.removesuffix(".ipynb")

    others = ", ".join(f"{short(name)[:2]} {per_notebook[name]:.1f} s" for name in ranked[1:4])
    scope = "notebook 00 only (quick)" if quick else f"all {len(per_notebook)} notebooks"
    return [
        Row(
            4,
            "README's nbval run, kernels included",
            scope,
            total,
            unit="s",
            goal=None if quick else TOTAL_GOAL,
            detail=f"pytest: {last}" + (f"; {failed} cell(s) FAILED" if failed else ""),
        ),
        Row(
            4,
            "slowest single notebook, run alone",
            scope,
            per_notebook[slowest],
            unit="s",
            goal=None if quick else EACH_GOAL,
            detail=short(slowest) + (f"; next: {others}" if others else ""),
        ),
    ]
