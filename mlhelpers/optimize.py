"""Optimizers: gradient descent, mini-batch SGD, Newton's method; gradient checks.

:func:`gradient_descent` is the general tool of notebook 05 (any gradient
function). The ``fit_logistic_*`` functions are the solvers behind
:class:`mlhelpers.LogisticRegression`; they take checked arrays and never copy
``X`` (the bias is kept apart, so no column of ones is glued on).
"""

from __future__ import annotations

import warnings

import numpy as np

from ._validation import as_numeric, check_positive, check_positive_int
from .functions import _sigmoid
from .losses import _logistic_cost

__all__ = [
    "ConvergenceWarning",
    "fit_logistic_gd",
    "fit_logistic_newton",
    "fit_logistic_sgd",
    "gradient_check",
    "gradient_descent",
    "numerical_gradient",
]


class ConvergenceWarning(UserWarning):
    """An iterative solver stopped at its iteration limit before reaching ``tol``."""


# ---------------------------------------------------------------- gradient checks
def numerical_gradient(f, x, *, eps: float = 1e-6) -> np.ndarray:
    """Central-difference gradient ``(f(x + eps e_i) - f(x - eps e_i)) / (2 eps)``.

    Parameters
    ----------
    f : callable
        Scalar function of an array shaped like ``x``.
    x : array_like
        Point at which to differentiate (any shape).
    eps : float > 0
        Step. The error is O(eps^2) from truncation plus O(machine eps / eps) from
        rounding; 1e-6 balances the two for smooth costs of order one.

    Returns
    -------
    ndarray, same shape as ``x``

    Examples
    --------
    >>> g = numerical_gradient(lambda v: float(v @ v), np.array([1.0, -2.0]))
    >>> np.round(g, 6).tolist()
    [2.0, -4.0]
    """
    if not callable(f):
        raise TypeError(f"f must be callable, got {type(f).__name__}")
    x = as_numeric(x, "x").copy()
    eps = check_positive(eps, "eps")
    grad = np.empty_like(x)
    flat, gflat = x.reshape(-1), grad.reshape(-1)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + eps
        up = f(x)
        flat[i] = old - eps
        down = f(x)
        flat[i] = old
        gflat[i] = (up - down) / (2 * eps)
    return grad


def gradient_check(f, grad, x, *, eps: float = 1e-6) -> float:
    """Relative error ``||g - g_num|| / max(||g|| + ||g_num||, tiny)`` at ``x``.

    ``grad(x)`` is the analytic gradient, ``g_num`` the central difference of ``f``.
    Below about 1e-7 the analytic gradient is right.
    """
    g = as_numeric(grad(as_numeric(x, "x")), "grad(x)")
    g_num = numerical_gradient(f, x, eps=eps)
    if g.shape != g_num.shape:
        raise ValueError(f"grad(x) has shape {g.shape}, but x has shape {g_num.shape}")
    scale = max(np.linalg.norm(g) + np.linalg.norm(g_num), np.finfo(float).tiny)
    return float(np.linalg.norm(g - g_num) / scale)


# ------------------------------------------------------------- gradient descent
def gradient_descent(grad, w0, *, lr: float, n_steps: int, tol: float | None = None):
    """Plain gradient descent ``w <- w - lr * grad(w)``.

    Parameters
    ----------
    grad : callable
        Gradient of the function to minimize; takes and returns an array shaped
        like ``w0``.
    w0 : float or array_like
        Starting point.
    lr : float > 0
        Learning rate (step size, eta in seed 002).
    n_steps : int >= 1
        Maximum number of steps.
    tol : float > 0, optional
        Stop early once ``max |grad(w)| < tol``.

    Returns
    -------
    w : float or ndarray
        The last iterate (a float when ``w0`` is a scalar).
    history : ndarray of shape (n_taken + 1, *w0.shape)
        Every iterate, ``history[0] == w0``: the path to plot.

    Notes
    -----
    If an iterate overflows to infinity or NaN the descent has diverged (lr too
    large): it stops there with a ``RuntimeWarning``, and the history ends at the
    last finite iterate.

    Examples
    --------
    >>> w, hist = gradient_descent(lambda w: 2 * w, 20.0, lr=0.1, n_steps=3)
    >>> [round(float(v), 4) for v in hist]
    [20.0, 16.0, 12.8, 10.24]
    """
    if not callable(grad):
        raise TypeError(f"grad must be callable, got {type(grad).__name__}")
    w = as_numeric(w0, "w0").copy()
    lr = check_positive(lr, "lr")
    n_steps = check_positive_int(n_steps, "n_steps")
    tol = None if tol is None else check_positive(tol, "tol")
    path = [w.copy()]
    for step in range(1, n_steps + 1):
        g = np.asarray(grad(w), dtype=float)
        if g.shape != w.shape:
            raise ValueError(f"grad(w) returned shape {g.shape}, expected {w.shape} (the shape of w0)")
        if tol is not None and np.max(np.abs(g)) < tol:
            break
        with np.errstate(over="ignore", invalid="ignore"):
            w = w - lr * g
        if not np.all(np.isfinite(w)):
            warnings.warn(f"gradient descent diverged at step {step} (lr={lr:g} is too large)", RuntimeWarning, stacklevel=2)
            break
        path.append(w.copy())
    last = path[-1]
    return (float(last) if last.ndim == 0 else last), np.array(path)


