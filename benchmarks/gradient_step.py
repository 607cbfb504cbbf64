"""Item 1: the gradient step as ``fit`` runs it, against its floor.

The floor is the two matrix-vector products no logistic gradient can avoid,
``X @ w`` and ``X.T @ r``, on the same X. The step is
``mlhelpers.solvers.LogisticObjective.cost_and_gradient``, what every iteration of
``fit`` calls once the inputs have been validated (once per fit): cost, gradient and
bias gradient, from the textbook formulas of ``mlhelpers.losses`` up to 4,096 rows (_kernels.MIN_ROWS)
and from the blocked kernel of ``mlhelpers._kernels`` (one exponential per sample)
above. The public ``logistic_gradient``
validates its inputs on every call (a pass over X for NaN/inf, the labels checked);
its ratio is reported beside it for the record.
"""

from __future__ import annotations

import numpy as np

from mlhelpers import logistic_gradient, sigmoid
from mlhelpers.solvers import LogisticObjective

from .common import Row, alternate, median, si

L2 = 1e-3
GOALS = {10: 1.5, 100: 1.1}  # D -> largest passing ratio


def make_problem(n: int, d: int, seed: int = 1):
    """Standard normal features, labels drawn from a logistic model, a fixed residual vector."""
    rng = np.random.default_rng([seed, n, d])
    X = rng.standard_normal((n, d))
    w = rng.standard_normal(d) / np.sqrt(d)
    b = 0.1
    t = (rng.random(n) < sigmoid(X @ w + b)).astype(np.float64)
    r = rng.standard_normal(n)
    return X, t, w, b, r


def measure(n: int, d: int, quick: bool) -> list[Row]:
    X, t, w, b, r = make_problem(n, d)
    objective = LogisticObjective(X, t, L2)
    funcs = {
        "floor": lambda: (X @ w, X.T @ r),
        "step": lambda: objective.cost_and_gradient(w, b),
        "public": lambda: logistic_gradient(w, b, X, t, l2=L2),
    }
    times = alternate(funcs, budget=1.0 if quick else 5.0, min_rounds=5, max_rounds=400)
    floor, step, public = (median(times[k]) for k in ("floor", "step", "public"))
    label = f"N={si(n)} D={d}"
    return [
        Row(
            1,
            "gradient step (as fit runs it) / X@w + X.T@r",
            label,
            step / floor,
            goal=GOALS[d],
            detail=f"floor {floor * 1e3:.3g} ms, {len(times['step'])} rounds",
        ),
        Row(
            1,
            "public logistic_gradient (checks inputs) / floor",
            label,
            public / floor,
            detail=f"{public / step:.2f}x the step (which also computes the cost)",
        ),
    ]


def run(quick: bool) -> list[Row]:
    sizes = [(10**4, 10), (10**4, 100)] if quick else [(n, d) for n in (10**4, 10**5, 10**6) for d in (10, 100)]
    return [row for n, d in sizes for row in measure(n, d, quick)]
