"""Binary classification metrics with scikit-learn's conventions.

Labels are 0/1 (1 = positive); ``y_pred`` are predicted labels, ``scores`` any
real-valued confidence (probabilities or logits).

Degenerate cases, decided once for the whole module and matching scikit-learn's
default ``zero_division="warn"``:

* a ratio whose denominator is zero (precision with no positive predictions,
  recall with no positive targets, specificity with no negative targets, F1 with
  neither) issues :class:`UndefinedMetricWarning` and returns 0.0;
* the ROC curve and its AUC need both classes in ``t``: with one class they raise
  ``ValueError`` (scikit-learn's ``roc_auc_score`` raises too).
"""

from __future__ import annotations

import numpy as np

from ._validation import as_labels, as_numeric, as_vector, check_choice
from ._warnings import warn

__all__ = [
    "UndefinedMetricWarning",
    "accuracy",
    "auc",
    "confusion_matrix",
    "confusion_rates",
    "f1_score",
    "precision",
    "recall",
    "roc_auc",
    "roc_curve",
    "sensitivity",
    "specificity",
]


class UndefinedMetricWarning(UserWarning):
    """A metric's denominator is zero; the metric is reported as 0.0."""


def _labels_pair(t, y_pred):
    t = as_labels(t, "t")
    y_pred = as_labels(y_pred, "y_pred", length=t.shape[0], length_of="t")
    return t, y_pred


def confusion_matrix(t, y_pred) -> np.ndarray:
    """Counts ``[[TN, FP], [FN, TP]]``: rows are the true class, columns the prediction.

    Examples
    --------
    >>> confusion_matrix([0, 0, 1, 1], [0, 1, 1, 1]).tolist()
    [[1, 1], [0, 2]]
    """
    t, y_pred = _labels_pair(t, y_pred)
    return np.bincount(2 * t + y_pred, minlength=4).reshape(2, 2)


# Every rate of the 2 x 2 confusion matrix, as (numerator, denominator) of its counts,
# and what makes it undefined (a zero denominator). Written once: the metrics below and
# confusion_rates read them from here.
_RATES = {
    "accuracy": (lambda tn, fp, fn, tp: (tp + tn, tn + fp + fn + tp), "accuracy (no samples)"),
    "precision": (lambda tn, fp, fn, tp: (tp, tp + fp), "precision (no positive predictions)"),
    "recall": (lambda tn, fp, fn, tp: (tp, tp + fn), "recall (no positive targets)"),
    "specificity": (lambda tn, fp, fn, tp: (tn, tn + fp), "specificity (no negative targets)"),
    "f1": (lambda tn, fp, fn, tp: (2 * tp, 2 * tp + fp + fn), "F1 (no positives in t or y_pred)"),
}


def confusion_rates(cm) -> dict[str, float]:
    """Every rate of a confusion matrix ``[[TN, FP], [FN, TP]]``, NaN where one is undefined.

    Keys: ``accuracy``, ``precision``, ``recall`` (= ``sensitivity``, also given),
    ``specificity`` and ``f1``, each computed as its metric function computes it
    (which instead warns and returns 0.0 where the rate is undefined).

    Examples
    --------
    >>> rates = confusion_rates([[1, 1], [0, 2]])
    >>> rates["precision"], rates["recall"], rates["specificity"]
    (0.6666666666666666, 1.0, 0.5)
    """
    counts = as_numeric(cm, "cm")
    if counts.shape != (2, 2):
        raise ValueError(f"cm must be a 2 x 2 confusion matrix [[TN, FP], [FN, TP]], got shape {counts.shape}")
    rates = {}
    for name, (terms, _) in _RATES.items():
        num, den = terms(*counts.ravel())
        rates[name] = float(num / den) if den else float("nan")
    rates["sensitivity"] = rates["recall"]
    return rates


def _rate(name: str, t, y_pred) -> float:
    terms, undefined = _RATES[name]
    num, den = terms(*confusion_matrix(t, y_pred).ravel())
    if den == 0:
        warn(f"{undefined} is undefined (its denominator is 0); returning 0.0", UndefinedMetricWarning)
        return 0.0
    return float(num / den)


