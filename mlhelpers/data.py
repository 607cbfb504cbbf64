"""Seeded toy data sets, the train/test split and standardization.

Every generator takes ``random_state`` (None, an int or a numpy Generator) and
draws only from ``np.random.default_rng``, so the same seed gives the same data on
any machine with the same numpy.
"""

from __future__ import annotations

import numpy as np

from ._validation import (
    as_matrix,
    as_numeric,
    as_vector,
    check_fraction,
    check_nonnegative,
    check_positive_int,
    rng_from,
)

__all__ = ["donut", "gaussian_clouds", "standardize", "train_test_indices", "train_test_split", "xor"]


def gaussian_clouds(n_per_class: int, *, mu0=(-2.0, -2.0), mu1=(2.0, 2.0), cov=None, cov1=None, random_state=0):
    """Two Gaussian classes, the course's "Gaussian clouds".

    Parameters
    ----------
    n_per_class : int >= 1
        Samples drawn from each class (N = 2 * n_per_class).
    mu0, mu1 : array_like of shape (D,)
        Class means; defaults (-2, -2) and (2, 2) as in the seed.
    cov : array_like of shape (D, D), optional
        Covariance of class 0 (and of class 1 unless ``cov1`` is given); identity
        by default.
    cov1 : array_like of shape (D, D), optional
        A different covariance for class 1 (the QDA setting).
    random_state : None, int or Generator

    Returns
    -------
    X : ndarray of shape (2 * n_per_class, D)
        Class 0 rows first, then class 1.
    t : ndarray of shape (2 * n_per_class,)
        Targets 0/1.

    Examples
    --------
    >>> X, t = gaussian_clouds(3, random_state=0)
    >>> X.shape, t.tolist()
    ((6, 2), [0, 0, 0, 1, 1, 1])
    """
    n = check_positive_int(n_per_class, "n_per_class")
    mu0 = as_vector(mu0, "mu0")
    mu1 = as_vector(mu1, "mu1", length=mu0.shape[0], length_of="mu0")
    d = mu0.shape[0]
    cov0 = np.eye(d) if cov is None else _covariance(cov, "cov", d)
    cov1 = cov0 if cov1 is None else _covariance(cov1, "cov1", d)
    rng = rng_from(random_state)
    X = np.vstack([rng.multivariate_normal(mu0, cov0, size=n), rng.multivariate_normal(mu1, cov1, size=n)])
    return X, np.repeat([0, 1], n)


def _covariance(cov, name, d):
    cov = as_matrix(cov, name)
    if cov.shape != (d, d):
        raise ValueError(f"{name} must have shape ({d}, {d}) to match the means, got {cov.shape}")
    if not np.allclose(cov, cov.T) or np.linalg.eigvalsh(cov).min() < 0:
        raise ValueError(f"{name} must be symmetric positive semi-definite")
    return cov


def xor(n_per_quadrant: int, *, noise: float = 0.3, random_state=0):
    """The XOR problem: four clusters at (+-1, +-1), class 1 where the signs differ.

    Returns ``X`` (4 n, 2) and 0/1 targets ``t``; no line separates the classes.
    """
    n = check_positive_int(n_per_quadrant, "n_per_quadrant")
    noise = check_nonnegative(noise, "noise")
    rng = rng_from(random_state)
    centres = np.array([[-1, -1], [1, 1], [-1, 1], [1, -1]], dtype=float)
    X = np.repeat(centres, n, axis=0) + noise * rng.standard_normal((4 * n, 2))
    return X, np.repeat([0, 0, 1, 1], n)


