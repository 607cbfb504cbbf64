"""Builders of the course's ipywidgets explorers.

Every explorer is an :class:`Explorer`: sliders above an ``ipywidgets.Image``
that shows a matplotlib figure rendered to PNG with the Agg canvas (no pyplot, so
no inline-backend state and no leaked figures). Moving a slider calls the draw
function again and replaces the PNG. The explorer is driven from code exactly as
from the mouse::

    ex = boundary_explorer(X, t)
    ex.controls["w1"].value = 2.0      # redraws
    ex.image.value                     # the new PNG bytes
    ex.state                           # whatever the draw function reported

CSS classes ``mlh-explorer`` (the box) and ``mlh-explorer-figure`` (the image) let
the browser tests find them. Each builder has a static companion: call
:func:`static_panels` with a few chosen settings to draw the same picture as an
ordinary inline figure, which reads without a kernel (GitHub, the HTML site).
"""

from __future__ import annotations

import io

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ._validation import as_labels, as_matrix
from .functions import sigmoid
from .metrics import confusion_matrix, roc_auc, roc_curve
from .plotting import draw_line, plot_confusion_matrix, plot_roc, scatter_classes

__all__ = ["Explorer", "slider", "static_panels", "draw_sigmoid", "sigmoid_explorer", "draw_boundary", "boundary_explorer"]
__all__ += ["draw_threshold", "threshold_explorer"]


def slider(description: str, value: float, min: float, max: float, step: float, *, integer: bool = False):
    """A slider with readout that fires on release (``continuous_update=False``),
    so every move costs one redraw, not dozens."""
    cls = widgets.IntSlider if integer else widgets.FloatSlider
    kwargs = {} if integer else {"readout_format": ".3g"}
    return cls(
        value=value,
        min=min,
        max=max,
        step=step,
        description=description,
        continuous_update=False,
        style={"description_width": "initial"},
        **kwargs,
    )


class Explorer(widgets.VBox):
    """Sliders plus a figure redrawn by ``draw(fig, **values)`` whenever one moves.

    Parameters
    ----------
    draw : callable
        ``draw(fig, **values)`` draws on a fresh matplotlib Figure (or SubFigure)
        given the current slider values keyed by control name; whatever it returns
        is kept as ``state`` (e.g. the number of misclassified points), so tests
        and notebooks can read what the picture shows.
    controls : dict of name -> ipywidgets value widget
    figsize : (width, height) in inches; dpi : resolution of the PNG.

    Attributes
    ----------
    controls, image, figure, state, n_draws
    """

    def __init__(self, draw, controls: dict, *, figsize=(6.0, 4.5), dpi: int = 80):
        if not callable(draw):
            raise TypeError(f"draw must be callable, got {type(draw).__name__}")
        if not controls:
            raise ValueError("controls must hold at least one widget")
        self.draw = draw
        self.controls = dict(controls)
        self.figure = Figure(figsize=figsize, dpi=dpi, layout="constrained")
        FigureCanvasAgg(self.figure)
        # Shown at its own pixel size: a VBox would stretch it to the output width and blur it.
        self.image = widgets.Image(format="png", layout=widgets.Layout(align_self="flex-start", width="auto"))
        self.image.add_class("mlh-explorer-figure")
        self.n_draws = 0
        self.state = None
        for control in self.controls.values():
            control.observe(self._redraw, names="value")
        self._redraw()
        super().__init__([widgets.VBox(list(self.controls.values())), self.image])
        self.add_class("mlh-explorer")

    @property
    def values(self) -> dict:
        """Current control values, by name."""
        return {name: c.value for name, c in self.controls.items()}

    def _redraw(self, change=None) -> None:
        self.figure.clear()
        self.state = self.draw(self.figure, **self.values)
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png")
        self.image.value = buffer.getvalue()
        self.n_draws += 1


def static_panels(draw, settings: list[dict], *, ncols: int | None = None, panel_size=(4.5, 3.6), suptitle=None):
    """Draw ``draw(subfig, **s)`` for each settings dict ``s`` side by side, as an
    ordinary pyplot figure: the static companion of an explorer. Returns
    ``(fig, states)``."""
    if not settings:
        raise ValueError("settings must list at least one dict of control values")
    ncols = len(settings) if ncols is None else ncols
    nrows = int(np.ceil(len(settings) / ncols))
    fig = plt.figure(figsize=(panel_size[0] * ncols, panel_size[1] * nrows), layout="constrained")
    subfigs = np.atleast_1d(fig.subfigures(nrows, ncols)).ravel()
    states = [draw(sub, **s) for sub, s in zip(subfigs, settings)]
    for sub in subfigs[len(settings) :]:
        sub.set_visible(False)
    if suptitle:
        fig.suptitle(suptitle)
    return fig, states


# ------------------------------------------------------------------- explorers
def draw_sigmoid(fig, slope=1.0, shift=0.0):
    ax = fig.add_subplot()
    z = np.linspace(-8, 8, 400)
    ax.plot(z, sigmoid(slope * z + shift), lw=2, label=f"$\\sigma({slope:.3g}\\,z {shift:+.3g})$")
    ax.axhline(0.5, ls=":", color="grey")
    ax.set_ylim(-0.05, 1.05)
    ax.set_title("The sigmoid squashes any number into (0, 1)")
    ax.set_xlabel("$z$")
    ax.set_ylabel("$\\sigma$")
    ax.legend(loc="upper left")
    return {"slope": slope, "shift": shift}


def sigmoid_explorer() -> Explorer:
    """Notebook 00's self-check that widgets work: slope and shift of sigma(a z + c)."""
    return Explorer(
        draw_sigmoid,
        {"slope": slider("slope a", 1.0, -3.0, 3.0, 0.25), "shift": slider("shift c", 0.0, -4.0, 4.0, 0.5)},
        figsize=(5.5, 3.5),
    )


