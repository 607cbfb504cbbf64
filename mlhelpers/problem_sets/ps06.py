"""Public checks of notebook 06's problem set: Ng's exercise 2 on our data (cost and
gradient, training, the decision boundary, predictions and accuracy), then standardizing
and the speed-up it gives."""

from __future__ import annotations

import numpy as np

from ..exercises import call, expect, expect_close, fail, public_check
from ..functions import sigmoid
from ..losses import logistic_cost, logistic_gradient
from ..optimize import numerical_gradient

__all__ = [
    "check_boundary_x2",
    "check_cost_and_gradient",
    "check_fit",
    "check_iterations_to_gap",
    "check_predict_accuracy",
    "check_standardize",
]


def _clouds(seed, n=40, shift=(0.0, 0.0), scale=(1.0, 1.0)):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(2 * n, 2))
    X[n:] += 1.5
    t = np.r_[np.zeros(n, int), np.ones(n, int)]
    return X * scale + shift, t


@public_check("Problem 1", "cost_and_gradient")
def check_cost_and_gradient(cost_and_gradient):
    X, t = _clouds(601, n=15, shift=(1.0, -0.5))
    cases = [
        ("30 samples, 2 features, w = (0.4, -0.3), b = 0.2, l2 = 0", np.array([0.4, -0.3]), 0.2, 0.0),
        ("the same samples with l2 = 0.5", np.array([0.4, -0.3]), 0.2, 0.5),
        ("w = 0, b = 0, l2 = 0.1", np.zeros(2), 0.0, 0.1),
    ]
    for case, w, b, l2 in cases:
        out = call(cost_and_gradient, w, b, X, t, l2, case=case)
        if not (isinstance(out, tuple) and len(out) == 3):
            fail(case, "the result is not a tuple (J, dw, db)", "return J, dw, db")
        J, dw, db = out
        dw = np.asarray(dw, dtype=float)
        expect(
            np.ndim(J) == 0 and np.ndim(db) == 0,
            case,
            "J or db is not one number",
            "J and db are scalars; dw has one entry per weight",
        )
        expect(
            dw.shape == (2,),
            case,
            f"dw has shape {dw.shape}, not (D,)",
            "one partial derivative per weight: X.T @ (y - t) / N ...",
        )
        expect_close(
            float(J),
            logistic_cost(w, b, X, t, l2=l2),
            case,
            "J is not the mean cross-entropy plus the penalty",
            "average over samples (not a sum), and add l2/2 * ||w||^2 (the bias is not penalized)",
            rtol=1e-6,
        )
        fd = numerical_gradient(lambda v, b=b, l2=l2: logistic_cost(v, b, X, t, l2=l2), w)
        fd_b = numerical_gradient(lambda v, w=w, l2=l2: logistic_cost(w, v[0], X, t, l2=l2), [b])[0]
        expect_close(
            dw,
            fd,
            case,
            "dw disagrees with finite differences of the cost",
            "dJ/dw = X.T @ (y - t) / N + l2 * w, with y = sigma(X @ w + b)",
            rtol=1e-5,
            atol=1e-8,
        )
        expect_close(
            float(db),
            fd_b,
            case,
            "db disagrees with finite differences of the cost",
            "dJ/db is the mean of y - t; the penalty does not touch b",
            rtol=1e-5,
            atol=1e-8,
        )
    return len(cases)


@public_check("Problem 2", "fit")
def check_fit(fit):
    cases = [
        ("two overlapping clouds (80 samples, centred near (0.75, 0.75)), l2 = 0", *_clouds(602), 0.0),
        ("clouds shifted by (1, -0.5), l2 = 0.05", *_clouds(603, shift=(1.0, -0.5)), 0.05),
    ]
    for case, X, t, l2 in cases:
        A = np.column_stack([X, np.ones(len(t))])
        lr = 4 * len(t) / np.linalg.eigvalsh(A.T @ A).max()
        out = call(fit, X, t, lr, 1e-6, 100000, l2, case=case)
        if not (isinstance(out, tuple) and len(out) == 2):
            fail(case, "the result is not a tuple (w, b)", "return w, b")
        w, b = np.asarray(out[0], dtype=float), float(out[1])
        expect(w.shape == (2,), case, f"w has shape {w.shape}, not (D,)", "start at w = np.zeros(D)")
        dw, db = logistic_gradient(w, b, X, t, l2=l2)
        expect(
            abs(db) < 1e-5,
            case,
            "at the returned (w, b) the derivative with respect to b is not small",
            "update b at every step too",
        )
        expect(
            np.max(np.abs(dw)) < 1e-5,
            case,
            "at the returned (w, b) the gradient is not small",
            "step against the gradient (of the penalized cost) until every partial derivative is below tol",
        )
    return len(cases)