def donut(n_per_class: int, *, r_inner: float = 1.0, r_outer: float = 3.0, noise: float = 0.3, random_state=0):
    """Two concentric rings: class 0 inside (radius ``r_inner``), class 1 outside.

    Not linearly separable in (x1, x2), separable in the radius: a feature-map
    exercise.
    """
    n = check_positive_int(n_per_class, "n_per_class")
    noise = check_nonnegative(noise, "noise")
    rng = rng_from(random_state)
    radius = np.repeat([check_nonnegative(r_inner, "r_inner"), check_nonnegative(r_outer, "r_outer")], n)
    radius = radius + noise * rng.standard_normal(2 * n)
    angle = rng.uniform(0, 2 * np.pi, 2 * n)
    X = np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])
    return X, np.repeat([0, 1], n)


def train_test_indices(n_samples: int, *, test_size: float, random_state):
    """Shuffled row indices ``(train, test)`` for a split of ``n_samples`` rows.

    For data that is not a numeric matrix (a list of texts, say): index it with the
    returned arrays. ``test_size`` is the fraction of rows for the test set,
    rounded up as scikit-learn does; ``random_state`` is required (keyword-only),
    because a split that differs on every run makes results irreproducible.

    Examples
    --------
    >>> train, test = train_test_indices(4, test_size=0.25, random_state=0)
    >>> sorted(train.tolist() + test.tolist()), test.size
    ([0, 1, 2, 3], 1)
    """
    n = check_positive_int(n_samples, "n_samples")
    test_size = check_fraction(test_size, "test_size")
    n_test = int(np.ceil(test_size * n))
    if n_test >= n:
        raise ValueError(f"test_size={test_size:g} leaves no training rows out of N={n}")
    order = rng_from(random_state).permutation(n)
    return order[n_test:], order[:n_test]


def train_test_split(X, t, *, test_size: float, random_state):
    """Shuffle the rows of ``(X, t)`` and split off a test set.

    Parameters
    ----------
    X : array_like of shape (N, D)
    t : array_like of shape (N,)
    test_size : float in (0, 1)
        Fraction of the rows for the test set, rounded up (as scikit-learn does).
    random_state : None, int or Generator
        Required (see :func:`train_test_indices`, which does the shuffling).

    Returns
    -------
    X_train, X_test, t_train, t_test
        The same order of outputs as ``sklearn.model_selection.train_test_split``.
    """
    X = as_matrix(X)
    t = np.asarray(t)
    as_numeric(t, "t")
    if t.ndim != 1 or t.shape[0] != X.shape[0]:
        raise ValueError(f"t must be 1-D with one value per row of X ({X.shape[0]}), got shape {t.shape}")
    train, test = train_test_indices(X.shape[0], test_size=test_size, random_state=random_state)
    return X[train], X[test], t[train], t[test]


def standardize(X, *, mean=None, std=None):
    """z-scores ``(X - mean) / std``, column by column.

    Parameters
    ----------
    X : array_like of shape (N, D)
    mean, std : array_like of shape (D,), optional
        Statistics to apply; by default computed from ``X``. Fit them on the training
        set and pass them for the test set, so no test information leaks into
        training.

    Returns
    -------
    Z : ndarray of shape (N, D)
    mean, std : ndarray of shape (D,)
        A constant column has std 0; it is given std 1 (so it maps to 0) rather than
        producing NaN, as scikit-learn's ``StandardScaler`` does.

    Examples
    --------
    >>> Z, mean, std = standardize([[1.0, 5.0], [3.0, 5.0]])
    >>> Z.tolist(), mean.tolist(), std.tolist()
    ([[-1.0, 0.0], [1.0, 0.0]], [2.0, 5.0], [1.0, 1.0])
    """
    X = as_matrix(X)
    d = X.shape[1]
    if (mean is None) != (std is None):
        raise ValueError("pass both mean and std (from the training set), or neither")
    if mean is None:
        mean = X.mean(axis=0)
        std = X.std(axis=0)
        std = np.where(std == 0, 1.0, std)
    else:
        mean = as_vector(mean, "mean", length=d, length_of="X's columns")
        std = as_vector(std, "std", length=d, length_of="X's columns")
        if np.any(std <= 0):
            raise ValueError("std must be > 0 in every column")
    return (X - mean) / std, mean, std