def draw_boundary(fig, X, t, w1=1.0, w2=1.0, b=0.0):
    """The line ``w1 x1 + w2 x2 + b = 0`` over the data, misclassified points circled.

    Targets may be 0/1 or -1/+1; a point is misclassified when the sign of its score
    disagrees with its label (score 0 counts as wrong). Returns
    ``{"misclassified": count}``.
    """
    ax = fig.add_subplot()
    signed = np.where(t > 0, 1, -1)
    score = X @ np.array([w1, w2]) + b
    wrong = signed * score <= 0
    scatter_classes(X, t, ax, title=f"$w = ({w1:.2g}, {w2:.2g})$, $b = {b:.2g}$: {int(wrong.sum())} misclassified")
    pad = 0.5
    ax.set_xlim(X[:, 0].min() - pad, X[:, 0].max() + pad)
    ax.set_ylim(X[:, 1].min() - pad, X[:, 1].max() + pad)
    ax.scatter(X[wrong, 0], X[wrong, 1], s=180, facecolors="none", edgecolors="#CC0000", linewidths=1.5, label="misclassified")
    draw_line([w1, w2], b, ax)
    ax.legend(loc="best", fontsize="small", framealpha=0.6)  # see-through: points under it stay visible
    return {"misclassified": int(wrong.sum())}


def boundary_explorer(X, t, *, w1=1.0, w2=1.0, b=0.0, limit=5.0) -> Explorer:
    """Sliders for ``w1``, ``w2``, ``b``; the line and the misclassified points redrawn.

    ``t`` may be 0/1 or -1/+1. ``state["misclassified"]`` counts the mistakes.
    """
    X = as_matrix(X)
    if X.shape[1] != 2:
        raise ValueError(f"X must have 2 columns, got {X.shape[1]}")
    t = np.asarray(t)
    as_labels(t, "t", allowed=(-1, 0, 1), length=X.shape[0])
    controls = {
        "w1": slider("w1", w1, -limit, limit, 0.1),
        "w2": slider("w2", w2, -limit, limit, 0.1),
        "b": slider("b", b, -2 * limit, 2 * limit, 0.25),
    }
    return Explorer(lambda fig, **v: draw_boundary(fig, X, t, **v), controls)


# ------------------------------------------------------- threshold (notebook 08)
def _threshold_rates(cm) -> dict:
    """Every rate of a 2 x 2 confusion matrix; NaN where the denominator is 0."""
    (tn, fp), (fn, tp) = np.asarray(cm, dtype=float)

    def ratio(num, den):
        return num / den if den > 0 else float("nan")

    return {
        "sensitivity": ratio(tp, tp + fn),
        "specificity": ratio(tn, tn + fp),
        "precision": ratio(tp, tp + fp),
        "f1": ratio(2 * tp, 2 * tp + fp + fn),
        "accuracy": ratio(tp + tn, tn + fp + fn + tp),
    }


def draw_threshold(fig, t, scores, threshold=0.5, *, class_names=("negative", "positive")):
    """Confusion matrix, rates and ROC point of the classifier ``scores >= threshold``.

    Three panels side by side: the confusion matrix as an annotated heat map, a
    bar per rate (sensitivity = recall, specificity, precision, F1, accuracy; an
    undefined rate, e.g. precision with no positive predictions, is written
    "undefined"), and the ROC curve with the current point (FPR, TPR).

    Parameters
    ----------
    fig : matplotlib Figure or SubFigure
    t : array_like of shape (N,), labels 0/1 (1 = positive)
    scores : array_like of shape (N,), e.g. ``predict_proba``
    threshold : float
        Predict 1 where ``scores >= threshold`` (the convention of the ROC curve).
    class_names : sequence of 2 str
        Names of class 0 and class 1 on the confusion matrix.

    Returns
    -------
    state : dict
        ``threshold``, the counts ``tn, fp, fn, tp``, the rates above (NaN where
        undefined) and the ROC point ``fpr, tpr``.
    """
    t = as_labels(t, "t")
    scores = np.asarray(scores, dtype=float)
    if scores.shape != t.shape:
        raise ValueError(f"scores must have the shape of t {t.shape}, got {scores.shape}")
    y_pred = (scores >= threshold).astype(np.int64)
    cm = confusion_matrix(t, y_pred)
    rates = _threshold_rates(cm)
    (tn, fp), (fn, tp) = cm
    fpr_point, tpr_point = fp / (fp + tn), tp / (tp + fn)
    ax_cm, ax_rates, ax_roc = fig.subplots(1, 3, width_ratios=[1.0, 1.1, 1.0])
    plot_confusion_matrix(cm, ax_cm, class_names=class_names, title=f"threshold = {threshold:.2f}")
    names = list(rates)
    values = np.array([rates[n] for n in names])
    shown = np.nan_to_num(values, nan=0.0)
    ax_rates.barh(names, shown, color="#0072B2")
    for k, v in enumerate(values):
        inside = not np.isnan(v) and v >= 0.25  # write the number inside a long bar, after a short one
        text = "undefined" if np.isnan(v) else f"{v:.3f}"
        x = v - 0.02 if inside else shown[k] + 0.02
        ax_rates.text(x, k, text, va="center", ha="right" if inside else "left", color="white" if inside else "black")
    ax_rates.set_xlim(0, 1)
    ax_rates.invert_yaxis()
    ax_rates.set_title("Rates at this threshold")
    ax_rates.set_xlabel("value")
    fpr, tpr, _ = roc_curve(t, scores)
    plot_roc(fpr, tpr, ax_roc, auc_value=roc_auc(t, scores), point=(fpr_point, tpr_point))
    ax_roc.legend(loc="lower right", fontsize="small")
    counts = {"tn": int(tn), "fp": int(fp), "fn": int(fn), "tp": int(tp)}
    rates = {n: float(v) for n, v in rates.items()}
    return {"threshold": float(threshold), **counts, **rates, "fpr": float(fpr_point), "tpr": float(tpr_point)}


def threshold_explorer(t, scores, *, threshold=0.5, class_names=("negative", "positive")) -> Explorer:
    """A slider for the decision threshold: confusion matrix, rates and ROC point move together.

    ``t`` are 0/1 labels, ``scores`` probabilities in [0, 1] (the slider spans
    [0, 1]). ``state`` is :func:`draw_threshold`'s dict.
    """
    t = as_labels(t, "t")
    scores = np.asarray(scores, dtype=float)
    if scores.shape != t.shape:
        raise ValueError(f"scores must have the shape of t {t.shape}, got {scores.shape}")
    if scores.min() < 0 or scores.max() > 1:
        raise ValueError("scores must be probabilities in [0, 1] for the threshold slider; pass predict_proba(X)")
    controls = {"threshold": slider("threshold", threshold, 0.0, 1.0, 0.01)}
    return Explorer(lambda fig, **v: draw_threshold(fig, t, scores, class_names=class_names, **v), controls, figsize=(12.0, 3.8))