@public_check("Problem 3", "boundary_x2")
def check_boundary_x2(boundary_x2):
    x1 = np.linspace(-3.0, 4.0, 8)
    for case, w, b in [
        ("w = (1.5, 2), b = -1", np.array([1.5, 2.0]), -1.0),
        ("w = (-0.5, 4), b = 3", np.array([-0.5, 4.0]), 3.0),
        ("w = (2, -1), b = 0.5 (w2 < 0)", np.array([2.0, -1.0]), 0.5),
    ]:
        x2 = np.asarray(call(boundary_x2, w, b, x1, case=case + ", x1 = 8 values"), dtype=float)
        expect(
            x2.shape == x1.shape,
            case,
            f"the result has shape {x2.shape}, not that of x1",
            "one x2 for every x1, computed for the whole array",
        )
        z = w[0] * x1 + w[1] * x2 + b
        expect_close(
            z,
            0,
            case,
            "the points (x1, x2) are not on the line w1 x1 + w2 x2 + b = 0",
            "solve w1 x1 + w2 x2 + b = 0 for x2; mind the sign of every term",
            atol=1e-9,
        )
        case2 = case + ", with w and b both multiplied by 3"
        x2s = np.asarray(call(boundary_x2, 3 * w, 3 * b, x1, case=case2), dtype=float)
        expect_close(x2s, x2, case2, "scaling w and b moved the line", "the boundary depends only on the ratios of w1, w2 and b")
    return 6


@public_check("Problem 4", "predict and accuracy")
def check_predict_accuracy(predict, accuracy):
    X, _ = _clouds(604, n=10)
    w, b = np.array([1.0, 0.8]), -1.3
    case = "20 samples, w = (1, 0.8), b = -1.3"
    y_pred = np.asarray(call(predict, w, b, X, case=case))
    expect(y_pred.shape == (20,), case, f"the predictions have shape {y_pred.shape}, not (N,)", "one label per sample")
    expect(
        np.all(np.isin(y_pred, [0, 1])),
        case,
        "the predictions are not all 0 or 1",
        "compare the probability with the threshold 0.5",
    )
    y = sigmoid(X @ w + b)
    expect(
        np.array_equal(y_pred.astype(int), (y > 0.5).astype(int)),
        case,
        "some labels are not those of the threshold 0.5",
        "predict 1 where the model's output sigma(X w + b) is above 0.5, not the logit",
    )
    case = "w = (0, 0), b = 0.2 (every output above one half)"
    expect(
        np.all(np.asarray(call(predict, np.zeros(2), 0.2, X, case=case)) == 1),
        case,
        "not every label is 1",
        "y = sigma(0.2) > 0.5 for every sample",
    )
    cases = [
        ("t = (1, 0, 1, 1) and predictions (1, 1, 1, 0)", [1, 0, 1, 1], [1, 1, 1, 0], 0.5),
        ("5 targets, all predicted right", [0, 1, 1, 0, 1], [0, 1, 1, 0, 1], 1.0),
        ("3 targets, all predicted wrong", [0, 1, 0], [1, 0, 1], 0.0),
    ]
    for case, tc, yc, _ in cases:
        acc = call(accuracy, np.array(tc), np.array(yc), case=case)
        expect(np.ndim(acc) == 0, case, "the accuracy is not one number", "the fraction of samples predicted right")
    for case, tc, yc, expected in cases:
        acc = float(call(accuracy, np.array(tc), np.array(yc), case=case))
        expect_close(
            acc,
            expected,
            case,
            "the accuracy is not the fraction of labels that match the targets",
            "a fraction between 0 and 1 (not a count, not a percentage)",
        )
    return 5


