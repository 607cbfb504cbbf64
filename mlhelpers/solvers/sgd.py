"""Mini-batch stochastic gradient descent on the logistic cost; one iteration is one epoch."""

from __future__ import annotations

import numpy as np

from ..losses import _logistic_cost, _logistic_gradient, _soft_threshold
from .result import SolverResult, warn_not_converged

__all__ = ["epoch_batches", "fit_logistic_sgd"]


def epoch_batches(rng, n, batch_size):
    """The index arrays of one epoch: a fresh random order of the n samples, cut into batches."""
    order = rng.permutation(n)
    return [order[start : start + batch_size] for start in range(0, n, batch_size)]


def fit_logistic_sgd(
    X, t, w, b, *, l2, l1, lr, max_iter, tol, batch_size, rng, l1_method="proximal", record_weights=False
) -> SolverResult:
    """Mini-batch SGD: a step on each batch's mean gradient, with a constant ``lr``.

    Each epoch visits the samples in a fresh random order (from ``rng``) in batches
    of ``batch_size`` (1 = plain SGD, N = batch descent). L1 as in
    :func:`~mlhelpers.solvers.gd.proximal_descent`. ``history`` holds the full-data
    cost after every epoch (``history[0]`` before the first); it stops when that
    cost changes by less than ``tol * max(1, cost)`` between epochs.
    """
    subgradient = l1 if l1_method == "subgradient" else 0.0
    history = [_logistic_cost(w, b, X, t, l2, l1)]
    path = [w.copy()] if record_weights else None
    converged = False
    for it in range(max_iter):
        for idx in epoch_batches(rng, X.shape[0], batch_size):
            dw, db = _logistic_gradient(w, b, X[idx], t[idx], l2, subgradient)
            w = _soft_threshold(w - lr * dw, lr * (l1 - subgradient))
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
        warn_not_converged("mini-batch SGD", max_iter, tol)
    return SolverResult.collect(w, b, history, it + 1, converged, path)
