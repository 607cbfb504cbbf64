"""Public checks of notebook 05's problem set: gradient descent with a stopping rule, the
largest stable learning rate, descent on the logistic cost, and its curvature bound."""

from __future__ import annotations

import numpy as np

from ..exercises import call, expect, expect_close, public_check
from ..losses import logistic_cost, logistic_gradient

__all__ = ["check_descend", "check_logistic_lr_limit", "check_logistic_path", "check_lr_max"]


def _descend(grad, w0, lr, tol, max_steps):
    w = np.asarray(w0, dtype=float)
    path = [w]
    for _ in range(max_steps):
        g = np.asarray(grad(w), dtype=float)
        if np.linalg.norm(g) < tol:
            break
        w = w - lr * g
        path.append(w)
    return np.array(path)


def _as_path(result, case, shape_tail):
    path = np.asarray(result, dtype=float)
    expect(
        path.ndim == 1 + len(shape_tail) and path.shape[1:] == shape_tail and path.shape[0] >= 1,
        case,
        f"the result has shape {path.shape}, not one row per iterate",
        "return np.array of the list of iterates, the start first",
    )
    return path


@public_check("Problem 1", "descend")
def check_descend(descend):
    # J = w^2 from a number
    case = "J(w) = w**2 from w0 = 5.0, lr = 0.2, tol = 1e-4, max_steps = 500"
    path = _as_path(call(descend, lambda w: 2 * w, 5.0, 0.2, 1e-4, 500, case=case), case, ())
    expect_close(path[0], 5.0, case, "the path does not start at w0", "put the start in the path before the first step")
    costs = path**2
    expect(
        np.all(np.diff(costs) < 0),
        case,
        "the cost does not decrease at every step",
        "step AGAINST the gradient: w - lr * grad(w)",
    )
    expect(
        abs(2 * path[-1]) < 1e-4,
        case,
        "it stopped while the gradient norm was still above tol",
        "stop only once norm(grad(w)) < tol",
    )
    expect(
        path.shape[0] < 2 or abs(2 * path[-2]) >= 1e-4,
        case,
        "it went on stepping after the gradient norm fell below tol",
        "test the gradient at the current w before each step, and stop at the first w where it is small",
    )
    # the budget: a tolerance that is never met
    case = "J(w) = w**2 from w0 = 5.0, lr = 0.2, tol = 0 (never met), max_steps = 7"
    path = _as_path(call(descend, lambda w: 2 * w, 5.0, 0.2, 0.0, 7, case=case), case, ())
    expect(
        path.shape[0] == 8,
        case,
        "the path does not hold max_steps steps plus the start",
        "take at most max_steps steps; the path has one more row",
    )

    # the quartic from a start of its own
    def grad_q(w):
        return np.array([2 * w[0], 4 * w[1] ** 3])

    case = "J = w1**2 + w2**4 from w0 = (1.5, -0.9), lr = 0.1, tol = 1e-2, max_steps = 5000"
    path = _as_path(call(descend, grad_q, np.array([1.5, -0.9]), 0.1, 1e-2, 5000, case=case), case, (2,))
    expect_close(path[0], [1.5, -0.9], case, "the path does not start at w0", "put the start in the path before the first step")
    expect(
        np.linalg.norm(path[-1]) < 0.2,
        case,
        "the last iterate is not near the minimum (0, 0)",
        "run until the gradient norm is below tol",
    )
    grads = np.linalg.norm(np.column_stack([2 * path[:, 0], 4 * path[:, 1] ** 3]), axis=1)
    expect(
        grads[-1] < 1e-2 and np.all(grads[:-1] >= 1e-2),
        case,
        "it does not stop at the first iterate whose gradient norm is below tol",
        "use the Euclidean norm, np.linalg.norm(grad(w)), and compare it with tol before each step",
    )
    reference = _descend(grad_q, [1.5, -0.9], 0.1, 1e-2, 5000)
    expect(
        path.shape == reference.shape and np.allclose(path, reference, rtol=1e-9, atol=1e-12),
        case,
        "the iterates are not those of w <- w - lr * grad(w)",
        "one update per step, with the gradient at the current w",
    )
    # already at the minimum
    case = "J = w1**2 + w2**4 from its minimum (0, 0)"
    path = _as_path(call(descend, grad_q, np.zeros(2), 0.1, 1e-6, 100, case=case), case, (2,))
    expect(
        path.shape[0] == 1,
        case,
        "it took a step although the gradient is zero at the start",
        "test the gradient before the first step",
    )
    return 4


def _converges(A, lr, n_steps=3000):
    w = np.ones(A.shape[0]) + 0.1 * np.arange(A.shape[0])
    start = np.linalg.norm(w)
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(n_steps):
            w = w - lr * (A @ w)
    norm = np.linalg.norm(w)
    return bool(np.isfinite(norm) and norm < start)


