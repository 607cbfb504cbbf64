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
    "LINE_COLOR",
    "set_labels",
    "scatter_classes",
    "draw_line",
    "line_points",
    "mesh",
    "decision_regions",
    "plot_history",
    "contour_path",
    "plot_roc",
    "plot_confusion_matrix",
    "plot_projection",
    "plot_curves",
    "informative_mask",
    "plot_weights",
    "plot_coefficient_paths",
    "curve_path",
    "plot_history_against",
    "draw_gaussian",
    "ellipse_points",
    "compare_boundaries",
    "plot_chords",
    "plot_word_weights",
    "plot_top_words",
]

#: Okabe & Ito (2008) colour-blind-safe palette: blue, orange, and a third for extras.
CLASS_COLORS = ("#0072B2", "#E69F00", "#009E73")
CLASS_MARKERS = ("o", "^", "s")
LINE_COLOR = "#000000"


def _ax(ax):
    return plt.gca() if ax is None else ax


def set_labels(ax, title: str | None = None, xlabel: str | None = None, ylabel: str | None = None, *, legend: bool = False):
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
    return set_labels(ax, title, xlabel, ylabel, legend=True)


def draw_line(w, b=0.0, ax=None, *, label="boundary $w^T x + b = 0$", **style):
    """Draw the line ``w[0] x1 + w[1] x2 + b = 0`` across the current axis limits.

    A vertical line is drawn when ``w[1] == 0``; ``w == 0`` draws nothing (there is
    no boundary) and returns the axes unchanged.
    """
    ax = _ax(ax)
    xlim, ylim = ax.get_xlim(), ax.get_ylim()
    xs, ys = line_points(w, b, xlim, ylim)
    if xs.size:
        ax.plot(xs, ys, label=label, **{"color": LINE_COLOR, "lw": 2, **style})
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    return ax


def line_points(w, b, xlim, ylim):
    """End points ``(xs, ys)`` of the line ``w[0] x1 + w[1] x2 + b = 0`` across the
    box ``xlim`` x ``ylim`` (vertical when ``w[1] == 0``; empty arrays when
    ``w == 0``): what :func:`draw_line` draws, for an explorer to ``set_data``."""
    w = as_vector(w, "w", length=2, length_of="the plane (2)")
    if w[1] != 0:
        xs = np.array(xlim, dtype=float)
        return xs, -(w[0] * xs + b) / w[1]
    if w[0] != 0:
        return np.full(2, -b / w[0]), np.array(ylim, dtype=float)
    return np.empty(0), np.empty(0)


def mesh(xlim, ylim, resolution: int):
    """A ``resolution`` x ``resolution`` grid over a box: ``(g1, g2, points)``, the
    two coordinate arrays and the same points as an (M, 2) array for a model."""
    g1, g2 = np.meshgrid(np.linspace(*xlim, resolution), np.linspace(*ylim, resolution))
    return g1, g2, np.column_stack([g1.ravel(), g2.ravel()])


def _grid(X, margin, resolution):
    lo, hi = X.min(axis=0) - margin, X.max(axis=0) + margin
    return mesh((lo[0], hi[0]), (lo[1], hi[1]), resolution)


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


def plot_history(history, ax=None, *, xlabel="iteration", **options):
    """Plot a cost history (one value per iteration or epoch) against its index 0, 1, 2, ...

    :func:`plot_history_against` with ``x = np.arange(len(history))``; ``options``
    (``label``, ``title``, ``ylabel``, ``logy``, ``marker``) are its keywords, with its
    defaults.
    """
    h = as_vector(history, "history")
    return plot_history_against(np.arange(h.size), h, ax, xlabel=xlabel, **options)


