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
import warnings
from pathlib import Path

import numpy as np
import pytest

import mlhelpers as mh
from mlhelpers import optimize

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
    for nb in ("00", "08"):  # item 6's quick mode: two explorers
        for what in ("median frame", "95th percentile"):
            expected |= {(6, f"explorer of notebook {nb}: {what}", r["sizes"]) for r in rows if r["item"] == 6}
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


# ------------------------------------------------- the kernels the benchmark times
# Item 1 times mlhelpers.optimize._cost_and_gradient and item 2 Newton's _hessian;
# both sweep X in row blocks once it is large. Shrinking the block size makes small
# problems take the blocked path, which must give the same numbers.
def _problem(n=203, d=4, seed=0, scale=3.0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    w = scale * rng.normal(size=d)
    t = rng.integers(0, 2, n).astype(float)
    return X, t, w, 0.3


@pytest.mark.parametrize("rows", [None, 16])
def test_cost_and_gradient_matches_the_public_functions(monkeypatch, rows):
    if rows is not None:
        monkeypatch.setattr(optimize, "_block_rows", lambda n, d: rows)  # 203 rows -> 13 blocks
    X, t, w, b = _problem()
    residual = np.full(X.shape[0], np.nan)
    cost, dw, db = optimize._cost_and_gradient(w, b, X, t, 0.1, residual=residual)
    assert cost == pytest.approx(mh.logistic_cost(w, b, X, t, l2=0.1), rel=1e-14)
    ref_dw, ref_db = mh.logistic_gradient(w, b, X, t, l2=0.1)
    np.testing.assert_allclose(dw, ref_dw, rtol=1e-13, atol=1e-15)
    assert db == pytest.approx(ref_db, rel=1e-13, abs=1e-15)
    np.testing.assert_allclose(residual, mh.sigmoid(X @ w + b) - t, rtol=1e-14, atol=1e-16)


def test_cost_and_gradient_at_huge_logits_is_finite_and_exact():
    X = np.array([[1.0], [-1.0], [1.0], [-1.0]])
    t = np.array([0.0, 1.0, 1.0, 0.0])  # the first two wrong by 1e4, the last two right
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for w in (1e4, -1e4):
            cost, dw, db = optimize._cost_and_gradient(np.array([w]), 0.0, X, t, 0.0)
            assert np.isfinite(cost) and np.all(np.isfinite(dw)) and np.isfinite(db)
    cost, dw, db = optimize._cost_and_gradient(np.array([1e4]), 0.0, X, t, 0.0)
    assert cost == 0.5e4 and dw[0] == 0.5 and db == 0.0
    # a tiny cost keeps its relative precision (all samples right by 40: cost = log1p(e^-40))
    cost, _, _ = optimize._cost_and_gradient(np.array([40.0]), 0.0, X[2:], t[2:], 0.0)
    assert cost == pytest.approx(np.log1p(np.exp(-40.0)), rel=1e-14)


@pytest.mark.parametrize("block_bytes", [None, 200])
def test_hessian_matches_the_formula(monkeypatch, block_bytes):
    if block_bytes is not None:
        monkeypatch.setattr(optimize, "_HESSIAN_BLOCK_BYTES", block_bytes)  # 5 rows a block
    X, _, w, b = _problem()
    y = mh.sigmoid(X @ w + b)
    s = y * (1 - y) / X.shape[0]
    X1 = np.column_stack([X, np.ones(X.shape[0])])
    expected = X1.T @ (s[:, None] * X1)
    expected[np.arange(4), np.arange(4)] += 0.1
    np.testing.assert_allclose(optimize._hessian(X, s, 0.1), expected, rtol=1e-13, atol=1e-16)
