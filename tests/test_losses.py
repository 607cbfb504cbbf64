import warnings

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

import mlhelpers as mh


# ------------------------------------------------------------------ pointwise
def test_cross_entropy_seed_table():
    # seed 001: t = 1, y = 0.9 / 0.5 / 0.1 -> 0.11 / 0.69 / 2.3
    got = [mh.cross_entropy(1, y) for y in (0.9, 0.5, 0.1)]
    assert [round(g, 3) for g in got] == [0.105, 0.693, 2.303]
    assert mh.cross_entropy(1, 1.0) == 0.0 and mh.cross_entropy(0, 0.0) == 0.0


def test_cross_entropy_reductions_and_certain_mistake():
    t, y = np.array([1, 0]), np.array([0.9, 0.2])
    per = mh.cross_entropy(t, y, reduction="none")
    assert_allclose(per, [-np.log(0.9), -np.log(0.8)])
    assert_allclose(mh.cross_entropy(t, y), per.mean())
    assert_allclose(mh.cross_entropy(t, y, reduction="sum"), per.sum())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert mh.cross_entropy(1, 0.0) == np.inf


def test_cross_entropy_equals_sklearn_log_loss():
    from sklearn.metrics import log_loss

    rng = np.random.default_rng(0)
    t = rng.integers(0, 2, 50)
    y = rng.uniform(0.01, 0.99, 50)
    assert_allclose(mh.cross_entropy(t, y), log_loss(t, y), rtol=1e-12)


def test_regression_and_margin_losses():
    t, y = np.array([1.0, -2.0]), np.array([0.0, 1.0])
    assert mh.squared_loss(t, y) == 5.0
    assert mh.absolute_loss(t, y) == 2.0
    assert_allclose(mh.hinge_loss([1, -1, 1], [2.0, 0.5, 0.0], reduction="none"), [0.0, 1.5, 1.0])
    assert_allclose(mh.zero_one_loss([1, -1, 1], [2.0, 0.5, 0.0], reduction="none"), [0.0, 1.0, 1.0])


def test_penalties_and_soft_threshold():
    w = np.array([3.0, -4.0, 0.0])
    assert mh.penalty(w, l2=2.0, l1=0.5) == pytest.approx(25.0 + 3.5)
    assert_allclose(mh.penalty_gradient(w, l2=2.0, l1=0.5), [6.5, -8.5, 0.0])
    assert_allclose(mh.soft_threshold(w, 3.5), [0.0, -0.5, 0.0])
    assert mh.soft_threshold(w, 3.5)[0] == 0.0  # exactly zero, not tiny


# ------------------------------------------------------------- logistic cost
def test_logistic_cost_matches_cross_entropy_of_probabilities():
    rng = np.random.default_rng(1)
    X, t, w = rng.normal(size=(30, 3)), rng.integers(0, 2, 30), rng.normal(size=3)
    y = mh.sigmoid(X @ w + 0.3)
    assert_allclose(mh.logistic_cost(w, 0.3, X, t), mh.cross_entropy(t, y), rtol=1e-12)
    assert_allclose(mh.logistic_cost(w, 0.3, X, t, l2=0.5, l1=0.1), mh.cross_entropy(t, y) + mh.penalty(w, l2=0.5, l1=0.1))


