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