# ------------------------------------------- notebook 03: cross-entropy explorer
def _check_1d_problem(x, t):
    from ._validation import as_vector

    x = as_vector(x, "x")
    if x.size == 0:
        raise ValueError("x must hold at least one sample")
    t = as_labels(t, "t", allowed=(0, 1), length=x.shape[0], length_of="x")
    return x, t


def draw_cross_entropy(fig, x, t, w=1.0, b=0.0):
    """A 1-D logistic model ``y = sigma(w x + b)`` over the samples ``(x_n, t_n)``,
    and the cross-entropy each sample pays.

    Left: the samples at height ``t_n`` (class by colour and marker), the curve
    ``sigma(w x + b)``, and for each sample a dotted segment from its target to its
    output ``y_n``. Right: the per-sample losses ``-[t log y + (1 - t) log(1 - y)]``
    (computed from the logits, so finite for any w, b), with the total cost (their
    mean) in the title and ``log 2`` (the loss of a coin flip, y = 0.5) dashed.

    Returns ``{"cost": mean loss, "losses": per-sample losses, "n_wrong": samples
    strictly on the wrong side of y = 0.5}`` (a sample with y = 0.5 exactly is
    undecided, not wrong).
    """
    from .plotting import CLASS_COLORS, CLASS_MARKERS, label

    x, t = _check_1d_problem(x, t)
    z = w * x + b
    y = sigmoid(z)
    losses = np.logaddexp(0.0, z) - t * z  # = -[t log y + (1-t) log(1-y)], stable
    cost = float(losses.mean())
    wrong = int(np.sum(np.where(t == 1, z < 0, z > 0)))
    ax, ax_loss = fig.subplots(1, 2)
    pad = 0.1 * (x.max() - x.min() + 1.0)
    grid = np.linspace(x.min() - pad, x.max() + pad, 300)
    ax.plot(grid, sigmoid(w * grid + b), color="k", lw=2, label=f"$y = \\sigma({w:.2g} x {b:+.2g})$")
    for k in (0, 1):
        rows = t == k
        style = {"c": CLASS_COLORS[k], "marker": CLASS_MARKERS[k], "s": 50, "edgecolors": "k", "linewidths": 0.5}
        ax.scatter(x[rows], t[rows], zorder=3, label=f"class {k}", **style)
    ax.vlines(x, np.minimum(t, y), np.maximum(t, y), colors="grey", linestyles=":", lw=1.5)
    ax.set_ylim(-0.08, 1.38)  # head room above y = 1 for the legend, so it hides no sample
    ax.set_yticks(np.linspace(0.0, 1.0, 6))
    label(ax, f"$w = {w:.2g}$, $b = {b:.2g}$: {wrong} on the wrong side", "$x$", "$y = P(t = 1 \\mid x)$")
    ax.legend(loc="upper center", ncol=3, fontsize=8, framealpha=0.9)
    index = np.arange(x.size)
    ax_loss.bar(index, losses, color=[CLASS_COLORS[k] for k in t], edgecolor="k", lw=0.5, alpha=0.8)
    for k in (0, 1):  # the class marker on top of each bar, so colour is not the only cue
        rows = t == k
        style = {"c": CLASS_COLORS[k], "marker": CLASS_MARKERS[k], "s": 40, "edgecolors": "k", "linewidths": 0.5}
        ax_loss.scatter(index[rows], losses[rows], zorder=3, label=f"class {k}", **style)
    ax_loss.axhline(np.log(2.0), ls="--", color="grey", label="$\\log 2$ (a coin flip)")
    ax_loss.set_xticks(index, [f"{v:.3g}" for v in x], fontsize=8)
    label(ax_loss, f"cost $J$ = mean loss = {cost:.3f}", "sample $x_n$", "loss $-\\log p(t_n \\mid x_n)$")
    ax_loss.set_ylim(0, 1.3 * max(losses.max(), np.log(2.0)))  # head room for the legend
    ax_loss.legend(loc="upper center", ncol=3, fontsize=8, framealpha=0.9)
    return {"cost": cost, "losses": losses, "n_wrong": wrong}


def cross_entropy_explorer(x, t, *, w=1.0, b=0.0, limit=6.0) -> Explorer:
    """Sliders for ``w`` and ``b`` of ``y = sigma(w x + b)`` on 1-D data; the curve,
    the per-sample cross-entropies and the cost are redrawn (:func:`draw_cross_entropy`)."""
    x, t = _check_1d_problem(x, t)
    controls = {"w": slider("w", w, -limit, limit, 0.1), "b": slider("b", b, -limit, limit, 0.25)}
    return Explorer(lambda fig, **v: draw_cross_entropy(fig, x, t, **v), controls, figsize=(9.0, 3.8))


__all__ += ["draw_cross_entropy", "cross_entropy_explorer"]


# ------------------------------------------------ notebook 07: regularization
PENALTIES = ("l2", "l1", "elasticnet")


def penalty_strengths(lam: float, penalty: str, *, l1_ratio: float = 0.5) -> tuple[float, float]:
    """Split one strength ``lam`` into ``(l2, l1)`` for a penalty type.

    ``"l2"`` gives ``(lam, 0)``, ``"l1"`` gives ``(0, lam)`` and ``"elasticnet"``
    gives ``((1 - l1_ratio) lam, l1_ratio lam)``, scikit-learn's ``l1_ratio``
    convention, so the cost is ``J + l2/2 ||w||^2 + l1 ||w||_1`` in every case.

    Examples
    --------
    >>> penalty_strengths(0.2, "elasticnet")
    (0.1, 0.1)
    """
    from ._validation import check_choice, check_fraction, check_nonnegative

    lam = check_nonnegative(lam, "lam")
    penalty = check_choice(penalty, "penalty", PENALTIES)
    if penalty == "l2":
        return lam, 0.0
    if penalty == "l1":
        return 0.0, lam
    r = check_fraction(l1_ratio, "l1_ratio")
    return (1.0 - r) * lam, r * lam