def contour_path(f, path=None, ax=None, *, xlim=(-3, 3), ylim=(-3, 3), levels=20, title="Cost surface", resolution=200):
    """Contours of a cost ``f(w1, w2)`` (vectorized over arrays) and a descent path.

    ``path`` is an (n_steps + 1, 2) array of iterates (``gradient_descent``'s
    history); the start is marked with a circle and the end with a star.
    """
    ax = _ax(ax)
    w1, w2, _ = mesh(xlim, ylim, resolution)
    ax.contour(w1, w2, f(w1, w2), levels=levels, cmap="viridis", linewidths=0.8)
    if path is not None:
        p = as_matrix(path, "path")
        ax.plot(p[:, 0], p[:, 1], "-", color=CLASS_COLORS[1], lw=1.5, marker=".", ms=5, label=f"path ({p.shape[0] - 1} steps)")
        ax.plot(*p[0], "o", color=CLASS_COLORS[0], ms=8, label="start")
        ax.plot(*p[-1], "*", color=LINE_COLOR, ms=12, label="end")
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    return set_labels(ax, title, "$w_1$", "$w_2$", legend=path is not None)


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
    return set_labels(ax, title, "false positive rate (1 - specificity)", "true positive rate (recall)", legend=True)


def plot_confusion_matrix(cm, ax=None, *, class_names=("negative", "positive"), title="Confusion matrix", cmap="Blues"):
    """Annotated heat map of a 2 x 2 confusion matrix ``[[TN, FP], [FN, TP]]``.

    Rows are the true class, columns the prediction (the layout of
    :func:`mlhelpers.confusion_matrix` and scikit-learn). Each cell shows its name
    (TN, FP, FN, TP) and its count; the shade grows with the count.

    Parameters
    ----------
    cm : array_like of shape (2, 2)
        Non-negative counts.
    class_names : sequence of 2 str
        Names of class 0 and class 1, used in the tick labels.
    """
    ax = _ax(ax)
    cm = as_matrix(cm, "cm")
    if cm.shape != (2, 2) or np.any(cm < 0):
        raise ValueError(f"cm must be a 2 x 2 matrix of non-negative counts [[TN, FP], [FN, TP]], got shape {cm.shape}")
    if len(class_names) != 2:
        raise ValueError(f"class_names must hold 2 names, got {len(class_names)}")
    ax.imshow(cm, cmap=cmap, vmin=0, vmax=max(cm.max(), 1))
    names = (("TN", "FP"), ("FN", "TP"))
    threshold = cm.max() / 2
    for i in range(2):
        for j in range(2):
            colour = "white" if cm[i, j] > threshold else "black"
            ax.text(j, i, f"{names[i][j]}\n{cm[i, j]:g}", ha="center", va="center", color=colour, fontsize=12)
    ax.set_xticks([0, 1], [f"pred. {name}" for name in class_names])
    ax.set_yticks([0, 1], [f"true {name}" for name in class_names], rotation=90, va="center")
    return set_labels(ax, title, "predicted class", "true class")


