"""Penalty type and strength: boundary and weight bars (notebook 07)."""

from __future__ import annotations

from itertools import pairwise

import ipywidgets as widgets
import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.path import Path

from .._validation import as_labels, as_matrix
from ..functions import sigmoid
from ..plotting import CLASS_COLORS, LINE_COLOR, informative_mask, line_points, scatter_classes, set_labels
from ..regularization_path import PENALTIES, fit_regularized
from ._bands import LEVELS, LOGITS, band
from ._explorer import Explorer, Scene, slider

__all__ = ["RegularizationScene", "band_paths", "draw_regularization", "regularization_explorer"]

_NAMES = {"l2": "L2", "l1": "L1", "elasticnet": "ElasticNet"}
_SHADE = {"levels": LEVELS, "cmap": "PuOr_r", "alpha": 0.35, "vmin": 0, "vmax": 1}
# the shading's bands as ranges of the score w^T x + b = logit(P): -inf and +inf at P = 0 and 1
_BOUNDARY = "boundary $w^T x + b = 0$"
_BAR = {"edgecolors": "k", "linewidths": 0.4}
_HALF = 0.4  # half a bar's width, as ax.bar draws it (width 0.8)


def _fit_wb(X, t, lam, penalty, w0=None, b0=0.0):
    model = fit_regularized(X, t, lam, penalty, w0=w0, b0=b0)
    return model.w, float(model.b)


def _checked_planar(X2):
    X2 = as_matrix(X2, "X2")
    if X2.shape[1] != 2:
        raise ValueError(f"X2 must have 2 columns (it is drawn in the plane), got {X2.shape[1]}")
    return X2


def band_paths(w, b, xlim, ylim, cuts=LOGITS):
    """The bands of a filled contour of ``sigmoid(w^T x + b)`` at the levels whose
    logits are ``cuts``, over the box ``xlim`` x ``ylim``, as one Path per band.

    The levels of ``sigmoid(w^T x + b)`` are the straight lines ``w^T x + b = logit(P)``,
    so each band is the box clipped to a strip between two parallel lines: what
    ``contourf`` of the map on a grid draws, without the grid (and exact)."""
    box = np.array([[xlim[0], ylim[0]], [xlim[1], ylim[0]], [xlim[1], ylim[1]], [xlim[0], ylim[1]]], dtype=float)
    w = np.asarray(w, dtype=float)
    if not w.any():  # a flat map: the whole box in one band, (P_k, P_k+1] as contourf counts it
        p = sigmoid(b)
        k = max(int(np.searchsorted(_SHADE["levels"], p)) - 1, 0)
        cuts = np.where(np.arange(cuts.size) <= k, -np.inf, np.inf)
    paths = []
    for lo, hi in pairwise(cuts):
        poly = band(box, w, b, lo, hi) if lo < hi else box[:0]
        if len(poly) < 3:
            paths.append(Path(np.empty((0, 2))))
            continue
        codes = np.full(len(poly) + 1, Path.LINETO, dtype=Path.code_type)
        codes[0], codes[-1] = Path.MOVETO, Path.CLOSEPOLY
        paths.append(Path(np.vstack([poly, poly[:1]]), codes))
    return paths


