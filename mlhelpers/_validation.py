"""Input checks shared by every public function of :mod:`mlhelpers`.

Each checker returns a clean float64 (or int) array, or raises a ``ValueError`` /
``TypeError`` whose message names the argument, says what was expected and what
arrived, and where it helps, how to fix it. Nothing is silently cast, broadcast,
clipped or dropped.
"""

from __future__ import annotations

import numbers

import numpy as np

_NUMERIC_KINDS = "biuf"

# Labels are returned in the platform's index type (int64 on 64-bit CPython, int32 in
# browser Python on wasm32), because they go straight into np.bincount and fancy
# indexing, which cast to np.intp with the "safe" rule and refuse int64 on 32-bit
# platforms. tests/test_bad_input.py simulates such a platform by patching this.
LABEL_DTYPE = np.dtype(np.intp)


def as_numeric(value, name: str, *, allow_empty: bool = False) -> np.ndarray:
    """Return ``value`` as a finite float64 array of any shape."""
    if isinstance(value, str | bytes):
        raise TypeError(f"{name} must be numeric, got a {type(value).__name__}")
    try:
        arr = np.asarray(value)
    except (ValueError, TypeError) as exc:  # ragged lists
        raise TypeError(f"{name} must be a numeric array, got {type(value).__name__} ({exc})") from None
    if arr.dtype.kind not in _NUMERIC_KINDS:
        raise TypeError(f"{name} must be numeric, got an array of dtype {arr.dtype}")
    if not allow_empty and arr.size == 0:
        raise ValueError(f"{name} is empty (shape {arr.shape}); at least one value is needed")
    arr = arr.astype(np.float64, copy=False)
    # A finite sum proves every entry finite without an N x D temporary (as
    # scikit-learn does); only an infinite or NaN sum (or an overflowing one) needs
    # the element-wise look.
    with np.errstate(over="ignore", invalid="ignore"):
        total = arr.sum()
    if not np.isfinite(total):
        finite = np.isfinite(arr)
        if not finite.all():
            bad = int(finite.size - np.count_nonzero(finite))
            raise ValueError(f"{name} contains {bad} NaN or infinite value(s); clean or impute them first")
    return arr


def as_matrix(X, name: str = "X") -> np.ndarray:
    """Return ``X`` as a finite float64 matrix of shape (N, D), N >= 1, D >= 1."""
    arr = as_numeric(X, name, allow_empty=True)
    if arr.ndim != 2:
        hint = f" Try {name}.reshape(-1, 1) for a single feature." if arr.ndim == 1 else ""
        raise ValueError(f"{name} must be a 2-D array of shape (N, D), got {arr.ndim}-D shape {arr.shape}.{hint}")
    if arr.shape[0] == 0 or arr.shape[1] == 0:
        raise ValueError(f"{name} is empty (shape {arr.shape}); it needs at least one row and one column")
    return arr


def as_vector(v, name: str, *, length: int | None = None, length_of: str = "X") -> np.ndarray:
    """Return ``v`` as a finite float64 vector of shape (length,)."""
    arr = as_numeric(v, name, allow_empty=True)
    if arr.ndim != 1:
        hint = f" Try {name}.ravel()." if arr.ndim == 2 and 1 in arr.shape else ""
        raise ValueError(f"{name} must be a 1-D array, got shape {arr.shape}.{hint}")
    if arr.size == 0:
        raise ValueError(f"{name} is empty; at least one value is needed")
    if length is not None and arr.shape[0] != length:
        raise ValueError(f"{name} has length {arr.shape[0]} but {length_of} has {length}; they must match")
    return arr


def as_labels(t, name: str = "t", *, allowed=(0, 1), length: int | None = None, length_of: str = "X") -> np.ndarray:
    """Return targets as an int vector whose values all lie in ``allowed``.

    Bool arrays count as 0/1. Float arrays are accepted only if every value is
    exactly one of ``allowed`` (so ``np.array([0., 1.])`` works, ``0.5`` does not).
    """
    arr = as_vector(t, name, length=length, length_of=length_of)
    bad = ~np.isin(arr, allowed)
    if bad.any():
        found = np.unique(arr[bad])[:5]
        shown = ", ".join(f"{x:g}" for x in found)
        raise ValueError(
            f"{name} must contain only the labels {tuple(allowed)}, found {shown}"
            + (" (the perceptron uses -1/+1: try 2 * t - 1)" if tuple(allowed) == (-1, 1) else "")
            + (" (logistic regression uses 0/1: try (t + 1) // 2)" if tuple(allowed) == (0, 1) else "")
        )
    return arr.astype(LABEL_DTYPE)


def as_scalar(value, name: str) -> float:
    """Return a finite real number as float."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        if isinstance(value, np.ndarray) and value.ndim == 0 and value.dtype.kind in "iuf":
            value = value.item()
        else:
            raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value}")
    return value


def check_positive(value, name: str) -> float:
    """A real number > 0 (learning rates, tolerances, step sizes)."""
    value = as_scalar(value, name)
    if value <= 0:
        raise ValueError(f"{name} must be > 0, got {value:g}")
    return value


def check_nonnegative(value, name: str) -> float:
    """A real number >= 0 (penalty strengths)."""
    value = as_scalar(value, name)
    if value < 0:
        raise ValueError(f"{name} must be >= 0, got {value:g}")
    return value


def check_positive_int(value, name: str) -> int:
    """An integer >= 1 (iteration counts, batch sizes)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {type(value).__name__}")
    if value < 1:
        raise ValueError(f"{name} must be >= 1, got {value}")
    return int(value)


def check_fraction(value, name: str) -> float:
    """A real number strictly between 0 and 1."""
    value = as_scalar(value, name)
    if not 0 < value < 1:
        raise ValueError(f"{name} must lie strictly between 0 and 1, got {value:g}")
    return value


def check_choice(value, name: str, choices) -> str:
    """One of a fixed set of option strings."""
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, choices))}; got {value!r}")
    return value


def check_weights(w, b, X) -> tuple[np.ndarray, float]:
    """Check a weight vector of length D (the columns of ``X``) and a scalar bias."""
    w = as_vector(w, "w", length=X.shape[1], length_of="X's number of columns D")
    return w, as_scalar(b, "b")


def rng_from(random_state) -> np.random.Generator:
    """A numpy Generator from None, an int seed or a Generator."""
    if isinstance(random_state, np.random.Generator):
        return random_state
    if random_state is None or (isinstance(random_state, numbers.Integral) and not isinstance(random_state, bool)):
        return np.random.default_rng(random_state)
    raise TypeError(f"random_state must be None, an int or a numpy Generator, got {type(random_state).__name__}")
