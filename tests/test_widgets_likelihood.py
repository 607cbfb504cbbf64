"""Tests of widgets.draw_cross_entropy / cross_entropy_explorer (notebook 03), headless."""

import numpy as np
import pytest
from matplotlib.figure import Figure

import mlhelpers as mh
from mlhelpers import widgets

X1 = np.array([-3.0, -2.0, -1.2, -0.5, 0.3, 0.8, 1.5, 2.5])
T1 = np.array([0, 0, 1, 0, 1, 0, 1, 1])


def test_draw_cross_entropy_reports_losses_cost_and_mistakes():
    fig = Figure()
    state = widgets.draw_cross_entropy(fig, X1, T1, w=0.9, b=0.25)
    y = mh.sigmoid(0.9 * X1 + 0.25)
    np.testing.assert_allclose(state["losses"], mh.cross_entropy(T1, y, reduction="none"), rtol=1e-12)
    assert state["cost"] == pytest.approx(mh.logistic_cost([0.9], 0.25, X1[:, None], T1), rel=1e-12)
    assert state["n_wrong"] == int(np.sum((2 * T1 - 1) * (0.9 * X1 + 0.25) <= 0))
    ax, ax_loss = fig.axes
    assert "0.511" in ax_loss.get_title() and ax.get_xlabel() == "$x$"
    assert len(ax_loss.patches) == X1.size  # one bar per sample
    np.testing.assert_allclose([p.get_height() for p in ax_loss.patches], state["losses"])
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "class 0" in legend and "class 1" in legend


def test_coin_flip_model_decides_nothing_so_every_sample_is_wrong_and_costs_log2():
    state = widgets.draw_cross_entropy(Figure(), X1, T1, w=0.0, b=0.0)
    assert state["n_wrong"] == X1.size  # a score of exactly 0 counts as a mistake, as in draw_boundary
    np.testing.assert_allclose(state["losses"], np.log(2.0))


def test_huge_weights_stay_finite():
    state = widgets.draw_cross_entropy(Figure(), X1, T1, w=-500.0, b=0.0)
    assert np.all(np.isfinite(state["losses"])) and state["losses"].max() == pytest.approx(1500.0)
    assert state["n_wrong"] == 6


def test_cross_entropy_explorer_redraws_when_driven_from_code():
    ex = widgets.cross_entropy_explorer(X1, T1, w=0.0, b=0.0)
    assert "mlh-explorer" in ex._dom_classes
    before, cost0 = ex.image.value, ex.state["cost"]
    assert cost0 == pytest.approx(np.log(2.0))
    ex.controls["w"].value = -3.0
    assert ex.n_draws == 2 and ex.image.value != before
    assert ex.state["cost"] == pytest.approx(mh.logistic_cost([-3.0], 0.0, X1[:, None], T1))
    ex.controls["b"].value = 1.0
    assert ex.values == {"w": -3.0, "b": 1.0} and ex.n_draws == 3
    assert ex.state["cost"] == pytest.approx(mh.logistic_cost([-3.0], 1.0, X1[:, None], T1))


@pytest.mark.parametrize(
    ("x", "t", "error", "match"),
    [
        (X1, T1[:-1], ValueError, "t has length 7 but x has 8"),
        (X1, np.where(T1 == 0, -1, 1), ValueError, r"only the labels \(0, 1\)"),
        (X1[:, None], T1, ValueError, "x must be a 1-D array"),
        ([], [], ValueError, "at least one"),
    ],
)
def test_cross_entropy_explorer_rejects_bad_data(x, t, error, match):
    with pytest.raises(error, match=match):
        widgets.cross_entropy_explorer(x, t)


def _pixels(canvas):
    return np.asarray(canvas.buffer_rgba())[:, :, :3].astype(int)


def test_blitted_frames_after_a_sweep_equal_a_fresh_draw():
    """The cached background stays right while the loss axis rescales: after a sweep,
    the explorer's frame is the frame a new explorer draws at the same values, and
    differs from a whole redraw of the figure only where a moving artist crosses a
    static one (blitting draws the moving ones on top)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from mlhelpers.widgets.likelihood import CrossEntropyScene

    ex = widgets.cross_entropy_explorer(X1, T1, w=1.0, b=0.0)
    for w, b in [(-6.0, 6.0), (4.0, -2.0), (0.0, 0.0), (-3.0, 1.0), (0.5, 0.25)]:
        ex.controls["w"].value, ex.controls["b"].value = w, b
        assert ex.state["cost"] == pytest.approx(mh.logistic_cost([w], b, X1[:, None], T1), rel=1e-12)
    top = ex.scene.ax_loss.get_ylim()[1]
    assert top == pytest.approx(widgets.likelihood._loss_top(ex.state["losses"]))
    labels = widgets.likelihood._tick_labels(top)
    assert [t.get_text() for t in ex.scene.tick_labels] == [labels[2], labels[4]]
    fresh = widgets.cross_entropy_explorer(X1, T1, w=0.5, b=0.25)
    np.testing.assert_array_equal(_pixels(ex.canvas), _pixels(fresh.canvas))
    fig = Figure(figsize=ex.figure.get_size_inches(), dpi=ex.figure.dpi, layout="constrained")
    canvas = FigureCanvasAgg(fig)
    state = CrossEntropyScene(fig, X1, T1, max_loss=ex.scene._label_top / 1.3).update(w=0.5, b=0.25)
    canvas.draw()
    assert state["cost"] == ex.state["cost"] and state["n_wrong"] == ex.state["n_wrong"]
    differ = np.any(_pixels(canvas) != _pixels(ex.canvas), axis=-1)
    assert differ.mean() < 0.01
