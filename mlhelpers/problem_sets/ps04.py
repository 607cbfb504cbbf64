"""Public checks of notebook 04's problem set: a central-difference gradient, the
derivatives of the sigmoid and of its log, and the gradient of the mean logistic cost
with its bias."""

from __future__ import annotations

import warnings

import numpy as np

from ..exercises import call, expect, expect_close, fail, public_check
from ..functions import log_sigmoid, sigmoid
from ..losses import logistic_cost
from ..optimize import numerical_gradient as _reference_gradient

__all__ = [
    "check_dlog_sigmoid",
    "check_mean_logistic_gradient",
    "check_numerical_gradient",
    "check_sigmoid_derivative",
]


def _quiet_call(function, *args, case):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        with np.errstate(all="ignore"):
            return call(function, *args, case=case)


def _array(value, case, shape, what):
    try:
        got = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        fail(case, f"the result is not {what}", "return a numpy array of floats")
    expect(got.shape == shape, case, f"the result has shape {got.shape}, not {shape}", f"return {what}")
    return got


def _slopes(derivative, z, case):
    """The student's ``derivative`` at the logits ``z``: one float per logit."""
    return _array(_quiet_call(derivative, z, case=case), case, z.shape, "one value per logit")


def _central_differences(f, z):
    """Central differences of the elementwise ``f`` at each logit, with the course's
    :func:`~mlhelpers.optimize.numerical_gradient` (one logit at a time: no rounding
    from the other terms)."""
    return np.array([_reference_gradient(lambda v: f(v[0]), [zn])[0] for zn in z])


def _slopes_of(f, derivative, z, case, problem, hint, *, atol):
    """The student's ``derivative`` at ``z``, checked against central differences of
    ``f`` (relative error 1e-6); ``problem`` and ``hint`` if they disagree."""
    got = _slopes(derivative, z, case)
    expect_close(got, _central_differences(f, z), case, problem, hint, rtol=1e-6, atol=atol)
    return got


@public_check("Problem 1", "numerical_gradient")
def check_numerical_gradient(numerical_gradient):
    rng = np.random.default_rng(401)
    cases = 0
    for d in (1, 4):
        M = rng.normal(size=(d, d))
        A, c = M @ M.T + np.eye(d), rng.normal(size=d)
        w = rng.normal(size=d)
        before = w.copy()

        def quadratic(v, A=A, c=c):
            v = np.asarray(v, dtype=float)
            return float(0.5 * v @ A @ v + c @ v + 3.0)

        case = f"the quadratic f(w) = w.A w / 2 + c.w + 3 in {d} dimension{'s' if d > 1 else ''}, eps = 1e-6"
        got = _array(
            _quiet_call(numerical_gradient, quadratic, w, 1e-6, case=case),
            case,
            (d,),
            "one partial derivative per component of w",
        )
        expect(
            np.array_equal(w, before),
            case,
            "your function changed the w it was given",
            "perturb a copy of w (w.copy()), not w itself",
        )
        expect_close(
            got,
            A @ w + c,
            case,
            "the estimate is not the gradient of the quadratic",
            "component i: [f(w + eps e_i) - f(w - eps e_i)] / (2 eps), e_i the i-th unit vector",
            rtol=1e-6,
            atol=1e-8,
        )
        cases += 1
    case = "the quadratic in 4 dimensions, eps left at its default"
    got = _array(
        _quiet_call(numerical_gradient, quadratic, w, case=case), case, (4,), "one partial derivative per component of w"
    )
    expect_close(got, A @ w + c, case, "the estimate is off", "give eps a default value, e.g. eps=1e-6", rtol=1e-6, atol=1e-8)
    # accuracy order: a central difference's error shrinks like eps**2, a one-sided one like eps
    w = np.array([0.3, -0.7, 1.1])

    def wavy(v):
        return float(np.sum(np.sin(2.0 * np.asarray(v, dtype=float))))

    exact = 2.0 * np.cos(2.0 * w)
    errors = []
    for eps in (1e-2, 1e-3):
        case = f"f(w) = sum(sin(2 w)) at 3 points, eps = {eps:g}"
        got = _array(
            _quiet_call(numerical_gradient, wavy, w, eps, case=case), case, (3,), "one partial derivative per component of w"
        )
        errors.append(np.max(np.abs(got - exact)))
    expect(
        errors[0] > 30 * errors[1] or errors[0] < 1e-12,
        "f(w) = sum(sin(2 w)) with eps = 1e-2 and then 1e-3",
        "the error shrank only about tenfold when eps shrank tenfold: a one-sided difference",
        "difference the two points w + eps e_i and w - eps e_i, symmetric about w",
    )
    expect(errors[1] < 1e-5, "f(w) = sum(sin(2 w)), eps = 1e-3", "the estimate is not the gradient", "use the eps you are given")
    return cases + 3


