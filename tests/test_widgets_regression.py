"""Tests of widgets.polynomial_features / draw_ridge_fit / ridge_explorer (notebook 09), headless."""

import numpy as np
import pytest
from matplotlib.figure import Figure

import mlhelpers as mh
from mlhelpers import widgets


@pytest.fixture
def data():
    g = np.random.default_rng(1)
    x_train, x_test = g.uniform(-1, 1, 15), g.uniform(-1, 1, 100)
    t_train = np.sin(np.pi * x_train) + 0.25 * g.normal(size=15)
    t_test = np.sin(np.pi * x_test) + 0.25 * g.normal(size=100)
    return x_train, t_train, x_test, t_test


def test_polynomial_features():
    x = np.array([-1.0, 0.5, 2.0])
    np.testing.assert_allclose(widgets.polynomial_features(x, 3), np.vander(x, 4, increasing=True)[:, 1:])
    assert widgets.polynomial_features(x, 1).shape == (3, 1)
    with pytest.raises(ValueError, match="degree must be >= 1"):
        widgets.polynomial_features(x, 0)
    with pytest.raises(ValueError, match="x must be a 1-D array"):
        widgets.polynomial_features(x[:, None], 2)


@pytest.mark.parametrize(("log10_l2", "degree"), [(-8.0, 9), (-3.0, 9), (0.5, 3)])
def test_draw_ridge_fit_state_matches_a_direct_fit(data, log10_l2, degree):
    x_train, t_train, x_test, t_test = data
    state = widgets.draw_ridge_fit(Figure(), *data, log10_l2=log10_l2, degree=degree)
    model = mh.LinearRegression(l2=10**log10_l2).fit(widgets.polynomial_features(x_train, degree), t_train)
    test_pred = model.predict(widgets.polynomial_features(x_test, degree))
    train_pred = model.predict(widgets.polynomial_features(x_train, degree))
    assert state["degree"] == degree and state["l2"] == pytest.approx(10**log10_l2)
    assert state["test_mse"] == pytest.approx(np.mean((test_pred - t_test) ** 2))
    assert state["train_mse"] == pytest.approx(mh.squared_loss(t_train, train_pred))
    assert state["w_norm"] == pytest.approx(np.linalg.norm(model.w))


def test_draw_ridge_fit_panels(data):
    fig = Figure()
    widgets.draw_ridge_fit(fig, *data, log10_l2=-3.0, degree=9)
    ax_fit, ax_err = fig.axes
    assert ax_fit.get_title().startswith("degree 9") and "test MSE" in ax_fit.get_title()
    labels = ax_fit.get_legend_handles_labels()[1]
    assert labels == ["test points", "training points", "fitted curve"]
    assert ax_err.get_yscale() == "log"
    err_labels = ax_err.get_legend_handles_labels()[1]
    assert err_labels == ["training MSE", "test MSE", "current $l_2$"]
    vline = ax_err.lines[-1]
    assert np.allclose(vline.get_xdata(), -3.0)


def test_ridge_shrinks_and_trades_train_for_test(data):
    states = [widgets.draw_ridge_fit(Figure(), *data, log10_l2=v, degree=9) for v in (-8.0, -3.0, 0.5)]
    norms = [s["w_norm"] for s in states]
    train = [s["train_mse"] for s in states]
    assert norms[0] > norms[1] > norms[2]
    assert train[0] < train[1] < train[2]
    assert states[1]["test_mse"] < min(states[0]["test_mse"], states[2]["test_mse"])


def test_ridge_explorer_redraws_on_both_sliders(data):
    ex = widgets.ridge_explorer(*data)
    assert ex.n_draws == 1 and ex.state["degree"] == 9 and ex.state["l2"] == pytest.approx(1e-3)
    png, before = ex.image.value, ex.state
    ex.controls["log10_l2"].value = 0.5
    assert ex.n_draws == 2 and ex.image.value != png
    assert ex.state["w_norm"] < before["w_norm"] and ex.state["train_mse"] > before["train_mse"]
    png = ex.image.value
    ex.controls["degree"].value = 2
    assert ex.n_draws == 3 and ex.state["degree"] == 2 and ex.image.value != png


def test_ridge_input_checks(data):
    x_train, t_train, x_test, t_test = data
    with pytest.raises(ValueError, match="t_train has length 14 but x_train has 15"):
        widgets.ridge_explorer(x_train, t_train[:-1], x_test, t_test)
    with pytest.raises(ValueError, match="t_test has length 99 but x_test has 100"):
        widgets.draw_ridge_fit(Figure(), x_train, t_train, x_test, t_test[:-1])


def test_draw_ridge_fit_without_the_error_panel_has_the_same_state(data):
    fig = Figure()
    state = widgets.draw_ridge_fit(fig, *data, log10_l2=-3.0, degree=9, errors=False)
    assert len(fig.axes) == 1 and fig.axes[0].get_title().startswith("degree 9")
    assert state == widgets.draw_ridge_fit(Figure(), *data, log10_l2=-3.0, degree=9)


def test_draw_ridge_errors_marks_every_setting_with_one_legend_entry(data):
    x_train, t_train, x_test, t_test = data
    ax = Figure().subplots()
    errors = widgets.draw_ridge_errors(ax, *data, degree=9, marks=[-8.0, -3.0, 0.5])
    assert errors.shape == (25, 2)
    lams = np.linspace(-8.0, 1.0, 25)
    k = int(np.argmin(np.abs(lams + 3.0)))
    model = mh.LinearRegression(l2=10 ** lams[k]).fit(widgets.polynomial_features(x_train, 9), t_train)
    test_pred = model.predict(widgets.polynomial_features(x_test, 9))
    assert errors[k, 1] == pytest.approx(np.mean((test_pred - t_test) ** 2))
    np.testing.assert_allclose(ax.lines[0].get_ydata(), errors[:, 0])
    assert [float(line.get_xdata()[0]) for line in ax.lines[-3:]] == [-8.0, -3.0, 0.5]
    assert ax.get_legend_handles_labels()[1] == ["training MSE", "test MSE", "the settings shown"]
    assert ax.get_yscale() == "log"


