"""Analytic gradient against finite differences (notebook 04)."""

from __future__ import annotations

import numpy as np

from ..functions import sigmoid
from ._explorer import Explorer, slider
from .likelihood import _check_1d_problem

__all__ = ["draw_gradient_check", "gradient_check_explorer"]


def _mean_cost_1d(ws, x, t, b):
    """Mean cross-entropy of ``sigma(w x + b)`` for every ``w`` in ``ws`` (vectorized)."""
    z = np.multiply.outer(np.asarray(ws, dtype=float), x) + b
    return np.mean(np.logaddexp(0.0, z) - t * z, axis=-1)


def draw_gradient_check(fig, x, t, w=-2.0, log10_eps=-5.0, *, b=0.0, w_range=(-4.0, 4.0)):
    """The 1-D logistic cost ``J(w)`` (mean cross-entropy of ``sigma(w x + b)``, ``b``
    fixed), its tangent at ``w`` and the finite-difference estimates of the slope.

    Left: ``J(w)``, the tangent whose slope is the analytic gradient
    ``mean((sigma(w x + b) - t) x)``, and the secant through ``w - eps`` and
    ``w + eps`` (the central difference; it only separates from the tangent when
    ``eps`` is large). Right: the error of the central and the forward difference
    against ``eps`` (log-log), with the current ``eps = 10 ** log10_eps`` marked:
    truncation error dominates for large ``eps``, rounding error for tiny ``eps``.
    Errors below 1e-17 (or exactly 0) are drawn at 1e-17.

    Returns a dict with ``w``, ``eps``, ``cost``, ``gradient`` (analytic),
    ``central``, ``forward`` (the estimates at ``eps``), ``error_central``,
    ``error_forward`` and the arrays ``eps_grid``, ``errors_central``,
    ``errors_forward`` drawn on the right.
    """
    from matplotlib.ticker import LogLocator, NullLocator

    from ..plotting import CLASS_COLORS, LINE_COLOR, label, plot_curves

    x, t = _check_1d_problem(x, t)
    eps = 10.0**log10_eps

    def cost(v):
        return _mean_cost_1d(v, x, t, b)

    J0 = float(cost(w))
    gradient = float(np.mean((sigmoid(w * x + b) - t) * x))
    eps_grid = np.logspace(-15, 0, 61)
    up, down = cost(w + eps_grid), cost(w - eps_grid)
    errors_central = np.abs((up - down) / (2 * eps_grid) - gradient)
    errors_forward = np.abs((up - J0) / eps_grid - gradient)
    up1, down1 = float(cost(w + eps)), float(cost(w - eps))
    central, forward = (up1 - down1) / (2 * eps), (up1 - J0) / eps

    ax, ax_err = fig.subplots(1, 2)
    ws = np.linspace(*w_range, 300)
    ax.plot(ws, cost(ws), color=CLASS_COLORS[0], lw=2, label="cost $J(w)$")
    near = np.linspace(w - 1.5, w + 1.5, 2)
    ax.plot(near, J0 + gradient * (near - w), color=LINE_COLOR, lw=1.5, label=f"tangent, slope {gradient:.4f}")
    ax.plot(near, J0 + central * (near - w), color=CLASS_COLORS[1], ls="--", lw=1.5, label=f"secant, slope {central:.4f}")
    ax.plot([w - eps, w + eps], [down1, up1], "o", color=CLASS_COLORS[1], ms=5, mec="k")
    ax.plot([w], [J0], "*", color=LINE_COLOR, ms=12)
    top = float(cost(ws).max())
    ax.set_ylim(-0.05 * top, 1.05 * top)
    label(ax, f"$w = {w:.2g}$: $J = {J0:.3f}$", "weight $w$", "cost $J(w)$", legend=True)

    plot_curves(
        eps_grid,
        {"central difference": np.maximum(errors_central, 1e-17), "forward difference": np.maximum(errors_forward, 1e-17)},
        ax_err,
        logy=True,
    )
    ax_err.set_xscale("log")
    for axis in (ax_err.xaxis, ax_err.yaxis):  # a few decades labelled, no minor ticks: cheaper redraws
        axis.set_major_locator(LogLocator(base=10.0, subs=(1.0,), numticks=6))
        axis.set_minor_locator(NullLocator())
    ax_err.axvline(eps, color="grey", ls=":", lw=1.5, label=f"$\\epsilon = 10^{{{log10_eps:.3g}}}$")
    ax_err.set_ylim(1e-17, 10.0)
    label(
        ax_err,
        f"central error {abs(central - gradient):.1e}, forward {abs(forward - gradient):.1e}",
        "step $\\epsilon$",
        "|estimate - analytic gradient|",
        legend=True,
    )
    return {
        "w": float(w),
        "eps": eps,
        "cost": J0,
        "gradient": gradient,
        "central": central,
        "forward": forward,
        "error_central": abs(central - gradient),
        "error_forward": abs(forward - gradient),
        "eps_grid": eps_grid,
        "errors_central": errors_central,
        "errors_forward": errors_forward,
    }


def gradient_check_explorer(x, t, *, w=-2.0, log10_eps=-5.0, b=0.0, limit=4.0) -> Explorer:
    """Sliders for the weight ``w`` and ``log10(eps)`` of the 1-D logistic cost; the
    tangent (analytic gradient), the finite-difference secant and the error curves
    are redrawn (:func:`draw_gradient_check`)."""
    x, t = _check_1d_problem(x, t)
    controls = {
        "w": slider("w", w, -limit, limit, 0.1),
        "log10_eps": slider("log10(eps)", log10_eps, -15.0, 0.0, 0.5),
    }
    return Explorer(
        lambda fig, **v: draw_gradient_check(fig, x, t, b=b, w_range=(-limit, limit), **v), controls, figsize=(10.0, 4.0)
    )