# ------------------------------------------------------------ notebook 01: projections
def plot_projection(X, t, w, b=0.0, axes=None, *, title="Projections onto $w$"):
    """The perceptron as a projection: each score w^T x is a dot product.

    Left: the points, the weight vector ``w`` drawn from the origin, the line along
    ``w``, each point's foot ``(x^T u) u`` on it (``u = w / ||w||``) joined by a
    dashed segment, and the boundary ``w^T x + b = 0``. Right: the same points as
    their projections ``x^T u`` on a one-dimensional axis, with the threshold
    ``-b / ||w||`` (where the score is 0) marked: the perceptron orders the points
    on a line and cuts that line once.

    Parameters
    ----------
    X : array_like of shape (N, 2)
    t : array_like of shape (N,)
        Labels 0/1 or -1/+1.
    w : array_like of shape (2,), nonzero
    b : float
    axes : pair of matplotlib Axes, optional
        Where to draw (the plane, then the line); default a new 1 x 2 figure.

    Returns
    -------
    axes : (ax_plane, ax_line)
    """
    X = as_matrix(X)
    t = as_vector(t, "t", length=X.shape[0])
    w = as_vector(w, "w", length=2, length_of="the plane (2)")
    norm = float(np.linalg.norm(w))
    if norm == 0:
        raise ValueError("w must be nonzero: there is no direction to project onto")
    if X.shape[1] != 2:
        raise ValueError(f"X must have 2 columns to draw in the plane, got {X.shape[1]}")
    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(11, 4.5), width_ratios=(1.1, 1), layout="constrained")
    ax, ax1 = axes
    u = w / norm
    s = X @ u  # signed length of each projection along w
    feet = np.outer(s, u)
    scatter_classes(X, t, ax, title=title)
    for x, p in zip(X, feet):
        ax.plot([x[0], p[0]], [x[1], p[1]], ls="--", lw=0.8, color="grey")
    labels = np.unique(t)
    for k, value in enumerate(labels):
        rows = t == value
        ax.scatter(feet[rows, 0], feet[rows, 1], marker=CLASS_MARKERS[k], s=25, facecolors="none", edgecolors=CLASS_COLORS[k])
    reach = float(np.abs(np.vstack([X, feet, [[0.0, 0.0]]])).max()) + 0.7
    ax.set_xlim(-reach, reach)
    ax.set_ylim(-reach, reach)
    ax.set_aspect("equal")
    along = 2 * reach * np.array([-u, u])
    ax.plot(along[:, 0], along[:, 1], ls=":", color="grey", label="line along $w$")
    ax.annotate("", xy=tuple(w), xytext=(0, 0), arrowprops={"arrowstyle": "->", "lw": 2, "color": CLASS_COLORS[2]})
    ax.plot([], [], color=CLASS_COLORS[2], lw=2, label="$w$")
    draw_line(w, b, ax)
    ax.set_xlim(-reach, reach)
    ax.set_ylim(-reach, reach)
    set_labels(ax, legend=True)
    ax.legend(loc="lower left", fontsize="small", framealpha=0.9)
    for k, value in enumerate(labels):
        rows = t == value
        name = f"t = {value:+g}" if labels.min() < 0 else f"class {value:g}"
        ax1.scatter(
            s[rows], np.zeros(rows.sum()), marker=CLASS_MARKERS[k], c=CLASS_COLORS[k], s=60, alpha=0.7, edgecolors="k", label=name
        )
    threshold = -b / norm + 0.0  # + 0.0 turns -0.0 into 0.0 for the label
    ax1.axvline(threshold, color=LINE_COLOR, lw=2, label=f"threshold $-b/\\|w\\| = {threshold:.3g}$ (score 0)")
    ax1.axhline(0, color="grey", lw=0.8)
    ax1.set_yticks([])
    ax1.set_ylim(-1, 1)
    ax1.set_box_aspect(0.4)
    span = max(float(np.abs(s).max()), abs(threshold)) + 0.5
    ax1.set_xlim(-span, span)
    set_labels(ax1, "The same points on one axis", "projection $x^T w / \\|w\\|$", legend=True)
    return ax, ax1


# ------------------------------------------------- curves of one variable (03, 04)
_CURVE_STYLES = ("-", "--", "-.", ":")


def plot_curves(x, curves, ax=None, *, marks=(), title=None, xlabel=None, ylabel=None, logy=False, ylim=None):
    """Several functions of one variable on one axis, told apart by colour AND line style.

    Parameters
    ----------
    x : array_like of shape (M,)
        Common abscissa.
    curves : dict of label -> array_like of shape (M,)
        One line per entry, drawn in order (colours and styles cycle over the
        Okabe-Ito palette and ``-``, ``--``, ``-.``, ``:``). Non-finite values are
        left out of the line (a gap), never drawn as a jump.
    marks : sequence of (x, y, label)
        Points to highlight (e.g. a maximum), drawn as black stars.
    logy : bool
        Logarithmic y axis (all finite values must then be positive).
    ylim : (low, high), optional

    Returns
    -------
    ax
    """
    ax = _ax(ax)
    x = as_vector(x, "x")
    if not curves:
        raise ValueError("curves must hold at least one label -> values entry")
    palette = (*CLASS_COLORS, "#CC79A7", "#56B4E9", "#D55E00")
    for k, (name, values) in enumerate(curves.items()):
        y = np.asarray(values, dtype=float)
        if y.shape != x.shape:
            raise ValueError(f"curve {name!r} has shape {y.shape}, expected {x.shape} (the shape of x)")
        y = np.where(np.isfinite(y), y, np.nan)  # inf/-inf become gaps
        ax.plot(x, y, ls=_CURVE_STYLES[k % len(_CURVE_STYLES)], color=palette[k % len(palette)], lw=2, label=name)
    for mx, my, text in marks:
        ax.plot([mx], [my], "*", color=LINE_COLOR, ms=13, zorder=5, label=text)
    if logy:
        ax.set_yscale("log")
    if ylim is not None:
        ax.set_ylim(*ylim)
    return set_labels(ax, title, xlabel, ylabel, legend=True)


