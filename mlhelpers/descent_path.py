"""Every iterate of batch gradient descent on the logistic cost (notebook 06).

The taught loop, :func:`mlhelpers.gradient_descent`, on ``theta = (w, b)`` with the
textbook gradient of :mod:`mlhelpers.losses`; a slider over the number of steps then reads the path
instead of running the descent again.
"""

from __future__ import annotations

import numpy as np

from .functions import log_sigmoid
from .losses import _logistic_gradient  # the textbook gradient, without input checks per step
from .optimize import gradient_descent

__all__ = ["logistic_descent_path"]


def logistic_descent_path(X, t, *, lr: float, n_iter: int, l2: float = 0.0, w0=None, b0: float = 0.0):
    """``n_iter`` steps of gradient descent on :func:`mlhelpers.logistic_cost` from (w0, b0).

    Returns
    -------
    W : ndarray of shape (n_iter + 1, D); B : ndarray of shape (n_iter + 1,)
        Iterate k is ``(W[k], B[k])``; iterate 0 is the start.
    costs : ndarray of shape (n_iter + 1,)
        The cost (with its L2 term) at every iterate.
    """
    X, t = np.asarray(X, dtype=float), np.asarray(t, dtype=float)
    w = np.zeros(X.shape[1]) if w0 is None else np.array(w0, dtype=float)

    def gradient(theta):
        dw, db = _logistic_gradient(theta[:-1], theta[-1], X, t, l2)
        return np.append(dw, db)

    start = np.append(w, float(b0))
    if n_iter == 0:
        path = start[None, :]
    else:
        _, path = gradient_descent(gradient, start, lr=lr, n_steps=n_iter)
    W, B = path[:, :-1], path[:, -1]
    Z = W @ X.T + B[:, None]  # the logits of every sample at every iterate
    losses = -log_sigmoid(np.where(t == 1, Z, -Z))  # the cross-entropy of mlhelpers.logistic_cost, every iterate at once
    costs = losses.mean(axis=1) + 0.5 * l2 * np.sum(W**2, axis=1)
    return W, B, costs
