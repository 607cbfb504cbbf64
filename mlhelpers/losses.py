"""Losses, costs and their gradients, in the lectures' symbols.

Conventions:

* ``X`` has shape (N, D), one sample a row; ``w`` shape (D,); the bias ``b`` is a
  separate scalar, never a column of ones glued onto ``X``.
* A *cost* is the MEAN loss over the N samples plus the penalty
  ``l2/2 * ||w||^2 + l1 * ||w||_1``. The bias is never penalized.
* Logistic costs are computed from the logits ``z = X @ w + b``, never from
  probabilities, so they stay finite and accurate for any finite logit.

Mapping to scikit-learn: ``LogisticRegression(C=C)`` minimizes
``1/2 ||w||^2 + C * sum_n loss_n``, which is ``C * N`` times our cost with
``l2 = 1 / (C * N)``. Likewise ``penalty="l1"`` gives ``l1 = 1 / (C * N)`` and
elastic net with ``l1_ratio=r`` gives ``l1 = r / (C N)``, ``l2 = (1 - r) / (C N)``.
``Ridge(alpha=a)`` minimizes ``||Xw + b - t||^2 + a ||w||^2``, our squared-error
cost times ``2 N`` with ``l2 = a / N``.
"""

from __future__ import annotations

import numpy as np

from ._validation import (
    as_labels,
    as_matrix,
    as_numeric,
    as_vector,
    check_choice,
    check_nonnegative,
    check_weights,
)
from .functions import _sigmoid

__all__ = [
    "absolute_loss",
    "cross_entropy",
    "hinge_loss",
    "logistic_cost",
    "logistic_gradient",
    "penalty",
    "penalty_gradient",
    "soft_threshold",
    "squared_error_cost",
    "squared_error_gradient",
    "squared_loss",
    "zero_one_loss",
]

_REDUCTIONS = ("mean", "sum", "none")


def _reduce(values: np.ndarray, reduction: str):
    check_choice(reduction, "reduction", _REDUCTIONS)
    if reduction == "mean":
        return float(values.mean())
    if reduction == "sum":
        return float(values.sum())
    return float(values) if values.ndim == 0 else values


def _pair(t, y, t_name: str, y_name: str, allowed) -> tuple[np.ndarray, np.ndarray]:
    """Targets and outputs of the same shape (scalars or 1-D), checked."""
    t_arr = as_numeric(t, t_name)
    y_arr = as_numeric(y, y_name)
    if t_arr.shape != y_arr.shape or t_arr.ndim > 1:
        raise ValueError(
            f"{t_name} and {y_name} must be scalars or 1-D arrays of the same shape, "
            f"got {t_name} {t_arr.shape} and {y_name} {y_arr.shape} (no broadcasting)"
        )
    if allowed is not None:
        as_labels(t_arr.reshape(-1), t_name, allowed=allowed)
    return t_arr, y_arr


# --------------------------------------------------------------------- pointwise
def cross_entropy(t, y, *, reduction: str = "mean"):
    """Binary cross-entropy ``-[t log(y) + (1 - t) log(1 - y)]``.

    Parameters
    ----------
    t : {0, 1} or array_like of shape (N,)
        Targets.
    y : float or array_like of shape (N,)
        Predicted probabilities P(t = 1), in [0, 1].
    reduction : {"mean", "sum", "none"}
        Average over samples (default), add them up, or return one loss per sample.

    Returns
    -------
    float or ndarray
        The loss; ``inf`` where a certain prediction is wrong (t = 1, y = 0), which
        is the exact value, not an overflow. Only the term that ``t`` selects is
        evaluated, so t = 1, y = 1 gives exactly 0.

    Examples
    --------
    >>> [round(cross_entropy(1, y), 3) for y in (0.9, 0.5, 0.1)]
    [0.105, 0.693, 2.303]
    """
    t_arr, y_arr = _pair(t, y, "t", "y", (0, 1))
    if np.any((y_arr < 0) | (y_arr > 1)):
        raise ValueError("y must hold probabilities in [0, 1]; for logits use logistic_cost or log_sigmoid")
    chosen = np.where(t_arr == 1, y_arr, 1.0 - y_arr)
    with np.errstate(divide="ignore"):
        losses = -np.log(chosen) + 0.0  # + 0.0 turns -0.0 (a certain, right answer) into 0.0
    return _reduce(losses, reduction)


def squared_loss(t, y, *, reduction: str = "mean"):
    """Squared error ``(t - y)^2`` (mean over samples by default: the MSE)."""
    t_arr, y_arr = _pair(t, y, "t", "y", None)
    return _reduce((t_arr - y_arr) ** 2, reduction)


def absolute_loss(t, y, *, reduction: str = "mean"):
    """Absolute error ``|t - y|`` (mean over samples by default: the MAE)."""
    t_arr, y_arr = _pair(t, y, "t", "y", None)
    return _reduce(np.abs(t_arr - y_arr), reduction)


def hinge_loss(t, score, *, reduction: str = "mean"):
    """Hinge ``max(0, 1 - t * score)`` for targets ``t`` in {-1, +1}."""
    t_arr, s_arr = _pair(t, score, "t", "score", (-1, 1))
    return _reduce(np.maximum(0.0, 1.0 - t_arr * s_arr), reduction)


