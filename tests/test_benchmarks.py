"""The benchmarks' quick mode runs end to end, so the benchmark code cannot rot.

Nothing here judges speed: the quick mode uses the smallest sizes on whatever
machine runs the tests. It checks that every item produced every row, that each
measured number is finite and positive, that PASS/MISS agree with the goal beside
the number, and that the printed table and header hold what the README promises.
"""

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOLVERS = ("Newton", "L-BFGS", "gradient descent", "mini-batch SGD", "mini-batch SAGA")


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "rows.json"
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout, json.loads(out.read_text())


@pytest.mark.slow
def test_quick_mode_has_every_row(quick_run):
    _, data = quick_run
    rows = data["rows"]
    keys = {(r["item"], r["what"], r["sizes"]) for r in rows}
    assert len(keys) == len(rows), "duplicate rows"
    expected = set()
    for d in (10, 100):
        expected |= {
            (1, "gradient step (as fit runs it) / X@w + X.T@r", f"N=1e4 D={d}"),
            (1, "public logistic_gradient (checks inputs) / floor", f"N=1e4 D={d}"),
        }
        expected |= {(2, f"fit {name} / sklearn lbfgs", f"N=1e3 D={d}") for name in SOLVERS}
    expected |= {(3, f"peak memory added by fit ({s}) / X.nbytes", "N=1e4 D=10") for s in ("newton", "gd", "sgd", "saga")}
    for what in ("README's nbval run, kernels included", "slowest single notebook, run alone"):
        expected.add((4, what, "notebook 00 only (quick)"))
    # item 6's quick mode: two explorers, each with its own number of frames (checked just below)
    expected |= {(6, r["what"], r["sizes"]) for r in rows if r["item"] == 6}
    assert {r["what"] for r in rows if r["item"] == 6} == {
        f"explorer of notebook {nb}: {what}" for nb in ("00", "08") for what in ("median frame", "95th percentile")
    }
    expected |= {
        (5, "double loop (nb 04) / vectorized gradient", "N=1e3 D=10"),
        (5, "loop over samples (nb 04) / vectorized", "N=1e3 D=10"),
    }
    assert expected <= keys, f"missing rows: {sorted(expected - keys)}"
    geomeans = [r for r in rows if r["item"] == 2 and r["what"].endswith("geometric mean")]
    assert geomeans, "no solver reached the target in every cell"
    assert sum(r["goal"] is not None for r in geomeans) == 1, "exactly one solver is judged as the best"
    assert keys - expected == {(r["item"], r["what"], r["sizes"]) for r in geomeans}


@pytest.mark.slow
def test_quick_mode_numbers_and_verdicts(quick_run):
    _, data = quick_run
    for r in data["rows"]:
        assert math.isfinite(r["value"]) and r["value"] > 0, r
        if r["goal"] is None:
            assert r["status"] == "record", r
        else:
            passes = not r["lower_bound"] and r["value"] <= r["goal"]
            assert r["status"] == ("PASS" if passes else "MISS"), r
    # The best solver is judged in every cell and reached the target in each.
    best = next(r for r in data["rows"] if r["what"].endswith("geometric mean") and r["goal"] is not None)
    name = best["what"].removeprefix("fit ").removesuffix(": geometric mean")
    cells = [r for r in data["rows"] if r["what"] == f"fit {name} / sklearn lbfgs"]
    assert len(cells) == 2 and all(r["goal"] == 1.5 and not r["lower_bound"] for r in cells)


@pytest.mark.slow
def test_quick_mode_prints_header_and_table(quick_run):
    stdout, data = quick_run
    for word in ("date ", "machine ", "cores", "numpy 2", "BLAS ", "threads ", "quick mode"):
        assert word in stdout, word
    assert "#  what" in stdout and "measured" in stdout and "result" in stdout
    for r in data["rows"]:
        line = next((ln for ln in stdout.splitlines() if r["what"] in ln and r["sizes"] in ln), None)
        assert line is not None and line.split()[0] == str(r["item"]), r
        assert r["status"] in line.split(), line
    assert "(quick mode: speed is not judged)" in stdout.splitlines()[-1]
