"""Public checks of notebook 09's problem set: least squares and ridge by solving (never
inverting), R^2 and the noise-column experiment, one SGD step with L2, and the constant
that minimizes the absolute error."""

from __future__ import annotations

from contextlib import contextmanager

import numpy as np

from ..exercises import _Failure, call, expect, expect_close, fail, public_check
from ..optimize import numerical_gradient

__all__ = [
    "check_least_squares",
    "check_mae_constant",
    "check_r2_noise",
    "check_ridge",
    "check_sgd_step",
    "forbidden",
]


class _Forbidden(RuntimeError):
    pass


@contextmanager
def forbidden(*names: str, hint: str):
    """Inside the block, ``np.linalg.inv`` (``"linalg.inv"``), ``np.median`` (``"median"``) or
    ``mh.LinearRegression.fit`` (``"LinearRegression.fit"``) raise; a check that calls the
    student's answer there reports ``hint``."""
    from ..models import LinearRegression

    saved = []
    for name in names:
        owner = np.linalg if name.startswith("linalg.") else LinearRegression if name.startswith("LinearRegression") else np
        attr = name.split(".")[-1]
        saved.append((owner, attr, getattr(owner, attr)))

        def refuse(*args, _name=name, **kwargs):
            raise _Forbidden(f"{'mh' if _name.startswith('L') else 'np'}.{_name} is switched off in this check")

        setattr(owner, attr, refuse)
    try:
        yield
    except _Failure as f:
        if "is switched off in this check" in f.problem:
            fail(f.case, f"it called a function this problem rules out ({f.problem.split(': ', 1)[-1]})", hint)
        raise
    finally:
        for owner, attr, original in saved:
            setattr(owner, attr, original)


_NO_INVERSE = (
    "write the fit yourself (not mh.LinearRegression) and solve the linear system with np.linalg.solve "
    "(or np.linalg.lstsq on the data): never form an inverse"
)
_RULED_OUT = ("linalg.inv", "LinearRegression.fit")


def _pair(got, case, d):
    try:
        w, b = got
    except (TypeError, ValueError):
        fail(case, "the result is not a pair (w, b)", "return w, b: the weight vector and the bias")
    w = np.asarray(w, dtype=float)
    expect(
        w.shape == (d,),
        case,
        f"w has shape {w.shape}, not one weight per feature ({d},)",
        "keep the bias apart from w: w has D entries, b is one number",
    )
    expect(np.ndim(b) == 0, case, "b is not a single number", "the bias is one number, added to every output")
    return w, float(b)


def _regression_data(seed, n, d, offset=3.0):
    g = np.random.default_rng(seed)
    X = g.normal(size=(n, d)) + offset * g.uniform(-1, 1, size=d)  # features not centred
    t = X @ g.normal(size=d) + 2.5 + 0.3 * g.normal(size=n)
    return X, t


def _expect_shift_moves_only_b(fit, X, t, *args, case, hint):
    """Shifting every target by 10 leaves ``w`` alone and adds 10 to ``b``:
    ``fit(X, t + 10, *args)`` against ``fit(X, t, *args)``."""
    d = X.shape[1]
    w, b = _pair(call(fit, X, t, *args, case=case), case, d)
    w_up, b_up = _pair(call(fit, X, t + 10.0, *args, case=case), case, d)
    expect(
        np.allclose(w, w_up, rtol=1e-6, atol=1e-8) and np.isclose(b_up, b + 10.0, rtol=1e-6),
        case,
        "shifting every target by 10 did not just add 10 to b",
        hint,
    )


def _stationary(X, t, w, b, l2, case):
    """The mean-form cost's gradient at (w, b) is zero (relative to its scale at w = 0)."""
    n = X.shape[0]
    r = X @ w + b - t
    scale = np.linalg.norm(X.T @ t) / n + abs(t.mean()) + 1.0
    gb = r.mean()
    expect(
        abs(gb) <= 1e-8 * scale,
        case,
        "the derivative of the cost with respect to b is not zero at your (w, b)",
        "at the minimum the mean residual X w + b - t is zero: the bias matches the means",
    )
    gw = X.T @ r / n + l2 * w
    return bool(np.linalg.norm(gw) <= 1e-8 * scale)