# ------------------------------------------ notebook 07: weight vectors and paths
def informative_mask(informative, d: int) -> np.ndarray:
    """Boolean mask of length ``d`` from a sequence of feature indices (None: none)."""
    mask = np.zeros(d, dtype=bool)
    if informative is None:
        return mask
    idx = np.asarray(informative)
    if idx.ndim != 1 or idx.dtype.kind not in "iu":
        raise ValueError(f"informative must be a 1-D sequence of feature indices, got {informative!r}")
    if idx.size and (idx.min() < 0 or idx.max() >= d):
        raise ValueError(f"informative holds indices outside 0..{d - 1}: {idx.tolist()}")
    mask[idx] = True
    return mask


def plot_weights(w, ax=None, *, informative=None, title="Weights", xlabel="feature $j$", ylabel="weight $w_j$", ylim=None):
    """One bar per weight; weights that are exactly 0 are marked with a cross on the axis.

    Parameters
    ----------
    w : array_like of shape (D,)
    informative : sequence of int, optional
        Indices of the features that carry signal: their bars are orange and
        hatched, the others plain blue (colour AND texture, so it reads in grey).
    ylim : (low, high), optional
        Fixed y limits, so that several bar plots compare at a glance.

    Returns
    -------
    ax
    """
    ax = _ax(ax)
    w = as_vector(w, "w")
    mask = informative_mask(informative, w.size)
    j = np.arange(w.size)
    if mask.any():
        ax.bar(j[mask], w[mask], color=CLASS_COLORS[1], hatch="//", edgecolor="k", lw=0.4, label=f"informative ({mask.sum()})")
    ax.bar(j[~mask], w[~mask], color=CLASS_COLORS[0], edgecolor="k", lw=0.4, label="useless" if mask.any() else "weights")
    zero = w == 0
    if zero.any():
        ax.plot(j[zero], np.zeros(zero.sum()), "x", color="grey", ms=5, label=f"exactly 0 ({zero.sum()})")
    ax.axhline(0, color="k", lw=0.6)
    if ylim is not None:
        ax.set_ylim(*ylim)
    return set_labels(ax, title, xlabel, ylabel, legend=True)


def plot_coefficient_paths(
    lams, W, ax=None, *, informative=None, title="Coefficient paths", xlabel="$\\lambda$", ylabel="weight $w_j$"
):
    """Each weight as a function of the penalty strength, on a logarithmic lambda axis.

    Parameters
    ----------
    lams : array_like of shape (K,), positive
        The penalty strengths (any order; drawn sorted).
    W : array_like of shape (K, D)
        ``W[k]`` is the weight vector fitted with ``lams[k]``.
    informative : sequence of int, optional
        Indices of the features that carry signal: solid orange lines; the others
        thin dashed blue ones.

    Returns
    -------
    ax
    """
    from matplotlib.collections import LineCollection

    ax = _ax(ax)
    lams = as_vector(lams, "lams")
    W = as_matrix(W, "W")
    if W.shape[0] != lams.size:
        raise ValueError(f"W must have one row per lambda ({lams.size}), got shape {W.shape}")
    if np.any(lams <= 0):
        raise ValueError("lams must be positive for a logarithmic axis")
    order = np.argsort(lams)
    lams, W = lams[order], W[order]
    mask = informative_mask(informative, W.shape[1])
    useless = np.flatnonzero(~mask)
    if useless.size:  # one LineCollection for the many useless lines: one artist, one legend entry, fast to draw
        segments = np.stack([np.column_stack([lams, W[:, j]]) for j in useless])
        lines = LineCollection(segments, linestyles="--", linewidths=0.8, colors=CLASS_COLORS[0], alpha=0.7)
        lines.set_label("useless" if mask.any() else "weights")
        ax.add_collection(lines)
    for k, j in enumerate(np.flatnonzero(mask)):
        ax.plot(lams, W[:, j], ls="-", lw=2, color=CLASS_COLORS[1], label="informative" if k == 0 else None)
    ax.autoscale_view()
    ax.axhline(0, color="k", lw=0.6)
    ax.set_xscale("log")
    return set_labels(ax, title, xlabel, ylabel, legend=True)


