"""Optimizers: gradient descent, mini-batch SGD, SAGA, Newton's method, L-BFGS; gradient checks.

:func:`gradient_descent` is the general tool of notebook 05 (any gradient
function). The ``fit_logistic_*`` functions are the solvers behind
:class:`mlhelpers.LogisticRegression`; they take checked arrays and never copy
``X`` (the bias is kept apart, so no column of ones is glued on).
"""

from __future__ import annotations

import warnings
from collections import deque

import numpy as np

from ._validation import as_numeric, check_positive, check_positive_int
from .functions import _sigmoid
from .losses import _logistic_cost

__all__ = [
    "ConvergenceWarning",
    "fit_logistic_gd",
    "fit_logistic_lbfgs",
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
            # Near the optimum the decrease falls below the cost's rounding error;
            # accept a step that leaves the cost flat to rounding and shrinks the slope
            # along the step (Hager & Zhang's approximate test, as in L-BFGS below).
            if cost_try <= cost + _FLAT * abs(cost) and abs(np.append(dw_try, db_try) @ step) <= abs(slope):
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


# ------------------------------------------------------------------------ L-BFGS
_C1, _C2 = 1e-4, 0.9  # Wolfe constants: sufficient decrease, curvature (Nocedal & Wright, section 3.1)
_MAX_EVALS = 20  # cost-and-gradient evaluations allowed per line search
_FLAT = 1e-13  # relative rise of the cost put down to rounding (see _wolfe_search)


def _cubic_minimizer(a, b):
    """Minimizer of the cubic matching value and slope at two trial points ``(alpha, f, slope)``; NaN if none.

    Nocedal & Wright, eq. 3.59.
    """
    (a0, f0, d0), (a1, f1, d1) = a[:3], b[:3]
    if a0 == a1:
        return np.nan
    d_1 = d0 + d1 - 3 * (f0 - f1) / (a0 - a1)
    radicand = d_1 * d_1 - d0 * d1
    if not radicand >= 0:
        return np.nan
    d_2 = np.copysign(np.sqrt(radicand), a1 - a0)
    denominator = d1 - d0 + 2 * d_2
    return a1 - (a1 - a0) * (d1 + d_2 - d_1) / denominator if denominator else np.nan


def _wolfe_search(evaluate, theta, f0, g0, direction, alpha):
    """Line search for a step meeting the strong Wolfe conditions (Nocedal & Wright, Alg. 3.5 and 3.6).

    With phi(a) = J(theta + a d) and phi'(a) its slope along d, a step ``a`` is
    accepted when

        sufficient decrease  phi(a) <= phi(0) + c1 a phi'(0)   (c1 = 1e-4), and
        curvature            |phi'(a)| <= c2 |phi'(0)|          (c2 = 0.9).

    The logistic cost is convex, so phi' only grows along the line; the search
    brackets a step between a short one (still descending steeply) and a long one
    (slope turned up, or too little decrease), starting from ``alpha`` and then
    extrapolating (2-5 times further) or interpolating (minimum of the cubic through
    both ends, kept away from them; else halving).

    Near the optimum the changes of the cost fall below its rounding error, while
    its slope is still accurate. There the slope test of Hager & Zhang (2005),
    ``phi'(a) <= (2 c1 - 1) phi'(0)``, stands in for the value test: for a convex
    phi it implies sufficient decrease exactly, so such a step lowers the true cost;
    its computed cost may only come out higher by rounding (at most ``_FLAT``
    relative).

    Returns ``(alpha, cost, gradient, theta_new)`` or None if no acceptable step
    was found within ``_MAX_EVALS`` evaluations, not even one that lowers the cost.
    """
    slope0 = g0 @ direction
    allowance = _FLAT * abs(f0)

    def trial(a):
        theta_a = theta + a * direction
        f_a, g_a = evaluate(theta_a)
        return a, f_a, g_a @ direction, g_a, theta_a

    def decreases(p):
        a, f_a, slope = p[:3]
        return f_a <= f0 + _C1 * a * slope0 or (slope <= (2 * _C1 - 1) * slope0 and f_a <= f0 + allowance)

    def flat_enough(p):
        return abs(p[2]) <= -_C2 * slope0

    lo, hi, best = (0.0, f0, slope0), None, None
    for _ in range(_MAX_EVALS):
        if hi is not None:  # a bracket [lo, hi] holds an acceptable step: interpolate (else alpha extrapolates)
            width = hi[0] - lo[0]
            alpha = _cubic_minimizer(lo, hi)
            left, right = sorted((lo[0] + 0.1 * width, hi[0] - 0.1 * width))
            if not left <= alpha <= right:
                alpha = lo[0] + 0.5 * width
        p = trial(alpha)
        if not np.isfinite(p[1]) or not decreases(p):
            hi = p  # too long
        elif flat_enough(p):
            return p[0], p[1], p[3], p[4]
        else:
            best = p if best is None or p[1] < best[1] else best
            if p[2] > 0:
                hi = p  # past the minimum along the line
            else:
                previous, lo = lo, p  # still descending steeply
                if hi is None:
                    step = _cubic_minimizer(previous, lo) - lo[0]
                    grown = lo[0] - previous[0]
                    alpha = lo[0] + (np.clip(step, 1.1 * grown, 4 * grown) if np.isfinite(step) else 4 * grown)
        if hi is not None and abs(hi[0] - lo[0]) <= 1e-12 * max(abs(lo[0]), abs(hi[0])):
            break
    return None if best is None else (best[0], best[1], best[3], best[4])


def _two_loop(g, pairs, gamma):
    """``H g`` for the L-BFGS inverse-Hessian approximation H (Nocedal & Wright, Alg. 7.4).

    ``pairs`` holds the last m ``(s, y, rho = 1 / s^T y)``, oldest first; the
    initial matrix is ``gamma I``.
    """
    q = g.copy()
    alphas = []
    for s, y, rho in reversed(pairs):
        a = rho * (s @ q)
        q -= a * y
        alphas.append(a)
    q *= gamma
    for (s, y, rho), a in zip(pairs, reversed(alphas)):
        q += (a - rho * (y @ q)) * s
    return q


def fit_logistic_lbfgs(X, t, w, b, *, l2, max_iter, tol, record_weights=False, memory=10):
    """Limited-memory BFGS (L-BFGS) on the smooth logistic cost, over theta = (w, b).

    Why it exists: Newton's method converges in a handful of steps but builds and
    solves the (D+1) x (D+1) Hessian at each, about D/4 gradients' worth of work;
    gradient descent needs only gradients but takes many more steps on a badly
    scaled cost. A quasi-Newton method sits in between: it learns the curvature
    from the gradients it has already seen, so it converges nearly as fast as Newton
    (superlinearly) at the price of gradients alone. L-BFGS is what scikit-learn's
    ``LogisticRegression`` uses by default (``solver="lbfgs"``). Notebook 06
    compares gradient descent and Newton's method; this is the in-between.

    The math (Nocedal & Wright, Numerical Optimization, ch. 7; Alg. 7.5). With g_k
    the gradient at theta_k:

        d_k = -H_k g_k                       (search direction)
        theta_{k+1} = theta_k + a_k d_k      (a_k from a strong Wolfe line search)
        s_k = theta_{k+1} - theta_k,  y_k = g_{k+1} - g_k

    H_k approximates the inverse Hessian. BFGS would update a dense matrix,
    ``H <- (I - rho s y^T) H (I - rho y s^T) + rho s s^T`` with rho = 1 / s^T y, so
    that ``H y = s`` (the secant equation: the new curvature matches the last step).
    L-BFGS never forms H: it keeps only the last ``memory`` pairs (s, y) and applies
    those updates, starting from ``gamma_k I`` with ``gamma_k = s^T y / y^T y`` of the
    newest pair (the curvature along the last step), to the vector g by the two-loop
    recursion (Alg. 7.4): O(memory * D) work. The first step, without any pair, is
    steepest descent with a first trial of length 1 (as in scipy's L-BFGS-B). A pair with ``s^T y <= eps y^T y``
    (no measurable curvature) is skipped, so that H stays positive definite; if the
    line search fails, the memory is cleared and it restarts from steepest descent.

    Every trial point of the line search costs one pass over X, which gives the
    cost and the gradient together; an accepted step therefore costs nothing more,
    and most steps are accepted at the first trial ``a = 1``. Stops when
    ``max |g| < tol`` (the same test as Newton's method). L1 is not differentiable:
    use ``solver="gd"`` or ``"saga"`` for it.

    Inputs are trusted (checked by the caller); returns
    ``(w, b, history, n_iter, converged, w_path)`` with ``history[k]`` the cost at
    iterate k (non-increasing, up to rounding near the optimum).
    """
    n, d = X.shape
    residual = np.empty(n)  # scratch space: saves _cost_and_gradient an N-long allocation per pass

    def evaluate(theta):
        cost, dw, db = _cost_and_gradient(theta[:d], theta[d], X, t, l2, residual=residual)
        return cost, np.append(dw, db)

    theta = np.append(w, b)
    cost, g = evaluate(theta)
    history = [cost]
    path = [w.copy()] if record_weights else None
    pairs, gamma = deque(maxlen=memory), 1.0
    converged, stalled = False, False
    for n_iter in range(max_iter + 1):  # n_iter = steps taken so far
        if np.max(np.abs(g)) < tol:
            converged = True
            break
        if n_iter == max_iter:
            break
        found = None
        while found is None:
            if pairs:
                direction, alpha = -_two_loop(g, pairs, gamma), 1.0
            else:
                direction, alpha = -g, 1.0 / np.linalg.norm(g)
            found = _wolfe_search(evaluate, theta, cost, g, direction, alpha)
            if found is None and not pairs:
                break
            if found is None:
                pairs.clear()  # a poor direction: forget the curvature and restart from steepest descent
        if found is None:
            stalled = True
            break
        _, cost_new, g_new, theta_new = found
        s, y = theta_new - theta, g_new - g
        sy, yy = s @ y, y @ y
        if sy > np.finfo(float).eps * yy:
            pairs.append((s, y, 1.0 / sy))
            gamma = sy / yy
        theta, cost, g = theta_new, cost_new, g_new
        history.append(cost)
        if path is not None:
            path.append(theta[:d].copy())
    if stalled:
        warnings.warn(
            f"L-BFGS stopped after {n_iter} iterations: no step lowers the cost any more (its changes are below "
            f"rounding) with max|gradient| = {np.max(np.abs(g)):.3g} still above tol={tol:g}; raise tol or standardize X",
            ConvergenceWarning,
            stacklevel=3,
        )
    elif not converged:
        _warn_not_converged("L-BFGS", max_iter, tol)
    return theta[:d].copy(), float(theta[d]), np.array(history), n_iter, converged, path


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