def zero_one_loss(t, score, *, reduction: str = "mean"):
    """The 0/1 loss ``1[t * score <= 0]`` for targets ``t`` in {-1, +1}.

    A score of exactly 0 counts as a mistake, as in the perceptron's update rule.
    """
    t_arr, s_arr = _pair(t, score, "t", "score", (-1, 1))
    return _reduce((t_arr * s_arr <= 0).astype(float), reduction)


# --------------------------------------------------------------------- penalties
def penalty(w, *, l2: float = 0.0, l1: float = 0.0) -> float:
    """``l2/2 * ||w||^2 + l1 * ||w||_1`` (the bias is never passed in)."""
    w = as_vector(w, "w")
    l2, l1 = check_nonnegative(l2, "l2"), check_nonnegative(l1, "l1")
    return float(0.5 * l2 * (w @ w) + l1 * np.abs(w).sum())


def penalty_gradient(w, *, l2: float = 0.0, l1: float = 0.0) -> np.ndarray:
    """(Sub)gradient ``l2 * w + l1 * sign(w)``, with sign(0) = 0 (one valid subgradient at 0)."""
    w = as_vector(w, "w")
    l2, l1 = check_nonnegative(l2, "l2"), check_nonnegative(l1, "l1")
    return l2 * w + l1 * np.sign(w)


def soft_threshold(w, threshold: float) -> np.ndarray:
    """Proximal step of the L1 penalty: ``sign(w) * max(|w| - threshold, 0)``.

    Gradient descent with L1 takes a plain gradient step on the smooth part, then
    this step with ``threshold = lr * l1``. Every weight within ``threshold`` of zero
    lands exactly on zero, instead of jittering around it as the sign(w)
    subgradient does.
    """
    return _soft_threshold(as_numeric(w, "w"), check_nonnegative(threshold, "threshold"))


def _soft_threshold(w, threshold):
    """:func:`soft_threshold` without input checks (what the solvers' proximal steps call)."""
    if threshold == 0:
        return w
    return np.sign(w) * np.maximum(np.abs(w) - threshold, 0.0)


# ------------------------------------------------------- logistic cost/gradient
def _check_problem(w, b, X, t, l2, l1, labels=(0, 1)):
    X = as_matrix(X)
    t = as_labels(t, "t", allowed=labels, length=X.shape[0]) if labels else None
    w, b = check_weights(w, b, X)
    return w, b, X, t, check_nonnegative(l2, "l2"), check_nonnegative(l1, "l1")


def _logistic_losses(z, t) -> np.ndarray:
    """Per-sample loss ``log(1 + exp(z)) - t z = -[t log sigma(z) + (1 - t) log(1 - sigma(z))]``.

    Written as ``(max(z, 0) - t z) + log1p(exp(-|z|))``: the exponent is never
    positive, so nothing overflows for any finite logit, and the bracket is exact
    for 0/1 targets (``|z|`` where the sign of z and t disagree, else 0), so a tiny
    loss keeps its relative precision.
    """
    return (np.maximum(z, 0.0) - t * z) + np.log1p(np.exp(-np.abs(z)))


def _weight_gradient(X, r, w, l2, l1=0.0) -> np.ndarray:
    """``X^T r / N + l2 w + l1 sign(w)``: the weight gradient from the residuals ``r = y - t``."""
    dw = X.T @ r
    dw /= X.shape[0]
    if l2:
        dw += l2 * w
    if l1:
        dw += l1 * np.sign(w)
    return dw


def _logistic_cost(w, b, X, t, l2, l1) -> float:
    """:func:`logistic_cost` without input checks."""
    data = np.mean(_logistic_losses(X @ w + b, t))
    return float(data + 0.5 * l2 * (w @ w) + l1 * np.abs(w).sum())


def _logistic_gradient(w, b, X, t, l2, l1=0.0) -> tuple[np.ndarray, float]:
    """:func:`logistic_gradient` without input checks."""
    r = _sigmoid(X @ w + b)
    r -= t  # residual y - t
    return _weight_gradient(X, r, w, l2, l1), float(r.mean())


def _logistic_cost_and_gradient(w, b, X, t, l2, *, residual=None) -> tuple[float, np.ndarray, float]:
    """:func:`_logistic_cost` and :func:`_logistic_gradient` (no L1) from one product ``z = X @ w + b``.

    What the solvers evaluate at every iterate up to 4,096 rows (_kernels.MIN_ROWS) (above, the blocked
    :func:`mlhelpers._kernels.cost_and_gradient` gives the same numbers). If ``residual`` (an array of
    length N) is given, the residuals ``sigma(z) - t`` are also written into it (Newton's method takes
    its Hessian weights from them, see :func:`_logistic_hessian`).
    """
    z = X @ w + b
    r = _sigmoid(z)
    r -= t
    if residual is not None:
        residual[:] = r
    cost = float(np.mean(_logistic_losses(z, t)) + 0.5 * l2 * (w @ w))
    return cost, _weight_gradient(X, r, w, l2), float(r.mean())


