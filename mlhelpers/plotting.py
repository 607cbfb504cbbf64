"""Figures of the course, in one colour-blind-safe style.

Classes always differ by colour AND marker (Okabe-Ito blue circles for class 0 /
-1, orange triangles for class 1 / +1), so a figure reads in greyscale and for
every kind of colour vision. Every function takes ``ax=None`` (falls back to
``plt.gca()``), draws, and returns the axes; titles and axis labels are set so no
figure leaves the notebook unlabelled.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from ._validation import as_matrix, as_vector

__all__ = [
    "CLASS_COLORS",
    "CLASS_MARKERS",
    "scatter_classes",
    "draw_line",
    "decision_regions",
    "plot_history",
    "contour_path",
    "plot_roc",
    "label",
]

#: Okabe & Ito (2008) colour-blind-safe palette: blue, orange, and a third for extras.
CLASS_COLORS = ("#0072B2", "#E69F00", "#009E73")
CLASS_MARKERS = ("o", "^", "s")
LINE_COLOR = "#000000"


def _ax(ax):
    return plt.gca() if ax is None else ax


def label(ax, title: str | None = None, xlabel: str | None = None, ylabel: str | None = None, *, legend: bool = False):
    """Set title and axis labels (the ones given) and, if asked, a legend; return ``ax``."""
    if title is not None:
        ax.set_title(title)
    if xlabel is not None:
        ax.set_xlabel(xlabel)
    if ylabel is not None:
        ax.set_ylabel(ylabel)
    if legend:
        ax.legend(loc="best", framealpha=0.9)
    return ax


def scatter_classes(X, t, ax=None, *, class_names=None, title="Data", xlabel="$x_1$", ylabel="$x_2$", alpha=0.8, s=30):
    """Scatter the first two columns of ``X``, one colour and marker per class.

    Parameters
    ----------
    X : array_like of shape (N, 2)
    t : array_like of shape (N,)
        Labels 0/1 or -1/+1 (the smaller label is drawn as class 0).
    class_names : sequence of 2 str, optional
        Legend entries; default "class 0"/"class 1" (or "t = -1"/"t = +1").
    """
    ax = _ax(ax)
    X = as_matrix(X)
    t = as_vector(t, "t", length=X.shape[0])
    if X.shape[1] != 2:
        raise ValueError(f"X must have 2 columns to scatter in the plane, got {X.shape[1]}")
    labels = np.unique(t)
    if labels.size > len(CLASS_COLORS):
        raise ValueError(f"t has {labels.size} distinct labels; at most {len(CLASS_COLORS)} can be drawn")
    if class_names is None:
        class_names = [f"t = {v:+g}" if labels.min() < 0 else f"class {v:g}" for v in labels]
    for k, value in enumerate(labels):
        rows = t == value
        ax.scatter(
            X[rows, 0],
            X[rows, 1],
            c=CLASS_COLORS[k],
            marker=CLASS_MARKERS[k],
            s=s,
            alpha=alpha,
            edgecolors="k",
            linewidths=0.4,
            label=class_names[k],
        )
    return label(ax, title, xlabel, ylabel, legend=True)


def draw_line(w, b=0.0, ax=None, *, label_text="boundary $w^T x + b = 0$", **style):
    """Draw the line ``w[0] x1 + w[1] x2 + b = 0`` across the current axis limits.

    A vertical line is drawn when ``w[1] == 0``; ``w == 0`` draws nothing (there is
    no boundary) and returns the axes unchanged.
    """
    ax = _ax(ax)
    w = as_vector(w, "w", length=2, length_of="the plane (2)")
    xlim, ylim = ax.get_xlim(), ax.get_ylim()
    style = {"color": LINE_COLOR, "lw": 2, **style}
    if w[1] != 0:
        xs = np.array(xlim)
        ax.plot(xs, -(w[0] * xs + b) / w[1], label=label_text, **style)
    elif w[0] != 0:
        ax.axvline(-b / w[0], label=label_text, **style)
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    return ax


def _grid(X, margin, resolution):
    lo, hi = X.min(axis=0) - margin, X.max(axis=0) + margin
    g1, g2 = np.meshgrid(np.linspace(lo[0], hi[0], resolution), np.linspace(lo[1], hi[1], resolution))
    return g1, g2, np.column_stack([g1.ravel(), g2.ravel()])


def decision_regions(score, X, t, ax=None, *, title="Decision regions", levels=(0.5,), probability=True, resolution=200):
    """Shade ``score(grid)`` behind the data and draw its contour(s) at ``levels``.

    Parameters
    ----------
    score : callable
        Maps an (M, 2) array to M numbers: probabilities P(t=1 | x) when
        ``probability`` (shaded from 0 to 1, boundary at 0.5), else raw scores
        (boundary at level 0: pass ``levels=(0,)``).
    X, t : the data, drawn on top with :func:`scatter_classes`.
    """
    ax = _ax(ax)
    X = as_matrix(X)
    g1, g2, grid = _grid(X, 1.0, resolution)
    z = np.asarray(score(grid), dtype=float).reshape(g1.shape)
    if probability:
        img = ax.contourf(g1, g2, z, levels=np.linspace(0, 1, 11), cmap="PuOr_r", alpha=0.35, vmin=0, vmax=1)
        ax.figure.colorbar(img, ax=ax, label="$P(t=1 \\mid x)$")
    ax.contour(g1, g2, z, levels=list(levels), colors=LINE_COLOR, linewidths=2)
    scatter_classes(X, t, ax, title=title)
    return ax


def plot_history(
    history, ax=None, *, label_text=None, title="Cost during training", xlabel="iteration", ylabel="cost $J$", logy=False
):
    """Plot a cost history (one value per iteration or epoch)."""
    ax = _ax(ax)
    h = as_vector(history, "history")
    ax.plot(np.arange(h.size), h, label=label_text, lw=2)
    if logy:
        ax.set_yscale("log")
    return label(ax, title, xlabel, ylabel, legend=label_text is not None)


def contour_path(f, path=None, ax=None, *, xlim=(-3, 3), ylim=(-3, 3), levels=20, title="Cost surface", resolution=200):
    """Contours of a cost ``f(w1, w2)`` (vectorized over arrays) and a descent path.

    ``path`` is an (n_steps + 1, 2) array of iterates (``gradient_descent``'s
    history); the start is marked with a circle and the end with a star.
    """
    ax = _ax(ax)
    w1, w2 = np.meshgrid(np.linspace(*xlim, resolution), np.linspace(*ylim, resolution))
    ax.contour(w1, w2, f(w1, w2), levels=levels, cmap="viridis", linewidths=0.8)
    if path is not None:
        p = as_matrix(path, "path")
        ax.plot(p[:, 0], p[:, 1], "-", color=CLASS_COLORS[1], lw=1.5, marker=".", ms=5, label=f"path ({p.shape[0] - 1} steps)")
        ax.plot(*p[0], "o", color=CLASS_COLORS[0], ms=8, label="start")
        ax.plot(*p[-1], "*", color=LINE_COLOR, ms=12, label="end")
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    return label(ax, title, "$w_1$", "$w_2$", legend=path is not None)


def plot_roc(fpr, tpr, ax=None, *, auc_value=None, point=None, title="ROC curve"):
    """ROC curve with the chance diagonal; ``point=(fpr, tpr)`` marks one threshold."""
    ax = _ax(ax)
    fpr = as_vector(fpr, "fpr")
    tpr = as_vector(tpr, "tpr", length=fpr.shape[0], length_of="fpr")
    name = "ROC" if auc_value is None else f"ROC (AUC = {auc_value:.3f})"
    ax.plot(fpr, tpr, color=CLASS_COLORS[0], lw=2, label=name, drawstyle="default")
    ax.plot([0, 1], [0, 1], ls="--", color="grey", label="chance (AUC = 0.5)")
    if point is not None:
        ax.plot(*point, "o", color=CLASS_COLORS[1], ms=10, mec="k", label="current threshold")
    ax.set_xlim(-0.01, 1.01)
    ax.set_ylim(-0.01, 1.01)
    ax.set_aspect("equal")
    return label(ax, title, "false positive rate (1 - specificity)", "true positive rate (recall)", legend=True)
