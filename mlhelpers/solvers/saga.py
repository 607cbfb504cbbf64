"""Mini-batch SAGA: stochastic gradient descent with variance reduction."""

from __future__ import annotations

import numpy as np

from ..functions import _sigmoid
from ..losses import _logistic_cost, _soft_threshold
from .objective import LogisticObjective
from .result import SolverResult, warn_not_converged
from .sgd import epoch_batches

__all__ = ["fit_logistic_saga"]


def fit_logistic_saga(X, t, w, b, *, l2, l1, lr, max_iter, tol, batch_size, rng, record_weights=False) -> SolverResult:
    """Mini-batch SAGA (Defazio, Bach & Lacoste-Julien 2014); one iteration is one epoch.

    Plain SGD with a constant ``lr`` never settles: its batch gradients stay noisy at
    the optimum, so it hovers in a neighbourhood of size O(lr). SAGA keeps each
    sample's last residual ``y_n - t_n`` and steps on
    ``X_B^T (r_new - r_old) / |B| + (average of all stored gradients)``: an
    unbiased estimate whose noise vanishes as the stored residuals converge, so a
    constant ``lr`` reaches the exact optimum (L1 by the proximal step). Memory: one
    float per sample. A safe ``lr`` is about ``1 / (3 L_max)`` with
    ``L_max = max_n (||x_n||^2 + 1) / 4 + l2``.

    ``history`` holds the full cost after every epoch (``history[0]`` before the
    first); it stops when the full proximal gradient mapping
    ``max |w - prox(w - lr grad)| / lr`` (and the bias gradient) is below ``tol``,
    the same test as batch gradient descent.
    """
    n = X.shape[0]
    smooth = LogisticObjective(X, t, l2).cost_and_gradient
    residual = _sigmoid(X @ w + b) - t
    avg_w, avg_b = X.T @ residual / n, residual.mean()
    history = [_logistic_cost(w, b, X, t, l2, l1)]
    path = [w.copy()] if record_weights else None
    converged = False
    for it in range(max_iter):
        for idx in epoch_batches(rng, n, batch_size):
            Xb = X[idx]
            new = _sigmoid(Xb @ w + b) - t[idx]
            delta = new - residual[idx]
            g_w = Xb.T @ delta / idx.size + avg_w + l2 * w
            g_b = delta.mean() + avg_b
            avg_w += Xb.T @ delta / n
            avg_b += delta.sum() / n
            residual[idx] = new
            w = _soft_threshold(w - lr * g_w, lr * l1)
            b -= lr * g_b
        cost, dw, db = smooth(w, b)
        history.append(cost + l1 * np.abs(w).sum())
        if path is not None:
            path.append(w.copy())
        if not np.isfinite(history[-1]):
            raise FloatingPointError(f"SAGA diverged in epoch {it + 1}; lower lr (now {lr:g})")
        mapping = max(np.max(np.abs(w - _soft_threshold(w - lr * dw, lr * l1))) / lr, abs(db))
        if mapping < tol:
            converged = True
            break
    if not converged:
        warn_not_converged("SAGA", max_iter, tol)
    return SolverResult.collect(w, b, history, it + 1, converged, path)
