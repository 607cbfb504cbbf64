"""Public checks of notebook 01's problem set: one perceptron pass, the perceptron on data
it cannot separate, the projection onto a boundary, and the mistake bound."""

from __future__ import annotations

import numpy as np

from ..exercises import call, expect, expect_close, fail, public_check

__all__ = ["check_mistake_bound", "check_mistakes_per_epoch", "check_perceptron_pass", "check_project_to_boundary"]


# ------------------------------------------------------------------ references (never shown)
def _pass_updates(X, t, w):
    w = np.asarray(w, dtype=float).copy()
    out = []
    for x, tn in zip(X, t):
        if tn * (x @ w) <= 0:
            w = w + tn * x
            out.append(w.copy())
    return out


def _mistakes(X, t, n_epochs):
    w, b, out = np.zeros(X.shape[1]), 0.0, []
    for _ in range(n_epochs):
        errors = 0
        for x, tn in zip(X, t):
            if tn * (x @ w + b) <= 0:
                w, b, errors = w + tn * x, b + tn, errors + 1
        out.append(errors)
    return out


def _bound(X, t, w, b):
    Xa = np.column_stack([X, np.ones(len(X))])
    wa = np.append(w, b)
    margins = t * (Xa @ wa)
    if np.min(margins) <= 0:
        return np.inf
    return float((np.max(np.linalg.norm(Xa, axis=1)) / (np.min(margins) / np.linalg.norm(wa))) ** 2)


def _two_clouds(rng, n, spread):
    """``n`` points around (-2, -2) with target -1, then ``n`` around (2, 2) with target +1."""
    X = np.vstack([rng.normal(-2.0, spread, size=(n, 2)), rng.normal(2.0, spread, size=(n, 2))])
    return X, np.repeat([-1, 1], n)


def _as_list_of_vectors(got, case, d):
    try:
        arrays = [np.asarray(v, dtype=float) for v in got]
    except (TypeError, ValueError):
        fail(case, "the result is not a list of weight vectors", "append a copy of w after each update to a list")
    for v in arrays:
        expect(
            v.shape == (d,),
            case,
            f"an entry has shape {v.shape}, not one weight per feature ({d},)",
            "each entry is the whole vector w after one update",
        )
    return arrays


# ------------------------------------------------------------------ Problem 1
@public_check("Problem 1", "perceptron_pass")
def check_perceptron_pass(perceptron_pass):
    rng = np.random.default_rng(101)
    cases = []
    X = np.array([[1.0, 3.0], [2.0, -1.0], [-1.0, -2.0], [3.0, 1.0], [-2.0, 1.0]])
    t = np.array([1, -1, -1, 1, 1])
    cases.append(("5 points in the plane, start w = (1, 1)", X, t, np.array([1.0, 1.0])))
    cases.append(("the same 5 points, start w = (0, 0), where the first score is exactly 0", X, t, np.zeros(2)))
    X3 = rng.integers(-3, 4, size=(8, 3)).astype(float)
    t3 = np.where(X3 @ np.array([1.0, -2.0, 0.5]) + 0.3 > 0, 1, -1)
    cases.append(("8 points with 3 features, start w = (-1, 0, 2)", X3, t3, np.array([-1.0, 0.0, 2.0])))
    Xs = np.array([[1.0, 1.0], [2.0, 2.0]])
    cases.append(("2 points already on the right side of w = (1, 1)", Xs, np.array([1, 1]), np.array([1.0, 1.0])))
    for case, X_, t_, w0 in cases:
        w0_copy = w0.copy()
        got = call(perceptron_pass, X_.copy(), t_.copy(), w0.copy(), case=case)
        expect(
            isinstance(got, (list, tuple)),
            case,
            f"the result is a {type(got).__name__}, not a list",
            "return a Python list with one weight vector per update",
        )
        arrays = _as_list_of_vectors(got, case, X_.shape[1])
        ref = _pass_updates(X_, t_, w0_copy)
        if len(arrays) != len(ref):
            if len(arrays) == X_.shape[0] and len(ref) < X_.shape[0]:
                fail(
                    case,
                    "one entry per sample: samples without a mistake were recorded too",
                    "record w only after an update, i.e. after a mistake",
                )
            hint = (
                "a score of exactly 0 is a mistake too: test t * score <= 0"
                if not np.any(w0_copy)
                else "a mistake is a sample with t_n * (w . x_n) <= 0; visit the samples in order"
            )
            fail(case, "the number of updates is not the number of mistakes in one pass", hint)
        for k, (a, r) in enumerate(zip(arrays, ref)):
            expect_close(
                a,
                r,
                case,
                f"the weight vector after update {k + 1} is wrong",
                "the update adds t_n x_n to the current w (no bias), and later samples use the updated w",
            )
    return len(cases)