# ------------------------------------------------- notebook 05: gradient descent
def curve_path(f, path, ax=None, *, wlim=None, title="Gradient descent on $J(w)$", xlabel="$w$", ylabel="$J(w)$", resolution=400):
    """A cost of one weight, ``J(w)``, with the iterates of a descent drawn on it.

    Parameters
    ----------
    f : callable
        The cost, vectorized over a 1-D array of weights.
    path : array_like of shape (K + 1,)
        The iterates ``w_0, ..., w_K`` (the history of
        :func:`mlhelpers.gradient_descent` for a scalar ``w0``). Consecutive iterates
        are joined by straight segments (the jumps); the start is a circle, the end
        a star.
    wlim : (low, high), optional
        The range of ``w`` drawn; default symmetric about 0, covering the path with a
        10% margin.

    Returns
    -------
    ax
    """
    ax = _ax(ax)
    p = as_vector(path, "path")
    if wlim is None:
        reach = 1.1 * float(np.abs(p).max()) or 1.0
        wlim = (-reach, reach)
    w = np.linspace(*wlim, resolution)
    ax.plot(w, f(w), color="grey", lw=1.5, label="$J(w)$")
    ax.plot(p, f(p), "-", color=CLASS_COLORS[1], lw=1.2, marker=".", ms=6, label=f"iterates ({p.size - 1} steps)")
    ax.plot(p[0], f(p[:1])[0], "o", color=CLASS_COLORS[0], ms=8, label="start")
    ax.plot(p[-1], f(p[-1:])[0], "*", color=LINE_COLOR, ms=12, label="end")
    ax.set_xlim(*wlim)
    return set_labels(ax, title, xlabel, ylabel, legend=True)


def plot_history_against(
    x,
    history,
    ax=None,
    *,
    label=None,
    title="Cost during training",
    xlabel="time",
    ylabel="cost $J$",
    logx=False,
    logy=False,
    marker=None,
):
    """Plot a cost history against any abscissa (e.g. cumulative seconds or epochs).

    :func:`plot_history` puts the iteration number on the x axis; this one takes the
    x values, so runs whose steps cost different amounts of time compare on one
    axis.

    Parameters
    ----------
    x : array_like of shape (K,)
        Abscissa of each cost (positive when ``logx``).
    history : array_like of shape (K,)
    marker : str, optional
        A marker for every point (useful when a run has only a few).
    """
    ax = _ax(ax)
    h = as_vector(history, "history")
    x = as_vector(x, "x", length=h.size, length_of="history")
    ax.plot(x, h, lw=2, label=label, marker=marker)
    if logx:
        ax.set_xscale("log")
    if logy:
        ax.set_yscale("log")
    return set_labels(ax, title, xlabel, ylabel, legend=label is not None)


# ------------------------------------------------------------ notebook 02: Gaussian classes
def draw_gaussian(mu, cov, ax=None, *, radii=(1.0, 2.0), color=LINE_COLOR, label=None, **style):
    """Contours of a 2-D Gaussian density: the ellipses at Mahalanobis radius ``r``,
    ``(x - mu)^T cov^-1 (x - mu) = r^2``, for each ``r`` in ``radii`` (1 and 2
    "standard deviations"), and the mean marked with a cross.

    Parameters
    ----------
    mu : array_like of shape (2,)
    cov : array_like of shape (2, 2), symmetric positive definite
    radii : sequence of float > 0
    label : str, optional
        Legend entry (given to the first ellipse only).
    """
    ax = _ax(ax)
    mu = as_vector(mu, "mu", length=2, length_of="the plane (2)")
    cov = as_matrix(cov, "cov")
    if cov.shape != (2, 2) or not np.allclose(cov, cov.T):
        raise ValueError(f"cov must be a symmetric (2, 2) matrix, got shape {cov.shape}")
    try:
        chol = np.linalg.cholesky(cov)
    except np.linalg.LinAlgError:
        raise ValueError("cov must be positive definite (all eigenvalues > 0)") from None
    radii = as_vector(radii, "radii")
    if np.any(radii <= 0):
        raise ValueError("radii must all be > 0")
    style = {"lw": 1.2, "ls": "--", **style}
    for k, r in enumerate(radii):
        ax.plot(*ellipse_points(mu, chol, r), color=color, label=label if k == 0 else None, **style)
    ax.plot(*mu, marker="x", color=color, ms=10, mew=2.5, ls="none")
    return ax


