"""mlhelpers.solvers: the shared line search, L-BFGS's parts (two-loop recursion) and the solvers' behaviour.

Agreement with scikit-learn on the shared problems is in tests/test_models.py
(``SOLVER_SETTINGS``); the kernels against their formulas in tests/test_kernels.py.
"""

import warnings
from collections import deque

import numpy as np
import pytest
from numpy.testing import assert_allclose
from sklearn.linear_model import LogisticRegression as SkLogisticRegression

import mlhelpers as mh
from mlhelpers.optimize import ConvergenceWarning
from mlhelpers.solvers import SolverResult, fit_logistic_lbfgs, lbfgs, line_search
from mlhelpers.solvers.objective import LogisticObjective


def logistic_problem(seed, n=400, d=6, scales=None):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    if scales is not None:
        X = X * scales
    w_true = rng.normal(size=d) / (1.0 if scales is None else scales)
    t = (rng.uniform(size=n) < mh.sigmoid(X @ w_true + 0.3)).astype(int)
    return X, t


def evaluator(X, t, l2):
    d = X.shape[1]

    def evaluate(theta):
        cost, dw, db = LogisticObjective(X, t.astype(float), l2).cost_and_gradient(theta[:d], theta[d])
        return cost, np.append(dw, db)

    return evaluate


# ------------------------------------------------------------- two-loop recursion
def test_two_loop_recursion_equals_the_dense_bfgs_update():
    # H_0 = gamma I, then H <- (I - rho s y^T) H (I - rho y s^T) + rho s s^T for each pair, oldest first.
    rng = np.random.default_rng(0)
    k = 7
    A = rng.normal(size=(k, k))
    A = A @ A.T + k * np.eye(k)  # the curvature the pairs see: y = A s, so s^T y > 0
    pairs = deque(maxlen=4)
    for _ in range(6):  # six pairs into a memory of four: the two oldest are dropped
        s = rng.normal(size=k)
        y = A @ s
        pairs.append((s, y, 1.0 / (s @ y)))
    gamma = 0.37
    H = gamma * np.eye(k)
    for s, y, rho in pairs:
        V = np.eye(k) - rho * np.outer(y, s)
        H = V.T @ H @ V + rho * np.outer(s, s)
    g = rng.normal(size=k)
    g_before = g.copy()
    assert_allclose(lbfgs._two_loop(g, pairs, gamma), H @ g, rtol=1e-12)
    np.testing.assert_array_equal(g, g_before)  # the gradient is not modified
    s, y, _ = pairs[-1]
    assert_allclose(lbfgs._two_loop(y, pairs, gamma), s, rtol=1e-10)  # the secant equation H y = s


# ------------------------------------------------------------------ line search
@pytest.mark.parametrize("alpha0", [1e-6, 1e-2, 1.0, 1e3])
def test_line_search_meets_the_strong_wolfe_conditions(alpha0):
    # Too short (extrapolation), about right, and far too long (interpolation) first trials.
    X, t = logistic_problem(1)
    evaluate = evaluator(X, t, 0.01)
    theta = np.zeros(X.shape[1] + 1)
    f0, g0 = evaluate(theta)
    direction = -g0
    alpha, f, g, theta_new = line_search.wolfe_search(evaluate, theta, f0, g0, direction, alpha0)
    assert_allclose(theta_new, theta + alpha * direction)
    f_check, g_check = evaluate(theta_new)
    assert f == f_check
    assert_allclose(g, g_check)
    slope0 = g0 @ direction
    assert f <= f0 + line_search._C1 * alpha * slope0  # sufficient decrease
    assert abs(g @ direction) <= line_search._C2 * abs(slope0)  # curvature


def test_line_search_gives_up_on_an_ascent_direction():
    X, t = logistic_problem(1)
    evaluate = evaluator(X, t, 0.01)
    theta = np.zeros(X.shape[1] + 1)
    f0, g0 = evaluate(theta)
    assert line_search.wolfe_search(evaluate, theta, f0, g0, g0, 1.0) is None


# ------------------------------------------------------------------- the solver
def test_matches_newton_and_sklearn_on_a_larger_problem():
    X, t = logistic_problem(2, n=2000, d=40)
    l2 = 1e-3
    ours = mh.LogisticRegression(l2=l2, solver="lbfgs", tol=1e-10).fit(X, t)
    newton = mh.LogisticRegression(l2=l2, solver="newton", tol=1e-9).fit(X, t)
    ref = SkLogisticRegression(C=1.0 / (l2 * X.shape[0]), solver="lbfgs", tol=1e-12, max_iter=10000).fit(X, t)
    assert ours.converged and 0 < ours.n_iter < 100
    assert_allclose(ours.w, newton.w, atol=1e-7)
    assert_allclose(ours.b, newton.b, atol=1e-7)
    assert_allclose(ours.w, ref.coef_[0], atol=1e-5)
    assert_allclose(ours.b, ref.intercept_[0], atol=1e-5)


