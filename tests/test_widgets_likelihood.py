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
    assert state["n_wrong"] == int(np.sum((y > 0.5) != (T1 == 1)))
    ax, ax_loss = fig.axes
    assert "0.511" in ax_loss.get_title() and ax.get_xlabel() == "$x$"
    assert len(ax_loss.patches) == X1.size  # one bar per sample
    np.testing.assert_allclose([p.get_height() for p in ax_loss.patches], state["losses"])
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "class 0" in legend and "class 1" in legend


def test_coin_flip_model_is_undecided_not_wrong_and_costs_log2():
    state = widgets.draw_cross_entropy(Figure(), X1, T1, w=0.0, b=0.0)
    assert state["n_wrong"] == 0
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
