"""Item 3: peak memory that ``LogisticRegression.fit`` adds, as a multiple of the size of X.

Measured with :mod:`tracemalloc`, which sees every numpy array allocation: the peak
of traced memory during ``fit`` minus what was traced just before it (X and t
themselves are not counted; everything ``fit`` allocates on top of them is). Each
solver runs a few iterations: the pattern of allocations repeats every iteration,
so the peak is reached in the first.
"""

from __future__ import annotations

import gc
import tracemalloc
import warnings

import numpy as np

from mlhelpers import LogisticRegression
from mlhelpers.optimize import ConvergenceWarning

from .common import Row, si

GOAL = 1.25
L2 = 1e-3
SETTINGS = {
    "newton": dict(solver="newton", max_iter=3),
    "gd": dict(solver="gd", lr=1.0, max_iter=3),
    "sgd": dict(solver="sgd", lr=0.01, batch_size=64, max_iter=1, random_state=0),
    "saga": dict(solver="saga", lr=0.01, batch_size=64, max_iter=1, random_state=0),
}


def peak_added(fit) -> int:
    """Bytes: peak traced memory while ``fit()`` runs, above what was traced before."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        fit()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak - before


def run(quick: bool) -> list[Row]:
    n, d = (10**4, 10) if quick else (10**6, 10)
    rng = np.random.default_rng([3, n, d])
    X = rng.standard_normal((n, d))
    t = (X @ rng.standard_normal(d) + rng.standard_normal(n) > 0).astype(np.int64)
    rows = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # deliberate: a few iterations are enough here
        for name, settings in SETTINGS.items():
            model = LogisticRegression(l2=L2, tol=1e-300, **settings)
            added = peak_added(lambda model=model: model.fit(X, t))
            rows.append(
                Row(
                    3,
                    f"peak memory added by fit ({name}) / X.nbytes",
                    f"N={si(n)} D={d}",
                    added / X.nbytes,
                    goal=GOAL,
                    detail=f"{added / 2**20:.1f} MiB over X's {X.nbytes / 2**20:.1f} MiB",
                )
            )
    return rows
