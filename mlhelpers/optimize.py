"""The taught tools of optimization: gradient descent and the gradient check.

:func:`gradient_descent` is the general tool of notebook 05 (any gradient
function); :func:`numerical_gradient` and :func:`gradient_check` test a derived
gradient against central differences (notebook 04). The solvers behind
:class:`mlhelpers.LogisticRegression` are in :mod:`mlhelpers.solvers`.
"""

from __future__ import annotations

import warnings

import numpy as np

from ._validation import as_numeric, check_positive, check_positive_int

__all__ = [
    "ConvergenceWarning",
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
        Learning rate (step size, often written eta).
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
