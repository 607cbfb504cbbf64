"""Public checks of notebook 07's problem set: the L2 gradient, the L1 proximal step,
the strength chosen on a development set, the priors behind the penalties, and
sparsity counted."""

from __future__ import annotations

import numpy as np

from ..exercises import call, expect, expect_close, fail, public_check
from ..losses import logistic_cost
from ..optimize import numerical_gradient

__all__ = [
    "check_choose_strength",
    "check_l2_gradient",
    "check_neg_log_prior",
    "check_soft_threshold",
    "check_sparsity",
]


def _close(a, b, rtol=1e-6, atol=1e-9) -> bool:
    return bool(np.allclose(np.asarray(a, dtype=float), np.asarray(b, dtype=float), rtol=rtol, atol=atol))


@public_check("Problem 1", "l2_gradient")
def check_l2_gradient(l2_gradient):
    rng = np.random.default_rng(707)
    cases = 0
    for n, d, l2 in [(9, 3, 0.0), (12, 4, 0.5), (1, 1, 2.0), (30, 2, 0.05)]:
        X = rng.normal(size=(n, d))
        t = (rng.random(n) < 0.5).astype(int)
        w, b = rng.normal(size=d), float(rng.normal())
        case = f"N = {n} samples, D = {d} features, l2 = {l2:g}"
        result = call(l2_gradient, w.copy(), b, X, t, l2, case=case)
        expect(
            isinstance(result, (tuple, list)) and len(result) == 2,
            case,
            "the result is not a pair (dw, db)",
            "return two things: the gradient with respect to w and the derivative with respect to b",
        )
        dw, db = np.asarray(result[0], dtype=float), np.asarray(result[1], dtype=float)
        expect(dw.shape == (d,), case, f"dw has shape {dw.shape}, not one entry per weight", "dw has the shape of w")
        expect(db.ndim == 0 or db.size == 1, case, "db is not a single number", "the bias is one number, so is its derivative")
        theta = np.r_[w, b]
        numeric = numerical_gradient(lambda v, d=d, X=X, t=t, l2=l2: logistic_cost(v[:d], v[d], X, t, l2=l2), theta)
        if not _close(db, numeric[d]):
            fail(
                case,
                "db disagrees with finite differences of the cost",
                "the bias is not penalized: db is the mean over samples of (y - t)",
            )
        if not _close(dw, numeric[:d]):
            plain = numerical_gradient(lambda v, b=b, X=X, t=t: logistic_cost(v, b, X, t), w)
            if l2 > 0 and _close(dw, plain):
                fail(case, "dw is the gradient without the penalty", "add the derivative of l2/2 ||w||^2 with respect to w")
            if n > 1 and _close(dw - l2 * w, n * plain):
                fail(case, "dw is N times too large", "the cost is a MEAN over the N samples, not a sum")
            fail(
                case,
                "dw disagrees with finite differences of the mean cross-entropy plus l2/2 ||w||^2",
                "y = sigmoid(X @ w + b); the data term is X^T (y - t) / N; differentiate l2/2 ||w||^2 once",
            )
        cases += 1
        if l2 > 0:
            again = call(l2_gradient, w.copy(), b, X, t, 2 * l2, case=case + ", then l2 doubled")
            expect(
                _close(again[1], db),
                case + ", then l2 doubled",
                "db changed with l2",
                "the penalty involves w only, never the bias b",
            )
    return cases