# ------------------------------------------------------------------ Problem 1
@public_check("Problem 1", "least_squares")
def check_least_squares(least_squares):
    cases = [(91, 30, 4), (92, 12, 1), (93, 200, 7)]
    with forbidden(*_RULED_OUT, hint=_NO_INVERSE):
        for seed, n, d in cases:
            X, t = _regression_data(seed, n, d)
            case = f"{n} samples with {d} features, not centred"
            w, b = _pair(call(least_squares, X.copy(), t.copy(), case=case), case, d)
            expect(np.all(np.isfinite(w)) and np.isfinite(b), case, "the result is not finite", "no division by zero")
            expect(
                _stationary(X, t, w, b, 0.0, case),
                case,
                "the gradient of the cost with respect to w is not zero at your w (not a minimum)",
                "solve the normal equations of the centred data, or lstsq on X with a column of ones",
            )
        X, t = _regression_data(94, 25, 3)
        _expect_shift_moves_only_b(
            least_squares, X, t, case="targets shifted by +10", hint="the bias is not penalized and is fitted too"
        )
    return len(cases) + 1


# ------------------------------------------------------------------ Problem 2
@public_check("Problem 2", "ridge")
def check_ridge(ridge):
    cases = [(81, 40, 5, 0.1), (82, 15, 2, 2.0), (83, 10, 25, 0.05)]  # the last has D > N
    with forbidden(*_RULED_OUT, hint=_NO_INVERSE):
        for seed, n, d, l2 in cases:
            X, t = _regression_data(seed, n, d)
            case = f"{n} samples with {d} features, l2 = {l2}"
            w, b = _pair(call(ridge, X.copy(), t.copy(), l2, case=case), case, d)
            expect(np.all(np.isfinite(w)) and np.isfinite(b), case, "the result is not finite", "no division by zero")
            if not _stationary(X, t, w, b, l2, case):
                n_l2 = X.T @ (X @ w + b - t) + l2 * w  # the sum-form data term with the mean-form l2
                wrong_scale = np.linalg.norm(n_l2) <= 1e-8 * (np.linalg.norm(X.T @ t) + 1)
                fail(
                    case,
                    "the gradient of the mean-form cost is not zero at your w (not its minimum)",
                    "the data term is a MEAN over the N samples and the penalty is not: write the gradient "
                    "of J, set it to zero, and see what multiplies the identity"
                    if wrong_scale
                    else "set the gradient of J = mean squared error / 2 + l2/2 ||w||^2 to zero and solve for w",
                )
        X, t = _regression_data(84, 30, 3)
        case = "the same data with l2 = 0 and l2 = 1"
        w0, _ = _pair(call(ridge, X, t, 0.0, case=case), case, 3)
        w1, _ = _pair(call(ridge, X, t, 1.0, case=case), case, 3)
        expect(np.linalg.norm(w1) < np.linalg.norm(w0), case, "the penalty did not shrink w", "a larger l2 makes ||w|| smaller")
        _expect_shift_moves_only_b(
            ridge,
            X,
            t,
            1.0,
            case="targets shifted by +10, l2 = 1",
            hint="the bias must not be penalized: centre X and t, or leave b out of the penalty",
        )
    return len(cases) + 2


# ------------------------------------------------------------------ Problem 3
def _lstsq_fit(X, t):
    Xa = np.column_stack([X, np.ones(len(X))])
    coef = np.linalg.lstsq(Xa, t, rcond=None)[0]
    return coef[:-1], coef[-1]


def _r2(t, y):
    return 1.0 - np.sum((t - y) ** 2) / np.sum((t - t.mean()) ** 2)


def _number(got, case, what):
    expect(np.ndim(got) == 0, case, f"{what} is not a single number", "R^2 sums over all samples: one number")
    return float(got)