@public_check("Problem 5", "standardize")
def check_standardize(standardize):
    rng = np.random.default_rng(605)
    X_train = rng.normal(size=(30, 3)) * [2.0, 0.1, 1.0] + [5.0, -1.0, 0.0]
    X_train[:, 2] = 7.0  # a constant column
    X_other = rng.normal(size=(12, 3)) * [3.0, 1.0, 1.0] + [1.0, 2.0, 7.5]
    case = "30 training samples (3 features, the third constant) and 12 other samples"
    out = call(standardize, X_train, X_other, case=case)
    if not (isinstance(out, tuple) and len(out) == 2):
        fail(case, "the result is not a tuple (Z_train, Z_other)", "return both")
    Z_train, Z_other = (np.asarray(a, dtype=float) for a in out)
    expect(
        Z_train.shape == (30, 3) and Z_other.shape == (12, 3),
        case,
        "the results do not have the shapes of the inputs",
        "scale column by column",
    )
    expect(
        np.all(np.isfinite(Z_train)) and np.all(np.isfinite(Z_other)),
        case,
        "some values are NaN or infinite",
        "a constant column has std 0: divide by 1 there instead",
    )
    expect(
        np.allclose(Z_train[:, :2].mean(axis=0), 0, atol=1e-9) and np.allclose(Z_train[:, :2].std(axis=0), 1),
        case,
        "the training columns do not have mean 0 and std 1",
        "subtract each column's mean, divide by its std (axis=0)",
    )
    expect_close(
        Z_train[:, 2], 0, case, "the constant training column does not map to 0", "its mean is its value; use std 1 for it"
    )
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    std = np.where(std == 0, 1.0, std)
    expect(
        not np.allclose(Z_other[:, :2].mean(axis=0), 0, atol=1e-6),
        case,
        "the other samples were scaled with their own statistics",
        "use the TRAINING set's mean and std for both: the other set is new data",
    )
    expect_close(
        Z_other,
        (X_other - mean) / std,
        case,
        "the other samples are not scaled with the training statistics",
        "(X_other - training mean) / training std, with std 1 for a constant column",
    )
    return 1


def _iterations(X, t, lr, J_star, eps, max_iter):
    """Steps of batch gradient descent from w = 0, b = 0 until the cost is within eps of J_star."""
    w, b = np.zeros(X.shape[1]), 0.0
    for k in range(max_iter):
        if logistic_cost(w, b, X, t) - J_star < eps:
            return k
        dw, db = logistic_gradient(w, b, X, t)
        w, b = w - lr * dw, b - lr * db
    return max_iter


@public_check("Problem 6", "iterations_to_gap")
def check_iterations_to_gap(iterations_to_gap):
    X, t = _clouds(606)
    from ..models import LogisticRegression

    J_star = LogisticRegression(solver="newton", tol=1e-12).fit(X, t).history[-1]
    cases = [
        ("80 samples, lr = 1, eps = 1e-4", X, 1.0, 1e-4, 10000),
        ("the same, eps = 1e-6", X, 1.0, 1e-6, 10000),
        ("eps = 10 (the start is already close enough)", X, 1.0, 10.0, 10000),
        ("lr = 0.01, eps = 1e-6, max_iter = 50 (the budget ends it)", X, 0.01, 1e-6, 50),
    ]
    for case, Xc, lr, eps, max_iter in cases:
        got = call(iterations_to_gap, Xc, t, lr, J_star, eps, max_iter, case=case)
        expect(np.ndim(got) == 0 and float(got) == int(got), case, "the result is not a whole number", "count the steps taken")
        expect(
            abs(int(got) - _iterations(Xc, t, lr, J_star, eps, max_iter)) <= 1,
            case,
            "the count is not the number of steps from w = 0, b = 0 until J - J* < eps (or max_iter)",
            "test J - J* before each step, count only the steps taken, and start from zero weights and bias",
        )
    return len(cases)
