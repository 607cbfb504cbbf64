"""The logistic sigmoid and its logarithm, stable for every finite input.

The naive ``1 / (1 + np.exp(-z))`` overflows (with a warning) for z < -709 and
``np.log(sigmoid(z))`` returns ``-inf`` long before that. Both functions here only
ever exponentiate a non-positive number, so nothing overflows.
"""

from __future__ import annotations

import numpy as np

from ._validation import as_numeric

__all__ = ["log_sigmoid", "sigmoid"]


def _sigmoid(z: np.ndarray) -> np.ndarray:
    """sigma(z) without input checks; ``z`` a float array."""
    e = np.exp(-np.abs(z))  # in (0, 1]: never overflows
    return np.where(z >= 0, 1.0, e) / (1.0 + e)


def sigmoid(z):
    """Logistic sigmoid ``sigma(z) = 1 / (1 + exp(-z))``.

    Parameters
    ----------
    z : float or array_like
        Logits (any shape, finite).

    Returns
    -------
    float or ndarray
        Values in [0, 1], same shape as ``z``; a Python float for scalar input.

    Notes
    -----
    For z >= 0 it evaluates ``1 / (1 + exp(-z))``; for z < 0 the equal form
    ``exp(z) / (1 + exp(z))``, so the exponent is never positive. The relative error
    stays at machine precision even where sigma(z) is as small as 1e-300.

    Examples
    --------
    >>> sigmoid(0.0)
    0.5
    >>> f"{sigmoid(-40.0):.3e}"
    '4.248e-18'
    """
    arr = as_numeric(z, "z")
    out = _sigmoid(arr)
    return float(out) if out.ndim == 0 else out


def log_sigmoid(z):
    """``log(sigma(z)) = -log(1 + exp(-z))``, accurate for every finite ``z``.

    Parameters
    ----------
    z : float or array_like
        As in :func:`sigmoid`.

    Returns
    -------
    float or ndarray
        Values <= 0, same shape as ``z``; about ``z`` for very negative ``z``
        (``log_sigmoid(-1e4) == -1e4``), about ``-exp(-z)`` for large ``z``.

    Notes
    -----
    Computed as ``-np.logaddexp(0, -z)``, never as ``np.log(sigmoid(z))``.
    Its derivative is ``sigma(-z)`` (notebook 04). Also ``log(1 - sigma(z)) =
    log_sigmoid(-z)``.

    Examples
    --------
    >>> round(log_sigmoid(0.0), 6)
    -0.693147
    """
    arr = as_numeric(z, "z")
    out = -np.logaddexp(0.0, -arr)
    return float(out) if out.ndim == 0 else out