# ------------------------------------------------------- logistic-regression solvers
_BLOCK_BYTES = 1 << 21  # X is swept in row blocks of about 2 MB once it is larger than 4 blocks


def _block_rows(n, d):
    """Rows per block of :func:`_cost_and_gradient`: all of X when it is small, else about 2 MB of it."""
    rows = max(4096, _BLOCK_BYTES // (8 * d))
    return n if n <= 4 * rows else rows


def _cost_and_gradient(w, b, X, t, l2, *, residual=None):
    """Smooth part of the logistic cost (mean cross-entropy + l2) and its gradient.

    One exponential per sample serves both: with z = X w + b, e = exp(-|z|) and
    h = 1 where z >= 0 (else 0),

        log(1 + exp(z)) - t z = z (h - t) + log1p(e),   sigma(z) = [1 or e] / (1 + e),

    where z (h - t) = max(z, 0) - t z is exact for 0/1 targets (|z| where the sign
    of z and t disagree, else 0). No exponent is ever positive, so nothing overflows
    for any finite logit. Large X is swept in row blocks of a few MB, so each block
    is still in cache for ``X_block^T r`` right after ``X_block w``, and every
    temporary is a block long. X is never copied.

    Returns ``(cost, dw, db)``; if ``residual`` (an array of length N) is given,
    the residuals ``sigma(z) - t`` are also written into it.
    """
    n, d = X.shape
    rows = _block_rows(n, d)
    z, e, m = np.empty(rows), np.empty(rows), np.empty(rows)
    r = np.empty(rows) if residual is None else None
    data, r_sum, dw = 0.0, 0.0, None
    for start in range(0, n, rows):
        Xb, tb = X[start : start + rows], t[start : start + rows]
        k = Xb.shape[0]
        zb, eb, mb = z[:k], e[:k], m[:k]
        rb = r[:k] if residual is None else residual[start : start + k]
        np.matmul(Xb, w, out=zb)
        zb += b
        np.greater_equal(zb, 0.0, out=rb)  # h = 1.0 where z >= 0, else 0.0
        np.subtract(rb, tb, out=mb)
        data += zb @ mb  # sum of z (h - t) = max(z, 0) - t z: terms >= 0, each exact
        np.abs(zb, out=eb)
        np.negative(eb, out=eb)
        np.exp(eb, out=eb)  # e = exp(-|z|) in (0, 1]
        np.log1p(eb, out=mb)
        data += mb.sum()
        np.maximum(eb, rb, out=rb)  # 1 where z >= 0, else e
        eb += 1.0
        rb /= eb  # sigma(z)
        rb -= tb  # residual y - t
        r_sum += rb.sum()
        if dw is None:
            dw = rb @ Xb
        else:
            dw += rb @ Xb
    dw /= n
    if l2:
        dw += l2 * w
    return float(data / n + 0.5 * l2 * (w @ w)), dw, float(r_sum / n)


def _l1_step(w, dw, lr, l1, l1_method):
    if l1 and l1_method == "subgradient":
        return w - lr * (dw + l1 * np.sign(w))
    w = w - lr * dw
    if l1:
        np.multiply(np.sign(w), np.maximum(np.abs(w) - lr * l1, 0.0), out=w)  # soft-thresholding
    return w


def _warn_not_converged(name, max_iter, tol):
    warnings.warn(
        f"{name} stopped after max_iter={max_iter} iterations without reaching tol={tol:g}; "
        "raise max_iter, tune lr, or standardize X",
        ConvergenceWarning,
        stacklevel=4,
    )


def fit_logistic_gd(X, t, w, b, *, l2, l1, lr, max_iter, tol, l1_method="proximal", record_weights=False):
    """Batch gradient descent (proximal for L1) on the logistic cost.

    Each iteration: ``w <- w - lr * dJ_smooth/dw``, then, for L1, soft-thresholding
    ``w <- sign(w) max(|w| - lr l1, 0)`` (``l1_method="proximal"``), or the seed's
    ``w <- w - lr (dJ/dw + l1 sign(w))`` (``"subgradient"``, which jitters around 0
    and so rarely meets ``tol``). Stops when the step's gradient mapping
    ``max(|w_old - w_new|, |b_old - b_new|) / lr`` falls below ``tol``.

    Inputs are trusted (checked by the caller); returns
    ``(w, b, history, n_iter, converged, w_path)`` with ``history[k]`` the full cost
    at iterate k.
    """
    history, path = [], [w.copy()] if record_weights else None
    converged = False
    for it in range(max_iter):
        cost, dw, db = _cost_and_gradient(w, b, X, t, l2)
        history.append(cost + l1 * np.abs(w).sum())
        w_new = _l1_step(w, dw, lr, l1, l1_method)
        b_new = b - lr * db
        step = max(np.max(np.abs(w_new - w)), abs(b_new - b)) / lr
        w, b = w_new, b_new
        if path is not None:
            path.append(w.copy())
        if not np.isfinite(step):
            raise FloatingPointError(f"gradient descent diverged at iteration {it + 1}; lower lr (now {lr:g})")
        if step < tol:
            converged = True
            break
    history.append(_logistic_cost(w, b, X, t, l2, l1))
    if not converged:
        _warn_not_converged("gradient descent", max_iter, tol)
    return w, b, np.array(history), it + 1, converged, path


def fit_logistic_sgd(X, t, w, b, *, l2, l1, lr, max_iter, tol, batch_size, rng, l1_method="proximal", record_weights=False):
    """Mini-batch stochastic gradient descent; one iteration is one epoch.

    Each epoch visits the samples in a fresh random order (from ``rng``) in batches
    of ``batch_size`` (1 = plain SGD, N = batch descent) and steps on each batch's
    mean gradient with a constant ``lr``. ``history`` holds the full-data cost after
    every epoch (``history[0]`` before the first); it stops when that cost changes
    by less than ``tol * max(1, cost)`` between epochs.
    """
    n = X.shape[0]
    batch_size = min(batch_size, n)
    history = [_logistic_cost(w, b, X, t, l2, l1)]
    path = [w.copy()] if record_weights else None
    converged = False
    for it in range(max_iter):
        order = rng.permutation(n)
        for start in range(0, n, batch_size):
            idx = order[start : start + batch_size]
            _, dw, db = _cost_and_gradient(w, b, X[idx], t[idx], l2)
            w = _l1_step(w, dw, lr, l1, l1_method)
            b -= lr * db
        if path is not None:
            path.append(w.copy())
        history.append(_logistic_cost(w, b, X, t, l2, l1))
        if not np.isfinite(history[-1]):
            raise FloatingPointError(f"SGD diverged in epoch {it + 1}; lower lr (now {lr:g})")
        if abs(history[-2] - history[-1]) < tol * max(1.0, abs(history[-1])):
            converged = True
            break
    if not converged:
        _warn_not_converged("mini-batch SGD", max_iter, tol)
    return w, b, np.array(history), it + 1, converged, path


_HESSIAN_BLOCK_BYTES = 1 << 20  # about 1 MB of scaled rows at a time: Newton's extra memory stays O(1 MB + N)


def _hessian(X, s, l2):
    """Hessian of the smooth cost in (w, b), with s = sigma'(z) / N; X is never copied whole.

    Each block of rows is scaled by sqrt(s) into a buffer ``B = [X_block 1] * sqrt(s)``
    of about 1 MB (it stays in cache), and ``B^T B`` (a symmetric rank-k update, half
    the work of a general product) adds the block's share of every entry, the bias
    row and column included.
    """
    n, d = X.shape
    H = np.zeros((d + 1, d + 1))
    rows = min(n, max(16, _HESSIAN_BLOCK_BYTES // (8 * (d + 1))))
    buf, root = np.empty((rows, d + 1)), np.empty(rows)
    for start in range(0, n, rows):
        Xc = X[start : start + rows]
        k = Xc.shape[0]
        B, rc = buf[:k], root[:k]
        np.sqrt(s[start : start + k], out=rc)
        np.multiply(Xc, rc[:, None], out=B[:, :d])
        B[:, d] = rc
        H += B.T @ B
    H[np.arange(d), np.arange(d)] += l2
    return H


def fit_logistic_newton(X, t, w, b, *, l2, max_iter, tol, record_weights=False):
    """Newton's method with a backtracking (Armijo) line search.

    Each iteration solves ``H step = -g`` for the joint (w, b) gradient ``g`` and
    Hessian ``H = [X 1]^T diag(y (1 - y)) [X 1] / N + l2 I_w`` (built block by
    block, so X is never copied whole nor given a column of ones), then halves the step
    until the cost decreases enough. Converges quadratically near the optimum: a
    handful of iterations where gradient descent takes hundreds. Stops when
    ``max |g| < tol``. L1 is not smooth: use ``solver="gd"`` for it.

    Each trial point of the line search is evaluated with its gradient and its
    residuals ``y - t`` in one pass, so an accepted step costs no further pass
    over X: the next gradient and the Hessian weights
    ``y (1 - y) = |y - t| (1 - |y - t|)`` (for t in {0, 1}) are already there.
    """
    n = X.shape[0]
    history = []
    path = [w.copy()] if record_weights else None
    converged = False
    r, r_try = np.empty(n), np.empty(n)
    cost, dw, db = _cost_and_gradient(w, b, X, t, l2, residual=r)
    for n_iter in range(max_iter + 1):  # n_iter = Newton steps taken so far
        history.append(cost)
        g = np.append(dw, db)
        if np.max(np.abs(g)) < tol:
            converged = True
            break
        if n_iter == max_iter:
            break
        s = np.abs(r, out=r)
        s -= s * s
        s /= n
        H = _hessian(X, s, l2)
        try:
            step = np.linalg.solve(H, -g)
        except np.linalg.LinAlgError:  # singular: separable data without a penalty
            step = np.linalg.lstsq(H, -g, rcond=None)[0]
        slope = g @ step
        alpha = 1.0
        for _ in range(50):
            w_try, b_try = w + alpha * step[:-1], b + alpha * step[-1]
            cost_try, dw_try, db_try = _cost_and_gradient(w_try, b_try, X, t, l2, residual=r_try)
            if cost_try <= cost + 1e-4 * alpha * slope:
                break
            alpha /= 2
        w, b = w_try, float(b_try)
        cost, dw, db = cost_try, dw_try, db_try
        r, r_try = r_try, r
        if path is not None:
            path.append(w.copy())
    if not converged:
        _warn_not_converged("Newton's method", max_iter, tol)
    return w, b, np.array(history), n_iter, converged, path


def fit_logistic_saga(X, t, w, b, *, l2, l1, lr, max_iter, tol, batch_size, rng, record_weights=False):
    """Mini-batch SAGA: stochastic gradient descent with variance reduction.

    Plain SGD with a constant ``lr`` never settles: its batch gradients stay noisy at
    the optimum, so it hovers in a neighbourhood of size O(lr). SAGA (Defazio, Bach
    & Lacoste-Julien 2014) keeps each sample's last residual ``y_n - t_n`` and steps
    on ``X_B^T (r_new - r_old) / |B| + (average of all stored gradients)``: an
    unbiased estimate whose noise vanishes as the stored residuals converge, so a
    constant ``lr`` reaches the exact optimum (L1 by the proximal step). Memory: one
    float per sample. A safe ``lr`` is about ``1 / (3 L_max)`` with
    ``L_max = max_n (||x_n||^2 + 1) / 4 + l2``.

    One iteration is one epoch. ``history`` holds the full cost after every epoch
    (``history[0]`` before the first); it stops when the full proximal gradient
    mapping ``max |w - prox(w - lr grad)| / lr`` (and the bias gradient) is below
    ``tol``, the same test as batch gradient descent.
    """
    n = X.shape[0]
    batch_size = min(batch_size, n)
    residual = _sigmoid(X @ w + b) - t
    avg_w, avg_b = X.T @ residual / n, residual.mean()
    history = [_logistic_cost(w, b, X, t, l2, l1)]
    path = [w.copy()] if record_weights else None
    converged = False
    for it in range(max_iter):
        order = rng.permutation(n)
        for start in range(0, n, batch_size):
            idx = order[start : start + batch_size]
            Xb = X[idx]
            new = _sigmoid(Xb @ w + b) - t[idx]
            delta = new - residual[idx]
            g_w = Xb.T @ delta / idx.size + avg_w + l2 * w
            g_b = delta.mean() + avg_b
            avg_w += Xb.T @ delta / n
            avg_b += delta.sum() / n
            residual[idx] = new
            w = _prox(w - lr * g_w, lr * l1)
            b -= lr * g_b
        cost, dw, db = _cost_and_gradient(w, b, X, t, l2)
        history.append(cost + l1 * np.abs(w).sum())
        if path is not None:
            path.append(w.copy())
        if not np.isfinite(history[-1]):
            raise FloatingPointError(f"SAGA diverged in epoch {it + 1}; lower lr (now {lr:g})")
        mapping = max(np.max(np.abs(w - _prox(w - lr * dw, lr * l1))) / lr, abs(db))
        if mapping < tol:
            converged = True
            break
    if not converged:
        _warn_not_converged("SAGA", max_iter, tol)
    return w, b, np.array(history), it + 1, converged, path


def _prox(w, threshold):
    """Soft-thresholding, the proximal step of ``threshold * ||w||_1`` (identity at 0)."""
    if threshold == 0:
        return w
    return np.sign(w) * np.maximum(np.abs(w) - threshold, 0.0)
