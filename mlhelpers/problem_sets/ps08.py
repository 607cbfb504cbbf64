"""Public checks of notebook 08's problem set: the confusion matrix, the rates built from
it, the threshold that reaches a target recall, the ROC curve and the AUC by hand."""

from __future__ import annotations

import warnings

import numpy as np

from ..exercises import call, expect, expect_close, fail, public_check
from ..metrics import roc_auc, roc_curve

__all__ = [
    "check_auc_by_pairs",
    "check_confusion_counts",
    "check_rates",
    "check_roc_points",
    "check_threshold_for_recall",
]


def _labels(rng, n, p=0.4):
    t = (rng.random(n) < p).astype(int)
    t[:2] = [0, 1]  # both classes present
    return t


@public_check("Problem 1", "confusion_counts")
def check_confusion_counts(confusion_counts):
    rng = np.random.default_rng(801)
    cases = []
    for n in (12, 40):
        t = _labels(rng, n)
        t_hat = np.where(rng.random(n) < 0.7, t, 1 - t)
        cases.append((f"{n} random labels and predictions (numpy int arrays)", t, t_hat))
    cases.append(("t = [1, 1, 0, 1, 0], t_hat = [1, 0, 0, 1, 1] as Python lists", [1, 1, 0, 1, 0], [1, 0, 0, 1, 1]))
    cases.append(
        (
            "8 labels, every prediction right (t_hat as booleans)",
            np.array([0, 1, 1, 0, 0, 1, 0, 0]),
            np.array([0, 1, 1, 0, 0, 1, 0, 0], dtype=bool),
        )
    )
    for case, t, t_hat in cases:
        result = call(confusion_counts, t, t_hat, case=case)
        expect(
            isinstance(result, (tuple, list)) and len(result) == 4,
            case,
            "the result is not the four counts (TN, FP, FN, TP)",
            "return a tuple of four numbers, in that order",
        )
        counts = np.array([float(np.ravel(c)[0]) if np.size(c) == 1 else np.nan for c in result])
        expect(
            np.all(counts == np.round(counts)) and np.all(counts >= 0),
            case,
            "some count is not a whole number >= 0",
            "count samples with np.sum of a condition",
        )
        tn, fp, fn, tp = counts
        tt, yy = np.asarray(t).astype(int), np.asarray(t_hat).astype(int)
        expect(
            counts.sum() == tt.size,
            case,
            "the four counts do not add up to N",
            "every sample falls in exactly one of the four cells",
        )
        expect(
            tn + fp == np.sum(tt == 0) and fn + tp == np.sum(tt == 1),
            case,
            "TN + FP is not the number of true negatives (t = 0)",
            "FP is a truly NEGATIVE sample predicted positive; FN a truly POSITIVE one predicted negative",
        )
        expect(
            tp == np.sum((tt == 1) & (yy == 1)) and tn == np.sum((tt == 0) & (yy == 0)),
            case,
            "TP or TN is off",
            "a true positive has t = 1 AND t_hat = 1",
        )
        flipped = call(confusion_counts, 1 - tt, 1 - yy, case=case + ", both classes swapped")
        expect_close(
            np.array(flipped, dtype=float),
            [tp, fn, fp, tn],
            case + ", both classes swapped",
            "swapping the classes does not swap TN with TP and FP with FN",
            "compare t and t_hat with 0 and 1 explicitly; do not rely on the order of the samples",
        )
    return len(cases)


def _reference_rates(tn, fp, fn, tp):
    def ratio(a, b):
        return a / b if b else 0.0

    return ratio(tp, tp + fn), ratio(tn, tn + fp), ratio(tp, tp + fp), ratio(2 * tp, 2 * tp + fp + fn)