def _whole_redraw(data, values, first=None):
    """A fresh scene on a same-size figure, laid out at ``first`` (the explorer's first
    frame, whose layout it keeps), then updated to ``values`` and drawn whole."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = Figure(figsize=(11.0, 4.0), dpi=80, layout="constrained")
    canvas = FigureCanvasAgg(fig)
    scene = widgets.regression.RidgeScene(fig, *data, degrees=range(1, 16))
    scene.update(**(first or {"log10_l2": -3.0, "degree": 9}))
    canvas.draw()
    fig.set_layout_engine("none")
    state = scene.update(**values)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba()), state


def test_ridge_explorer_blitted_frame_equals_a_whole_redraw(data):
    ex = widgets.ridge_explorer(*data)
    for name, value in [("log10_l2", 0.5), ("degree", 3), ("degree", 15), ("log10_l2", -6.0), ("degree", 4)]:
        ex.controls[name].value = value
    assert ex.n_draws == 6
    pixels, state = _whole_redraw(data, {"log10_l2": -6.0, "degree": 4})
    np.testing.assert_array_equal(np.asarray(ex.canvas.buffer_rgba()), pixels)
    assert ex.state == state
    x_train, t_train, x_test, t_test = data
    model = mh.LinearRegression(l2=1e-6).fit(widgets.polynomial_features(x_train, 4), t_train)
    assert state["degree"] == 4 and state["w_norm"] == pytest.approx(np.linalg.norm(model.w))
    test_pred = model.predict(widgets.polynomial_features(x_test, 4))
    assert state["test_mse"] == pytest.approx(np.mean((test_pred - t_test) ** 2))


def test_ridge_explorer_blitted_frames_equal_whole_redraws_where_the_lines_cross_the_frame(data):
    # Wild fits (small l2, high degree) leave the fit panel through its top and bottom
    # spines; the "current l2" line spans the error panel's height: spines over lines.
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    ex = widgets.ridge_explorer(*data)
    fig = Figure(figsize=(11.0, 4.0), dpi=80, layout="constrained")
    canvas = FigureCanvasAgg(fig)
    scene = widgets.regression.RidgeScene(fig, *data, degrees=range(1, 16))
    scene.update(log10_l2=-3.0, degree=9)
    canvas.draw()
    fig.set_layout_engine("none")
    for log10_l2, degree in [(-8.0, 9), (-8.0, 15), (-7.0, 12), (1.0, 15), (-5.5, 1), (0.75, 9)]:
        ex.controls["log10_l2"].value, ex.controls["degree"].value = log10_l2, degree
        assert scene.update(log10_l2=log10_l2, degree=degree) == ex.state
        canvas.draw()
        np.testing.assert_array_equal(np.asarray(ex.canvas.buffer_rgba()), np.asarray(canvas.buffer_rgba()))


@pytest.mark.parametrize("errors", [True, False])
def test_ridge_legends_are_static_between_the_axes_and_the_title(data, errors):
    # Above the axes no curve and no "current l2" line passes: the legends are cached.
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if errors:
        ex = widgets.ridge_explorer(*data)
        fig, animated = ex.figure, ex.scene.animated
    else:  # the static twin of notebook 09's panels
        fig = Figure(figsize=(4.4, 3.3), layout="constrained")
        FigureCanvasAgg(fig)
        widgets.draw_ridge_fit(fig, *data, errors=False)
        animated = ()
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        legend = ax.get_legend()
        assert legend not in animated and not legend.get_animated()
        box, frame, title = (a.get_window_extent(renderer) for a in (legend, ax, ax.title))
        assert frame.y1 <= box.y0 and box.y1 <= title.y0  # between the axes and the title
        assert fig.bbox.x0 <= box.x0 and box.x1 <= fig.bbox.x1
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["test points", "training points", "fitted curve"]
    if errors:
        texts = [t.get_text() for t in fig.axes[1].get_legend().get_texts()]
        assert texts == ["training MSE", "test MSE", "current $l_2$"]


def test_ridge_scene_error_curves_follow_the_degree_on_fixed_limits(data):
    ex = widgets.ridge_explorer(*data)
    ax_err = ex.scene.ax_err
    ylim = ax_err.get_ylim()
    for degree in (1, 15, 9):
        ex.controls["degree"].value = degree
        expected = widgets.draw_ridge_errors(Figure().subplots(), *data, degree=degree)
        np.testing.assert_allclose(ex.scene.test_line.get_ydata(), expected[:, 1])
        assert ax_err.get_ylim() == ylim and ex.scene.background_changed is False
    lo, hi = ylim
    curves = np.concatenate([ex.scene.errors[d].ravel() for d in range(1, 16)])
    assert lo < curves.min() and curves.max() < hi  # every degree's curves inside the frozen limits


def test_stacked_ridge_solve_matches_the_model(data):
    x_train, t_train, _, _ = data
    F = widgets.polynomial_features(x_train, 9)
    W, b = widgets.regression._ridge_weights(F, t_train, [1e-8, 1e-3, 3.0])
    for k, l2 in enumerate([1e-8, 1e-3, 3.0]):
        model = mh.LinearRegression(l2=l2).fit(F, t_train)
        np.testing.assert_allclose(W[k], model.w, rtol=1e-9, atol=1e-12)
        assert b[k] == pytest.approx(model.b, rel=1e-9)
