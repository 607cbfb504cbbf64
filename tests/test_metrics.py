"""Every metric against sklearn.metrics, including tied scores, imbalance and degenerate cases."""

import warnings

import numpy as np
import pytest
from numpy.testing import assert_allclose
from sklearn import metrics as skm

import mlhelpers as mh


def predictions(seed, n=200, positive_rate=0.5):
    rng = np.random.default_rng(seed)
    t = (rng.uniform(size=n) < positive_rate).astype(int)
    scores = np.round(t * 0.8 + rng.normal(size=n), 1)  # rounding creates many ties
    return t, scores, (scores > 0.4).astype(int)


CASES = [(seed, rate) for seed in range(4) for rate in (0.5, 0.1, 0.03)]
PAIRS = [
    (mh.accuracy, skm.accuracy_score),
    (mh.precision, skm.precision_score),
    (mh.recall, skm.recall_score),
    (mh.f1_score, skm.f1_score),
]


@pytest.mark.parametrize(("seed", "rate"), CASES)
def test_label_metrics_match_sklearn(seed, rate):
    t, _, y = predictions(seed, positive_rate=rate)
    np.testing.assert_array_equal(mh.confusion_matrix(t, y), skm.confusion_matrix(t, y, labels=[0, 1]))
    for ours, ref in PAIRS:
        assert_allclose(ours(t, y), ref(t, y), rtol=1e-15)
    assert_allclose(mh.specificity(t, y), skm.recall_score(t, y, pos_label=0), rtol=1e-15)
    assert mh.sensitivity(t, y) == mh.recall(t, y)


@pytest.mark.parametrize(("seed", "rate"), CASES)
@pytest.mark.parametrize("drop", [True, False])
def test_roc_matches_sklearn_with_ties(seed, rate, drop):
    t, scores, _ = predictions(seed, positive_rate=rate)
    assert len(np.unique(scores)) < len(scores)  # ties present
    for ours, ref in zip(mh.roc_curve(t, scores, drop_intermediate=drop), skm.roc_curve(t, scores, drop_intermediate=drop)):
        assert_allclose(ours, ref, rtol=1e-15)
    assert_allclose(mh.roc_auc(t, scores), skm.roc_auc_score(t, scores), rtol=1e-12)


def test_auc_is_the_probability_of_a_correct_ranking():
    t, scores, _ = predictions(7, n=120)
    pos, neg = scores[t == 1], scores[t == 0]
    pairs = (pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean()
    assert_allclose(mh.roc_auc(t, scores), pairs, rtol=1e-12)


def test_auc_matches_sklearn_and_extremes():
    x, y = np.array([0.0, 0.2, 0.7, 1.0]), np.array([0.0, 0.5, 0.6, 1.0])
    assert_allclose(mh.auc(x, y), skm.auc(x, y))
    assert_allclose(mh.auc(x[::-1], y[::-1]), skm.auc(x[::-1], y[::-1]))
    assert mh.roc_auc([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]) == 1.0
    assert mh.roc_auc([0, 0, 1, 1], [0.5, 0.5, 0.5, 0.5]) == 0.5


DEGENERATE = [
    (mh.precision, [0, 1, 1], [0, 0, 0], "precision", "zero_division"),
    (mh.recall, [0, 0, 0], [0, 1, 0], "recall", "zero_division"),
    (mh.f1_score, [0, 0, 0], [0, 0, 0], "F1", "zero_division"),
]


@pytest.mark.parametrize(("fn", "t", "y", "name", "_"), DEGENERATE)
def test_zero_denominators_warn_and_return_zero_like_sklearn(fn, t, y, name, _):
    with pytest.warns(mh.UndefinedMetricWarning, match=name):
        value = fn(t, y)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = {"precision": skm.precision_score, "recall": skm.recall_score, "F1": skm.f1_score}[name](t, y)
    assert value == ref == 0.0


def test_specificity_without_negatives_warns():
    with pytest.warns(mh.UndefinedMetricWarning, match="specificity"):
        assert mh.specificity([1, 1], [1, 0]) == 0.0


def test_roc_with_one_class_is_an_error():
    with pytest.raises(ValueError, match="ROC needs both classes in t"):
        mh.roc_curve([1, 1, 1], [0.1, 0.2, 0.3])
    with pytest.raises(ValueError, match="ROC needs both classes"):
        mh.roc_auc([0, 0], [0.1, 0.2])


def test_metric_input_errors():
    with pytest.raises(ValueError, match=r"y_pred has length 2 but t has 3"):
        mh.accuracy([0, 1, 1], [0, 1])
    with pytest.raises(ValueError, match=r"t must contain only the labels \(0, 1\), found -1"):
        mh.precision([-1, 1], [0, 1])
    with pytest.raises(ValueError, match="x must be monotonic"):
        mh.auc([0, 1, 0.5], [0, 1, 1])
    with pytest.raises(ValueError, match="at least 2 points"):
        mh.auc([0.0], [1.0])


def test_confusion_rates_are_the_metric_functions_numbers():
    t, y_pred = [0, 0, 1, 1, 1, 0, 1], [0, 1, 1, 1, 0, 0, 1]
    rates = mh.confusion_rates(mh.confusion_matrix(t, y_pred))
    assert rates["accuracy"] == mh.accuracy(t, y_pred) and rates["precision"] == mh.precision(t, y_pred)
    assert rates["recall"] == rates["sensitivity"] == mh.recall(t, y_pred)
    assert rates["specificity"] == mh.specificity(t, y_pred) and rates["f1"] == mh.f1_score(t, y_pred)
    undefined = mh.confusion_rates([[3, 0], [0, 0]])  # no positives anywhere: NaN, no warning
    assert np.isnan(undefined["precision"]) and np.isnan(undefined["recall"]) and undefined["specificity"] == 1.0
    with pytest.raises(ValueError, match="cm must be a 2 x 2 confusion matrix"):
        mh.confusion_rates([1, 2, 3, 4])