@public_check("Problem 2", "rates")
def check_rates(rates):
    cases = [
        ((50, 10, 5, 35), "TN = 50, FP = 10, FN = 5, TP = 35"),
        ((3, 7, 11, 2), "TN = 3, FP = 7, FN = 11, TP = 2"),
        ((90, 0, 4, 6), "TN = 90, FP = 0, FN = 4, TP = 6"),
        ((20, 0, 5, 0), "TN = 20, FP = 0, FN = 5, TP = 0 (nothing predicted positive)"),
        ((0, 4, 0, 0), "TN = 0, FP = 4, FN = 0, TP = 0 (no positives at all)"),
        ((0, 0, 0, 0), "all four counts 0"),
    ]
    names = ("sensitivity", "specificity", "precision", "F1")
    for counts, case in cases:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a 0/0 must be handled, not warned about by numpy
            result = call(rates, *counts, case=case)
        expect(
            isinstance(result, (tuple, list)) and len(result) == 4,
            case,
            "the result is not the four rates (sensitivity, specificity, precision, F1)",
            "return a tuple of four numbers, in that order",
        )
        got = np.array([float(np.ravel(r)[0]) for r in result])
        expect(
            np.all(np.isfinite(got)),
            case,
            "some rate is nan or infinite",
            "when a denominator is 0 the rate is undefined: return 0.0 for it, as scikit-learn does",
        )
        expect(
            np.all((got >= 0) & (got <= 1)), case, "some rate is outside 0 to 1", "each rate is a count divided by a larger count"
        )
        ref = _reference_rates(*counts)
        for name, g, r in zip(names, got, ref):
            if not np.isclose(g, r, rtol=1e-9, atol=1e-12):
                hints = {
                    "sensitivity": "sensitivity (recall) is a rate within the truly positive row: TP and FN",
                    "specificity": "specificity is a rate within the truly negative row: TN and FP",
                    "precision": "precision is a rate within the predicted-positive column: TP and FP",
                    "F1": "F1 is the HARMONIC mean of precision and recall (0 when both are 0)",
                }
                fail(case, f"{name} is off", hints[name])
    return len(cases)


def _recall_at(t, scores, threshold):
    return np.sum((scores >= threshold) & (t == 1)) / np.sum(t == 1)


@public_check("Problem 3", "threshold_for_recall")
def check_threshold_for_recall(threshold_for_recall):
    rng = np.random.default_rng(803)
    t1 = _labels(rng, 30)
    s1 = np.round(np.clip(0.5 + 0.25 * (2 * t1 - 1) + 0.25 * rng.normal(size=30), 0, 1), 2)  # rounded: ties
    t2 = np.array([0, 1, 1, 0, 1, 0, 1, 1])
    s2 = np.array([0.9, 0.8, 0.8, 0.3, 0.6, 0.6, 0.2, 0.95])
    cases = [
        ("30 scores rounded to 2 decimals (ties), target 0.8", t1, s1, 0.8),
        ("the same scores, target 0.5", t1, s1, 0.5),
        ("the same scores, target 1", t1, s1, 1.0),
        ("t = [0, 1, 1, 0, 1, 0, 1, 1], scores = [0.9, 0.8, 0.8, 0.3, 0.6, 0.6, 0.2, 0.95], target 0.6", t2, s2, 0.6),
        ("the same 8 scores, target 0.2", t2, s2, 0.2),
    ]
    for case, t, s, target in cases:
        got = call(threshold_for_recall, t.copy(), s.copy(), target, case=case)
        expect(np.size(got) == 1, case, "the result is not one threshold", "return a single score")
        got = float(np.ravel(got)[0])
        expect(np.any(s == got), case, "the threshold is not one of the scores", "try the distinct scores as thresholds")
        expect(
            _recall_at(t, s, got) >= target,
            case,
            "at this threshold the recall is below the target",
            "predict positive when score >= threshold; recall = TP / (TP + FN)",
        )
        higher = np.unique(s[s > got])
        expect(
            not any(_recall_at(t, s, h) >= target for h in higher),
            case,
            "a larger threshold also reaches the target",
            "of the thresholds that reach the target, return the LARGEST (recall falls as the threshold rises)",
        )
    return len(cases)