def _logistic_hessian(w, b, X, l2, *, s=None) -> np.ndarray:
    """Hessian of the smooth logistic cost in theta = (w, b), shape (D+1, D+1).

    ``H = [X 1]^T diag(s) [X 1] + l2 I_w`` with ``s = y (1 - y) / N`` and
    ``y = sigma(X @ w + b)``; the bias row and column are ``X^T s`` and ``sum(s)``
    (no column of ones is glued onto X), and the bias is not penalized. A solver
    that has just evaluated the gradient at (w, b) passes ``s`` itself, from the
    residuals r = y - t: ``y (1 - y) = |r| (1 - |r|)`` for t in {0, 1}, which saves
    a product with X.
    """
    if s is None:
        y = _sigmoid(X @ w + b)
        s = y * (1.0 - y) / X.shape[0]
    d = X.shape[1]
    H = np.empty((d + 1, d + 1))
    B = X * np.sqrt(s)[:, None]  # X^T diag(s) X = B^T B: numpy computes a product with its own transpose in half the work
    H[:d, :d] = B.T @ B
    H[:d, d] = H[d, :d] = X.T @ s
    H[d, d] = s.sum()
    H[np.arange(d), np.arange(d)] += l2
    return H


def logistic_cost(w, b, X, t, l2: float = 0.0, l1: float = 0.0) -> float:
    """Mean cross-entropy of logistic regression plus the penalty.

    ``J(w, b) = 1/N sum_n [log(1 + exp(z_n)) - t_n z_n] + l2/2 ||w||^2 + l1 ||w||_1``
    with logits ``z = X @ w + b``. The bracket equals
    ``-[t_n log sigma(z_n) + (1 - t_n) log(1 - sigma(z_n))]`` and is computed as
    ``(max(z_n, 0) - t_n z_n) + log1p(exp(-|z_n|))``, whose exponent is never
    positive, so it is finite for any finite logit.

    Parameters
    ----------
    w : array_like of shape (D,)
    b : float
    X : array_like of shape (N, D)
    t : array_like of shape (N,) with values in {0, 1}
    l2, l1 : float >= 0
        Penalty strengths (see the module docstring for scikit-learn's ``C``).

    Returns
    -------
    float

    Examples
    --------
    >>> round(logistic_cost([0.0], 0.0, [[1.0]], [1]), 6)  # log 2
    0.693147
    """
    return _logistic_cost(*_check_problem(w, b, X, t, l2, l1))


def logistic_gradient(w, b, X, t, l2: float = 0.0, l1: float = 0.0) -> tuple[np.ndarray, float]:
    """Gradient of :func:`logistic_cost` with respect to ``w`` and ``b``.

    ``dJ/dw = X^T (y - t) / N + l2 * w + l1 * sign(w)`` and
    ``dJ/db = mean(y - t)``, where ``y = sigma(X @ w + b)``: the seed-001 result
    ``X^T (Y - T)`` divided by N because our cost is a mean. At ``w_j = 0`` the L1
    term uses sign(0) = 0, one valid subgradient.

    Returns
    -------
    dw : ndarray of shape (D,)
    db : float

    Examples
    --------
    >>> dw, db = logistic_gradient([0.0], 0.0, [[2.0]], [1])
    >>> float(dw[0]), db
    (-1.0, -0.5)
    """
    return _logistic_gradient(*_check_problem(w, b, X, t, l2, l1))


# ---------------------------------------------------- squared-error cost/gradient
def _squared_error_cost(w, b, X, t, l2) -> float:
    r = X @ w + b - t
    return float(0.5 * np.mean(r * r) + 0.5 * l2 * (w @ w))


def _squared_error_gradient(w, b, X, t, l2) -> tuple[np.ndarray, float]:
    r = X @ w + b - t
    n = X.shape[0]
    return X.T @ r / n + l2 * w, float(r.sum() / n)


def _check_regression(w, b, X, t, l2):
    X = as_matrix(X)
    t = as_vector(t, "t", length=X.shape[0])
    w, b = check_weights(w, b, X)
    return w, b, X, t, check_nonnegative(l2, "l2")


def squared_error_cost(w, b, X, t, l2: float = 0.0) -> float:
    """Linear-regression cost ``1/(2N) ||X w + b - t||^2 + l2/2 ||w||^2``.

    The 1/2 makes the gradient clean; the seed's ``1/2 ||Xw - y||^2 + lambda/2
    ||w||^2`` is N times this with ``lambda = N * l2``.

    Examples
    --------
    >>> squared_error_cost([1.0], 0.0, [[1.0], [2.0]], [1.0, 4.0])
    1.0
    """
    return _squared_error_cost(*_check_regression(w, b, X, t, l2))


def squared_error_gradient(w, b, X, t, l2: float = 0.0) -> tuple[np.ndarray, float]:
    """Gradient of :func:`squared_error_cost`: ``X^T (Xw + b - t) / N + l2 w`` and the mean residual."""
    return _squared_error_gradient(*_check_regression(w, b, X, t, l2))