def fit_regularized(X, t, lam: float, penalty: str, *, l1_ratio: float = 0.5, max_iter: int = 20000):
    """Logistic regression with one penalty type and strength, solved fast enough for a slider.

    ``"l2"`` uses Newton's method (a handful of iterations). ``"l1"`` and
    ``"elasticnet"`` use proximal gradient descent with the step ``lr = 1 / L``,
    where ``L = ||[X 1]||_2^2 / (4 N) + l2`` bounds the curvature of the smooth part
    of the cost (sigma' <= 1/4), the largest step that is guaranteed to descend.

    Returns
    -------
    mlhelpers.LogisticRegression
        Fitted; a :class:`mlhelpers.ConvergenceWarning` is raised as a warning if the
        solver hit ``max_iter`` (very small ``lam`` on separable data).
    """
    from .models import LogisticRegression

    X = as_matrix(X)
    t = as_labels(t, "t", allowed=(0, 1), length=X.shape[0])
    l2, l1 = penalty_strengths(lam, penalty, l1_ratio=l1_ratio)
    if l1 == 0:
        return LogisticRegression(l2=l2, solver="newton", max_iter=100).fit(X, t)
    spectral = np.linalg.norm(np.column_stack([X, np.ones(X.shape[0])]), 2)
    lr = 1.0 / (spectral**2 / (4.0 * X.shape[0]) + l2)
    return LogisticRegression(l2=l2, l1=l1, solver="gd", lr=lr, max_iter=max_iter).fit(X, t)


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
    from .plotting import plot_weights

    X2 = as_matrix(X2, "X2")
    if X2.shape[1] != 2:
        raise ValueError(f"X2 must have 2 columns (it is drawn in the plane), got {X2.shape[1]}")
    lam = float(10.0**log10_lam)
    left = fit(X2, t2, lam, penalty)
    right = fit(X, t, lam, penalty)
    ax, ax_w = fig.subplots(1, 2, width_ratios=(1.0, 1.3))
    lo, hi = X2.min(axis=0) - 0.8, X2.max(axis=0) + 0.8
    g1, g2 = np.meshgrid(np.linspace(lo[0], hi[0], 60), np.linspace(lo[1], hi[1], 60))
    prob = left.predict_proba(np.column_stack([g1.ravel(), g2.ravel()])).reshape(g1.shape)
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


__all__ += ["PENALTIES", "penalty_strengths", "fit_regularized", "draw_regularization", "regularization_explorer"]


# ------------------------------------------------ notebook 05: gradient descent
def _quartic(w1, w2):
    return w1**2 + w2**4


def _quartic_grad(w):
    return np.array([2.0 * w[0], 4.0 * w[1] ** 3])


def _elongated(w1, w2):
    return 0.5 * (w1**2 + 8.0 * w2**2)


def _elongated_grad(w):
    return np.array([w[0], 8.0 * w[1]])


#: Cost surfaces of :func:`draw_descent`: name -> (J(w1, w2) vectorized, gradient of a (2,) array, LaTeX label).
DESCENT_SURFACES = {
    "quartic": (_quartic, _quartic_grad, "$J = w_1^2 + w_2^4$"),
    "elongated": (_elongated, _elongated_grad, "$J = (w_1^2 + 8 w_2^2) / 2$"),
}


def draw_descent(fig, lr=0.1, n_steps=20, w1=-2.5, w2=1.5, *, surface="quartic", lim=3.0, cost_panel=True):
    """Gradient descent on a two-weight cost: the path on the contours and J per step.

    Left: contours of the surface over ``[-lim, lim]^2`` with the path from
    ``(w1, w2)`` (:func:`mlhelpers.plotting.contour_path`); right: the cost at every
    iterate on a log scale. A run that leaves the picture (``|w| > 10 lim``) or
    overflows is cut there and reported as diverged.

    Parameters
    ----------
    fig : matplotlib Figure or SubFigure
    lr : float > 0
    n_steps : int >= 1
    w1, w2 : float
        The starting point.
    surface : {"quartic", "elongated"}
        ``w1^2 + w2^4`` (seed 001's exercise) or ``(w1^2 + 8 w2^2) / 2`` (stable
        for ``lr < 0.25``), see :data:`DESCENT_SURFACES`.
    cost_panel : bool
        Draw the right-hand panel of J per step (False: the contours only, with the
        final J in the title; lighter for static figures of several settings).

    Returns
    -------
    state : dict
        ``w`` (last iterate shown, (2,) array), ``J`` (its cost), ``steps`` (steps
        shown) and ``diverged`` (True if the run was cut or ended above its start).
    """
    import warnings

    from .optimize import gradient_descent
    from .plotting import contour_path, plot_history

    if surface not in DESCENT_SURFACES:
        raise ValueError(f"surface must be one of {sorted(DESCENT_SURFACES)}, got {surface!r}")
    f, grad, name = DESCENT_SURFACES[surface]
    with warnings.catch_warnings():  # an overflow (lr far too large) is reported in the state instead
        warnings.simplefilter("ignore", RuntimeWarning)
        _, path = gradient_descent(grad, np.array([w1, w2], dtype=float), lr=lr, n_steps=n_steps)
    outside = np.flatnonzero(np.abs(path).max(axis=1) > 10 * lim)
    cut = path.shape[0] < n_steps + 1 or outside.size > 0
    if outside.size:
        path = path[: outside[0] + 1]
    with np.errstate(over="ignore"):
        costs = f(path[:, 0], path[:, 1])
    diverged = bool(cut or costs[-1] > costs[0])
    ax_path, ax_cost = fig.subplots(1, 2) if cost_panel else (fig.add_subplot(), None)
    levels = np.geomspace(1e-3, f(np.array(lim), np.array(lim)), 15)
    title = f"{name}, lr = {lr:.3g}" + (": diverged" if diverged else "" if cost_panel else f": J = {costs[-1]:.2g}")
    contour_path(f, path, ax_path, xlim=(-lim, lim), ylim=(-lim, lim), levels=levels, title=title, resolution=120)
    ax_path.legend(loc="lower right", fontsize="small", framealpha=0.9)
    if cost_panel:
        title = f"$J$ after {path.shape[0] - 1} steps"
        plot_history(np.clip(costs, 1e-12, 1e12), ax_cost, logy=True, xlabel="step $k$", title=title)
    return {"w": path[-1].copy(), "J": float(costs[-1]), "steps": int(path.shape[0] - 1), "diverged": diverged}


