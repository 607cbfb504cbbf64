"""One penalty type and strength for logistic regression (notebook 07)."""

from __future__ import annotations

import numpy as np

from ._validation import as_labels, as_matrix, check_choice, check_fraction, check_nonnegative
from .models import LogisticRegression

__all__ = ["PENALTIES", "penalty_strengths", "fit_regularized"]


PENALTIES = ("l2", "l1", "elasticnet")


def penalty_strengths(lam: float, penalty: str, *, l1_ratio: float = 0.5) -> tuple[float, float]:
    """Split one strength ``lam`` into ``(l2, l1)`` for a penalty type.

    ``"l2"`` gives ``(lam, 0)``, ``"l1"`` gives ``(0, lam)`` and ``"elasticnet"``
    gives ``((1 - l1_ratio) lam, l1_ratio lam)``, scikit-learn's ``l1_ratio``
    convention, so the cost is ``J + l2/2 ||w||^2 + l1 ||w||_1`` in every case.

    Examples
    --------
    >>> penalty_strengths(0.2, "elasticnet")
    (0.1, 0.1)
    """
    lam = check_nonnegative(lam, "lam")
    penalty = check_choice(penalty, "penalty", PENALTIES)
    if penalty == "l2":
        return lam, 0.0
    if penalty == "l1":
        return 0.0, lam
    r = check_fraction(l1_ratio, "l1_ratio")
    return (1.0 - r) * lam, r * lam


def fit_regularized(X, t, lam: float, penalty: str, *, l1_ratio: float = 0.5, max_iter: int = 20000, w0=None, b0: float = 0.0):
    """Logistic regression with one penalty type and strength, solved fast enough for a slider.

    ``"l2"`` uses Newton's method (a handful of iterations). ``"l1"`` and
    ``"elasticnet"`` use proximal gradient descent with the step ``lr = 1 / L``,
    where ``L = ||[X 1]||_2^2 / (4 N) + l2`` bounds the curvature of the smooth part
    of the cost (sigma' <= 1/4), the largest step that is guaranteed to descend.

    ``w0`` and ``b0`` start the solver (a warm start, e.g. from the fit at a
    nearby strength along a path; default zeros): the same optimum, fewer iterations.

    Returns
    -------
    mlhelpers.LogisticRegression
        Fitted; a :class:`mlhelpers.ConvergenceWarning` is raised as a warning if the
        solver hit ``max_iter`` (very small ``lam`` on separable data).
    """
    X = as_matrix(X)
    t = as_labels(t, "t", allowed=(0, 1), length=X.shape[0])
    l2, l1 = penalty_strengths(lam, penalty, l1_ratio=l1_ratio)
    if l1 == 0:
        return LogisticRegression(l2=l2, solver="newton", max_iter=100).fit(X, t, w0=w0, b0=b0)
    A = np.column_stack([X, np.ones(X.shape[0])])
    spectral2 = np.linalg.eigvalsh(A.T @ A)[-1]  # ||A||_2^2, from the (D+1) x (D+1) Gram matrix: cheaper than an SVD of A
    lr = 1.0 / (spectral2 / (4.0 * X.shape[0]) + l2)
    return LogisticRegression(l2=l2, l1=l1, solver="gd", lr=lr, max_iter=max_iter).fit(X, t, w0=w0, b0=b0)