@public_check("Problem 2", "lr_max")
def check_lr_max(lr_max):
    theta = 0.6
    R = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])
    cases = [
        ("J(w) = 5 w**2, so A = [[10]]", np.array([[10.0]])),
        ("J = (3 w1**2 + w2**2) / 2, a diagonal A", np.diag([3.0, 1.0])),
        ("a 2 x 2 A that is not diagonal (a tilted valley)", R @ np.diag([0.5, 6.0]) @ R.T),
        ("a 3 x 3 A that is not diagonal", np.array([[4.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 2.0]])),
    ]
    for case, A in cases:
        got = call(lr_max, A, case=case)
        expect(
            np.ndim(got) == 0 and np.isfinite(got) and float(got) > 0,
            case,
            "the result is not one positive number",
            "return a float",
        )
        got = float(got)
        expect(
            _converges(A, 0.99 * got),
            case,
            "gradient descent at 0.99 times your rate does not converge",
            "your rate is too large: the step multiplies w by I - lr A; every direction must shrink",
        )
        expect(
            not _converges(A, 1.01 * got),
            case,
            "gradient descent at 1.01 times your rate still converges",
            "your rate is too small: find the largest rate for which no factor of I - lr A is beyond -1",
        )
    case = "A and 4 A"
    A = cases[3][1]
    expect_close(
        float(call(lr_max, 4 * A, case=case)),
        float(call(lr_max, A, case=case)) / 4,
        case,
        "four times the curvature does not give a quarter of the rate",
        "the limit is inversely proportional to the curvature",
        rtol=1e-6,
    )
    return len(cases) + 1


def _design(X):
    X = np.asarray(X, dtype=float)
    return np.column_stack([X, np.ones(X.shape[0])])


def _logistic_path(X, t, w0, b0, lr, n_steps):
    w, b = np.array(w0, dtype=float), float(b0)
    path = [np.append(w, b)]
    for _ in range(n_steps):
        dw, db = logistic_gradient(w, b, X, t)
        w, b = w - lr * dw, b - lr * db
        path.append(np.append(w, b))
    return np.array(path)


def _problem3_cases():
    rng = np.random.default_rng(505)
    x = rng.normal(size=(60, 1)) + 0.5
    t = (x[:, 0] + rng.normal(size=60) > 0.5).astype(int)
    X2 = rng.normal(size=(80, 2)) * [1.0, 0.5]
    t2 = (X2 @ [1.0, -2.0] + 0.3 + rng.normal(size=80) > 0).astype(int)
    return [
        ("one feature (60 samples), start (w, b) = (-1, 1), lr = 1/L, 400 steps", x, t, np.array([-1.0]), 1.0, 400),
        ("two features (80 samples), start w = (0, 0), b = 0, lr = 1/L, 600 steps", X2, t2, np.zeros(2), 0.0, 600),
    ]


@public_check("Problem 3", "logistic_path")
def check_logistic_path(logistic_path):
    for case, X, t, w0, b0, n_steps in _problem3_cases():
        A = _design(X)
        lr = 4 * X.shape[0] / np.linalg.eigvalsh(A.T @ A).max()
        path = np.asarray(call(logistic_path, X, t, w0, b0, lr, n_steps, case=case), dtype=float)
        D = X.shape[1]
        expect(
            path.shape == (n_steps + 1, D + 1),
            case,
            f"the path has shape {path.shape}, not (n_steps + 1, D + 1)",
            "one row per iterate, the start included; each row is the weights followed by b",
        )
        expect_close(path[0], np.append(w0, b0), case, "the first row is not the start (w0, b0)", "the row is np.append(w, b)")
        costs = np.array([logistic_cost(p[:-1], p[-1], X, t) for p in path])
        expect(
            np.all(np.diff(costs) <= 1e-12),
            case,
            "the logistic cost goes up at some step",
            "step against the gradient of mh.logistic_cost: w - lr * dw and b - lr * db",
        )
        dw, db = logistic_gradient(path[-1, :-1], path[-1, -1], X, t)
        expect(
            abs(db) < 1e-3,
            case,
            "at the end the derivative with respect to b is not small",
            "update b as well as w at every step",
        )
        expect(
            np.linalg.norm(dw) < 1e-3,
            case,
            "at the end the gradient with respect to w is not small",
            "update every weight at every step",
        )
        reference = _logistic_path(X, t, w0, b0, lr, n_steps)
        expect_close(
            path,
            reference,
            case,
            "the iterates are not those of batch gradient descent",
            "one step per iteration, with the gradient of the whole data set (mh.logistic_gradient) at the current (w, b)",
            rtol=1e-6,
            atol=1e-9,
        )
    return 2


def _lr_limit(X, l2):
    A = _design(X)
    N, D1 = A.shape
    P = np.eye(D1)
    P[-1, -1] = 0.0
    return 2.0 / np.linalg.eigvalsh(A.T @ A / (4 * N) + l2 * P).max()


@public_check("Problem 4", "logistic_lr_limit")
def check_logistic_lr_limit(logistic_lr_limit):
    rng = np.random.default_rng(5050)
    X = rng.normal(size=(50, 3)) * [1.0, 2.0, 0.5] + [0.5, 0.0, 1.0]
    cases = [
        ("50 samples, 3 features, l2 = 0", X, 0.0),
        ("the same samples with l2 = 2", X, 2.0),
        ("one feature that is the same for every sample (x = 3), l2 = 0.5", np.full((20, 1), 3.0), 0.5),
    ]
    for case, Xc, l2 in cases:
        got = call(logistic_lr_limit, Xc, l2, case=case)
        expect(
            np.ndim(got) == 0 and np.isfinite(got) and float(got) > 0,
            case,
            "the result is not one positive number",
            "return a float",
        )
        expect_close(
            float(got),
            _lr_limit(Xc, l2),
            case,
            "the rate is not 2 / L for the curvature bound L",
            "bound y(1 - y) by its largest value; the bias column of ones is part of A; "
            "the penalty adds l2 to the weights' curvature, not to b's",
            rtol=1e-6,
        )
    case = "the same samples in another order"
    got = float(call(logistic_lr_limit, X[::-1], 0.0, case=case))
    expect_close(got, _lr_limit(X, 0.0), case, "the order of the samples changes the rate", "average over samples", rtol=1e-6)
    return len(cases) + 1