def descent_explorer(*, surface="quartic", lr=0.1, n_steps=20, w1=-2.5, w2=1.5, lim=3.0, max_lr=0.6, max_steps=100) -> Explorer:
    """Sliders for the learning rate, the number of steps and the starting point;
    the descent path and its costs redrawn (see :func:`draw_descent`)."""
    if surface not in DESCENT_SURFACES:
        raise ValueError(f"surface must be one of {sorted(DESCENT_SURFACES)}, got {surface!r}")
    controls = {
        "lr": slider("learning rate lr", lr, 0.01, max_lr, 0.01),
        "n_steps": slider("steps", n_steps, 1, max_steps, 1, integer=True),
        "w1": slider("start w1", w1, -lim, lim, 0.1),
        "w2": slider("start w2", w2, -lim, lim, 0.1),
    }
    return Explorer(lambda fig, **v: draw_descent(fig, surface=surface, lim=lim, **v), controls, figsize=(10.0, 4.2))


# ------------------------------------------ notebook 06: training logistic regression
def _descent_run(X, t, lr, n_iter, l2, w0=None, b0=0.0):
    """``n_iter`` steps of batch gradient descent from (w0, b0); every cost and the final (w, b)."""
    from .optimize import _cost_and_gradient

    w = np.zeros(X.shape[1]) if w0 is None else np.array(w0, dtype=float)
    b, costs = float(b0), []
    for _ in range(n_iter):
        cost, dw, db = _cost_and_gradient(w, b, X, t, l2)
        costs.append(cost)
        w, b = w - lr * dw, b - lr * db
    costs.append(_cost_and_gradient(w, b, X, t, l2)[0])
    return w, float(b), np.array(costs)


def draw_training(
    fig, X, t, lr=1.0, n_iter=20, l2=0.01, *, w0=None, b0=0.0, reference=None, reference_label="Bayes / LDA", cost_panel=True
):
    """Logistic regression after ``n_iter`` steps of gradient descent from ``(w0, b0)``.

    Left: the data, the boundary ``w^T x + b = 0`` reached so far and, dashed, a
    ``reference = (w, b)`` boundary (e.g. the Bayes solution); right: the cost
    :func:`mlhelpers.logistic_cost` at every iterate up to ``n_iter``.

    Parameters
    ----------
    fig : matplotlib Figure or SubFigure
    X : ndarray of shape (N, 2)
    t : ndarray of shape (N,), labels 0/1
    lr : float > 0
    n_iter : int >= 0
    l2 : float >= 0
    w0, b0 : starting point (default w = 0, b = 0)
    reference : (w, b), optional
    cost_panel : bool
        Draw the cost curve on the right (False: the data panel only, with the cost
        in its title; lighter for static figures of several settings).

    Returns
    -------
    state : dict
        ``w``, ``b``, ``cost`` (at the last iterate), ``accuracy`` (on X, t) and
        ``n_iter``.
    """
    X = as_matrix(X)
    t = as_labels(t, "t", allowed=(0, 1), length=X.shape[0]).astype(float)
    w, b, costs = _descent_run(X, t, lr, n_iter, l2, w0, b0)
    accuracy = float(np.mean(((X @ w + b) > 0) == (t == 1)))
    ax_data, ax_cost = fig.subplots(1, 2) if cost_panel else (fig.add_subplot(), None)
    steps = "1 step" if n_iter == 1 else f"{n_iter} steps"
    title = f"after {steps}, lr = {lr:.3g}: accuracy {accuracy:.3f}"
    scatter_classes(X, t, ax_data, title=title if cost_panel else f"{title}\ncost {costs[-1]:.4f}")
    pad = 0.5
    ax_data.set_xlim(X[:, 0].min() - pad, X[:, 0].max() + pad)
    ax_data.set_ylim(X[:, 1].min() - pad, X[:, 1].max() + pad)
    if reference is not None:
        draw_line(reference[0], reference[1], ax_data, label_text=reference_label, ls="--", color="grey")
    draw_line(w, b, ax_data, label_text=f"$w = ({w[0]:.2f}, {w[1]:.2f})$, $b = {b:.2f}$")
    ax_data.legend(loc="upper left", fontsize="small", framealpha=0.9)
    state = {"w": w, "b": b, "cost": float(costs[-1]), "accuracy": accuracy, "n_iter": int(n_iter)}
    if not cost_panel:
        return state
    from .plotting import CLASS_COLORS, plot_history

    plot_history(costs, ax_cost, xlabel="iteration $k$", title=f"cost {costs[-1]:.4f} (l2 = {l2:.3g})", logy=True)
    ax_cost.plot([n_iter], [costs[-1]], "o", color=CLASS_COLORS[1], ms=7)
    ax_cost.set_xlim(0, max(n_iter, 1))
    return state


def training_explorer(X, t, *, lr=1.0, n_iter=20, l2=0.01, w0=None, b0=0.0, reference=None, max_iter=200, max_lr=5.0) -> Explorer:
    """Sliders for the learning rate, the number of iterations and ``l2``; the
    boundary and the cost curve redrawn (see :func:`draw_training`)."""
    X = as_matrix(X)
    if X.shape[1] != 2:
        raise ValueError(f"X must have 2 columns, got {X.shape[1]}")
    t = as_labels(t, "t", allowed=(0, 1), length=X.shape[0]).astype(float)
    controls = {
        "lr": slider("learning rate lr", lr, 0.05, max_lr, 0.05),
        "n_iter": slider("iterations", n_iter, 0, max_iter, 1, integer=True),
        "l2": slider("l2", l2, 0.0, 0.2, 0.005),
    }
    return Explorer(
        lambda fig, **v: draw_training(fig, X, t, w0=w0, b0=b0, reference=reference, **v), controls, figsize=(10.0, 4.2)
    )


