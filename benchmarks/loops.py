"""Item 5: the lesson of notebook 04, loops against the vectorized gradient, for the record.

The three gradients are written as notebook 04 writes them: a Python loop over the
samples and the features, a loop over the samples with a vector operation each,
and ``X.T @ (sigmoid(X @ w + b) - t)``. All three give the same numbers (checked
here before timing).
"""

from __future__ import annotations

import numpy as np

import mlhelpers as mh

from .common import Row, alternate, median, si


def gradient_loop(w, b, X, t):
    N, D = X.shape
    dw, db = np.zeros(D), 0.0
    for n in range(N):
        a_n = b
        for i in range(D):
            a_n += w[i] * X[n, i]
        r_n = mh.sigmoid(a_n) - t[n]  # y_n - t_n
        for i in range(D):
            dw[i] += r_n * X[n, i]
        db += r_n
    return dw, db


def gradient_samples(w, b, X, t):
    dw, db = np.zeros(X.shape[1]), 0.0
    for x_n, t_n in zip(X, t):
        r_n = mh.sigmoid(x_n @ w + b) - t_n
        dw += r_n * x_n
        db += r_n
    return dw, db


def gradient_vectorized(w, b, X, t):
    r = mh.sigmoid(X @ w + b) - t  # Y - T, shape (N,)
    return X.T @ r, r.sum()


def run(quick: bool) -> list[Row]:
    n, d = (10**3, 10) if quick else (10**4, 10)
    rng = np.random.default_rng([5, n, d])
    X = rng.normal(size=(n, d))
    t = rng.integers(0, 2, size=n)
    w, b = 0.3 * rng.normal(size=d), 0.1
    ref = gradient_vectorized(w, b, X, t)
    for f in (gradient_loop, gradient_samples):
        dw, db = f(w, b, X, t)
        if not (np.allclose(dw, ref[0], rtol=1e-10, atol=1e-12) and np.isclose(db, ref[1], rtol=1e-10, atol=1e-12)):
            raise AssertionError(f"{f.__name__} disagrees with the vectorized gradient")
    funcs = {
        "loop": lambda: gradient_loop(w, b, X, t),
        "samples": lambda: gradient_samples(w, b, X, t),
        "vectorized": lambda: gradient_vectorized(w, b, X, t),
    }
    times = alternate(funcs, budget=1.0 if quick else 5.0, min_rounds=3, max_rounds=50)
    vec = median(times["vectorized"])
    label = f"N={si(n)} D={d}"
    return [
        Row(
            5,
            "double loop (nb 04) / vectorized gradient",
            label,
            median(times["loop"]) / vec,
            detail=f"vectorized {vec * 1e3:.3g} ms",
        ),
        Row(5, "loop over samples (nb 04) / vectorized", label, median(times["samples"]) / vec),
    ]
