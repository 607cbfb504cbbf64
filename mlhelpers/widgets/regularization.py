"""Penalty type and strength: boundary and weight bars (notebook 07)."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from .._validation import as_labels, as_matrix
from ..plotting import CLASS_COLORS, LINE_COLOR, _informative_mask, line_points, mesh, scatter_classes, set_labels
from ..regularization_path import PENALTIES, fit_regularized
from ._explorer import Explorer, Scene, slider

__all__ = ["RegularizationScene", "draw_regularization", "regularization_explorer"]

_NAMES = {"l2": "L2", "l1": "L1", "elasticnet": "ElasticNet"}
_SHADE = {"levels": np.linspace(0, 1, 11), "cmap": "PuOr_r", "alpha": 0.35, "vmin": 0, "vmax": 1}
_BOUNDARY = "boundary $w^T x + b = 0$"


def _fit_wb(X, t, lam, penalty):
    model = fit_regularized(X, t, lam, penalty)
    return model.w, float(model.b)


def _checked_planar(X2):
    X2 = as_matrix(X2, "X2")
    if X2.shape[1] != 2:
        raise ValueError(f"X2 must have 2 columns (it is drawn in the plane), got {X2.shape[1]}")
    return X2


class RegularizationScene(Scene):
    """The two panels of :func:`draw_regularization`, built once.

    Static: axes, ticks, labels. Moving (``animated``, drawn over the cached
    background in their whole-draw order): the shading (a filled contour set whose
    paths are replaced), the points and the boundary on the left, the bars (their
    heights), the zero crosses and the zero line on the right, the spines of the
    shaded axes (drawn over the shading), both titles and both legends (drawn over
    the data; a legend is rebuilt only when its labels change).

    ``fit(which, lam, penalty) -> (w, b)`` gives the fit on the 2-D data
    (``which == "2d"``) or on the many-feature data (``"d"``); by default
    :func:`fit_regularized`.
    """

    def __init__(self, fig, X2, t2, X, t, *, informative=None, fit=None, ylim=None):
        self.X2, self.t2, self.X, self.t = X2, t2, X, t
        self.fit = fit or (lambda which, lam, pen: _fit_wb(*((X2, t2) if which == "2d" else (X, t)), lam, pen))
        self.ylim = ylim
        self.ax, self.ax_w = ax, ax_w = fig.subplots(1, 2, width_ratios=(1.0, 1.3))
        lo, hi = X2.min(axis=0) - 0.8, X2.max(axis=0) + 0.8
        self.xlim, self.ylim2 = (lo[0], hi[0]), (lo[1], hi[1])
        g1, g2, self.grid = mesh(self.xlim, self.ylim2, 60)
        self.shade = ax.contourf(g1, g2, np.full(g1.shape, 0.5), **_SHADE)
        scatter_classes(X2, t2, ax, title=" ", s=20)
        self.points = ax.collections[1:3]
        ax.set_xlim(*self.xlim)
        ax.set_ylim(*self.ylim2)
        (self.line,) = ax.plot([], [], color=LINE_COLOR, lw=2, label="_boundary")

        d = X.shape[1]
        mask = _informative_mask(informative, d)
        self.j = j = np.arange(d)
        bars = {}
        if mask.any():
            c = ax_w.bar(
                j[mask],
                np.zeros(mask.sum()),
                color=CLASS_COLORS[1],
                hatch="//",
                edgecolor="k",
                lw=0.4,
                label=f"informative ({mask.sum()})",
            )
            bars.update(zip(j[mask], c.patches))
        c = ax_w.bar(
            j[~mask],
            np.zeros((~mask).sum()),
            color=CLASS_COLORS[0],
            edgecolor="k",
            lw=0.4,
            label="useless" if mask.any() else "weights",
        )
        bars.update(zip(j[~mask], c.patches))
        self.bars = [bars[k] for k in range(d)]
        (self.zero_marks,) = ax_w.plot([], [], "x", color="grey", ms=5, label="_zeros")
        self.zero_line = ax_w.axhline(0, color="k", lw=0.6)
        if ylim is not None:
            ax_w.set_ylim(*ylim)
        set_labels(ax_w, " ", "feature $j$", "weight $w_j$")
        self._labels, self.legend = False, self._legend(ax, "upper left")  # no boundary yet
        self._labels_w, self.legend_w = 0, self._legend(ax_w, "upper right")  # no zero yet
        self._left = [self.shade, *self.points, self.line, *ax.spines.values(), ax.title]
        self._right = [*self.bars, self.zero_marks, self.zero_line, ax_w.title]

    @property
    def animated(self):
        return [*self._left, self.legend, *self._right, self.legend_w]

    @staticmethod
    def _legend(ax, loc):
        old = ax.get_legend()
        legend = ax.legend(loc=loc, fontsize="small", framealpha=0.9)
        legend.set_animated(old is not None and old.get_animated())  # animated in an explorer only
        return legend

    def update(self, log10_lam=-1.0, penalty="l2"):
        if penalty not in PENALTIES:
            raise ValueError(f"penalty must be one of {PENALTIES}, got {penalty!r}")
        lam = float(10.0**log10_lam)
        w2, b2 = self.fit("2d", lam, penalty)
        w, _ = self.fit("d", lam, penalty)
        ax, ax_w = self.ax, self.ax_w

        # left: shading, boundary, title, legend
        prob = 1.0 / (1.0 + np.exp(-(self.grid @ w2 + b2)))
        fresh = ax.contourf(*mesh(self.xlim, self.ylim2, 60)[:2], prob.reshape(60, 60), **_SHADE)
        self.shade.set_paths(fresh.get_paths())
        fresh.remove()
        xs, ys = line_points(w2, b2, self.xlim, self.ylim2)
        self.line.set_data(xs, ys)
        self.line.set_label(_BOUNDARY if xs.size else "_boundary")
        w1, w2_ = w2
        ax.set_title(f"{_NAMES[penalty]}, $\\lambda$ = {lam:.3g}: $w$ = ({w1:.2f}, {w2_:.2f})")
        labels = bool(xs.size)
        if labels != self._labels:
            self.legend, self._labels = self._legend(ax, "upper left"), labels

        # right: bars, zeros, title, legend
        for bar, h in zip(self.bars, w):
            bar.set_height(h)
        zero = w == 0
        zeros, norm = int(zero.sum()), float(np.linalg.norm(w))
        self.zero_marks.set_data(self.j[zero], np.zeros(zeros))
        self.zero_marks.set_label(f"exactly 0 ({zeros})" if zeros else "_zeros")
        d = w.size
        ax_w.set_title(f"{d} features: {zeros} weights exactly 0, $\\|w\\|$ = {norm:.2f}")
        if self.ylim is None:
            # the bars' limits, as ax.bar sets them; the zero line adds nothing (bars and
            # crosses start at 0) but relim would pass it through the transforms (1e-17)
            self.zero_line.set_visible(False)
            ax_w.relim(visible_only=True)
            self.zero_line.set_visible(True)
            ax_w.autoscale_view()
            self.background_changed = True
        if zeros != self._labels_w:
            self.legend_w, self._labels_w = self._legend(ax_w, "upper right"), zeros
        return {
            "penalty": penalty,
            "lam": lam,
            "zeros": zeros,
            "norm": norm,
            "D": d,
            "w2d": (float(w1), float(w2_)),
            "zeros_2d": int(np.sum(w2 == 0)),
        }


def draw_regularization(fig, X2, t2, X, t, log10_lam=-1.0, penalty="l2", *, informative=None, fit=None, ylim=None):
    """One penalty, one strength ``lam = 10 ** log10_lam``, two data sets.

    Left: the 2-D data ``(X2, t2)`` with the fitted P(t=1 | x) shaded and the
    boundary ``w^T x + b = 0`` (none when ``w = 0``); its title names the penalty,
    lambda and the two weights. Right: the weights fitted on
    the many-feature data ``(X, t)`` as bars, informative features (indices in
    ``informative``) hatched orange, exact zeros crossed.

    Parameters
    ----------
    fig : matplotlib Figure or SubFigure
    X2 : array_like of shape (N2, 2); t2 : 0/1 labels of shape (N2,)
    X : array_like of shape (N, D); t : 0/1 labels of shape (N,)
    log10_lam : float
        The strength on a log scale (the slider's value).
    penalty : {"l2", "l1", "elasticnet"}
        See :func:`penalty_strengths` (elastic net splits ``lam`` half and half).
    fit : callable, optional
        ``fit(X, t, lam, penalty)`` returning a fitted model (default
        :func:`fit_regularized`).
    ylim : (low, high), optional
        Fixed y limits of the bars (the explorer fixes them so the bars can be
        compared from one setting to the next).

    Returns
    -------
    state : dict
        ``penalty``, ``lam``, ``zeros`` (exact zeros among the D weights), ``norm``
        (``||w||``), ``D``, and for the 2-D fit ``w2d`` (a tuple) and ``zeros_2d``.
    """
    X2 = _checked_planar(X2)
    X = as_matrix(X)
    scene_fit = None
    if fit is not None:

        def scene_fit(which, lam, pen):
            model = fit(*((X2, t2) if which == "2d" else (X, t)), lam, pen)
            return model.w, float(model.b)

    scene = RegularizationScene(fig, X2, t2, X, t, informative=informative, fit=scene_fit, ylim=ylim)
    return scene.update(log10_lam=log10_lam, penalty=penalty)


def regularization_explorer(X2, t2, X, t, *, informative=None, log10_lam=-1.0, penalty="l2", lam_range=(-2.5, 0.5)) -> Explorer:
    """A penalty toggle (L2 / L1 / ElasticNet) and a log10(lambda) slider over two data sets.

    Draws :func:`draw_regularization` as a :class:`RegularizationScene`: the
    boundary on the 2-D data ``(X2, t2)`` and the weight bars on the many-feature
    data ``(X, t)``. Both fits are computed once, at construction, for every
    position the slider can take (its step is 0.25) and every penalty; a value off
    that grid (set from code) is fitted when it is drawn. ``state`` reports
    ``zeros`` and ``norm`` of the many-feature weights.
    """
    X2 = _checked_planar(X2)
    t2 = as_labels(t2, "t2", allowed=(0, 1), length=X2.shape[0], length_of="X2")
    X = as_matrix(X)
    t = as_labels(t, "t", allowed=(0, 1), length=X.shape[0])
    lo, hi = lam_range
    if not lo < hi:
        raise ValueError(f"lam_range must be (low, high) with low < high, got {lam_range}")
    step = 0.25
    positions = lo + step * np.arange(int(np.floor((hi - lo) / step + 1e-9)) + 1)
    if hi - positions[-1] > 1e-9:
        positions = np.append(positions, hi)  # the slider's max is a position too
    data = {"2d": (X2, t2), "d": (X, t)}
    table = {
        (which, k, pen): _fit_wb(*data[which], 10.0**v, pen)
        for which in data
        for k, v in enumerate(positions)
        for pen in PENALTIES
    }

    def fit(which, lam, pen):
        v = np.log10(lam)
        k = int(np.argmin(np.abs(positions - v)))
        if abs(positions[k] - v) < 1e-9:
            return table[which, k, pen]
        return _fit_wb(*data[which], lam, pen)

    # fixed bar limits, from the weakest penalties (the largest weights), padded
    w_small = np.concatenate([table["d", 0, pen][0] for pen in ("l2", "l1")])
    ylim = (min(w_small.min(), 0.0) * 1.1 - 0.05, max(w_small.max(), 0.0) * 1.1 + 0.05)
    controls = {
        "penalty": widgets.ToggleButtons(
            options=[("L2", "l2"), ("L1", "l1"), ("ElasticNet", "elasticnet")],
            value=penalty,
            description="penalty",
            style={"description_width": "initial"},
        ),
        "log10_lam": slider("log10 λ", log10_lam, lo, hi, step),
    }
    return Explorer(
        lambda fig: RegularizationScene(fig, X2, t2, X, t, informative=informative, fit=fit, ylim=ylim),
        controls,
        figsize=(10.0, 4.0),
        scene=True,
    )
