"""What every solver returns, and the warning it gives when it runs out of iterations."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .._warnings import warn
from ..optimize import ConvergenceWarning

__all__ = ["SolverResult", "theta_result", "warn_not_converged", "warn_stalled"]


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


def warn_stalled(name: str, n_iter: int, g, tol: float) -> None:
    """A line-search solver stopped early: no step lowers the cost any more, though ``max |g|`` is above ``tol``."""
    warn(
        f"{name} stopped after {n_iter} iterations: no step lowers the cost any more (its changes are below "
        f"rounding) with max|gradient| = {np.max(np.abs(g)):.3g} still above tol={tol:g}; raise tol or standardize X",
        ConvergenceWarning,
    )


def theta_result(name, theta, history, n_iter, path, g, *, converged, stalled, max_iter, tol) -> SolverResult:
    """How Newton's method and L-BFGS end: warn if they stopped short, split ``theta = (w, b)``."""
    if stalled:
        warn_stalled(name, n_iter, g, tol)
    elif not converged:
        warn_not_converged(name, max_iter, tol)
    return SolverResult.collect(theta[:-1].copy(), theta[-1], history, n_iter, converged, path)
