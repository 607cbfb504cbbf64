"""The decision threshold: confusion matrix, rates and ROC point together (notebook 08)."""

from __future__ import annotations

import warnings

import numpy as np
from matplotlib.patches import Rectangle

from .._validation import as_labels
from ..metrics import (
    UndefinedMetricWarning,
    accuracy,
    confusion_matrix,
    confusion_rates,
    f1_score,
    precision,
    roc_auc,
    roc_curve,
    sensitivity,
    specificity,
)
from ..plotting import plot_confusion_matrix, plot_roc
from ._explorer import Explorer, Scene, slider
from ._slots import TitleSlots

__all__ = ["ThresholdScene", "draw_threshold", "threshold_explorer", "threshold_rates"]


_RATES = {"sensitivity": sensitivity, "specificity": specificity, "precision": precision, "f1": f1_score, "accuracy": accuracy}


def threshold_rates(t, y_pred) -> dict:
    """Every rate of :mod:`mlhelpers.metrics` for these predictions; NaN where one is
    undefined (its denominator is 0, where the metric warns and returns 0)."""
    rates = {}
    for name, rate in _RATES.items():
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", UndefinedMetricWarning)
            value = rate(t, y_pred)
        rates[name] = float("nan") if any(issubclass(w.category, UndefinedMetricWarning) for w in caught) else float(value)
    return rates


class ThresholdScene(Scene):
    """The three panels and the ROC curve built once; the matrix, the bars, their
    numbers and the ROC point move.

    What moves is drawn cheaply: the matrix is four rectangles (an image of 2 x 2
    pixels costs its resampling to the screen); each cell's name and count are one
    line ("TN 110"); the title's words are static and only the threshold moves
    (:class:`._slots.TitleSlots`).
    """

    def __init__(self, fig, t, scores, *, class_names=("negative", "positive")):
        self.t, self.scores = t, scores
        self.ax_cm, ax_rates, ax_roc = fig.subplots(1, 3, width_ratios=[1.0, 1.1, 1.0])
        plot_confusion_matrix(np.ones((2, 2)), self.ax_cm, class_names=class_names, title=" ")
        image = self.ax_cm.images[0]  # it set the limits; four cells, plain rectangles, are cheaper to draw
        image.set_visible(False)
        self.cmap = image.get_cmap()
        self.matrix = [
            self.ax_cm.add_patch(Rectangle((j - 0.5, i - 0.5), 1.0, 1.0, lw=0, antialiased=False, zorder=0))
            for i in (0, 1)
            for j in (0, 1)
        ]
        self.cells = self.ax_cm.texts[:4]
        for cell in self.cells:
            cell.set_text("")
        self.title = TitleSlots(self.ax_cm, "threshold = {}", ["0.00"])
        self.bars = ax_rates.barh(list(_RATES), np.zeros(len(_RATES)), color="#0072B2")
        self.numbers = [ax_rates.text(0.0, k, "", va="center") for k in range(len(_RATES))]
        ax_rates.set_xlim(0, 1)
        ax_rates.invert_yaxis()
        ax_rates.set_title("Rates at this threshold")
        ax_rates.set_xlabel("value")
        fpr, tpr, _ = roc_curve(t, scores)
        plot_roc(fpr, tpr, ax_roc, auc_value=roc_auc(t, scores), point=(0.0, 0.0))
        self.point = ax_roc.get_lines()[-1]
        ax_roc.legend(loc="lower right", fontsize="small")
        self.animated = [*self.matrix, *self.cells, *self.title.animated, *self.bars, *self.numbers, self.point]

    def update(self, threshold=0.5):
        y_pred = (self.scores >= threshold).astype(np.intp)
        cm = confusion_matrix(self.t, y_pred)
        every = confusion_rates(cm)  # from the counts, as each metric computes it (NaN where undefined)
        rates = {name: every[name] for name in _RATES}
        (tn, fp), (fn, tp) = cm
        fpr_point, tpr_point = 1.0 - every["specificity"], every["recall"]  # the ROC point: FP / negatives, TP / positives
        for cell, colour in zip(self.matrix, self.cmap(cm.ravel() / max(cm.max(), 1))):  # the shade grows with the count
            cell.set_facecolor(colour)
        for cell, name, count in zip(self.cells, ("TN", "FP", "FN", "TP"), cm.ravel()):
            cell.set_text(f"{name} {count:g}")  # one line: a frame pays per line of text drawn
            cell.set_color("white" if count > cm.max() / 2 else "black")
        self.title.set(f"{threshold:.2f}")
        for bar, number, v in zip(self.bars, self.numbers, rates.values()):
            shown = 0.0 if np.isnan(v) else v
            bar.set_width(shown)
            inside = not np.isnan(v) and v >= 0.25  # write the number inside a long bar, after a short one
            number.set_text("undefined" if np.isnan(v) else f"{v:.3f}")
            number.set_x(v - 0.02 if inside else shown + 0.02)
            number.set_horizontalalignment("right" if inside else "left")
            number.set_color("white" if inside else "black")
        self.point.set_data([fpr_point], [tpr_point])
        counts = {"tn": int(tn), "fp": int(fp), "fn": int(fn), "tp": int(tp)}
        return {"threshold": float(threshold), **counts, **rates, "fpr": float(fpr_point), "tpr": float(tpr_point)}


def _check_scores(t, scores):
    t = as_labels(t, "t")
    scores = np.asarray(scores, dtype=float)
    if scores.shape != t.shape:
        raise ValueError(f"scores must have the shape of t {t.shape}, got {scores.shape}")
    return t, scores


def draw_threshold(fig, t, scores, threshold=0.5, *, class_names=("negative", "positive")):
    """Confusion matrix, rates and ROC point of the classifier ``scores >= threshold``.

    Three panels side by side: the confusion matrix as an annotated heat map, a
    bar per rate (sensitivity = recall, specificity, precision, F1, accuracy, from
    :mod:`mlhelpers.metrics`; an undefined rate, e.g. precision with no positive
    predictions, is written "undefined"), and the ROC curve with the current point
    (FPR, TPR).

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
    t, scores = _check_scores(t, scores)
    return ThresholdScene(fig, t, scores, class_names=class_names).update(threshold=threshold)


def threshold_explorer(t, scores, *, threshold=0.5, class_names=("negative", "positive")) -> Explorer:
    """A slider for the decision threshold: confusion matrix, rates and ROC point move together.

    ``t`` are 0/1 labels, ``scores`` probabilities in [0, 1] (the slider spans
    [0, 1]). ``state`` is :func:`draw_threshold`'s dict.
    """
    t, scores = _check_scores(t, scores)
    if scores.min() < 0 or scores.max() > 1:
        raise ValueError("scores must be probabilities in [0, 1] for the threshold slider; pass predict_proba(X)")
    controls = {"threshold": slider("threshold", threshold, 0.0, 1.0, 0.01)}
    scene = lambda fig: ThresholdScene(fig, t, scores, class_names=class_names)  # noqa: E731
    return Explorer(scene, controls, figsize=(12.0, 3.8), scene=True)