def accuracy(t, y_pred) -> float:
    """Fraction of correct predictions ``(TP + TN) / N``."""
    return _rate("accuracy", t, y_pred)


def precision(t, y_pred) -> float:
    """``TP / (TP + FP)``: of the predicted positives, the fraction that are positive."""
    return _rate("precision", t, y_pred)


def recall(t, y_pred) -> float:
    """``TP / (TP + FN)``, the true positive rate; the same number as sensitivity."""
    return _rate("recall", t, y_pred)


sensitivity = recall


def specificity(t, y_pred) -> float:
    """``TN / (TN + FP)``, the true negative rate (= recall of the negative class)."""
    return _rate("specificity", t, y_pred)


def f1_score(t, y_pred) -> float:
    """Harmonic mean of precision and recall, ``2 P R / (P + R) = 2 TP / (2 TP + FP + FN)``.

    The second form is defined whenever there is any positive, in ``t`` or in
    ``y_pred``; with none at all it warns and returns 0.0.
    """
    return _rate("f1", t, y_pred)


def _binary_scores(t, scores):
    t = as_labels(t, "t")
    scores = as_vector(scores, "scores", length=t.shape[0], length_of="t")
    if t.min() == t.max():
        raise ValueError(f"ROC needs both classes in t, but every target is {t[0]}")
    return t, scores


def roc_curve(t, scores, *, drop_intermediate: bool = True):
    """Receiver operating characteristic: FPR and TPR at every distinct threshold.

    Parameters
    ----------
    t : array_like of shape (N,), values 0/1
    scores : array_like of shape (N,)
        Higher means more confident of class 1.
    drop_intermediate : bool
        Drop thresholds whose point lies on a straight segment between its
        neighbours (it does not change the curve's shape or area); scikit-learn's
        default.

    Returns
    -------
    fpr, tpr : ndarray
        Increasing, from (0, 0) to (1, 1).
    thresholds : ndarray
        Decreasing; ``thresholds[0] = inf`` (predict nothing positive) and
        the prediction at point k is ``scores >= thresholds[k]``.

    Notes
    -----
    Tied scores form one threshold, so a tie moves the curve diagonally, exactly as
    scikit-learn does. Counts are cumulative sums over the sorted scores, so the
    whole curve costs one sort, O(N log N).
    """
    t, scores = _binary_scores(t, scores)
    check_choice(drop_intermediate, "drop_intermediate", (True, False))
    order = np.argsort(-scores, kind="mergesort")
    s, y = scores[order], t[order]
    last_of_tie = np.r_[np.flatnonzero(np.diff(s)), s.size - 1]
    tps = np.cumsum(y)[last_of_tie]
    fps = last_of_tie + 1 - tps
    thresholds = s[last_of_tie]
    if drop_intermediate and fps.size > 2:
        corner = np.r_[True, np.logical_or(np.diff(fps, 2), np.diff(tps, 2)), True]
        fps, tps, thresholds = fps[corner], tps[corner], thresholds[corner]
    fps, tps = np.r_[0, fps], np.r_[0, tps]
    thresholds = np.r_[np.inf, thresholds]
    return fps / fps[-1], tps / tps[-1], thresholds


def auc(x, y) -> float:
    """Area under a curve by the trapezoidal rule; ``x`` must be monotonic.

    Examples
    --------
    >>> auc([0, 0.5, 1], [0, 1, 1])
    0.75
    """
    x = as_vector(x, "x")
    y = as_vector(y, "y", length=x.shape[0], length_of="x")
    if x.size < 2:
        raise ValueError(f"at least 2 points are needed to compute an area under a curve, but x has shape {x.shape}")
    dx = np.diff(x)
    if np.all(dx >= 0):
        sign = 1.0
    elif np.all(dx <= 0):
        sign = -1.0
    else:
        raise ValueError("x must be monotonic (increasing or decreasing) to compute an area")
    return float(sign * np.sum(dx * (y[1:] + y[:-1]) / 2.0))


def roc_auc(t, scores) -> float:
    """Area under the ROC curve: 1 for a perfect ranking, 0.5 for chance.

    Equals the probability that a random positive scores higher than a random
    negative (ties count one half).
    """
    fpr, tpr, _ = roc_curve(t, scores, drop_intermediate=False)
    return auc(fpr, tpr)