__all__ += ["DESCENT_SURFACES", "draw_descent", "descent_explorer", "draw_training", "training_explorer"]


# ------------------------------------------------------------ notebook 02: LDA
def _lda_setting(m, rho, angle):
    """Means ``-mu1`` and ``mu1 = m * sqrt(2) * (cos angle, sin angle)`` (so (m, m) at
    45 degrees) and the shared covariance ``[[1, rho], [rho, 1]]``."""
    theta = np.radians(angle)
    mu1 = m * np.sqrt(2.0) * np.array([np.cos(theta), np.sin(theta)])
    return -mu1, mu1, np.array([[1.0, rho], [rho, 1.0]])


def lda_bayes_error(lda) -> float:
    """The error rate of an LDA classifier on the Gaussian classes it was built from:
    ``P(t=0) Phi((w^T mu0 + b) / s) + P(t=1) Phi(-(w^T mu1 + b) / s)`` with
    ``s = sqrt(w^T Sigma w)``, since the score ``w^T x + b`` of class k is Gaussian
    with mean ``w^T mu_k + b`` and variance ``w^T Sigma w``. ``lda`` is an
    :class:`mlhelpers.LDA` made with ``from_params`` (it keeps ``mu0``, ``mu1``, ``cov``,
    ``prior1``)."""
    from math import erfc, sqrt

    def phi(z):  # standard normal CDF
        return 0.5 * erfc(-z / sqrt(2.0))

    spread = sqrt(float(lda.w @ lda.cov @ lda.w))
    if spread == 0:  # equal means: the classifier always answers the likelier class
        return min(lda.prior1, 1.0 - lda.prior1)
    s0 = float(lda.w @ lda.mu0 + lda.b) / spread
    s1 = float(lda.w @ lda.mu1 + lda.b) / spread
    return (1.0 - lda.prior1) * phi(s0) + lda.prior1 * phi(-s1)


def draw_lda(fig, m=2.0, rho=0.0, prior1=0.5, angle=45.0, *, n_points=200, lim=6.0, random_state=0):
    """Two Gaussian classes with a shared covariance and their LDA (= Bayes) classifier.

    The means are ``mu0 = -mu1`` and ``mu1 = m sqrt(2) (cos angle, sin angle)`` (at the
    default 45 degrees, ``(-m, -m)`` and ``(m, m)``: seed 001's clouds for ``m = 2``);
    the shared covariance is ``[[1, rho], [rho, 1]]``; ``prior1 = P(t=1)``. Draws the
    posterior ``P(t=1 | x)`` as shading, the 1- and 2-sigma ellipses of both classes,
    ``n_points`` sample points (``round(n_points * prior1)`` of class 1; the same
    seeded standard-normal draws are reused, so points move smoothly as the sliders
    move), and the boundary ``w^T x + b = 0``.

    Returns
    -------
    state : dict
        ``w`` (tuple of 2 floats), ``b``, ``mu0``, ``mu1`` (tuples) and
        ``bayes_error`` (the error rate of this classifier on these classes; see
        :func:`lda_bayes_error`).
    """
    from .models import LDA
    from .plotting import draw_gaussian

    if not -1 < rho < 1:
        raise ValueError(f"rho must lie strictly between -1 and 1 (a valid correlation), got {rho:g}")
    if m < 0:
        raise ValueError(f"m must be >= 0, got {m:g}")
    mu0, mu1, cov = _lda_setting(m, rho, angle)
    lda = LDA.from_params(mu0, mu1, cov, prior1=prior1)
    error = lda_bayes_error(lda)

    ax = fig.add_subplot()
    g1, g2 = np.meshgrid(np.linspace(-lim, lim, 120), np.linspace(-lim, lim, 120))
    post = lda.predict_proba(np.column_stack([g1.ravel(), g2.ravel()])).reshape(g1.shape)
    img = ax.contourf(g1, g2, post, levels=np.linspace(0, 1, 11), cmap="PuOr_r", alpha=0.35, vmin=0, vmax=1)
    fig.colorbar(img, ax=ax, label="$P(t=1 \\mid x)$")

    rng = np.random.default_rng(random_state)
    z0, z1 = rng.standard_normal((n_points, 2)), rng.standard_normal((n_points, 2))
    chol = np.linalg.cholesky(cov)
    n1 = round(n_points * prior1)
    X = np.vstack([mu0 + z0[: n_points - n1] @ chol.T, mu1 + z1[:n1] @ chol.T])
    t = np.repeat([0, 1], [n_points - n1, n1])
    w1, w2, b = float(lda.w[0]), float(lda.w[1]), float(lda.b)
    scatter_classes(X, t, ax, title=f"$w = ({w1:.2f}, {w2:.2f})$, $b = {b:.2f}$; error rate {error:.1%}", s=14, alpha=0.6)
    draw_gaussian(mu0, cov, ax, color="#0072B2")
    draw_gaussian(mu1, cov, ax, color="#B35900")
    ax.set_xlim(-lim, lim)
    ax.set_ylim(-lim, lim)
    ax.set_aspect("equal")
    draw_line(lda.w, b, ax, label_text="LDA boundary")
    ax.legend(loc="upper left", fontsize="small", framealpha=0.9)
    return {"w": (w1, w2), "b": b, "mu0": tuple(mu0.tolist()), "mu1": tuple(mu1.tolist()), "bayes_error": error}


def lda_explorer(*, m=2.0, rho=0.0, prior1=0.5, angle=45.0) -> Explorer:
    """Sliders for the mean offset ``m``, the direction ``angle`` (degrees) of
    ``mu1 - mu0``, the correlation ``rho`` of the shared covariance and the prior
    ``P(t=1)``; the clouds, the posterior shading and the LDA boundary are redrawn
    (see :func:`draw_lda`). ``state`` reports ``w``, ``b`` and the error rate."""
    controls = {
        "m": slider("mean offset m", m, 0.0, 3.0, 0.25),
        "angle": slider("angle of μ1 − μ0 (°)", angle, 0.0, 180.0, 15.0),
        "rho": slider("correlation ρ", rho, -0.9, 0.9, 0.1),
        "prior1": slider("prior P(t=1)", prior1, 0.05, 0.95, 0.05),
    }
    return Explorer(lambda fig, **v: draw_lda(fig, **v), controls, figsize=(6.5, 5.0))


