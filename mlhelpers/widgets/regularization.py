"""Penalty type and strength: boundary and weight bars (notebook 07)."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from .._validation import as_labels, as_matrix
from ..plotting import draw_line, mesh, scatter_classes
from ..regularization_path import fit_regularized
from ._explorer import Explorer, slider

__all__ = ["draw_regularization", "regularization_explorer"]


def draw_regularization(fig, X2, t2, X, t, log10_lam=-1.0, penalty="l2", *, informative=None, fit=fit_regularized, ylim=None):
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
    fit : callable
        ``fit(X, t, lam, penalty)`` returning a fitted model; the explorer passes a
        memoized :func:`fit_regularized` so a setting seen before redraws at once.
    ylim : (low, high), optional
        Fixed y limits of the bars (the explorer fixes them so the bars can be
        compared from one setting to the next).

    Returns
    -------
    state : dict
        ``penalty``, ``lam``, ``zeros`` (exact zeros among the D weights), ``norm``
        (``||w||``), ``D``, and for the 2-D fit ``w2d`` (a tuple) and ``zeros_2d``.
    """
    from ..plotting import plot_weights

    X2 = as_matrix(X2, "X2")
    if X2.shape[1] != 2:
        raise ValueError(f"X2 must have 2 columns (it is drawn in the plane), got {X2.shape[1]}")
    lam = float(10.0**log10_lam)
    left = fit(X2, t2, lam, penalty)
    right = fit(X, t, lam, penalty)
    ax, ax_w = fig.subplots(1, 2, width_ratios=(1.0, 1.3))
    lo, hi = X2.min(axis=0) - 0.8, X2.max(axis=0) + 0.8
    g1, g2, grid = mesh((lo[0], hi[0]), (lo[1], hi[1]), 60)
    prob = left.predict_proba(grid).reshape(g1.shape)
    ax.contourf(g1, g2, prob, levels=np.linspace(0, 1, 11), cmap="PuOr_r", alpha=0.35, vmin=0, vmax=1)
    w1, w2 = left.w
    names = {"l2": "L2", "l1": "L1", "elasticnet": "ElasticNet"}
    scatter_classes(X2, t2, ax, title=f"{names[penalty]}, $\\lambda$ = {lam:.3g}: $w$ = ({w1:.2f}, {w2:.2f})", s=20)
    ax.set_xlim(lo[0], hi[0])
    ax.set_ylim(lo[1], hi[1])
    draw_line(left.w, left.b, ax)
    ax.legend(loc="upper left", fontsize="small", framealpha=0.9)
    zeros, norm = int(np.sum(right.w == 0)), float(np.linalg.norm(right.w))
    d = right.w.size
    title = f"{d} features: {zeros} weights exactly 0, $\\|w\\|$ = {norm:.2f}"
    plot_weights(right.w, ax_w, informative=informative, title=title, ylim=ylim)
    ax_w.legend(loc="upper right", fontsize="small", framealpha=0.9)
    return {
        "penalty": penalty,
        "lam": lam,
        "zeros": zeros,
        "norm": norm,
        "D": d,
        "w2d": (float(w1), float(w2)),
        "zeros_2d": int(np.sum(left.w == 0)),
    }


def regularization_explorer(X2, t2, X, t, *, informative=None, log10_lam=-1.0, penalty="l2", lam_range=(-2.5, 0.5)) -> Explorer:
    """A penalty toggle (L2 / L1 / ElasticNet) and a log10(lambda) slider over two data sets.

    Redraws :func:`draw_regularization`: the boundary on the 2-D data ``(X2, t2)``
    and the weight bars on the many-feature data ``(X, t)``. Fits are memoized per
    (data set, penalty, lambda), so returning to a setting costs only the drawing.
    ``state`` reports ``zeros`` and ``norm`` of the many-feature weights.
    """
    X2 = as_matrix(X2, "X2")
    if X2.shape[1] != 2:
        raise ValueError(f"X2 must have 2 columns (it is drawn in the plane), got {X2.shape[1]}")
    t2 = as_labels(t2, "t2", allowed=(0, 1), length=X2.shape[0], length_of="X2")
    X = as_matrix(X)
    t = as_labels(t, "t", allowed=(0, 1), length=X.shape[0])
    lo, hi = lam_range
    if not lo < hi:
        raise ValueError(f"lam_range must be (low, high) with low < high, got {lam_range}")
    cache = {}

    def fit(A, labels, lam, pen):
        key = (A is X, round(lam, 12), pen)
        if key not in cache:
            cache[key] = fit_regularized(A, labels, lam, pen)
        return cache[key]

    # fixed bar limits, from the weakest penalties (the largest weights), padded
    w_small = np.concatenate([fit(X, t, 10.0**lo, pen).w for pen in ("l2", "l1")])
    ylim = (min(w_small.min(), 0.0) * 1.1 - 0.05, max(w_small.max(), 0.0) * 1.1 + 0.05)
    controls = {
        "penalty": widgets.ToggleButtons(
            options=[("L2", "l2"), ("L1", "l1"), ("ElasticNet", "elasticnet")],
            value=penalty,
            description="penalty",
            style={"description_width": "initial"},
        ),
        "log10_lam": slider("log10 λ", log10_lam, lo, hi, 0.25),
    }
    return Explorer(
        lambda fig, **v: draw_regularization(fig, X2, t2, X, t, informative=informative, fit=fit, ylim=ylim, **v),
        controls,
        figsize=(10.0, 4.0),
    )
