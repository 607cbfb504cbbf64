"""Analytic gradient against finite differences (notebook 04)."""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import LogLocator, NullLocator

from ..losses import logistic_gradient
from ..plotting import CLASS_COLORS, LINE_COLOR, plot_curves, set_labels
from ._explorer import Explorer, Scene, slider
from ._slots import TitleSlots, fixed
from .likelihood import check_1d_problem, sample_losses

__all__ = ["GradientCheckScene", "draw_gradient_check", "gradient_check_explorer"]

_EPS_GRID = np.logspace(-15, 0, 61)
_FLOOR = 1e-17


class GradientCheckScene(Scene):
    """The cost curve and the log-log axes built once; tangent, secant, error
    curves, the eps marker and the titles move."""

    def __init__(self, fig, x, t, *, b=0.0, w_range=(-4.0, 4.0)):
        self.x, self.t, self.b = x, t, b
        self.ax, self.ax_err = ax, ax_err = fig.subplots(1, 2)
        ws = np.linspace(*w_range, 300)
        costs = self.cost(ws)
        ax.plot(ws, costs, color=CLASS_COLORS[0], lw=2, label="cost $J(w)$")
        (self.tangent,) = ax.plot([], [], color=LINE_COLOR, lw=1.5, label="tangent (analytic slope)")
        (self.secant,) = ax.plot([], [], color=CLASS_COLORS[1], ls="--", lw=1.5, label="secant (central difference)")
        (self.ends,) = ax.plot([], [], "o", color=CLASS_COLORS[1], ms=5, mec="k")
        (self.star,) = ax.plot([], [], "*", color=LINE_COLOR, ms=12)
        top = float(costs.max())
        ax.set_ylim(-0.05 * top, 1.05 * top)
        set_labels(ax, "", "weight $w$", "cost $J(w)$")
        # the titles' words are static, their numbers move (each its own slot: a frame pays per glyph drawn)
        slope = f"{-float(np.max(np.abs(x))):.4f}"  # |J'(w)| and any secant's slope are at most max |x|
        self.title = TitleSlots(
            ax,
            "{}: J = {}; slope {}, secant {}",
            ["w = -0.5", fixed(top, ".3f"), slope, slope],  # the first slot grows to the left: any w fits
            align=["right", "right", "right", "left"],
        )
        ax.legend(loc="upper center", framealpha=0.9)  # a fixed place: "best" costs a search per frame
        ones = np.ones_like(_EPS_GRID)
        plot_curves(_EPS_GRID, {"central difference": ones, "forward difference": ones}, ax_err, logy=True)
        self.central_line, self.forward_line = ax_err.get_lines()
        ax_err.set_xscale("log")
        for axis in (ax_err.xaxis, ax_err.yaxis):  # a few decades labelled, no minor ticks: cheaper redraws
            axis.set_major_locator(LogLocator(base=10.0, subs=(1.0,), numticks=6))
            axis.set_minor_locator(NullLocator())
        self.marker = ax_err.axvline(1.0, color="grey", ls=":", lw=1.5, label="the current $\\epsilon$")
        ax_err.set_ylim(_FLOOR, 10.0)
        set_labels(ax_err, "", "step $\\epsilon$", "|estimate - analytic gradient|")
        error = fixed(1e-10, ".1e")  # every error has this width: one digit, a decimal, a signed two-digit exponent
        self.err_title = TitleSlots(
            ax_err, "{}: central error {}, forward {}", ["ε = 1e-10.5", error, error], align=["right"] * 3
        )
        ax_err.legend(loc="lower left", framealpha=0.9)  # clear of the curves
        # legends are static (a legend costs more to draw than everything else that moves)
        moving = [self.tangent, self.secant, self.ends, self.star, *self.title.animated]
        self.animated = [*moving, self.central_line, self.forward_line, self.marker, *self.err_title.animated]

    def cost(self, ws):
        """Mean cross-entropy of ``sigma(w x + b)`` for every ``w`` in ``ws`` (vectorized)."""
        z = np.multiply.outer(np.asarray(ws, dtype=float), self.x) + self.b
        return np.mean(sample_losses(z, self.t), axis=-1)

    def update(self, w=-2.0, log10_eps=-5.0):
        eps = 10.0**log10_eps
        J0 = float(self.cost(w))
        gradient = float(logistic_gradient([w], self.b, self.x[:, None], self.t)[0][0])
        up, down = self.cost(w + _EPS_GRID), self.cost(w - _EPS_GRID)
        errors_central = np.abs((up - down) / (2 * _EPS_GRID) - gradient)
        errors_forward = np.abs((up - J0) / _EPS_GRID - gradient)
        up1, down1 = float(self.cost(w + eps)), float(self.cost(w - eps))
        central, forward = (up1 - down1) / (2 * eps), (up1 - J0) / eps
        near = np.linspace(w - 1.5, w + 1.5, 2)
        self.tangent.set_data(near, J0 + gradient * (near - w))
        self.secant.set_data(near, J0 + central * (near - w))
        self.ends.set_data([w - eps, w + eps], [down1, up1])
        self.star.set_data([w], [J0])
        self.title.set(f"w = {w:.2g}", fixed(J0, ".3f"), f"{gradient:.4f}", f"{central:.4f}")  # plain text
        self.central_line.set_ydata(np.maximum(errors_central, _FLOOR))
        self.forward_line.set_ydata(np.maximum(errors_forward, _FLOOR))
        self.marker.set_xdata([eps, eps])
        self.err_title.set(f"ε = 1e{log10_eps:.3g}", fixed(abs(central - gradient), ".1e"), fixed(abs(forward - gradient), ".1e"))
        return {
            "w": float(w),
            "eps": eps,
            "cost": J0,
            "gradient": gradient,
            "central": central,
            "forward": forward,
            "error_central": abs(central - gradient),
            "error_forward": abs(forward - gradient),
            "eps_grid": _EPS_GRID,
            "errors_central": errors_central,
            "errors_forward": errors_forward,
        }


def draw_gradient_check(fig, x, t, w=-2.0, log10_eps=-5.0, *, b=0.0, w_range=(-4.0, 4.0)):
    """The 1-D logistic cost ``J(w)`` (mean cross-entropy of ``sigma(w x + b)``, ``b``
    fixed), its tangent at ``w`` and the finite-difference estimates of the slope.

    Left: ``J(w)``, the tangent whose slope is the analytic gradient
    (:func:`mlhelpers.logistic_gradient`), and the secant through ``w - eps`` and
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
    x, t = check_1d_problem(x, t)
    return GradientCheckScene(fig, x, t, b=b, w_range=w_range).update(w=w, log10_eps=log10_eps)


def gradient_check_explorer(x, t, *, w=-2.0, log10_eps=-5.0, b=0.0, limit=4.0) -> Explorer:
    """Sliders for the weight ``w`` and ``log10(eps)`` of the 1-D logistic cost; the
    tangent (analytic gradient), the finite-difference secant and the error curves
    are redrawn (:func:`draw_gradient_check`)."""
    x, t = check_1d_problem(x, t)
    controls = {
        "w": slider("w", w, -limit, limit, 0.1),
        "log10_eps": slider("log10(eps)", log10_eps, -15.0, 0.0, 0.5),
    }
    scene = lambda fig: GradientCheckScene(fig, x, t, b=b, w_range=(-limit, limit))  # noqa: E731
    return Explorer(scene, controls, figsize=(10.0, 4.0), scene=True)
