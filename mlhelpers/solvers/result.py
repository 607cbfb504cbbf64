"""What every solver returns, and the warning it gives when it runs out of iterations."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .._warnings import warn
from ..optimize import ConvergenceWarning

__all__ = ["SolverResult", "warn_not_converged"]


class SolverResult(NamedTuple):
    """The end of a fit: the weights, the cost of every iterate and how it stopped.

    ``history[k]`` is the cost at iterate k (after epoch k for the stochastic
    solvers), ``history[0]`` at the start; ``w_path`` holds every iterate of ``w``
    (shape (n_iter + 1, D)) when the solver was asked to record them, else None.
    """

    w: np.ndarray
    b: float
    history: np.ndarray
    n_iter: int
    converged: bool
    w_path: np.ndarray | None

    @classmethod
    def collect(cls, w, b, history, n_iter, converged, path) -> SolverResult:
        """The result from the lists a solver's loop collects (``path`` None when not recorded)."""
        return cls(w, float(b), np.array(history), n_iter, converged, None if path is None else np.array(path))


def warn_not_converged(name: str, max_iter: int, tol: float) -> None:
    """A :class:`~mlhelpers.optimize.ConvergenceWarning` pointing at the user's line that called ``fit``."""
    warn(
        f"{name} stopped after max_iter={max_iter} iterations without reaching tol={tol:g}; "
        "raise max_iter, tune lr, or standardize X",
        ConvergenceWarning,
    )