class RegularizationScene(Scene):
    """The two panels of :func:`draw_regularization`, built once.

    Static (the cached background): axes, ticks, labels and the legends, below the
    panels where nothing moves (their handles stand-ins of the same style, their
    labels fixed; the number of exact zeros is in the right title). Moving
    (``animated``, drawn over the background in their whole-draw order): the shading
    (a filled contour set whose bands, straight strips, are computed in closed form),
    the points and the boundary on the left, the bars (two polygon collections,
    informative and the others), the zero crosses and the zero line on the right, the
    spines of the shaded axes (drawn over the shading) and both titles (plain text,
    or mathtext with ``math_titles=True``, as the static twin draws them).

    ``fit(which, lam, penalty) -> (w, b)`` gives the fit on the 2-D data
    (``which == "2d"``) or on the many-feature data (``"d"``); by default
    :func:`fit_regularized`.
    """

    def __init__(self, fig, X2, t2, X, t, *, informative=None, fit=None, ylim=None, math_titles=False):
        self.X2, self.t2, self.X, self.t = X2, t2, X, t
        self.fit = fit or (lambda which, lam, pen: _fit_wb(*((X2, t2) if which == "2d" else (X, t)), lam, pen))
        self.ylim, self.math_titles = ylim, math_titles
        self.ax, self.ax_w = ax, ax_w = fig.subplots(1, 2, width_ratios=(1.0, 1.3))
        lo, hi = X2.min(axis=0) - 0.8, X2.max(axis=0) + 0.8
        self.xlim, self.ylim2 = (lo[0], hi[0]), (lo[1], hi[1])
        self.shade = ax.contourf(self.xlim, self.ylim2, np.full((2, 2), 0.5), **_SHADE)  # ax.collections[0]
        scatter_classes(X2, t2, ax, title=" ", s=20)
        self.points = ax.collections[1:3]
        if ax.get_legend() is not None:
            ax.get_legend().remove()  # scatter_classes's, inside the shading: the figure legend below replaces it
        ax.set_xlim(*self.xlim)
        ax.set_ylim(*self.ylim2)
        (self.line,) = ax.plot([], [], color=LINE_COLOR, lw=2, label="_boundary")

        d = X.shape[1]
        mask = informative_mask(informative, d)
        self.j = j = np.arange(d)
        # the bars: one polygon collection per colour, its rectangles' tops set per frame
        self.groups = [m for m in (mask, ~mask) if m.any()]
        styles = [{"facecolors": CLASS_COLORS[1], "hatch": "//"}, {"facecolors": CLASS_COLORS[0]}][2 - len(self.groups) :]
        self.bars, self._verts = [], []
        for m, style in zip(self.groups, styles):
            verts = np.zeros((m.sum(), 4, 2))
            verts[:, :, 0] = j[m, None] + np.array([-_HALF, -_HALF, _HALF, _HALF])
            bars = PolyCollection(verts, **_BAR, **style)
            bars.sticky_edges.y.append(0.0)  # as ax.bar: no margin below (above) bars that start at 0
            ax_w.add_collection(bars, autolim=False)
            self.bars.append(bars)
            self._verts.append(verts)
        (self.zero_marks,) = ax_w.plot([], [], "x", color="grey", ms=5, label="_zeros")
        self.zero_line = ax_w.axhline(0, color="k", lw=0.6)
        self._bar_limits(np.zeros(d))
        if ylim is not None:
            ax_w.set_ylim(*ylim)
        set_labels(ax_w, " ", "feature $j$", "weight $w_j$")

        # the legends: static, below each panel (an outside figure legend each), stand-ins as handles
        n_info = int(mask.sum())
        bar_labels = [f"informative ({n_info})", "useless"] if mask.any() else ["weights"]
        handles_w = [Patch(facecolor=s["facecolors"], hatch=s.get("hatch"), edgecolor="k", lw=0.4) for s in styles]
        handles_w.append(Line2D([], [], ls="none", marker="x", color="grey", ms=5))
        handles, labels = ax.get_legend_handles_labels()
        handles.append(Line2D([], [], color=LINE_COLOR, lw=2))
        legend = {"fontsize": "small", "ncols": 3, "frameon": False, "borderaxespad": 0.0}
        self.legends = [
            fig.legend(handles, [*labels, _BOUNDARY], loc="outside lower left", **legend),
            fig.legend(handles_w, [*bar_labels, "exactly 0"], loc="outside lower right", **legend),
        ]
        self.animated = [
            self.shade,
            *self.points,
            self.line,
            *ax.spines.values(),
            ax.title,
            *self.bars,
            self.zero_marks,
            self.zero_line,
            ax_w.title,
        ]

    def _bar_limits(self, w):
        """The bars' axis limits as ``ax.bar`` sets them (margins, none past 0)."""
        ax_w = self.ax_w
        ax_w.ignore_existing_data_limits = True
        ax_w.update_datalim([(-_HALF, min(w.min(), 0.0)), (w.size - 1 + _HALF, max(w.max(), 0.0))])
        ax_w.autoscale_view()

    def update(self, log10_lam=-1.0, penalty="l2"):
        if penalty not in PENALTIES:
            raise ValueError(f"penalty must be one of {PENALTIES}, got {penalty!r}")
        lam = float(10.0**log10_lam)
        w2, b2 = self.fit("2d", lam, penalty)
        w, _ = self.fit("d", lam, penalty)
        ax, ax_w = self.ax, self.ax_w

        # left: shading, boundary, title
        self.shade.set_paths(band_paths(w2, b2, self.xlim, self.ylim2))
        xs, ys = line_points(w2, b2, self.xlim, self.ylim2)
        self.line.set_data(xs, ys)
        self.line.set_label(_BOUNDARY if xs.size else "_boundary")
        w1, w2_ = w2
        if self.math_titles:
            ax.set_title(f"{_NAMES[penalty]}, $\\lambda$ = {lam:.3g}: $w$ = ({w1:.2f}, {w2_:.2f})")
        else:  # plain text: no mathtext per frame
            ax.set_title(f"{_NAMES[penalty]}, λ = {lam:.3g}: w = ({w1:.2f}, {w2_:.2f})")

        # right: bars, zeros, title
        for bars, verts, m in zip(self.bars, self._verts, self.groups):
            verts[:, 1:3, 1] = w[m, None]
            bars.set_verts(verts)
        zero = w == 0
        zeros, norm = int(zero.sum()), float(np.linalg.norm(w))
        self.zero_marks.set_data(self.j[zero], np.zeros(zeros))
        d = w.size
        norm_text = "$\\|w\\|$" if self.math_titles else "‖w‖"
        ax_w.set_title(f"{d} features: {zeros} weights exactly 0, {norm_text} = {norm:.2f}")
        if self.ylim is None:
            self._bar_limits(w)
            self.background_changed = True
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

    scene = RegularizationScene(fig, X2, t2, X, t, informative=informative, fit=scene_fit, ylim=ylim, math_titles=True)
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
    table = {}
    for which in data:
        for pen in PENALTIES:
            w0, b0 = None, 0.0  # warm starts along the path, from the strongest penalty (all but zeros) down
            for k in range(positions.size - 1, -1, -1):
                table[which, k, pen] = w0, b0 = _fit_wb(*data[which], 10.0 ** positions[k], pen, w0, b0)

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