# ------------------------------------------------------------------ Problem 2
@public_check("Problem 2", "mistakes_per_epoch")
def check_mistakes_per_epoch(mistakes_per_epoch):
    rng = np.random.default_rng(102)
    Xs, ts = _two_clouds(rng, 10, 0.6)
    Xn = np.array([[1.0, 1.0], [-1.0, -1.0], [1.0, -1.0], [-1.0, 1.0], [1.2, 0.9], [-0.8, 1.1]])
    tn = np.array([-1, -1, 1, 1, -1, 1])
    Xb = np.array([[3.0, 1.0], [4.0, 2.0], [1.0, 1.0]])
    tb = np.array([1, 1, -1])
    cases = [
        ("20 separable points, 6 epochs", Xs, ts, 6),
        ("6 points in an XOR pattern (not separable), 8 epochs", Xn, tn, 8),
        ("3 points that need the bias to be separated, 12 epochs", Xb, tb, 12),
    ]
    for case, X, t, n_epochs in cases:
        got = call(mistakes_per_epoch, X.copy(), t.copy(), n_epochs, case=case)
        try:
            got = [int(v) for v in got]
        except (TypeError, ValueError):
            fail(case, "the result is not a list of whole numbers", "count the updates of each epoch and append the count")
        expect(
            len(got) == n_epochs,
            case,
            "the list does not have one count per epoch",
            "run exactly n_epochs passes, even after an epoch without mistakes",
        )
        expect(
            all(0 <= v <= len(t) for v in got),
            case,
            "a count is negative or larger than N",
            "an epoch visits each sample once, so it makes at most N mistakes",
        )
        ref = _mistakes(X, t, n_epochs)
        expect(
            got[0] == ref[0],
            case,
            "the first epoch's count is wrong",
            "start from w = 0 and b = 0, where every score is exactly 0 (a mistake); update w AND b",
        )
        expect(
            got == ref, case, "a later epoch's count is wrong", "keep w and b from one epoch to the next; update b <- b + t_n too"
        )
    return len(cases)


