"""Features made from a 1-D input (notebook 09)."""

from __future__ import annotations

import numpy as np

from ._validation import as_vector, check_positive_int

__all__ = ["polynomial_features"]


def polynomial_features(x, degree: int) -> np.ndarray:
    """Columns ``x, x^2, ..., x^degree`` of a 1-D input, shape (N, degree).

    No column of ones: the bias stays apart, fitted by the model.

    Examples
    --------
    >>> polynomial_features(np.array([2.0, 3.0]), 3).tolist()
    [[2.0, 4.0, 8.0], [3.0, 9.0, 27.0]]
    """
    x = as_vector(x, "x")
    return x[:, None] ** np.arange(1, check_positive_int(degree, "degree") + 1)