@public_check("Problem 3", "r2 and noise_r2")
def check_r2_noise(r2, noise_r2):
    g = np.random.default_rng(71)
    t = g.normal(2.0, 3.0, size=20)
    y = t + g.normal(size=20)
    case = "predictions equal to the mean of the targets"
    expect(
        abs(_number(call(r2, t, np.full(20, t.mean()), case=case), case, "r2")) < 1e-9,
        case,
        "R^2 of the mean predictor is not 0",
        "R^2 = 1 - (squared error of y) / (squared error of predicting the mean), both summed the same way",
    )
    case = "predictions equal to the targets"
    expect(
        abs(_number(call(r2, t, t.copy(), case=case), case, "r2") - 1.0) < 1e-12,
        case,
        "R^2 of a perfect fit is not 1",
        "the numerator is the squared error of the predictions",
    )
    case = "predictions worse than the mean (the targets reversed in sign around their mean)"
    expect(
        _number(call(r2, t, 2 * t.mean() - t, case=case), case, "r2") < 0,
        case,
        "R^2 is not negative for a predictor worse than the mean",
        "R^2 = 1 - (its error)/(error of the mean)",
    )
    case = "20 noisy predictions"
    got = _number(call(r2, t, y, case=case), case, "r2")
    expect_close(
        got,
        _r2(t, y),
        case,
        "the value is not 1 - SSE/SST",
        "sum, not mean, in both numerator and denominator (or mean in both); t-bar is the mean of t",
        rtol=1e-9,
    )
    case = "targets and predictions shifted by 100 and scaled by 3"
    got2 = _number(call(r2, 3 * t + 100, 3 * y + 100, case=case), case, "r2")
    expect_close(got, got2, case, "R^2 changed", "R^2 does not depend on the units of t", rtol=1e-9)

    X, X_te = g.normal(size=(30, 2)), g.normal(size=(200, 2))
    t, t_te = X @ [1.5, -1.0] + 0.5 + g.normal(size=30), X_te @ [1.5, -1.0] + 0.5 + g.normal(size=200)
    noise, noise_te = g.normal(size=(30, 20)), g.normal(size=(200, 20))
    train = []
    for k in range(0, 21, 4):
        case = f"30 training samples, 2 features, k = {k} noise columns"
        got = call(noise_r2, X, t, X_te, t_te, noise, noise_te, k, case=case)
        try:
            tr, te = got
        except (TypeError, ValueError):
            fail(case, "the result is not a pair (train R^2, test R^2)", "return r2_train, r2_test")
        tr, te = _number(tr, case, "the training R^2"), _number(te, case, "the test R^2")
        w, b = _lstsq_fit(np.c_[X, noise[:, :k]], t)
        ref_tr = _r2(t, np.c_[X, noise[:, :k]] @ w + b)
        ref_te = _r2(t_te, np.c_[X_te, noise_te[:, :k]] @ w + b)
        expect_close(
            tr,
            ref_tr,
            case,
            "the training R^2 is not that of the least-squares fit",
            "fit least squares with a bias on X with the first k noise columns appended, score on the same data",
            rtol=1e-6,
            atol=1e-9,
        )
        expect_close(
            te,
            ref_te,
            case,
            "the test R^2 is not that of the fitted model on the test set",
            "append the first k columns of noise_test to X_test, use the weights fitted on the training set, "
            "and the test targets' own mean in R^2",
            rtol=1e-6,
            atol=1e-9,
        )
        train.append(tr)
    expect(
        np.all(np.diff(train) >= -1e-12),
        "k = 0, 4, ..., 20",
        "the training R^2 fell when columns were added",
        "least squares can always set a new column's weight to 0",
    )
    return 5 + len(train)


# ------------------------------------------------------------------ Problem 4
def _one_sample_cost(w, b, x, t, l2):
    return 0.5 * (w @ x + b - t) ** 2 + 0.5 * l2 * (w @ w)


