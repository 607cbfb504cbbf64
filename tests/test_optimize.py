"""mlhelpers.optimize: the taught tools (gradient descent, numerical gradient, gradient check)."""

import numpy as np
import pytest
from numpy.testing import assert_allclose

import mlhelpers as mh


def test_gradient_descent_seed_example():
    # seed 001: J = w^2 from w = 20 at rate 0.1 gives 16, 12.8, 10.24
    w, history = mh.gradient_descent(lambda w: 2 * w, 20.0, lr=0.1, n_steps=3)
    assert_allclose(history, [20.0, 16.0, 12.8, 10.24], rtol=1e-15)
    assert isinstance(w, float) and w == history[-1]


def test_gradient_descent_seed_001_one_step_at_rate_1():
    # seed 001: w = -2, slope -1 at rate 1 -> w = -1
    _, history = mh.gradient_descent(lambda w: np.array(-1.0), -2.0, lr=1.0, n_steps=1)
    assert history.tolist() == [-2.0, -1.0]


def test_gradient_descent_vector_tol_and_divergence():
    grad = lambda w: np.array([2 * w[0], 4 * w[1] ** 3])  # J = w1^2 + w2^4  # noqa: E731
    w, history = mh.gradient_descent(grad, [1.0, 1.0], lr=0.1, n_steps=10000, tol=1e-4)
    assert history.shape[1] == 2 and len(history) < 10001
    assert np.max(np.abs(grad(w))) < 1e-4
    with pytest.warns(RuntimeWarning, match="diverged at step"):
        _, h = mh.gradient_descent(lambda w: 2 * w, 1.0, lr=1e200, n_steps=10)
    assert np.all(np.isfinite(h))
    with pytest.raises(ValueError, match=r"grad\(w\) returned shape \(3,\), expected \(2,\)"):
        mh.gradient_descent(lambda w: np.zeros(3), [1.0, 1.0], lr=0.1, n_steps=1)


def test_numerical_gradient_of_a_matrix_argument():
    A = np.array([[1.0, 2.0], [3.0, 4.0]])
    g = mh.numerical_gradient(lambda M: float(np.sum(M**2)), A)
    assert g.shape == (2, 2)
    assert_allclose(g, 2 * A, rtol=1e-8)