def test_logistic_cost_and_gradient_finite_at_huge_logits():
    X = np.array([[1.0], [-1.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for w in (1e4, -1e4):
            cost = mh.logistic_cost([w], 0.0, X, [0, 1])
            dw, db = mh.logistic_gradient([w], 0.0, X, [0, 1])
            assert np.isfinite(cost) and np.all(np.isfinite(dw)) and np.isfinite(db)
    assert_allclose(mh.logistic_cost([1e4], 0.0, X, [0, 1]), 1e4)  # both points wrong by 1e4


@st.composite
def logistic_problems(draw):
    n = draw(st.integers(1, 25))
    d = draw(st.integers(1, 6))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    w = rng.normal(size=d)
    # scale w so the largest |logit| is up to ~30
    scale = draw(st.floats(0.01, 30.0)) / max(np.abs(X @ w).max(), 1e-12)
    w = w * scale
    # keep w away from the L1 kink at 0, where the function is not differentiable
    w = np.where(np.abs(w) < 1e-3, 1e-3, w)
    b = draw(st.floats(-3, 3))
    t = rng.integers(0, 2, n)
    l2 = draw(st.sampled_from([0.0, 0.01, 1.0]))
    l1 = draw(st.sampled_from([0.0, 0.05]))
    return w, b, X, t, l2, l1


def _relative_error(a, b):
    return np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-12)


def _agrees_with_finite_differences(exact, numeric, cost_value, eps=1e-6):
    """Relative error <= 1e-6, or each component within the central difference's own
    error: its rounding, about machine epsilon x |J| / eps (a cost of 1e7, from a large
    weight under the penalty, leaves only 3 correct digits at eps = 1e-6), plus 1e-9."""
    rounding = 10 * np.finfo(float).eps * abs(cost_value) / eps
    return _relative_error(exact, numeric) <= 1e-6 or np.allclose(exact, numeric, rtol=0, atol=1e-9 + rounding)


@settings(max_examples=500, deadline=None)
@given(logistic_problems())
# found by hypothesis: a weight of 5e4 makes the cost 1.4e7, beyond a 1e-6 relative finite difference
@example((np.array([52054.20047629]), 0.0, np.array([[-3.84214911e-05]]), np.array([0]), 0.01, 0.0))
def test_logistic_gradient_equals_numerical_gradient(problem):
    w, b, X, t, l2, l1 = problem
    theta = np.append(w, b)

    def cost(th):
        return mh.logistic_cost(th[:-1], th[-1], X, t, l2=l2, l1=l1)

    dw, db = mh.logistic_gradient(w, b, X, t, l2=l2, l1=l1)
    numeric = mh.numerical_gradient(cost, theta, eps=1e-6)
    assert _agrees_with_finite_differences(np.append(dw, db), numeric, cost(theta))


@settings(max_examples=500, deadline=None)
@given(logistic_problems())
def test_squared_error_gradient_equals_numerical_gradient(problem):
    w, b, X, t, l2, _ = problem
    t = X @ np.ones(X.shape[1]) + t  # real-valued targets
    theta = np.append(w, b)

    def cost(th):
        return mh.squared_error_cost(th[:-1], th[-1], X, t, l2=l2)

    dw, db = mh.squared_error_gradient(w, b, X, t, l2=l2)
    numeric = mh.numerical_gradient(cost, theta, eps=1e-6)
    assert _agrees_with_finite_differences(np.append(dw, db), numeric, cost(theta))


def test_gradient_check_reports_small_error_for_right_and_large_for_wrong_gradient():
    f = lambda v: float(np.sum(v**3))  # noqa: E731
    x = np.array([1.0, -2.0, 0.5])
    assert mh.gradient_check(f, lambda v: 3 * v**2, x) < 1e-8
    assert mh.gradient_check(f, lambda v: 2 * v, x) > 0.1


def test_logistic_gradient_is_seed_vectorized_formula_over_n():
    rng = np.random.default_rng(3)
    X, t, w = rng.normal(size=(40, 4)), rng.integers(0, 2, 40), rng.normal(size=4)
    Y = mh.sigmoid(X @ w)
    dw, db = mh.logistic_gradient(w, 0.0, X, t)
    assert_allclose(dw, X.T @ (Y - t) / 40, rtol=1e-12)
    assert_allclose(db, np.mean(Y - t), rtol=1e-12)


def test_cross_entropy_of_certain_right_answers_is_plus_zero():
    per = mh.cross_entropy([1, 0], [1.0, 0.0], reduction="none")
    assert per.tolist() == [0.0, 0.0] and not np.any(np.signbit(per))
