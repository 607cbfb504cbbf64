"""The smooth logistic cost as the solvers see it: the textbook formulas, or the kernels on large X."""

from __future__ import annotations

import numpy as np

from .. import _kernels
from ..losses import _logistic_cost_and_gradient, _logistic_hessian

__all__ = ["LogisticObjective"]


class LogisticObjective:
    """``J(w, b) = mean cross-entropy + l2/2 ||w||^2`` on fixed ``X``, ``t`` (L1 is the solvers' business).

    Up to :data:`mlhelpers._kernels.MIN_ROWS` rows (every notebook's size) it calls
    the formulas of :mod:`mlhelpers.losses`, ``_logistic_cost_and_gradient`` and
    ``_logistic_hessian``; above, the blocked kernels of :mod:`mlhelpers._kernels`,
    which give the same numbers (``tests/test_kernels.py``) faster and in less memory.
    """

    def __init__(self, X, t, l2):
        self.X, self.t, self.l2 = X, t, l2
        self.blocked = X.shape[0] > _kernels.MIN_ROWS
        self._residual = np.empty(X.shape[0])  # sigma(z) - t at the point last evaluated by `at`
        self._residual_at = None  # that point

    def cost_and_gradient(self, w, b, *, residual=None) -> tuple[float, np.ndarray, float]:
        """``(J, dJ/dw, dJ/db)`` at ``(w, b)``; the residuals go into ``residual`` if given."""
        if self.blocked:
            return _kernels.cost_and_gradient(w, b, self.X, self.t, self.l2, residual=residual)
        return _logistic_cost_and_gradient(w, b, self.X, self.t, self.l2, residual=residual)

    def at(self, theta) -> tuple[float, np.ndarray]:
        """``(J, gradient)`` at ``theta = (w, b)`` as one vector of length D + 1 (Newton's and L-BFGS's view)."""
        cost, dw, db = self.cost_and_gradient(theta[:-1], theta[-1], residual=self._residual)
        self._residual_at = theta
        return cost, np.append(dw, db)

    def hessian(self, theta) -> np.ndarray:
        """The (D+1) x (D+1) Hessian of J at theta = (w, b).

        Its weights ``s = y (1 - y) / N`` come from the residuals of the last
        evaluation when that was at this very ``theta`` (Newton's accepted step is
        the line search's last trial point), so the Hessian costs no further product
        ``X w``; else ``theta`` is evaluated first.
        """
        if self._residual_at is not theta:
            self.at(theta)
        s = np.abs(self._residual)  # |y - t|, and y (1 - y) = |y - t| (1 - |y - t|) for t in {0, 1}
        s -= s * s
        s /= self.X.shape[0]
        if self.blocked:
            return _kernels.hessian(self.X, s, self.l2)
        return _logistic_hessian(theta[:-1], theta[-1], self.X, self.l2, s=s)