__all__ += ["lda_bayes_error", "draw_lda", "lda_explorer"]


# ------------------------------------------- ridge on polynomials (notebook 09)
def polynomial_features(x, degree: int) -> np.ndarray:
    """Columns ``x, x^2, ..., x^degree`` of a 1-D input, shape (N, degree).

    No column of ones: the bias stays apart, fitted by the model.

    Examples
    --------
    >>> polynomial_features(np.array([2.0, 3.0]), 3).tolist()
    [[2.0, 4.0, 8.0], [3.0, 9.0, 27.0]]
    """
    from ._validation import as_vector, check_positive_int

    x = as_vector(x, "x")
    return x[:, None] ** np.arange(1, check_positive_int(degree, "degree") + 1)


def _ridge_mse(degree, l2, x_train, t_train, x_test, t_test):
    from .models import LinearRegression

    model = LinearRegression(l2=l2).fit(polynomial_features(x_train, degree), t_train)
    train = np.mean((model.predict(polynomial_features(x_train, degree)) - t_train) ** 2)
    test = np.mean((model.predict(polynomial_features(x_test, degree)) - t_test) ** 2)
    return model, float(train), float(test)


def draw_ridge_fit(fig, x_train, t_train, x_test, t_test, log10_l2=-3.0, degree=9, *, lam_range=(-8.0, 1.0)):
    """Ridge regression on polynomial features of a 1-D input, and its error against the strength.

    Fits :class:`mlhelpers.LinearRegression` with ``l2 = 10 ** log10_l2`` on
    ``x, x^2, ..., x^degree``. Left: training and test points and the fitted
    curve. Right: training and test MSE for strengths across ``lam_range`` (log10
    of l2), the current strength marked by a vertical line.

    Returns
    -------
    state : dict
        ``degree``, ``l2``, ``train_mse``, ``test_mse`` (mean squared errors at the
        current setting) and ``w_norm`` (``||w||``, which ridge shrinks).
    """
    from ._validation import as_vector
    from .plotting import CLASS_COLORS, label, plot_curves

    x_train, x_test = as_vector(x_train, "x_train"), as_vector(x_test, "x_test")
    t_train = as_vector(t_train, "t_train", length=x_train.size, length_of="x_train")
    t_test = as_vector(t_test, "t_test", length=x_test.size, length_of="x_test")
    l2 = 10.0**log10_l2
    model, train_mse, test_mse = _ridge_mse(degree, l2, x_train, t_train, x_test, t_test)
    ax_fit, ax_err = fig.subplots(1, 2)
    ax_fit.scatter(x_test, t_test, s=12, marker="^", color=CLASS_COLORS[1], alpha=0.5, label="test points")
    ax_fit.scatter(x_train, t_train, s=40, marker="o", color=CLASS_COLORS[0], edgecolors="k", label="training points")
    lo, hi = min(x_train.min(), x_test.min()), max(x_train.max(), x_test.max())
    grid = np.linspace(lo, hi, 300)
    ax_fit.plot(grid, model.predict(polynomial_features(grid, degree)), color="k", lw=2, label="fitted curve")
    t_all = np.r_[t_train, t_test]
    pad = 0.5 * (t_all.max() - t_all.min())
    ax_fit.set_ylim(t_all.min() - pad, t_all.max() + pad)  # fixed, so a wild fit does not rescale the picture
    label(ax_fit, f"degree {degree}, $l_2 = 10^{{{log10_l2:.1f}}}$: test MSE {test_mse:.3f}", "$x$", "$t$", legend=True)
    lams = np.linspace(*lam_range, 25)
    errors = np.array([_ridge_mse(degree, 10.0**lam, x_train, t_train, x_test, t_test)[1:] for lam in lams])
    plot_curves(
        lams,
        {"training MSE": errors[:, 0], "test MSE": errors[:, 1]},
        ax_err,
        logy=True,
        title="Error against the penalty",
        xlabel="$\\log_{10} l_2$",
        ylabel="mean squared error",
    )
    ax_err.minorticks_off()  # fewer tick labels to lay out: a faster redraw
    ax_err.axvline(log10_l2, color="grey", ls=":", lw=2, label="current $l_2$")
    ax_err.legend(loc="upper left", fontsize="small")
    return {
        "degree": int(degree),
        "l2": float(l2),
        "train_mse": train_mse,
        "test_mse": test_mse,
        "w_norm": float(np.linalg.norm(model.w)),
    }


def ridge_explorer(
    x_train, t_train, x_test, t_test, *, log10_l2=-3.0, degree=9, max_degree=15, lam_range=(-8.0, 1.0)
) -> Explorer:
    """Sliders for the ridge strength (log10 l2) and the polynomial degree; the fit and the errors redrawn.

    ``state`` is :func:`draw_ridge_fit`'s dict (train/test MSE, ``||w||``).
    """
    from ._validation import as_vector

    x_train, x_test = as_vector(x_train, "x_train"), as_vector(x_test, "x_test")
    t_train = as_vector(t_train, "t_train", length=x_train.size, length_of="x_train")
    t_test = as_vector(t_test, "t_test", length=x_test.size, length_of="x_test")
    controls = {
        "log10_l2": slider("log10 l2", log10_l2, lam_range[0], lam_range[1], 0.25),
        "degree": slider("degree", degree, 1, max_degree, 1, integer=True),
    }
    return Explorer(
        lambda fig, **v: draw_ridge_fit(fig, x_train, t_train, x_test, t_test, lam_range=lam_range, **v),
        controls,
        figsize=(11.0, 4.0),
    )


__all__ += ["polynomial_features", "draw_ridge_fit", "ridge_explorer"]


# ------------------------------------- notebook 04: gradient and finite differences
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

    from .plotting import CLASS_COLORS, LINE_COLOR, label, plot_curves

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


__all__ += ["draw_gradient_check", "gradient_check_explorer"]