@public_check("Problem 2", "soft_threshold")
def check_soft_threshold(soft_threshold):
    w = np.array([-2.5, -1.0, -0.7, -0.3, -0.05, 0.0, 0.05, 0.3, 0.7, 1.0, 2.5])
    cases = 0
    for thr in (0.3, 1.0, 0.0, 4.0):
        case = f"w = [-2.5, -1, -0.7, -0.3, -0.05, 0, 0.05, 0.3, 0.7, 1, 2.5], thr = {thr:g}"
        out = np.asarray(call(soft_threshold, w.copy(), thr, case=case), dtype=float)
        expect(out.shape == w.shape, case, f"the result has shape {out.shape}, not the shape of w", "work elementwise, no sum")
        inside = np.abs(w) <= thr
        expect(
            np.all(out[inside] == 0.0),
            case,
            "some entries with |w| <= thr are not exactly 0",
            "inside the band the proximal step returns 0 itself, not a small number (max(., 0))",
        )
        outside = ~inside
        expect(
            np.all(np.sign(out[outside]) == np.sign(w[outside])),
            case,
            "an entry outside the band changed sign or became 0",
            "the step moves a weight towards 0 and stops at 0, it never crosses it",
        )
        expect(
            _close(np.abs(out[outside]), np.abs(w[outside]) - thr, rtol=1e-12, atol=1e-12),
            case,
            "entries outside the band are not moved towards 0 by exactly thr",
            "shrink the magnitude |w| by thr and keep the sign",
        )
        back = np.asarray(call(soft_threshold, -w, thr, case=case + " with w negated"), dtype=float)
        expect(
            _close(back, -out, rtol=0, atol=0),
            case + " with w negated",
            "f(-w) is not -f(w)",
            "the step is odd: it treats +w and -w alike",
        )
        cases += 2
    grid = np.array([[0.2, -1.5, 3.0, -0.1], [0.0, 0.9, -0.9, 10.0], [-2.0, 0.4, 0.6, -0.6]])
    case = "a 3 x 4 array of weights, thr = 0.5"
    out = np.asarray(call(soft_threshold, grid.copy(), 0.5, case=case), dtype=float)
    expect(
        out.shape == grid.shape,
        case,
        f"the result has shape {out.shape}, not (3, 4)",
        "use numpy elementwise functions, no loop over one axis",
    )
    expect(
        np.all((out == 0) == (np.abs(grid) <= 0.5))
        and _close(np.abs(out), np.maximum(np.abs(grid) - 0.5, 0), rtol=1e-12, atol=1e-12),
        case,
        "the 2-D result is not the elementwise step",
        "the same rule applies to every entry, whatever the shape of w",
    )
    return cases + 1


def _u_curve(strengths, centre, rng):
    return 0.35 + 0.04 * (np.log10(strengths) - centre) ** 2 + 0.002 * rng.random(strengths.size)


@public_check("Problem 3", "choose_strength")
def check_choose_strength(choose_strength):
    rng = np.random.default_rng(73)
    cases = []
    grid = np.logspace(-3, 0, 13)
    cases.append(("13 increasing strengths, a U-shaped development curve, tol = 0.01", grid, _u_curve(grid, -1.5, rng), 0.01))
    cases.append(("the same strengths and losses, tol = 0", grid, cases[0][2], 0.0))
    perm = rng.permutation(grid.size)
    cases.append(("13 strengths in shuffled order, tol = 0.02", grid[perm], _u_curve(grid, -2.0, rng)[perm], 0.02))
    tied = np.array([0.4, 0.3, 0.31, 0.3, 0.5])
    cases.append(
        (
            "strengths [0.001, 0.01, 0.1, 1, 10] whose losses tie at the minimum, tol = 0",
            np.array([1e-3, 1e-2, 1e-1, 1.0, 10.0]),
            tied,
            0.0,
        )
    )
    cases.append(
        ("13 decreasing strengths, tol = 1 (larger than every loss difference)", grid[::-1], _u_curve(grid, -1.0, rng)[::-1], 1.0)
    )
    for case, strengths, losses, tol in cases:
        got = call(choose_strength, strengths.copy(), losses.copy(), tol, case=case)
        expect(
            np.ndim(got) == 0 or np.size(got) == 1, case, "the result is not a single strength", "return one number from the grid"
        )
        got = float(np.ravel(got)[0])
        match = np.flatnonzero(strengths == got)
        expect(
            match.size == 1,
            case,
            "the result is not one of the strengths on the grid",
            "return an element of strengths, not an index or a loss",
        )
        good = losses <= losses.min() + tol
        expect(
            good[match[0]],
            case,
            "the chosen strength's development loss is more than tol above the minimum",
            "only strengths whose loss is at most min(dev_losses) + tol are allowed",
        )
        expect(
            not np.any(good & (strengths > got)),
            case,
            "a larger allowed strength exists",
            "of the allowed strengths take the largest one (the grid need not be sorted)",
        )
    return len(cases)


def _integrate(values, grid):
    return float(np.sum(np.diff(grid) * (values[1:] + values[:-1]) / 2))


