"""mlhelpers._kernels against the textbook formulas of mlhelpers.losses they equal.

Each kernel's docstring names its test here. The kernels sweep X in row blocks once it
is large; shrinking the block size makes small problems take the blocked path, which
must give the same numbers. The last tests check where each form is used: the formulas
up to MIN_ROWS rows (every notebook), the kernels above.
"""

import warnings

import numpy as np
import pytest

import mlhelpers as mh
from mlhelpers import _kernels
from mlhelpers.losses import _logistic_cost, _logistic_cost_and_gradient, _logistic_gradient, _logistic_hessian
from mlhelpers.solvers.objective import LogisticObjective


def _problem(n=203, d=4, seed=0, scale=3.0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    w = scale * rng.normal(size=d)
    t = rng.integers(0, 2, n).astype(float)
    return X, t, w, 0.3


@pytest.mark.parametrize("rows", [None, 16])
def test_cost_and_gradient_equals_the_formulas(monkeypatch, rows):
    if rows is not None:
        monkeypatch.setattr(_kernels, "_block_rows", lambda n, d: rows)  # 203 rows -> 13 blocks
    X, t, w, b = _problem()
    residual = np.full(X.shape[0], np.nan)
    cost, dw, db = _kernels.cost_and_gradient(w, b, X, t, 0.1, residual=residual)
    assert cost == pytest.approx(_logistic_cost(w, b, X, t, 0.1, 0.0), rel=1e-14)
    ref_dw, ref_db = _logistic_gradient(w, b, X, t, 0.1)
    np.testing.assert_allclose(dw, ref_dw, rtol=1e-13, atol=1e-15)
    assert db == pytest.approx(ref_db, rel=1e-13, abs=1e-15)
    np.testing.assert_allclose(residual, mh.sigmoid(X @ w + b) - t, rtol=1e-14, atol=1e-16)
    # ... and the public, checked functions are the same formulas
    assert cost == pytest.approx(mh.logistic_cost(w, b, X, t, l2=0.1), rel=1e-14)
    np.testing.assert_allclose(dw, mh.logistic_gradient(w, b, X, t, l2=0.1)[0], rtol=1e-13, atol=1e-15)


def test_cost_and_gradient_at_huge_logits_is_finite_and_exact():
    X = np.array([[1.0], [-1.0], [1.0], [-1.0]])
    t = np.array([0.0, 1.0, 1.0, 0.0])  # the first two wrong by 1e4, the last two right
    for evaluate in (_kernels.cost_and_gradient, _logistic_cost_and_gradient):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            for w in (1e4, -1e4):
                cost, dw, db = evaluate(np.array([w]), 0.0, X, t, 0.0)
                assert np.isfinite(cost) and np.all(np.isfinite(dw)) and np.isfinite(db)
        cost, dw, db = evaluate(np.array([1e4]), 0.0, X, t, 0.0)
        assert cost == 0.5e4 and dw[0] == 0.5 and db == 0.0
        # a tiny cost keeps its relative precision (all samples right by 40: cost = log1p(e^-40))
        cost, _, _ = evaluate(np.array([40.0]), 0.0, X[2:], t[2:], 0.0)
        assert cost == pytest.approx(np.log1p(np.exp(-40.0)), rel=1e-14)


@pytest.mark.parametrize("block_bytes", [None, 200])
def test_hessian_equals_the_formula(monkeypatch, block_bytes):
    if block_bytes is not None:
        monkeypatch.setattr(_kernels, "_HESSIAN_BLOCK_BYTES", block_bytes)  # 5 rows a block
    X, _, w, b = _problem()
    y = mh.sigmoid(X @ w + b)
    s = y * (1 - y) / X.shape[0]
    X1 = np.column_stack([X, np.ones(X.shape[0])])
    expected = X1.T @ (s[:, None] * X1)
    expected[np.arange(4), np.arange(4)] += 0.1
    np.testing.assert_allclose(_logistic_hessian(w, b, X, 0.1), expected, rtol=1e-13, atol=1e-16)
    np.testing.assert_allclose(_kernels.hessian(X, s, 0.1), expected, rtol=1e-13, atol=1e-16)


def test_the_combined_formula_equals_cost_and_gradient_apart():
    X, t, w, b = _problem(seed=1)
    cost, dw, db = _logistic_cost_and_gradient(w, b, X, t, 0.2)
    assert cost == _logistic_cost(w, b, X, t, 0.2, 0.0)
    ref_dw, ref_db = _logistic_gradient(w, b, X, t, 0.2)
    np.testing.assert_array_equal(dw, ref_dw)
    assert db == ref_db


# ------------------------------------------------------- which form the solvers use
def _forbid(monkeypatch, module, *names):
    for name in names:

        def refuse(*args, _name=name, **kwargs):
            raise AssertionError(f"{module.__name__}.{_name} called")

        monkeypatch.setattr(module, name, refuse)


@pytest.mark.parametrize("solver", ["gd", "saga", "newton", "lbfgs"])
def test_course_sizes_use_the_textbook_formulas(monkeypatch, solver):
    _forbid(monkeypatch, _kernels, "cost_and_gradient", "hessian")
    X, t = mh.gaussian_clouds(200, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", mh.ConvergenceWarning)
        model = mh.LogisticRegression(l2=0.01, solver=solver, max_iter=50).fit(X, t)
    assert np.all(np.isfinite(model.w))


def test_above_min_rows_the_objective_uses_the_kernels_with_the_same_numbers(monkeypatch):
    from mlhelpers.solvers import objective

    X, t, w, b = _problem(n=_kernels.MIN_ROWS + 1, d=3)
    blocked = LogisticObjective(X, t, 0.1)
    assert blocked.blocked and not LogisticObjective(X[:-1], t[:-1], 0.1).blocked
    cost, dw, _ = blocked.cost_and_gradient(w, b)
    H = blocked.hessian(np.append(w, b))
    _forbid(monkeypatch, objective, "_logistic_cost_and_gradient", "_logistic_hessian")  # the kernels alone serve it
    assert blocked.cost_and_gradient(w, b)[0] == cost
    ref = _logistic_cost_and_gradient(w, b, X, t, 0.1)
    assert cost == pytest.approx(ref[0], rel=1e-13)
    np.testing.assert_allclose(dw, ref[1], rtol=1e-11, atol=1e-14)
    np.testing.assert_allclose(H, _logistic_hessian(w, b, X, 0.1), rtol=1e-11, atol=1e-16)


@pytest.mark.parametrize("n", [50, _kernels.MIN_ROWS + 1], ids=["formulas", "kernels"])
def test_hessian_takes_its_weights_from_the_last_evaluation(monkeypatch, n):
    """Newton's Hessian at the point the line search has just evaluated costs no further
    product X w: its weights y (1 - y) = |r| (1 - |r|) come from that evaluation's residuals.
    At any other point the objective evaluates first; both give the formula's Hessian."""
    X, t, w, b = _problem(n=n, d=3)
    objective = LogisticObjective(X, t, 0.1)
    theta, other = np.append(w, b), np.append(w + 0.3, b - 0.2)
    calls = []
    evaluate = objective.cost_and_gradient
    monkeypatch.setattr(objective, "cost_and_gradient", lambda *a, **k: calls.append(1) or evaluate(*a, **k))
    objective.at(theta)
    H = objective.hessian(theta)
    assert len(calls) == 1, "the Hessian at the point just evaluated evaluated it again"
    np.testing.assert_allclose(H, _logistic_hessian(w, b, X, 0.1), rtol=1e-12, atol=1e-16)
    H_other = objective.hessian(other)
    assert len(calls) == 2
    np.testing.assert_allclose(H_other, _logistic_hessian(other[:-1], other[-1], X, 0.1), rtol=1e-12, atol=1e-16)