# ------------------------------------------- notebook 10: why a review got its score
def _check_reviews(token_lists, vocabulary, w, b, t, texts):
    """Validate the review explorer's data once; returns it as arrays and lists."""
    from ._validation import as_scalar, as_vector
    from .text import _check_token_lists, vocabulary_words

    docs = _check_token_lists(token_lists)
    words = vocabulary_words(vocabulary)
    w = as_vector(w, "w", length=len(words), length_of="the vocabulary")
    b = as_scalar(b, "b")
    if t is not None:
        t = as_labels(t, "t", allowed=(0, 1), length=len(docs), length_of="token_lists")
    if texts is not None:
        texts = list(texts)
        if len(texts) != len(docs) or not all(isinstance(s, str) for s in texts):
            raise ValueError(f"texts must be a list of {len(docs)} str, one per document of token_lists")
    return docs, w, b, t, texts


def draw_review(fig, token_lists, vocabulary, w, b, index=0, *, t=None, texts=None, k=10, class_names=("negative", "positive")):
    """Why a linear model gives one review its score: the contribution of each word.

    For review ``index``, the score is ``z = b + sum_j count_j w_j`` over the words
    of the vocabulary it contains (unknown words are dropped, as in
    :func:`mlhelpers.text.bag_of_words`), and ``P(positive) = sigma(z)``. Left: the
    ``k`` contributions ``count_j w_j`` largest in size, one bar each (a word that
    occurs twice is labelled "word x2"), plus one bar for the sum of all the other
    words and one for the bias ``b``: the bars add up to ``z``. Right: the
    probability as a bar against the threshold 0.5. The review's text (shortened)
    heads the figure when ``texts`` is given; its true class, when ``t`` is.

    Parameters
    ----------
    fig : matplotlib Figure or SubFigure
    token_lists : list of list of str
        Tokenized reviews (as passed to ``bag_of_words``).
    vocabulary : dict of str to int
    w : array_like of shape (V,), b : float
        A fitted linear model, e.g. ``LogisticRegression(...).fit(X, t)``.
    index : int
        Which review.
    t : array_like of 0/1, optional
        True classes.
    texts : list of str, optional
        The raw texts, for the heading.
    k : int
        Words shown by name.

    Returns
    -------
    state : dict
        ``index``, ``score`` (z), ``probability`` (sigma(z)), ``prediction`` (1 if
        sigma(z) > 0.5, as ``LogisticRegression.predict``), ``truth`` (or None),
        ``n_known`` and ``n_unknown`` (tokens in / not in the vocabulary),
        ``contributions`` (dict word -> count * w_j for every known word) and
        ``shown`` (the bar labels, top to bottom).
    """
    import textwrap
    from collections import Counter

    from .plotting import CLASS_COLORS, label, plot_word_weights

    docs, w, b, t, texts = _check_reviews(token_lists, vocabulary, w, b, t, texts)
    if not 0 <= index < len(docs):
        raise ValueError(f"index must be between 0 and {len(docs) - 1}, got {index}")
    counts = Counter(tok for tok in docs[index] if tok in vocabulary)
    n_unknown = sum(tok not in vocabulary for tok in docs[index])
    contributions = {word: count * float(w[vocabulary[word]]) for word, count in counts.items()}
    score = b + sum(contributions.values())
    probability = float(sigmoid(score))
    prediction = int(probability > 0.5)

    ranked = sorted(contributions, key=lambda word: (-abs(contributions[word]), word))
    named, rest = ranked[:k], ranked[k:]
    bars = [(f"{word} x{counts[word]}" if counts[word] > 1 else word, contributions[word]) for word in named]
    if rest:
        bars.append((f"({len(rest)} other words)", sum(contributions[word] for word in rest)))
    bars.sort(key=lambda bar: -bar[1])
    bars.append(("bias b", b))

    ax, ax_p = fig.subplots(1, 2, width_ratios=[4.0, 1.0])
    plot_word_weights(
        [name for name, _ in bars],
        [value for _, value in bars],
        ax,
        title=f"score $z$ = {score:+.2f}: the bars add up to it",
        xlabel="contribution to the score (count $\\times$ $w_j$)",
    )
    ax.legend(loc="best", fontsize="small", framealpha=0.9)
    ax_p.bar([0], [probability], width=0.6, color=CLASS_COLORS[prediction], hatch="" if prediction else "//", edgecolor="k")
    ax_p.axhline(0.5, color="k", ls="--", lw=1, label="threshold 0.5")
    ax_p.set_xlim(-0.6, 0.6)
    ax_p.set_ylim(0, 1)
    ax_p.set_xticks([])
    verdict = f"predicted {class_names[prediction]}"
    if t is not None:
        verdict += f"\ntrue: {class_names[int(t[index])]}" + (" (right)" if int(t[index]) == prediction else " (WRONG)")
    label(ax_p, f"$\\sigma(z)$ = {probability:.3f}", verdict, f"P({class_names[1]} | review)")
    ax_p.legend(loc="upper center", fontsize="x-small")
    heading = f"review {index}: {len(docs[index])} tokens, {n_unknown} not in the vocabulary"
    if texts is not None:
        shortened = textwrap.shorten(" ".join(texts[index].split()), width=240, placeholder=" ...")
        heading += "\n" + "\n".join(textwrap.wrap(f'"{shortened}"', width=110))
    fig.suptitle(heading, fontsize=9, ha="left", x=0.02)
    return {
        "index": int(index),
        "score": float(score),
        "probability": probability,
        "prediction": prediction,
        "truth": None if t is None else int(t[index]),
        "n_known": int(sum(counts.values())),
        "n_unknown": int(n_unknown),
        "contributions": contributions,
        "shown": [name for name, _ in bars],
    }


def review_explorer(
    token_lists, vocabulary, w, b, *, t=None, texts=None, index=0, k=10, class_names=("negative", "positive")
) -> Explorer:
    """A slider over the reviews: each word's contribution to the score and the probability.

    ``state`` is :func:`draw_review`'s dict for the review shown.
    """
    docs, w, b, t, texts = _check_reviews(token_lists, vocabulary, w, b, t, texts)
    controls = {"index": slider("review", index, 0, len(docs) - 1, 1, integer=True)}
    return Explorer(
        lambda fig, **v: draw_review(fig, docs, vocabulary, w, b, t=t, texts=texts, k=k, class_names=class_names, **v),
        controls,
        figsize=(10.0, 4.6),
    )


__all__ += ["draw_review", "review_explorer"]