@public_check("Problem 4", "neg_log_prior")
def check_neg_log_prior(neg_log_prior):
    rng = np.random.default_rng(74)
    cases = 0
    for prior in ("gaussian", "laplace"):
        for v in (1.0, 0.25, 3.0):
            case = f"prior = {prior!r}, variance = {v:g}"
            w1, w2 = rng.normal(size=5), rng.normal(size=5)
            f1 = call(neg_log_prior, w1.copy(), v, prior, case=case + ", w of 5 weights")
            expect(
                np.ndim(f1) == 0 or np.size(f1) == 1,
                case,
                "the result is not a single number",
                "-log p(w) of the whole vector is one number",
            )
            f1 = float(np.ravel(f1)[0])
            parts = sum(float(np.ravel(call(neg_log_prior, np.array([x]), v, prior, case=case))[0]) for x in w1)
            expect_close(
                f1,
                parts,
                case + ", w of 5 weights",
                "-log p(w) is not the sum of the weights' -log p(w_j)",
                "the weights are independent a priori: the densities multiply, their logs add",
                rtol=1e-9,
                atol=1e-9,
            )
            s = np.sqrt(v)
            grid = np.linspace(-20 * s, 20 * s, 2001)
            values = np.array(
                [call(neg_log_prior, np.array([x]), v, prior, case=case + ", one weight") for x in grid], dtype=float
            )
            density = np.exp(-values.ravel())
            total = _integrate(density, grid)
            second = _integrate(grid**2 * density, grid)
            expect(
                abs(total - 1) < 2e-3,
                case + ", one weight",
                "exp(-neg_log_prior) does not integrate to 1: the normalizing constant is missing or wrong",
                "-log p includes the log of the density's constant factor, not only the w-dependent term",
            )
            expect(
                abs(second / v - 1) < 2e-3,
                case + ", one weight",
                "the density does not have the requested variance",
                "work out the variance of your density, the integral of w^2 p(w), as a function of its scale, "
                "and set the scale so that it equals variance",
            )
            f2 = float(np.ravel(call(neg_log_prior, w2.copy(), v, prior, case=case))[0])
            if prior == "gaussian":
                diff = (w1 @ w1 - w2 @ w2) / (2 * v)
            else:
                diff = (np.abs(w1).sum() - np.abs(w2).sum()) / np.sqrt(v / 2)
            expect_close(
                f1 - f2,
                diff,
                case + ", two weight vectors",
                "the difference of -log p between two weight vectors is not that of the penalty",
                "Gaussian: a multiple of ||w||^2; Laplace: a multiple of ||w||_1; the rest is a constant",
                rtol=1e-6,
                atol=1e-9,
            )
            cases += 1
    return cases


@public_check("Problem 5", "sparsity")
def check_sparsity(sparsity):
    cases = [
        ("w = [0.0, 1.5, -0.0, 0.0, -2e-9, 3.0]", np.array([0.0, 1.5, -0.0, 0.0, -2e-9, 3.0])),
        ("w = [1e-300, 0.0]", np.array([1e-300, 0.0])),
        ("w of 4 zeros", np.zeros(4)),
        ("w = [0.3, -0.2, 5.0] (no zeros)", np.array([0.3, -0.2, 5.0])),
    ]
    for case, w in cases:
        result = call(sparsity, w.copy(), case=case)
        expect(
            isinstance(result, (tuple, list)) and len(result) == 2,
            case,
            "the result is not a pair (n_zeros, support)",
            "return two things",
        )
        n_zeros, support = result
        expect(
            np.ndim(n_zeros) == 0 and float(n_zeros) == int(n_zeros),
            case,
            "n_zeros is not a whole number",
            "count entries, do not average them",
        )
        support = np.asarray(support)
        expect(
            support.ndim == 1,
            case,
            "support is not a 1-D array of indices",
            "np.flatnonzero gives the indices of the non-zero entries",
        )
        expect(
            support.size == 0 or np.issubdtype(support.dtype, np.integer),
            case,
            "support is not made of integer indices (a boolean mask?)",
            "return the positions j with w_j != 0, not a True/False array",
        )
        expect(
            int(n_zeros) + support.size == w.size,
            case,
            "n_zeros plus the size of the support is not the number of weights",
            "every weight is either exactly zero or in the support",
        )
        expect(np.all(np.diff(support) > 0), case, "support is not increasing", "list the indices in increasing order, each once")
        expect(
            np.all(w[support] != 0),
            case,
            "the support holds an index whose weight is exactly 0 (-0.0 is 0 too)",
            "the support is where w_j != 0",
        )
        expect(
            int(n_zeros) == int(np.sum(w == 0)),
            case,
            "n_zeros is not the number of EXACT zeros",
            "a tiny weight like 1e-300 is not zero: compare with == 0, no tolerance",
        )
    return len(cases)