# ------------------------------------------------------------------ Problem 3
@public_check("Problem 3", "project_to_boundary")
def check_project_to_boundary(project_to_boundary):
    rng = np.random.default_rng(103)
    cases = [
        ("4 points, the boundary x1 + x2 - 1 = 0", rng.normal(size=(4, 2)) * 2, np.array([1.0, 1.0]), -1.0),
        ("6 points in 3-D, w = (2, -1, 2), b = 3", rng.normal(size=(6, 3)) * 2, np.array([2.0, -1.0, 2.0]), 3.0),
    ]
    for case, X, w, b in cases:
        got = call(project_to_boundary, X.copy(), w.copy(), b, case=case)
        try:
            d, P = got
            d, P = np.asarray(d, dtype=float), np.asarray(P, dtype=float)
        except (TypeError, ValueError):
            fail(case, "the result is not a pair (distances, points)", "return d, P")
        N, D = X.shape
        expect(d.shape == (N,), case, f"the distances have shape {d.shape}, not ({N},)", "one signed distance per row of X")
        expect(
            P.shape == (N, D),
            case,
            f"the projected points have shape {P.shape}, not ({N}, {D})",
            "one point on the boundary per row of X",
        )
        z = X @ w + b
        expect(
            np.all(np.sign(d) == np.sign(z)),
            case,
            "a distance has the wrong sign",
            "the distance is positive on the side where w^T x + b > 0",
        )
        d3, _ = (
            np.asarray(v, dtype=float) for v in call(project_to_boundary, X.copy(), 3 * w, 3 * b, case=case + ", w and b times 3")
        )
        expect_close(
            d3,
            d,
            case + ", w and b times 3",
            "the distances changed, but it is the same line",
            "the distance must not depend on the length of w",
        )
        expect_close(
            P @ w + b,
            0,
            case,
            "a projected point is not on the boundary w^T x + b = 0",
            "move each point along the unit vector w/||w|| by minus its signed distance",
            atol=1e-9,
        )
        expect_close(
            np.linalg.norm(X - P, axis=1),
            np.abs(d),
            case,
            "the distance from a point to its projection is not |d|",
            "divide the score by ||w||: w is not a unit vector",
        )
        expect(
            np.allclose(d, z / np.linalg.norm(w)) and np.allclose(P, X - np.outer(d, w / np.linalg.norm(w))),
            case,
            "the distances or the points are not the perpendicular projection",
            "the foot of the perpendicular is x - d u",
        )
    return len(cases)


# ------------------------------------------------------------------ Problem 4
@public_check("Problem 4", "mistake_bound")
def check_mistake_bound(mistake_bound):
    rng = np.random.default_rng(104)
    X, t = _two_clouds(rng, 15, 0.7)
    w, b = np.array([1.0, 1.2]), 0.2
    case = "30 points separated by w = (1, 1.2), b = 0.2"
    got = call(mistake_bound, X.copy(), t.copy(), w.copy(), b, case=case)
    expect(np.ndim(got) == 0, case, "the result is not a single number", "return (R / gamma)^2, one number")
    got = float(got)
    expect(
        np.isfinite(got) and got > 0,
        case,
        "the bound is not a positive finite number for a separating line",
        "R and gamma are both > 0 when every t_n z_n > 0",
    )
    scaled = float(call(mistake_bound, X.copy(), t.copy(), 5 * w, 5 * b, case=case + ", w and b times 5"))
    expect_close(
        scaled,
        got,
        case + ", w and b times 5",
        "the bound changed, but it is the same line",
        "gamma is a distance: divide the smallest t_n z_n by the length of (w, b)",
        rtol=1e-9,
    )
    expect(got >= 1, case, "the bound is below 1", "R is the LARGEST norm, gamma the SMALLEST margin")
    expect_close(
        got,
        _bound(X, t, w, b),
        case,
        "the bound is not (R / gamma)^2 with the bias counted as a weight",
        "append a feature that is always 1 to every x (for R) and b to w (for gamma and its norm)",
        rtol=1e-6,
    )
    case_bad = "the same points and a line that misclassifies some of them"
    bad = call(mistake_bound, X.copy(), t.copy(), np.array([1.0, -1.0]), 0.0, case=case_bad)
    expect(
        np.isinf(float(bad)),
        case_bad,
        "the result is not infinity",
        "if some t_n z_n <= 0 the line does not separate the data and gives no bound: return np.inf",
    )
    X0 = np.array([[1.0, 1.0], [-1.0, -1.0], [0.0, 0.0]])
    case_zero = "a point exactly on the line (score 0)"
    zero = call(mistake_bound, X0, np.array([1, -1, 1]), np.array([1.0, 1.0]), 0.0, case=case_zero)
    expect(
        np.isinf(float(zero)),
        case_zero,
        "the result is not infinity",
        "a score of exactly 0 counts as a mistake: test t_n z_n <= 0",
    )
    return 4