def test_converges_on_ill_conditioned_data():
    # Feature scales from 1e-2 to 1e2: the Hessian's condition number is about 1e8.
    # Gradient descent with its safe step 1/L does not get anywhere in the same budget.
    scales = np.logspace(-2, 2, 6)
    X, t = logistic_problem(3, n=500, scales=scales)
    l2 = 1e-4
    ours = mh.LogisticRegression(l2=l2, solver="lbfgs", tol=1e-9, max_iter=1000).fit(X, t)
    newton = mh.LogisticRegression(l2=l2, solver="newton", tol=1e-9).fit(X, t)
    assert ours.converged and ours.n_iter < 300
    assert_allclose(ours.w * scales, newton.w * scales, atol=1e-6)  # the weights on a common scale
    assert_allclose(ours.b, newton.b, atol=1e-6)
    lipschitz = (np.max(np.linalg.eigvalsh(np.c_[X, np.ones(len(X))].T @ np.c_[X, np.ones(len(X))])) / len(X)) / 4 + l2
    with pytest.warns(ConvergenceWarning):
        gd = mh.LogisticRegression(l2=l2, solver="gd", lr=1 / lipschitz, max_iter=ours.n_iter * 5).fit(X, t)
    assert gd.history[-1] - newton.history[-1] > 1e3 * (ours.history[-1] - newton.history[-1] + 1e-16)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_history_is_the_cost_of_each_iterate_and_does_not_rise(seed):
    X, t = logistic_problem(seed)
    model = mh.LogisticRegression(l2=0.01, solver="lbfgs", tol=1e-10, record_weights=True).fit(X, t)
    h = model.history
    assert model.converged and h.shape == (model.n_iter + 1,)
    assert h[0] == pytest.approx(mh.logistic_cost(np.zeros(X.shape[1]), 0.0, X, t, l2=0.01), rel=1e-14)
    assert h[-1] == pytest.approx(mh.logistic_cost(model.w, model.b, X, t, l2=0.01), rel=1e-14)
    # Non-increasing; once the cost is flat to rounding near the optimum it may wobble by a few ulps.
    assert np.all(np.diff(h) <= line_search._FLAT * h[:-1])
    assert h[-1] < h[0] and np.all(np.diff(h[:5]) < 0)  # real descent at first
    assert model.w_path.shape == (model.n_iter + 1, X.shape[1])
    np.testing.assert_array_equal(model.w_path[-1], model.w)
    assert_allclose(model.w_path[0], 0.0)


def test_warns_at_max_iter():
    X, t = logistic_problem(0)
    with pytest.warns(ConvergenceWarning, match="L-BFGS stopped after max_iter=3 iterations without reaching tol=1e-06"):
        model = mh.LogisticRegression(solver="lbfgs", max_iter=3).fit(X, t)
    assert not model.converged and model.n_iter == 3 and model.history.shape == (4,)


def test_unreachable_tol_stops_with_a_warning_and_a_finite_optimum():
    # tol far below rounding: L-BFGS stops once no step lowers the cost, or at max_iter.
    X, t = logistic_problem(0)
    with pytest.warns(ConvergenceWarning, match="L-BFGS stopped after"):
        model = mh.LogisticRegression(l2=0.01, solver="lbfgs", tol=1e-300, max_iter=500).fit(X, t)
    newton = mh.LogisticRegression(l2=0.01, solver="newton", tol=1e-9).fit(X, t)
    assert not model.converged
    assert_allclose(model.w, newton.w, atol=1e-9)


def test_rejects_l1():
    X, t = logistic_problem(0)
    with pytest.raises(ValueError, match=r"solver='lbfgs' needs a differentiable cost and does not support l1 > 0"):
        mh.LogisticRegression(l1=0.01, solver="lbfgs").fit(X, t)
    with pytest.raises(ValueError, match=r"does not support l1"):
        mh.LogisticRegression(l2=0.1, l1=0.01, solver="lbfgs").fit(X, t)


def test_warm_start_at_the_optimum_takes_no_step():
    X, t = logistic_problem(0)
    opt = mh.LogisticRegression(l2=0.01, solver="lbfgs", tol=1e-10).fit(X, t)
    again = mh.LogisticRegression(l2=0.01, solver="lbfgs", tol=1e-8).fit(X, t, w0=opt.w, b0=opt.b)
    assert again.n_iter == 0 and again.converged
    np.testing.assert_array_equal(again.w, opt.w)


