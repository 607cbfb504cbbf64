"""Limited-memory BFGS (L-BFGS) on the smooth logistic cost, over theta = (w, b)."""

from __future__ import annotations

from collections import deque

import numpy as np

from .line_search import wolfe_search
from .objective import LogisticObjective
from .result import SolverResult, theta_result

__all__ = ["fit_logistic_lbfgs"]


def _two_loop(g, pairs, gamma):
    """``H g`` for the L-BFGS inverse-Hessian approximation H (Nocedal & Wright, Alg. 7.4).

    ``pairs`` holds the last m ``(s, y, rho = 1 / s^T y)``, oldest first; the
    initial matrix is ``gamma I``.
    """
    q = g.copy()
    alphas = []
    for s, y, rho in reversed(pairs):
        a = rho * (s @ q)
        q -= a * y
        alphas.append(a)
    q *= gamma
    for (s, y, rho), a in zip(pairs, reversed(alphas)):
        q += (a - rho * (y @ q)) * s
    return q


def fit_logistic_lbfgs(X, t, w, b, *, l2, max_iter, tol, record_weights=False, memory=10) -> SolverResult:
    """Limited-memory BFGS (L-BFGS) on the smooth logistic cost, over theta = (w, b).

    Why it exists: Newton's method converges in a handful of steps but builds and
    solves the (D+1) x (D+1) Hessian at each, about D/4 gradients' worth of work;
    gradient descent needs only gradients but takes many more steps on a badly
    scaled cost. A quasi-Newton method sits in between: it learns the curvature
    from the gradients it has already seen, so it converges nearly as fast as Newton
    (superlinearly) at the price of gradients alone. L-BFGS is what scikit-learn's
    ``LogisticRegression`` uses by default (``solver="lbfgs"``). Notebook 06
    compares gradient descent and Newton's method; this is the in-between.

    The math (Nocedal & Wright, Numerical Optimization, ch. 7; Alg. 7.5). With g_k
    the gradient at theta_k:

        d_k = -H_k g_k                       (search direction)
        theta_{k+1} = theta_k + a_k d_k      (a_k from a strong Wolfe line search)
        s_k = theta_{k+1} - theta_k,  y_k = g_{k+1} - g_k

    H_k approximates the inverse Hessian. BFGS would update a dense matrix,
    ``H <- (I - rho s y^T) H (I - rho y s^T) + rho s s^T`` with rho = 1 / s^T y, so
    that ``H y = s`` (the secant equation: the new curvature matches the last step).
    L-BFGS never forms H: it keeps only the last ``memory`` pairs (s, y) and applies
    those updates, starting from ``gamma_k I`` with ``gamma_k = s^T y / y^T y`` of the
    newest pair (the curvature along the last step), to the vector g by the two-loop
    recursion (Alg. 7.4): O(memory * D) work. The first step, without any pair, is
    steepest descent with a first trial of length 1 (as in scipy's L-BFGS-B). A pair with ``s^T y <= eps y^T y``
    (no measurable curvature) is skipped, so that H stays positive definite; if the
    line search fails, the memory is cleared and it restarts from steepest descent.

    Every trial point of the line search costs one pass over X, which gives the
    cost and the gradient together; an accepted step therefore costs nothing more,
    and most steps are accepted at the first trial ``a = 1``. Stops when
    ``max |g| < tol`` (the same test as Newton's method). L1 is not differentiable:
    use ``solver="gd"`` or ``"saga"`` for it.

    Inputs are trusted (checked by the caller); ``history[k]`` of the result is the
    cost at iterate k (non-increasing, up to rounding near the optimum).
    """
    objective, d = LogisticObjective(X, t, l2), X.shape[1]
    theta = np.append(w, b)
    cost, g = objective.at(theta)
    history = [cost]
    path = [w.copy()] if record_weights else None
    pairs, gamma = deque(maxlen=memory), 1.0
    converged, stalled = False, False
    for n_iter in range(max_iter + 1):  # n_iter = steps taken so far
        if np.max(np.abs(g)) < tol:
            converged = True
            break
        if n_iter == max_iter:
            break
        found = None
        while found is None:
            if pairs:
                direction, alpha = -_two_loop(g, pairs, gamma), 1.0
            else:
                direction, alpha = -g, 1.0 / np.linalg.norm(g)
            found = wolfe_search(objective.at, theta, cost, g, direction, alpha)
            if found is None and not pairs:
                break
            if found is None:
                pairs.clear()  # a poor direction: forget the curvature and restart from steepest descent
        if found is None:
            stalled = True
            break
        _, cost_new, g_new, theta_new = found
        s, y = theta_new - theta, g_new - g
        sy, yy = s @ y, y @ y
        if sy > np.finfo(float).eps * yy:
            pairs.append((s, y, 1.0 / sy))
            gamma = sy / yy
        theta, cost, g = theta_new, cost_new, g_new
        history.append(cost)
        if path is not None:
            path.append(theta[:d].copy())
    stopped = dict(converged=converged, stalled=stalled, max_iter=max_iter, tol=tol)
    return theta_result("L-BFGS", theta, history, n_iter, path, g, **stopped)
