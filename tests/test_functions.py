import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from mlhelpers import log_sigmoid, sigmoid

finite_logits = st.floats(min_value=-1e4, max_value=1e4, allow_nan=False)


def test_sigmoid_known_values():
    assert sigmoid(0.0) == 0.5
    assert_allclose(sigmoid(np.array([-1.0, 1.0])), [1 / (1 + np.e), 1 / (1 + np.exp(-1))], rtol=1e-15)


def test_sigmoid_scalar_in_scalar_out_and_shape_kept():
    assert isinstance(sigmoid(1.0), float)
    assert sigmoid(np.zeros((2, 3))).shape == (2, 3)


@settings(max_examples=300, deadline=None)
@given(finite_logits)
def test_sigmoid_symmetry_and_range(z):
    s, s_neg = sigmoid(z), sigmoid(-z)
    assert 0.0 <= s <= 1.0
    assert_allclose(s + s_neg, 1.0, rtol=1e-15)


def test_extreme_logits_no_warning_and_accurate():
    z = np.array([-1e4, -745.0, -700.0, -30.0, 0.0, 30.0, 700.0, 1e4])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = sigmoid(z)
        ls = log_sigmoid(z)
    assert np.all(np.isfinite(s)) and np.all(np.isfinite(ls))
    # exp(-700) is representable: the relative error must be at machine precision there
    assert_allclose(s[2], np.exp(-700.0) / (1 + np.exp(-700.0)), rtol=1e-14)
    assert_allclose(ls[0], -1e4, rtol=1e-15)
    assert_allclose(ls[3], -30.0 - np.log1p(np.exp(-30.0)), rtol=1e-15)
    assert ls[-1] == 0.0 and s[-1] == 1.0


@settings(max_examples=300, deadline=None)
@given(finite_logits)
def test_log_sigmoid_matches_the_accurate_branchwise_formula(z):
    # -log1p(exp(-z)) for z >= 0 and z - log1p(exp(z)) for z < 0 are both exact
    # rearrangements that exponentiate only non-positive numbers.
    expected = -np.log1p(np.exp(-z)) if z >= 0 else z - np.log1p(np.exp(z))
    assert_allclose(log_sigmoid(z), expected, rtol=1e-13, atol=1e-300)


def test_log_sigmoid_derivative_is_sigmoid_of_minus_z():
    z = np.linspace(-20, 20, 41)
    eps = 1e-6
    numeric = (log_sigmoid(z + eps) - log_sigmoid(z - eps)) / (2 * eps)
    assert_allclose(numeric, sigmoid(-z), rtol=1e-6, atol=1e-9)


def test_sigmoid_derivative_is_s_times_one_minus_s():
    z = np.linspace(-10, 10, 21)
    eps = 1e-6
    numeric = (sigmoid(z + eps) - sigmoid(z - eps)) / (2 * eps)
    assert_allclose(numeric, sigmoid(z) * (1 - sigmoid(z)), rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("fn", [sigmoid, log_sigmoid])
def test_bad_input(fn):
    with pytest.raises(ValueError, match="z contains 1 NaN"):
        fn([0.0, np.nan])
    with pytest.raises(TypeError, match="z must be numeric"):
        fn("1.0")
