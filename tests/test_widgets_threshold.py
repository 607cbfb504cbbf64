"""Tests of widgets.draw_threshold / threshold_explorer (notebook 08), headless."""

import warnings

import numpy as np
import pytest
from matplotlib.figure import Figure

import mlhelpers as mh
from mlhelpers import widgets


@pytest.fixture
def problem():
    rng = np.random.default_rng(3)
    t = np.repeat([0, 1], [60, 40])
    scores = mh.sigmoid(2.0 * (t - 0.5) * 2 + rng.normal(size=t.size))
    return t, scores


@pytest.mark.parametrize("threshold", [0.2, 0.5, 0.8])
def test_draw_threshold_state_matches_mlhelpers(problem, threshold):
    t, scores = problem
    state = widgets.draw_threshold(Figure(), t, scores, threshold)
    y = (scores >= threshold).astype(int)
    (tn, fp), (fn, tp) = mh.confusion_matrix(t, y)
    assert (state["tn"], state["fp"], state["fn"], state["tp"]) == (tn, fp, fn, tp)
    assert state["sensitivity"] == pytest.approx(mh.recall(t, y))
    assert state["specificity"] == pytest.approx(mh.specificity(t, y))
    assert state["precision"] == pytest.approx(mh.precision(t, y))
    assert state["f1"] == pytest.approx(mh.f1_score(t, y))
    assert state["accuracy"] == pytest.approx(mh.accuracy(t, y))
    assert (state["fpr"], state["tpr"]) == (pytest.approx(1 - mh.specificity(t, y)), pytest.approx(mh.recall(t, y)))


def test_draw_threshold_point_lies_on_the_roc_curve(problem):
    t, scores = problem
    fpr, tpr, thresholds = mh.roc_curve(t, scores, drop_intermediate=False)
    k = 7
    state = widgets.draw_threshold(Figure(), t, scores, thresholds[k])
    assert (state["fpr"], state["tpr"]) == (pytest.approx(fpr[k]), pytest.approx(tpr[k]))


def test_draw_threshold_panels(problem):
    t, scores = problem
    fig = Figure()
    state = widgets.draw_threshold(fig, t, scores, 0.5, class_names=("benign", "malignant"))
    ax_cm, ax_rates, ax_roc = fig.axes
    cells, title = ax_cm.texts[:4], ax_cm.texts[4:]  # the title: its words (static), then the threshold (moving)
    assert "".join(x.get_text() for x in title) == "threshold = 0.50"
    assert [x.get_text() for x in cells] == [f"{name} {state[name.lower()]}" for name in ("TN", "FP", "FN", "TP")]
    assert [x.get_text() for x in ax_cm.get_xticklabels()] == ["pred. benign", "pred. malignant"]
    assert len(ax_rates.patches) == 5
    assert [x.get_text() for x in ax_rates.get_yticklabels()] == ["sensitivity", "specificity", "precision", "f1", "accuracy"]
    auc = mh.roc_auc(t, scores)
    assert f"AUC = {auc:.3f}" in ax_roc.get_legend_handles_labels()[1][0]
    assert "current threshold" in ax_roc.get_legend_handles_labels()[1]


def test_draw_threshold_undefined_precision_written_not_warned(problem):
    t, scores = problem
    fig = Figure()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        state = widgets.draw_threshold(fig, t, scores, 1.0)
    assert state["tp"] == 0 and state["fp"] == 0
    assert np.isnan(state["precision"]) and state["sensitivity"] == 0.0 and state["f1"] == 0.0
    assert "undefined" in [x.get_text() for x in fig.axes[1].texts]


def test_threshold_explorer_moves_everything_together(problem):
    t, scores = problem
    ex = widgets.threshold_explorer(t, scores)
    assert ex.state["threshold"] == 0.5 and ex.n_draws == 1
    png, before = ex.image.value, ex.state
    ex.controls["threshold"].value = 0.9
    assert ex.n_draws == 2 and ex.state["threshold"] == 0.9
    assert ex.image.value != png
    assert ex.state["fp"] <= before["fp"] and ex.state["tp"] <= before["tp"]
    assert ex.state["specificity"] >= before["specificity"] and ex.state["sensitivity"] <= before["sensitivity"]
    assert ex.state != before


def test_threshold_explorer_input_checks(problem):
    t, scores = problem
    with pytest.raises(ValueError, match="probabilities in \\[0, 1\\]"):
        widgets.threshold_explorer(t, scores * 3)
    with pytest.raises(ValueError, match="shape of t"):
        widgets.threshold_explorer(t, scores[:-1])
    with pytest.raises(ValueError, match="shape of t"):
        widgets.draw_threshold(Figure(), t, scores[:-1], 0.5)


def _pixels(canvas):
    return np.asarray(canvas.buffer_rgba())[:, :, :3].astype(int)


def test_blitted_frames_after_a_sweep_equal_a_whole_redraw(problem):
    """After a sweep, the explorer's frame (the cached background, the moving artists
    drawn over it) is the frame of a whole redraw of a new figure at that threshold,
    pixel for pixel inside the axes; only the frames' edges differ, where the moving
    cells and bars cover the inner half of the static frame lines (blitting draws
    what moves last). The state is the state of that threshold."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from mlhelpers.widgets.threshold import ThresholdScene

    t, scores = problem
    ex = widgets.threshold_explorer(t, scores)
    for value in [0.0, 0.13, 1.0, 0.71, 0.35]:
        ex.controls["threshold"].value = value
    assert ex.state == widgets.draw_threshold(Figure(), t, scores, 0.35)  # every rate is defined at 0.35
    fig = Figure(figsize=ex.figure.get_size_inches(), dpi=ex.figure.dpi, layout="constrained")
    canvas = FigureCanvasAgg(fig)
    ThresholdScene(fig, t, scores).update(threshold=0.35)
    canvas.draw()
    differ = np.any(_pixels(canvas) != _pixels(ex.canvas), axis=-1)
    height = differ.shape[0]
    for ax in fig.axes:  # inside each axes, 2 pixels clear of its frame: the same pixels
        box = ax.get_window_extent()
        assert not differ[int(height - box.y1) + 2 : int(height - box.y0) - 2, int(box.x0) + 2 : int(box.x1) - 2].any()
    assert differ.mean() < 0.005  # the frames' edges: a few hundred pixels
