"""The line search of Newton's method and L-BFGS: a step meeting the strong Wolfe conditions."""

from __future__ import annotations

import numpy as np

__all__ = ["wolfe_search"]

_C1, _C2 = 1e-4, 0.9  # Wolfe constants: sufficient decrease, curvature (Nocedal & Wright, section 3.1)
_MAX_EVALS = 20  # cost-and-gradient evaluations allowed per line search
_FLAT = 1e-13  # relative rise of the cost put down to rounding (see wolfe_search)


def _cubic_minimizer(a, b):
    """Minimizer of the cubic matching value and slope at two trial points ``(alpha, f, slope)``; NaN if none.

    Nocedal & Wright, eq. 3.59.
    """
    (a0, f0, d0), (a1, f1, d1) = a[:3], b[:3]
    if a0 == a1:
        return np.nan
    d_1 = d0 + d1 - 3 * (f0 - f1) / (a0 - a1)
    radicand = d_1 * d_1 - d0 * d1
    if not radicand >= 0:
        return np.nan
    d_2 = np.copysign(np.sqrt(radicand), a1 - a0)
    denominator = d1 - d0 + 2 * d_2
    return a1 - (a1 - a0) * (d1 + d_2 - d_1) / denominator if denominator else np.nan


def wolfe_search(evaluate, theta, f0, g0, direction, alpha):
    """Line search for a step meeting the strong Wolfe conditions (Nocedal & Wright, Alg. 3.5 and 3.6).

    With phi(a) = J(theta + a d) and phi'(a) its slope along d, a step ``a`` is
    accepted when

        sufficient decrease  phi(a) <= phi(0) + c1 a phi'(0)   (c1 = 1e-4), and
        curvature            |phi'(a)| <= c2 |phi'(0)|          (c2 = 0.9).

    The logistic cost is convex, so phi' only grows along the line; the search
    brackets a step between a short one (still descending steeply) and a long one
    (slope turned up, or too little decrease), starting from ``alpha`` and then
    extrapolating (2-5 times further) or interpolating (minimum of the cubic through
    both ends, kept away from them; else halving).

    Near the optimum the changes of the cost fall below its rounding error, while
    its slope is still accurate. There the slope test of Hager & Zhang (2005),
    ``phi'(a) <= (2 c1 - 1) phi'(0)``, stands in for the value test: for a convex
    phi it implies sufficient decrease exactly, so such a step lowers the true cost;
    its computed cost may only come out higher by rounding (at most ``_FLAT``
    relative).

    Returns ``(alpha, cost, gradient, theta_new)`` or None if no acceptable step
    was found within ``_MAX_EVALS`` evaluations, not even one that lowers the cost.
    """
    slope0 = g0 @ direction
    allowance = _FLAT * abs(f0)

    def trial(a):
        theta_a = theta + a * direction
        f_a, g_a = evaluate(theta_a)
        return a, f_a, g_a @ direction, g_a, theta_a

    def decreases(p):
        a, f_a, slope = p[:3]
        return f_a <= f0 + _C1 * a * slope0 or (slope <= (2 * _C1 - 1) * slope0 and f_a <= f0 + allowance)

    def flat_enough(p):
        return abs(p[2]) <= -_C2 * slope0

    lo, hi, best = (0.0, f0, slope0), None, None
    for _ in range(_MAX_EVALS):
        if hi is not None:  # a bracket [lo, hi] holds an acceptable step: interpolate (else alpha extrapolates)
            width = hi[0] - lo[0]
            alpha = _cubic_minimizer(lo, hi)
            left, right = sorted((lo[0] + 0.1 * width, hi[0] - 0.1 * width))
            if not left <= alpha <= right:
                alpha = lo[0] + 0.5 * width
        p = trial(alpha)
        if not np.isfinite(p[1]) or not decreases(p):
            hi = p  # too long
        elif flat_enough(p):
            return p[0], p[1], p[3], p[4]
        else:
            best = p if best is None or p[1] < best[1] else best
            if p[2] > 0:
                hi = p  # past the minimum along the line
            else:
                previous, lo = lo, p  # still descending steeply
                if hi is None:
                    step = _cubic_minimizer(previous, lo) - lo[0]
                    grown = lo[0] - previous[0]
                    alpha = lo[0] + (np.clip(step, 1.1 * grown, 4 * grown) if np.isfinite(step) else 4 * grown)
        if hi is not None and abs(hi[0] - lo[0]) <= 1e-12 * max(abs(lo[0]), abs(hi[0])):
            break
    return None if best is None else (best[0], best[1], best[3], best[4])
