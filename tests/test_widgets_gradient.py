"""Tests of widgets.draw_gradient_check / gradient_check_explorer (notebook 04), headless."""

import numpy as np
import pytest
from matplotlib.figure import Figure

import mlhelpers as mh
from mlhelpers import widgets

X1 = np.array([-3.0, -2.0, -1.2, -0.5, 0.3, 0.8, 1.5, 2.5])
T1 = np.array([0, 0, 1, 0, 1, 0, 1, 1])


def _cost(w, b=0.0):
    return mh.logistic_cost([w], b, X1[:, None], T1)


@pytest.mark.parametrize(("w", "b"), [(-0.5, 0.0), (1.3, 0.0), (0.4, -0.7)])
def test_draw_gradient_check_matches_mlhelpers_and_the_definitions(w, b):
    fig = Figure()
    state = widgets.draw_gradient_check(fig, X1, T1, w=w, log10_eps=-2.0, b=b)
    eps = 1e-2
    assert state["eps"] == pytest.approx(eps) and state["w"] == w
    assert state["cost"] == pytest.approx(_cost(w, b), rel=1e-12)
    assert state["gradient"] == pytest.approx(mh.logistic_gradient([w], b, X1[:, None], T1)[0][0], rel=1e-12)
    assert state["central"] == pytest.approx((_cost(w + eps, b) - _cost(w - eps, b)) / (2 * eps), rel=1e-9)
    assert state["forward"] == pytest.approx((_cost(w + eps, b) - _cost(w, b)) / eps, rel=1e-9)
    assert state["error_central"] == pytest.approx(abs(state["central"] - state["gradient"]))
    # central differences are second order: at eps = 1e-2 far better than forward ones
    assert state["error_central"] < 0.05 * state["error_forward"]
    ax, ax_err = fig.axes
    assert ax_err.get_xscale() == "log" and ax_err.get_yscale() == "log"
    assert [t.get_text() for t in ax_err.get_legend().get_texts()][:2] == ["central difference", "forward difference"]
    assert ax.get_xlabel() == "weight $w$" and "J" in ax.get_ylabel()


def test_error_curves_show_truncation_and_rounding_regimes():
    state = widgets.draw_gradient_check(Figure(), X1, T1, w=-0.5, log10_eps=-5.0)
    eps, central, forward = state["eps_grid"], state["errors_central"], state["errors_forward"]
    assert eps.size == central.size == forward.size and np.all(np.diff(eps) > 0)
    best = central.min()
    assert 1e-6 < eps[np.argmin(central)] < 1e-3 and best < 1e-9  # sweet spot of the central difference
    assert central[eps == 1.0][0] > 1e-3  # truncation for large steps
    assert central[eps < 1e-12].max() > 1e3 * best  # rounding for tiny steps
    assert 1e-10 < eps[np.argmin(forward)] < 1e-6 and forward.min() > best
    assert state["error_central"] < 1e-9


def test_gradient_check_explorer_redraws_when_driven_from_code():
    ex = widgets.gradient_check_explorer(X1, T1, w=-0.5, log10_eps=-5.0)
    assert "mlh-explorer" in ex._dom_classes and ex.n_draws == 1
    before = ex.image.value
    ex.controls["log10_eps"].value = 0.0
    assert ex.n_draws == 2 and ex.image.value != before
    assert ex.state["eps"] == 1.0 and ex.state["error_central"] > 1e-3
    ex.controls["w"].value = 1.0
    assert ex.values == {"w": 1.0, "log10_eps": 0.0}
    assert ex.state["gradient"] == pytest.approx(mh.logistic_gradient([1.0], 0.0, X1[:, None], T1)[0][0])


def test_gradient_check_explorer_rejects_bad_data():
    with pytest.raises(ValueError, match="t has length 7 but x has 8"):
        widgets.gradient_check_explorer(X1, T1[:-1])
    with pytest.raises(ValueError, match="x must be a 1-D array"):
        widgets.gradient_check_explorer(X1[:, None], T1)


def _pixels(canvas):
    return np.asarray(canvas.buffer_rgba())[:, :, :3].astype(int)


def test_blitted_frames_after_a_sweep_equal_a_whole_redraw_and_titles_read_right():
    """After a sweep of both sliders, the explorer's frame is a whole redraw of a new
    figure at the same values except where a moving artist crosses a static one
    (blitting draws what moves last: the tangent over the cost curve, the error
    curves over the static frame); the titles read as one line each, with the state's
    numbers."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from mlhelpers.widgets.gradient import GradientCheckScene

    ex = widgets.gradient_check_explorer(X1, T1, w=-0.5, log10_eps=-5.0)
    for name, value in [("w", 3.9), ("log10_eps", -15.0), ("w", -4.0), ("log10_eps", 0.0), ("w", 1.2), ("log10_eps", -7.5)]:
        ex.controls[name].value = value
    s = ex.state
    assert s["w"] == 1.2 and s["eps"] == pytest.approx(10**-7.5)
    assert s["cost"] == pytest.approx(_cost(1.2)) and s["gradient"] == pytest.approx(
        (_cost(1.2 + 1e-6) - _cost(1.2 - 1e-6)) / 2e-6, rel=1e-6
    )
    left = ex.scene.title.text
    assert left == f"w = 1.2: J = {s['cost']:.3f}; slope {s['gradient']:.4f}, secant {s['central']:.4f}"
    right = ex.scene.err_title.text
    assert right == f"ε = 1e-7.5: central error {s['error_central']:.1e}, forward {s['error_forward']:.1e}"
    fig = Figure(figsize=ex.figure.get_size_inches(), dpi=ex.figure.dpi, layout="constrained")
    canvas = FigureCanvasAgg(fig)
    scene = GradientCheckScene(fig, X1, T1, w_range=(-4.0, 4.0))
    scene.update(w=-0.5, log10_eps=-5.0)  # laid out at the explorer's first values, as the explorer was
    canvas.draw()
    fig.set_layout_engine("none")
    scene.update(w=1.2, log10_eps=-7.5)
    canvas.draw()
    differ = np.any(_pixels(canvas) != _pixels(ex.canvas), axis=-1)
    assert differ.mean() < 0.005