_CIRCLE = np.vstack([np.cos(np.linspace(0, 2 * np.pi, 100)), np.sin(np.linspace(0, 2 * np.pi, 100))])  # (2, 100)


def ellipse_points(mu, chol, r: float):
    """``(x1, x2)`` of the ellipse at Mahalanobis radius ``r`` around ``mu`` for a
    covariance with Cholesky factor ``chol``: ``x = mu + r L z`` maps the unit circle
    ``|z| = 1`` onto it."""
    ellipse = np.asarray(mu)[:, None] + r * chol @ _CIRCLE
    return ellipse[0], ellipse[1]


_BOUNDARY_STYLES = (("#000000", "-"), ("#CC79A7", "--"), ("#009E73", "-."), ("#D55E00", ":"))


def compare_boundaries(models: dict, X, t, ax=None, *, level=0.5, title="Decision boundaries", resolution=200, lim=None):
    """Several classifiers' boundaries over the same data, one colour and line style each.

    Parameters
    ----------
    models : dict of name -> callable
        Each maps an (M, 2) array to M numbers (e.g. ``P(t=1 | x)``); its boundary is
        the contour at ``level``. At most 4.
    X, t : the data, drawn with :func:`scatter_classes`.
    level : float
        0.5 for probabilities, 0 for raw scores.
    lim : ((x1_min, x1_max), (x2_min, x2_max)), optional
        The region to draw; default the data's range plus a margin of 1.
    """
    ax = _ax(ax)
    X = as_matrix(X)
    if not models:
        raise ValueError("models must hold at least one name -> callable")
    if len(models) > len(_BOUNDARY_STYLES):
        raise ValueError(f"at most {len(_BOUNDARY_STYLES)} models can be told apart, got {len(models)}")
    if lim is None:
        g1, g2, grid = _grid(X, 1.0, resolution)
    else:
        g1, g2, grid = mesh(lim[0], lim[1], resolution)
    scatter_classes(X, t, ax, title=title, alpha=0.5, s=18)
    for (name, score), (color, ls) in zip(models.items(), _BOUNDARY_STYLES):
        if not callable(score):
            raise TypeError(f"models[{name!r}] must be callable, got {type(score).__name__}")
        z = np.asarray(score(grid), dtype=float).reshape(g1.shape)
        ax.contour(g1, g2, z, levels=[level], colors=color, linestyles=ls, linewidths=2)
        ax.plot([], [], color=color, ls=ls, lw=2, label=name)
    ax.set_xlim(g1.min(), g1.max())
    ax.set_ylim(g2.min(), g2.max())
    return set_labels(ax, legend=True)


# ------------------------------------------------- notebook 09: convexity chords
def _chord_below(f, a: float, b: float, n: int = 201) -> bool:
    """True if the chord from (a, f(a)) to (b, f(b)) passes below f somewhere between a and b."""
    lam = np.linspace(0.0, 1.0, n)
    fa, fb = np.asarray(f(np.array([a, b])), dtype=float)
    curve = np.asarray(f(lam * a + (1 - lam) * b), dtype=float)
    chord = lam * fa + (1 - lam) * fb
    return bool(np.any(curve > chord + 1e-12 * (1.0 + np.abs(chord))))


def plot_chords(f, pairs, ax=None, *, xlim=(-2.0, 2.0), title=None, xlabel="$x$", ylabel="$f(x)$", resolution=401):
    """A function of one variable and some of its chords: the picture of convexity.

    ``f`` is convex when every chord (the straight segment from ``(a, f(a))`` to
    ``(b, f(b))``) lies on or above the curve between ``a`` and ``b``. Chords
    that do are drawn as solid green lines; a chord that passes below the curve
    somewhere is drawn as a dashed red line, with its end points marked.

    Parameters
    ----------
    f : callable
        Vectorized: maps an array of x values to an array of f(x).
    pairs : sequence of (a, b)
        End points of the chords.
    xlim : (low, high)
        Range over which ``f`` is drawn.

    Returns
    -------
    ax
        The legend counts the chords above and below the curve.
    """
    ax = _ax(ax)
    pairs = as_matrix(pairs, "pairs")
    if pairs.shape[1] != 2:
        raise ValueError(f"pairs must hold (a, b) end points, shape (K, 2), got {pairs.shape}")
    xs = np.linspace(*xlim, resolution)
    ax.plot(xs, f(xs), color=LINE_COLOR, lw=2, label="$f$")
    below = [_chord_below(f, a, b) for a, b in pairs]
    styles = {False: dict(color=CLASS_COLORS[2], ls="-", lw=1.8), True: dict(color="#CC0000", ls="--", lw=1.8)}
    counts = {False: below.count(False), True: below.count(True)}
    names = {False: f"chord above the curve ({counts[False]})", True: f"chord BELOW the curve ({counts[True]})"}
    labelled = set()
    for (a, b), is_below in zip(pairs, below):
        ends = np.array([a, b])
        ax.plot(ends, f(ends), marker="o", ms=5, label=None if is_below in labelled else names[is_below], **styles[is_below])
        labelled.add(is_below)
    ax.set_xlim(*xlim)
    return set_labels(ax, title, xlabel, ylabel, legend=True)


