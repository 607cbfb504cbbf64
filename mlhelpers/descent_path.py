"""Every iterate of batch gradient descent on the logistic cost (notebook 06).

The taught loop, :func:`mlhelpers.gradient_descent`, on ``theta = (w, b)`` with the
textbook gradient of :mod:`mlhelpers.losses`. A slider over the number of steps then
reads the path, or continues it from its last iterate (:func:`descent_steps`), instead
of running the descent again.
"""

from __future__ import annotations

import numpy as np

from ._validation import check_positive, check_positive_int
from .functions import log_sigmoid
from .losses import _logistic_gradient  # the textbook gradient, without input checks per step
from .optimize import gradient_descent

__all__ = ["descent_steps", "logistic_descent_path", "path_costs"]


def descent_steps(X, t, theta, *, lr: float, n_steps: int, l2: float = 0.0) -> np.ndarray:
    """The ``n_steps`` iterates after ``theta = (w, b)``, one per row (``X``, ``t``
    float arrays, no checks): :func:`mlhelpers.gradient_descent` on the logistic
    cost's gradient. Fewer if an iterate overflows (its ``RuntimeWarning``).
    Continuing a path from its last iterate gives the very numbers of one longer run."""

    def gradient(th):
        dw, db = _logistic_gradient(th[:-1], th[-1], X, t, l2)
        return np.append(dw, db)

    _, path = gradient_descent(gradient, theta, lr=lr, n_steps=n_steps)
    return path[1:]


def path_costs(X, t, W, B, l2: float = 0.0) -> np.ndarray:
    """The logistic cost (with its L2 term) at every iterate ``(W[k], B[k])``, all at once."""
    Z = W @ X.T + B[:, None]  # the logits of every sample at every iterate
    losses = -log_sigmoid(np.where(t == 1, Z, -Z))  # the cross-entropy of mlhelpers.logistic_cost, every iterate at once
    return losses.mean(axis=1) + 0.5 * l2 * np.sum(W**2, axis=1)


def logistic_descent_path(X, t, *, lr: float, n_iter: int, l2: float = 0.0, w0=None, b0: float = 0.0):
    """``n_iter`` steps of gradient descent on :func:`mlhelpers.logistic_cost` from (w0, b0).

    Returns
    -------
    W : ndarray of shape (n_iter + 1, D); B : ndarray of shape (n_iter + 1,)
        Iterate k is ``(W[k], B[k])``; iterate 0 is the start.
    costs : ndarray of shape (n_iter + 1,)
        The cost (with its L2 term) at every iterate.

    Notes
    -----
    Each step is :func:`mlhelpers.losses.logistic_gradient` followed by
    ``theta <- theta - lr * grad``, as in :func:`mlhelpers.gradient_descent`; like
    it, a run whose iterate overflows stops there with a ``RuntimeWarning`` (the
    arrays then end at the last finite iterate).
    """
    X, t = np.asarray(X, dtype=float), np.asarray(t, dtype=float)
    w = np.zeros(X.shape[1]) if w0 is None else np.array(w0, dtype=float)
    path = np.append(w, float(b0))[None, :]
    if n_iter != 0:
        lr = check_positive(lr, "lr")
        n_iter = check_positive_int(n_iter, "n_steps")
        path = np.vstack([path, descent_steps(X, t, path[0], lr=lr, n_steps=n_iter, l2=l2)])
    W, B = path[:, :-1], path[:, -1]
    return W, B, path_costs(X, t, W, B, l2)
