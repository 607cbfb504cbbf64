"""The decision threshold: confusion matrix, rates and ROC point together (notebook 08)."""

from __future__ import annotations

import numpy as np

from .._validation import as_labels
from ..metrics import confusion_matrix, roc_auc, roc_curve
from ..plotting import plot_confusion_matrix, plot_roc
from ._explorer import Explorer, slider

__all__ = ["draw_threshold", "threshold_explorer"]


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
    y_pred = (scores >= threshold).astype(np.intp)
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
