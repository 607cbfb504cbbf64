"""The solvers behind :class:`mlhelpers.LogisticRegression`, one small module each.

Each ``fit_logistic_*`` takes checked arrays ``X`` (N, D), 0/1 float targets ``t``
and a start ``(w, b)``, never copies ``X`` (the bias is kept apart, so no column of
ones is glued on) and returns a :class:`SolverResult`. They evaluate the cost
through :class:`LogisticObjective`: the textbook formulas of :mod:`mlhelpers.losses`
at the course's sizes, the blocked kernels of :mod:`mlhelpers._kernels` above
4,096 rows (_kernels.MIN_ROWS). Newton's method and L-BFGS share one line search
(:func:`~.line_search.wolfe_search`).

========================  =====================================================
module                    holds
========================  =====================================================
``result``                :class:`SolverResult`, the not-converged warning
``objective``             :class:`LogisticObjective` (formula or kernel)
``line_search``           the strong Wolfe line search
``gd``                    :func:`proximal_descent` (also ``LinearRegression``'s)
``sgd``, ``saga``         the stochastic solvers
``newton``, ``lbfgs``     the second-order and quasi-Newton solvers
========================  =====================================================
"""

from .gd import fit_logistic_gd, proximal_descent
from .lbfgs import fit_logistic_lbfgs
from .newton import fit_logistic_newton
from .objective import LogisticObjective
from .result import SolverResult
from .saga import fit_logistic_saga
from .sgd import fit_logistic_sgd

__all__ = [
    "LogisticObjective",
    "SolverResult",
    "fit_logistic_gd",
    "fit_logistic_lbfgs",
    "fit_logistic_newton",
    "fit_logistic_saga",
    "fit_logistic_sgd",
    "proximal_descent",
]