# ------------------------------------------- notebook 10: words and their weights
def plot_word_weights(words, values, ax=None, *, title="Word weights", xlabel="weight $w_j$", ylabel=None, annotate=True):
    """One horizontal bar per word, the first at the top, its value written beside it.

    A positive value (pushing towards class 1, e.g. a positive review) is drawn in
    the class-1 colour, a negative one in the class-0 colour and hatched, so the
    sign reads in greyscale too; a dotted line marks 0.

    Parameters
    ----------
    words : sequence of str, length K >= 1
        Bar labels, drawn top to bottom in this order.
    values : array_like of shape (K,)
        Finite numbers (weights, or contributions to a score).
    annotate : bool
        Write each value (2 decimals) at the end of its bar.

    Returns
    -------
    ax
        The legend names the two colours.
    """
    ax = _ax(ax)
    words = [str(word) for word in words]
    if not words:
        raise ValueError("words is empty; give at least one word to draw")
    values = as_vector(values, "values", length=len(words), length_of="words")
    if not np.all(np.isfinite(values)):
        raise ValueError("values must be finite numbers")
    rows = np.arange(len(words))
    up = values >= 0
    style = {"edgecolor": "k", "linewidth": 0.5, "height": 0.7}
    if up.any():
        ax.barh(rows[up], values[up], color=CLASS_COLORS[1], label="towards class 1 (positive)", **style)
    if not up.all():
        ax.barh(rows[~up], values[~up], color=CLASS_COLORS[0], hatch="//", label="towards class 0 (negative)", **style)
    ax.axvline(0.0, color="grey", ls=":", lw=1)
    ax.set_yticks(rows, words)
    ax.set_ylim(len(words) - 0.5, -0.5)  # the first word at the top
    span = float(np.max(np.abs(values))) or 1.0
    lo, hi = min(values.min(), 0.0), max(values.max(), 0.0)
    ax.set_xlim(lo - (0.25 * span if lo < 0 else 0.05 * span), hi + (0.25 * span if hi > 0 else 0.05 * span))
    if annotate:
        for row, value in zip(rows, values):
            gap = 0.02 * span * (1 if value >= 0 else -1)
            ax.text(value + gap, row, f"{value:+.2f}", va="center", ha="left" if value >= 0 else "right", fontsize=8)
    return set_labels(ax, title, xlabel, ylabel, legend=True)


def plot_top_words(most_positive, most_negative, ax=None, *, title="The words with the largest weights", xlabel="weight $w_j$"):
    """The most positive and the most negative words of a linear model, as bars.

    Takes the two lists of ``(word, weight)`` that
    :func:`mlhelpers.text.top_words` returns: the most positive words are drawn
    at the top, largest first, and the most negative at the bottom, the most
    negative last, so the bars fall from the largest weight to the smallest.

    Returns
    -------
    ax
    """
    pairs = list(most_positive) + list(most_negative)[::-1]
    for pair in pairs:
        if not (isinstance(pair, tuple | list) and len(pair) == 2 and isinstance(pair[0], str)):
            raise TypeError(
                f"most_positive and most_negative must hold (word, weight) pairs as text.top_words returns, got {pair!r}"
            )
    if not pairs:
        raise ValueError("most_positive and most_negative are both empty")
    return plot_word_weights([word for word, _ in pairs], [weight for _, weight in pairs], ax, title=title, xlabel=xlabel)