@public_check("Problem 2", "sigmoid_derivative")
def check_sigmoid_derivative(sigmoid_derivative):
    z = np.array([-6.3, -2.2, -0.4, 0.9, 1.7, 4.1, 7.5])
    case = "7 logits between -6.3 and 7.5"
    got = _slopes_of(
        sigmoid,
        sigmoid_derivative,
        z,
        case,
        "the values disagree with finite differences of sigma",
        "differentiate (1 + e^(-z))^(-1) with the chain rule",
        atol=1e-10,
    )
    case = "z and -z"
    mirror = _slopes(sigmoid_derivative, -z, case)
    expect_close(
        got,
        mirror,
        case,
        "sigma'(-z) differs from sigma'(z)",
        "the sigmoid is point-symmetric about (0, 1/2)",
        rtol=1e-9,
        atol=1e-15,
    )
    far = np.array([-300.0, -40.0, 40.0, 300.0])
    case = "z = -300, -40, 40, 300"
    got = _slopes(sigmoid_derivative, far, case)
    expect(
        np.all(got > 0),
        case,
        "a value is 0 or negative, but sigma'(z) is tiny and positive there",
        "1 - sigma(z) rounds to 0 for large z: write 1 - sigma(z) as sigma of something",
    )
    expect_close(
        got,
        sigmoid(far) * sigmoid(-far),
        case,
        "the values are positive but not accurate to many digits",
        "both factors must be computed without cancelling 1 - (a number close to 1)",
        rtol=1e-9,
        atol=0,
    )
    case = "z = -800, 0, 800"
    got = _slopes(sigmoid_derivative, np.array([-800.0, 0.0, 800.0]), case)
    expect(np.all(np.isfinite(got)), case, "a value is inf or nan", "use mh.sigmoid, which never overflows")
    expect_close(got[1], 0.25, "z = 0", "the slope at 0 is wrong", "sigma(0) = 1/2", rtol=1e-9)
    return 4


@public_check("Problem 3", "dlog_sigmoid")
def check_dlog_sigmoid(dlog_sigmoid):
    z = np.array([-27.5, -8.8, -1.3, 0.2, 2.6, 11.4, 29.0])
    case = "7 logits between -27.5 and 29"
    _slopes_of(
        log_sigmoid,
        dlog_sigmoid,
        z,
        case,
        "the values disagree with finite differences of log sigma (relative error above 1e-6)",
        "(log u)' = u'/u with u = sigma(z), then simplify; for large z, 1 - sigma(z) loses every digit",
        atol=0,
    )
    far = np.array([-800.0, -300.0, 45.0, 300.0, 700.0])
    case = "z = -800, -300, 45, 300, 700"
    got = _slopes(dlog_sigmoid, far, case)
    expect(np.all(np.isfinite(got)), case, "a value is inf or nan", "use mh.sigmoid, which never overflows")
    expect(
        np.all(got > 0),
        case,
        "a value is 0 or negative, but the slope of log sigma is always positive",
        "write your result as sigma of something, not 1 - sigma(z)",
    )
    expect_close(
        got,
        sigmoid(-far),
        case,
        "the values are not accurate to many digits for large |z|",
        "log sigma(z) is almost z for very negative z and almost 0 for large z: its slope goes from 1 to 0",
        rtol=1e-9,
        atol=0,
    )
    return 2


@public_check("Problem 4", "mean_logistic_gradient")
def check_mean_logistic_gradient(mean_logistic_gradient):
    rng = np.random.default_rng(404)
    X = rng.normal(size=(11, 3))
    t = rng.integers(0, 2, size=11)
    w, b = np.array([0.6, -1.1, 0.25]), -0.3

    def gradient(w, b, X, t, case):
        got = _quiet_call(mean_logistic_gradient, w, b, X, t, case=case)
        expect(isinstance(got, (tuple, list)) and len(got) == 2, case, "the result is not a pair (dw, db)", "return dw, db")
        dw = _array(got[0], case, (X.shape[1],), "dw with one entry per feature")
        db = _array(got[1], case, (), "db as one number")
        return dw, float(db)

    case = "11 samples, 3 features"
    dw, db = gradient(w, b, X, t, case)
    fd_w = _reference_gradient(lambda v: logistic_cost(v, b, X, t), w)
    fd_b = float(_reference_gradient(lambda v: logistic_cost(w, float(v[0]), X, t), np.array([b]))[0])
    twice_w, twice_b = gradient(w, b, np.vstack([X, X]), np.r_[t, t], "the same 11 samples, each listed twice")
    expect(
        np.allclose(twice_w, dw, rtol=1e-9, atol=1e-12) and np.isclose(twice_b, db, rtol=1e-9, atol=1e-12),
        "the same 11 samples, each listed twice",
        "the gradient changed, but the mean cost did not",
        "the cost is the MEAN over the samples: so is its gradient",
    )
    expect_close(
        dw,
        fd_w,
        case,
        "dw disagrees with finite differences of the mean cost",
        "each sample contributes its error (output minus target) times its input",
        rtol=1e-6,
        atol=1e-8,
    )
    expect_close(
        db,
        fd_b,
        case,
        "db disagrees with finite differences of the mean cost in b",
        "the bias is a weight whose input is always 1",
        rtol=1e-6,
        atol=1e-8,
    )
    case = "huge weights (300 times the above): many samples sure and wrong"
    dw, db = gradient(300 * w, b, X, t, case)
    expect(
        np.all(np.isfinite(dw)) and np.isfinite(db), case, "the gradient is inf or nan", "use mh.sigmoid, which never overflows"
    )
    fd_w = _reference_gradient(lambda v: logistic_cost(v, b, X, t), 300 * w)
    expect_close(
        dw, fd_w, case, "dw disagrees with finite differences", "compute all N outputs at once: X @ w + b", rtol=1e-5, atol=1e-6
    )
    return 3