def test_separable_data_without_penalty_stays_finite():
    # No minimum: the weights grow until the gradient (about exp(-margin)) is below tol.
    X = np.array([[-2.0], [-1.0], [1.0], [2.0]])
    t = np.array([0, 0, 1, 1])
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        model = mh.LogisticRegression(solver="lbfgs", max_iter=1000, tol=1e-10).fit(X, t)
    assert model.converged and np.all(np.isfinite(model.w)) and model.w[0] > 10
    assert np.all(np.diff(model.history) < 0)


@pytest.mark.parametrize("memory", [1, 3, 30])
def test_any_memory_reaches_the_optimum(memory):
    X, t = logistic_problem(4, d=12)
    Xf, tf = X, t.astype(float)
    w, b, history, n_iter, converged, path = fit_logistic_lbfgs(
        Xf, tf, np.zeros(12), 0.0, l2=0.01, max_iter=2000, tol=1e-9, memory=memory
    )
    newton = mh.LogisticRegression(l2=0.01, solver="newton", tol=1e-9).fit(X, t)
    assert converged and path is None and history.shape == (n_iter + 1,)
    assert_allclose(w, newton.w, atol=1e-7)
    assert_allclose(b, newton.b, atol=1e-7)


def test_stops_with_a_warning_when_no_step_lowers_the_cost(monkeypatch):
    # The line search can fail near the optimum when the cost's changes are all rounding:
    # L-BFGS then retries from steepest descent, and stops if that fails too.
    calls = []

    def failing_search(evaluate, theta, f0, g0, direction, alpha):
        calls.append(alpha)
        return None

    monkeypatch.setattr(lbfgs, "wolfe_search", failing_search)
    X, t = logistic_problem(0)
    with pytest.warns(ConvergenceWarning, match=r"L-BFGS stopped after 0 iterations: no step lowers the cost"):
        model = mh.LogisticRegression(l2=0.01, solver="lbfgs").fit(X, t)
    assert not model.converged and model.n_iter == 0 and model.history.shape == (1,)
    assert len(calls) == 1  # no curvature pairs yet: steepest descent was already the direction
    np.testing.assert_array_equal(model.w, 0.0)


# ------------------------------------------------------------- every solver
START = dict(l2=0.01, max_iter=500, tol=1e-8)
STOCHASTIC = dict(l1=0.0, lr=0.1, batch_size=32, rng=np.random.default_rng(0))
SOLVER_CALLS = {
    "gd": lambda X, t: mh.solvers.fit_logistic_gd(X, t, np.zeros(X.shape[1]), 0.0, l1=0.0, lr=1.0, **START),
    "sgd": lambda X, t: mh.solvers.fit_logistic_sgd(X, t, np.zeros(X.shape[1]), 0.0, **STOCHASTIC, **START),
    "saga": lambda X, t: mh.solvers.fit_logistic_saga(X, t, np.zeros(X.shape[1]), 0.0, **STOCHASTIC, **START),
    "newton": lambda X, t: mh.solvers.fit_logistic_newton(X, t, np.zeros(X.shape[1]), 0.0, **START),
    "lbfgs": lambda X, t: fit_logistic_lbfgs(X, t, np.zeros(X.shape[1]), 0.0, **START),
}


@pytest.mark.parametrize("solver", sorted(SOLVER_CALLS))
def test_every_solver_returns_a_named_result(solver):
    X, t = logistic_problem(5)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # SGD's few epochs do not converge, on purpose
        res = SOLVER_CALLS[solver](X, t.astype(float))
    assert isinstance(res, SolverResult)
    assert res._fields == ("w", "b", "history", "n_iter", "converged", "w_path")
    assert res.w.shape == (X.shape[1],) and isinstance(res.b, float) and isinstance(res.history, np.ndarray)
    assert res.w_path is None
    assert res.history[-1] == pytest.approx(mh.logistic_cost(res.w, res.b, X, t, l2=0.01), rel=1e-9)


def test_newton_uses_the_shared_line_search(monkeypatch):
    from mlhelpers.solvers import newton

    calls = []

    def counting_search(*args):
        calls.append(args[-1])
        return line_search.wolfe_search(*args)

    monkeypatch.setattr(newton, "wolfe_search", counting_search)
    X, t = logistic_problem(0)
    model = mh.LogisticRegression(l2=0.01, solver="newton", tol=1e-9).fit(X, t)
    assert model.converged and len(calls) == model.n_iter and set(calls) == {1.0}  # the full Newton step tried first


def test_newton_stops_with_a_warning_when_no_step_lowers_the_cost(monkeypatch):
    from mlhelpers.solvers import newton

    monkeypatch.setattr(newton, "wolfe_search", lambda *args: None)
    X, t = logistic_problem(0)
    with pytest.warns(ConvergenceWarning, match=r"Newton's method stopped after 0 iterations: no step lowers the cost"):
        model = mh.LogisticRegression(l2=0.01, solver="newton").fit(X, t)
    assert not model.converged and model.history.shape == (1,)
