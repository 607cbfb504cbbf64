"""Batch gradient descent, with a proximal step for L1: the loop behind every ``solver="gd"``."""

from __future__ import annotations

import numpy as np

from ..losses import _soft_threshold
from .objective import LogisticObjective
from .result import SolverResult, warn_not_converged

__all__ = ["fit_logistic_gd", "proximal_descent"]


def proximal_descent(smooth, w, b, *, l1, lr, max_iter, tol, l1_method="proximal", record_weights=False) -> SolverResult:
    """Gradient descent on ``smooth(w, b) + l1 ||w||_1`` from ``(w, b)``.

    ``smooth(w, b)`` returns ``(cost, dJ/dw, dJ/db)`` of the differentiable part.
    Each iteration: ``w <- w - lr * dJ/dw``, ``b <- b - lr * dJ/db``, then, for L1,
    soft-thresholding ``w <- sign(w) max(|w| - lr l1, 0)`` (``l1_method="proximal"``),
    or the seed's ``w <- w - lr (dJ/dw + l1 sign(w))`` (``"subgradient"``, which
    jitters around 0 and so rarely meets ``tol``). Stops when the step's gradient
    mapping ``max(|w_old - w_new|, |b_old - b_new|) / lr`` falls below ``tol``
    (without L1: the largest gradient entry). ``history[k]`` is the full cost at
    iterate k.
    """
    history, path = [], [w.copy()] if record_weights else None
    converged = False
    for it in range(max_iter):
        cost, dw, db = smooth(w, b)
        history.append(cost + l1 * np.abs(w).sum())
        if l1 and l1_method == "subgradient":
            w_new = w - lr * (dw + l1 * np.sign(w))
        else:
            w_new = _soft_threshold(w - lr * dw, lr * l1)
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
    history.append(smooth(w, b)[0] + l1 * np.abs(w).sum())
    if not converged:
        warn_not_converged("gradient descent", max_iter, tol)
    return SolverResult.collect(w, b, history, it + 1, converged, path)


def fit_logistic_gd(X, t, w, b, *, l2, l1, lr, max_iter, tol, l1_method="proximal", record_weights=False) -> SolverResult:
    """:func:`proximal_descent` on the logistic cost; inputs are trusted (checked by the caller)."""
    smooth = LogisticObjective(X, t, l2).cost_and_gradient
    return proximal_descent(
        smooth, w, b, l1=l1, lr=lr, max_iter=max_iter, tol=tol, l1_method=l1_method, record_weights=record_weights
    )