@public_check("Problem 4", "roc_points")
def check_roc_points(roc_points):
    rng = np.random.default_rng(804)
    t1 = _labels(rng, 25)
    s1 = rng.random(25)
    t2 = np.array([1, 0, 1, 0, 0, 1, 1, 0, 0])
    s2 = np.array([0.9, 0.9, 0.7, 0.4, 0.4, 0.4, 0.8, 0.1, 0.7])
    cases = [
        ("25 distinct random scores", t1, s1),
        ("t = [1, 0, 1, 0, 0, 1, 1, 0, 0], scores = [0.9, 0.9, 0.7, 0.4, 0.4, 0.4, 0.8, 0.1, 0.7] (ties)", t2, s2),
        ("6 samples that all have the score 0.5", np.array([0, 1, 1, 0, 1, 0]), np.full(6, 0.5)),
        ("a perfect ranking: t = [0, 0, 1, 1], scores = [1, 2, 3, 4]", np.array([0, 0, 1, 1]), np.array([1.0, 2.0, 3.0, 4.0])),
    ]
    for case, t, s in cases:
        result = call(roc_points, t.copy(), s.copy(), case=case)
        expect(
            isinstance(result, (tuple, list)) and len(result) == 2,
            case,
            "the result is not a pair (fpr, tpr)",
            "return two arrays",
        )
        fpr, tpr = (np.asarray(a, dtype=float).ravel() for a in result)
        expect(fpr.size == tpr.size, case, "fpr and tpr differ in length", "one (fpr, tpr) point per threshold")
        expect(
            fpr.size >= 2 and fpr[0] == 0 and tpr[0] == 0 and np.isclose(fpr[-1], 1) and np.isclose(tpr[-1], 1),
            case,
            "the curve does not run from (0, 0) to (1, 1)",
            "start above the highest score (nothing flagged) and end at the lowest (everything flagged)",
        )
        expect(
            np.all(np.diff(fpr) >= 0) and np.all(np.diff(tpr) >= 0),
            case,
            "fpr or tpr decreases somewhere",
            "go through the thresholds from the highest score down: the flagged set only grows",
        )
        n_distinct = np.unique(s).size
        expect(
            fpr.size == n_distinct + 1,
            case,
            "the number of points is not one per distinct score plus the start (0, 0)",
            "tied scores are one threshold: a tie moves the curve diagonally in one step",
        )
        ref_fpr, ref_tpr, _ = roc_curve(t, s, drop_intermediate=False)
        expect(
            np.allclose(fpr, ref_fpr, rtol=1e-12, atol=1e-12) and np.allclose(tpr, ref_tpr, rtol=1e-12, atol=1e-12),
            case,
            "the points are not (FP/negatives, TP/positives) at the thresholds taken in decreasing order",
            "at threshold c flag every sample with score >= c; FPR divides by the number of negatives, TPR by the positives",
        )
    return len(cases)


@public_check("Problem 5", "auc_by_pairs")
def check_auc_by_pairs(auc_by_pairs):
    rng = np.random.default_rng(805)
    t1 = _labels(rng, 40)
    s1 = np.round(rng.random(40) + 0.3 * t1, 1)  # one decimal: many ties
    cases = [
        ("40 scores rounded to 1 decimal (many ties)", t1, s1),
        ("t = [0, 0, 1, 1], scores = [0.1, 0.4, 0.35, 0.8]", np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8])),
        (
            "t = [0, 1, 0, 1, 1], scores = [0.5, 0.5, 0.2, 0.9, 0.2] (ties across classes)",
            np.array([0, 1, 0, 1, 1]),
            np.array([0.5, 0.5, 0.2, 0.9, 0.2]),
        ),
        ("5 samples that all have the score 0.3", np.array([1, 0, 0, 1, 0]), np.full(5, 0.3)),
    ]
    for case, t, s in cases:
        got = call(auc_by_pairs, t.copy(), s.copy(), case=case)
        expect(np.size(got) == 1, case, "the result is not a single number", "average over all (positive, negative) pairs")
        got = float(np.ravel(got)[0])
        expect(0 <= got <= 1, case, "the AUC is outside 0 to 1", "it is a fraction of pairs")
        if np.unique(s).size == 1:
            expect_close(got, 0.5, case, "scores that are all equal do not give 1/2", "a tie counts one half, not 0 and not 1")
        flipped = float(np.ravel(call(auc_by_pairs, t.copy(), -s, case=case + ", scores negated"))[0])
        expect_close(
            got + flipped,
            1.0,
            case + ", scores negated",
            "AUC(-scores) is not 1 - AUC(scores)",
            "a pair won with the scores is lost with the negated scores; a tie stays a tie",
            atol=1e-12,
        )
        warped = float(
            np.ravel(call(auc_by_pairs, t.copy(), np.exp(3 * s), case=case + ", scores replaced by exp(3 * scores)"))[0]
        )
        expect_close(
            got,
            warped,
            case + ", scores replaced by exp(3 * scores)",
            "the AUC changed under an increasing transformation of the scores",
            "only the ORDER of the scores matters: compare them, do not add or average them",
            atol=1e-12,
        )
        expect_close(
            got,
            roc_auc(t, s),
            case,
            "the result is not the fraction of (positive, negative) pairs won, ties counted 1/2",
            "compare every positive's score with every negative's: broadcasting gives all differences at once",
            rtol=1e-9,
            atol=1e-12,
        )
    return len(cases)