@public_check("Problem 4", "sgd_step")
def check_sgd_step(sgd_step):
    g = np.random.default_rng(61)
    n_cases = 0
    for d, lr, l2 in [(3, 0.05, 0.0), (4, 0.01, 0.3), (1, 0.2, 1.5)]:
        w, b = g.normal(size=d), float(g.normal())
        x, tn = g.normal(size=d), float(g.normal())
        case = f"one step, D = {d}, lr = {lr}, l2 = {l2}, b = {b:.2f}"
        w_before = w.copy()
        got = call(sgd_step, w, b, x, tn, lr, l2, case=case)
        expect(
            np.array_equal(w, w_before),
            case,
            "your step changed the w it was given",
            "return a new vector (w - ...), do not update w in place",
        )
        w_new, b_new = _pair(got, case, d)
        grad = numerical_gradient(lambda v, d=d, x=x, tn=tn, l2=l2: _one_sample_cost(v[:d], v[d], x, tn, l2), np.r_[w, b])
        gw, gb = grad[:d], grad[d]
        expect_close(
            w_new,
            w - lr * gw,
            case,
            "the new w is not w - lr times the gradient of the one-sample cost (finite differences)",
            "differentiate (1/2)(w.x + b - t)^2 + (l2/2)||w||^2 with respect to w",
            rtol=1e-5,
            atol=1e-7,
        )
        expect_close(
            b_new,
            b - lr * gb,
            case,
            "the new b is not b - lr times the derivative of the one-sample cost (finite differences)",
            "the bias is not penalized: its derivative is the residual alone",
            rtol=1e-5,
            atol=1e-7,
        )
        n_cases += 1
    # averaged over the samples, the steps follow the full gradient of the mean-form cost
    X, t = _regression_data(62, 8, 3)
    w, b, lr, l2 = g.normal(size=3), 0.5, 0.01, 0.2
    case = "8 samples, l2 = 0.2: the mean of the 8 one-sample steps"
    steps = [_pair(call(sgd_step, w.copy(), b, X[n], t[n], lr, l2, case=case), case, 3) for n in range(8)]
    mean_w = np.mean([s[0] for s in steps], axis=0)
    r = X @ w + b - t
    expect_close(
        (w - mean_w) / lr,
        X.T @ r / 8 + l2 * w,
        case,
        "averaged over the samples, your step is not the gradient of the mean-form cost",
        "each one-sample step carries l2 itself (not N * l2): the mean of the steps must be the full gradient",
        rtol=1e-6,
        atol=1e-9,
    )
    # the fixed point for one sample, with the bias held at 0, is the one-sample ridge solution
    x, tn, l2 = np.array([1.5, -0.5]), 2.0, 0.4
    case = "one sample x = (1.5, -0.5), t = 2, l2 = 0.4, b held at 0, 400 steps of lr = 0.3"
    w = np.zeros(2)
    for _ in range(400):
        w, _ = _pair(call(sgd_step, w, 0.0, x, tn, 0.3, l2, case=case), case, 2)
    expect_close(
        w,
        x * tn / (x @ x + l2),
        case,
        "repeated steps do not settle at the minimum of the one-sample cost",
        "at a fixed point the bracket of the step is zero",
        rtol=1e-6,
    )
    return n_cases + 2


# ------------------------------------------------------------------ Problem 5
def _mae(t, c):
    return float(np.mean(np.abs(t - c)))


_NO_MEDIAN = "find the constant from the MAE itself (evaluate it where it can be smallest): library statistics are off here"


@public_check("Problem 5", "mae_constant")
def check_mae_constant(mae_constant):
    g = np.random.default_rng(51)
    samples = {
        "15 skewed targets (exponential)": g.exponential(2.0, size=15),
        "10 targets (an even number)": g.normal(size=10),
        "21 targets with an outlier at 1000": np.append(g.normal(size=20), 1000.0),
        "a single target 4.2": np.array([4.2]),
    }
    with forbidden("median", "percentile", "quantile", "nanmedian", hint=_NO_MEDIAN):
        for case, t in samples.items():
            c = call(mae_constant, t.copy(), case=case)
            expect(np.ndim(c) == 0, case, "the result is not one number", "the model predicts one constant c")
            c = float(c)
            candidates = np.concatenate([t, (t[:, None] + t[None, :]).ravel() / 2, [t.mean()]])
            best = min(_mae(t, v) for v in candidates)
            expect(
                _mae(t, c) <= best + 1e-12 * (1 + best),
                case,
                "another constant has a smaller MAE",
                "the MAE is piecewise linear in c with kinks at the targets: its minimum is at a kink",
            )
    return len(samples)
