"""Tests of widgets.draw_descent / descent_explorer (notebook 05) and
draw_training / training_explorer (notebook 06), headless."""

import numpy as np
import pytest
from matplotlib.figure import Figure

import mlhelpers as mh
from mlhelpers import widgets


# ------------------------------------------------------------------ draw_descent
@pytest.mark.parametrize("surface", ["quartic", "elongated"])
def test_draw_descent_state_is_the_last_iterate(surface):
    f, grad, _ = widgets.DESCENT_SURFACES[surface]
    state = widgets.draw_descent(Figure(), lr=0.05, n_steps=15, w1=-2.0, w2=1.0, surface=surface)
    w, _ = mh.gradient_descent(grad, [-2.0, 1.0], lr=0.05, n_steps=15)
    np.testing.assert_allclose(state["w"], w)
    assert state["J"] == pytest.approx(f(*w))
    assert state["steps"] == 15 and state["diverged"] is False


def test_draw_descent_surfaces_match_their_gradients():
    for f, grad, _ in widgets.DESCENT_SURFACES.values():
        assert mh.gradient_check(lambda v, f=f: float(f(v[0], v[1])), grad, np.array([0.7, -1.3])) < 1e-7


def test_draw_descent_panels():
    fig = Figure()
    widgets.draw_descent(fig, lr=0.1, n_steps=10)
    ax_path, ax_cost = fig.axes
    assert ax_path.get_title() == "lr = 0.1" and ax_path.get_title(loc="left") == "$J = w_1^2 + w_2^4$"
    assert ax_path.get_xlim() == (-3.0, 3.0) and ax_path.get_ylim() == (-3.0, 3.0)
    path_line = ax_path.get_lines()[0]
    assert len(path_line.get_xdata()) == 11
    assert ax_cost.get_yscale() == "log" and ax_cost.get_xlabel() == "step $k$"
    assert ax_cost.get_title() == "J after 10 steps"


def test_draw_descent_reports_divergence_without_warning():
    # lr = 0.25 from w2 = 1.5: w2 -> 1.5 - 0.25 * 4 * 1.5**3 = -1.875, then it explodes
    state = widgets.draw_descent(Figure(), lr=0.25, n_steps=50, w1=-2.5, w2=1.5)
    assert state["diverged"] is True
    assert state["steps"] < 50  # cut where it left the picture
    assert np.abs(state["w"]).max() > 30


def test_draw_descent_elongated_oscillating_but_converging():
    # factor along w2 is 1 - 8 lr = -0.6: the sign flips every step, the size shrinks
    state = widgets.draw_descent(Figure(), lr=0.2, n_steps=40, w1=2.0, w2=2.0, surface="elongated")
    assert state["diverged"] is False and state["J"] < 1e-6


def test_draw_descent_rejects_unknown_surface():
    with pytest.raises(ValueError, match="surface must be one of"):
        widgets.draw_descent(Figure(), surface="bowl")
    with pytest.raises(ValueError, match="surface must be one of"):
        widgets.descent_explorer(surface="bowl")


def test_descent_explorer_redraws_on_slider_moves():
    ex = widgets.descent_explorer(lr=0.1, n_steps=20)
    assert isinstance(ex, widgets.Explorer) and ex.n_draws == 1
    before_png, before_w = ex.image.value, ex.state["w"].copy()
    ex.controls["n_steps"].value = 60
    assert ex.n_draws == 2 and ex.state["steps"] == 60
    assert ex.image.value != before_png
    assert np.abs(ex.state["w"]).max() < np.abs(before_w).max()
    ex.controls["lr"].value = 0.3
    assert ex.state["diverged"] is True
    ex.controls["lr"].value = 0.1
    ex.controls["w1"].value = 0.0
    ex.controls["w2"].value = 0.0
    assert ex.state["J"] == 0.0 and ex.state["steps"] == 60  # starting at the minimum: no move


# ----------------------------------------------------------------- draw_training
@pytest.fixture
def clouds():
    return mh.gaussian_clouds(40, random_state=2)


def test_draw_training_matches_logistic_regression(clouds):
    X, t = clouds
    state = widgets.draw_training(Figure(), X, t, lr=0.5, n_iter=7, l2=0.05)
    w, b = np.zeros(2), 0.0
    for _ in range(7):
        dw, db = mh.logistic_gradient(w, b, X, t, l2=0.05)
        w, b = w - 0.5 * dw, b - 0.5 * db
    np.testing.assert_allclose(state["w"], w)
    assert state["b"] == pytest.approx(b)
    assert state["cost"] == pytest.approx(mh.logistic_cost(w, b, X, t, l2=0.05))
    assert state["accuracy"] == pytest.approx(mh.accuracy(t, (X @ w + b > 0).astype(int)))
    assert state["n_iter"] == 7


def test_draw_training_from_a_start_and_zero_iterations(clouds):
    X, t = clouds
    state = widgets.draw_training(Figure(), X, t, n_iter=0, w0=[1.0, -2.0], b0=2.0)
    np.testing.assert_allclose(state["w"], [1.0, -2.0])
    assert state["b"] == 2.0
    assert state["cost"] == pytest.approx(mh.logistic_cost([1.0, -2.0], 2.0, X, t, l2=0.01))


def test_draw_training_panels(clouds):
    X, t = clouds
    fig = Figure()
    widgets.draw_training(fig, X, t, n_iter=5, reference=([4.0, 4.0], 0.0))
    ax_data, ax_cost = fig.axes
    legend = [x.get_text() for x in ax_data.get_legend().get_texts()]
    assert legend[:3] == ["class 0", "class 1", "Bayes / LDA"] and legend[3] == "boundary after these steps"
    assert ax_data.get_title().startswith("after 5 steps, lr = 1: accuracy ")
    assert ax_cost.get_yscale() == "log" and ax_cost.get_xlim() == (0.0, 5.0)
    cost_line = ax_cost.get_lines()[0]
    assert len(cost_line.get_ydata()) == 6


def test_draw_training_checks_labels(clouds):
    X, t = clouds
    with pytest.raises(ValueError, match="t"):
        widgets.draw_training(Figure(), X, 2 * t - 1)


def test_training_explorer_redraws_and_converges(clouds):
    X, t = clouds
    ex = widgets.training_explorer(X, t, n_iter=1, reference=([4.0, 4.0], 0.0))
    first_cost, first_png = ex.state["cost"], ex.image.value
    ex.controls["n_iter"].value = 150
    assert ex.state["cost"] < first_cost and ex.image.value != first_png
    ref = mh.LogisticRegression(l2=0.01, solver="newton", tol=1e-10).fit(X, t)
    np.testing.assert_allclose(ex.state["w"], ref.w, atol=1e-2)
    ex.controls["l2"].value = 0.1
    assert np.linalg.norm(ex.state["w"]) < np.linalg.norm(ref.w)  # a larger penalty shrinks w
    assert ex.n_draws == 3


def test_training_explorer_needs_two_columns(clouds):
    X, t = clouds
    with pytest.raises(ValueError, match="X must have 2 columns"):
        widgets.training_explorer(np.column_stack([X, X]), t)


def test_draw_descent_without_cost_panel():
    fig = Figure()
    state = widgets.draw_descent(fig, lr=0.1, n_steps=10, cost_panel=False)
    (ax,) = fig.axes
    assert ax.get_title() == f"lr = 0.1: J = {state['J']:.2g}"
    fig = Figure()
    widgets.draw_descent(fig, lr=0.3, n_steps=10, cost_panel=False)
    assert fig.axes[0].get_title().endswith(": diverged")


def test_draw_training_without_cost_panel(clouds):
    X, t = clouds
    fig = Figure()
    state = widgets.draw_training(fig, X, t, n_iter=1)
    fig_light = Figure()
    light = widgets.draw_training(fig_light, X, t, n_iter=1, cost_panel=False)
    (ax,) = fig_light.axes
    assert ax.get_title().startswith(f"after 1 step, lr = 1: accuracy {light['accuracy']:.3f}\n")
    w, b = light["w"], light["b"]
    assert ax.get_title().endswith(f"w = ({w[0]:.2f}, {w[1]:.2f}), b = {b:.2f}, cost {light['cost']:.4f}")
    np.testing.assert_allclose(light["w"], state["w"])
    assert light["cost"] == state["cost"]


# ------------------------------------------------- the explorers' frames (issue 13)
def _sweep(ex):
    """Every control through a few positions and back, as benchmark item 6 moves them."""
    from benchmarks.explorers import sweep_values

    for control in ex.controls.values():
        for value in sweep_values(control):
            control.value = value


def _whole_redraw(ex, scene_class, *args, **kwargs):
    """The explorer's current frame drawn whole on a fresh figure of the same size."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = Figure(figsize=ex.figure.get_size_inches(), dpi=ex.figure.dpi, layout="constrained")
    canvas = FigureCanvasAgg(fig)
    state = scene_class(fig, *args, **kwargs).update(**ex.values)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba()), state


def _assert_same_frame(blitted, whole, fig):
    """Equal pixels, except where blitting must differ: it draws the moving artists
    over everything, where a whole redraw puts the legends (zorder 5) and the axes'
    spines (2.5) over the lines (2). Those pixels (inside a legend, within 2 px of
    a spine) are left out; every other pixel must be the same."""
    height = blitted.shape[0]
    allowed = np.zeros(blitted.shape[:2], dtype=bool)
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        boxes = [spine.get_window_extent(renderer).padded(2) for spine in ax.spines.values()]
        if ax.get_legend() is not None:
            boxes.append(ax.get_legend().get_window_extent(renderer).padded(1))
        for box in boxes:
            x0, x1 = int(np.floor(box.x0)), int(np.ceil(box.x1))
            r0, r1 = int(np.floor(height - box.y1)), int(np.ceil(height - box.y0))
            allowed[max(r0, 0) : r1 + 1, max(x0, 0) : x1 + 1] = True
    differ = np.any(blitted != whole, axis=2)
    assert not np.any(differ & ~allowed), f"{np.count_nonzero(differ & ~allowed)} pixels differ"
    assert np.count_nonzero(differ) < 0.01 * differ.size


def _count_whole_draws(ex):
    calls = []
    draw = ex.canvas.draw
    ex.canvas.draw = lambda: (calls.append(1), draw())
    return calls


@pytest.mark.parametrize("surface", ["quartic", "elongated"])
def test_descent_explorer_blits_every_frame_and_matches_a_whole_redraw(surface):
    from mlhelpers.widgets.descent import DescentScene

    ex = widgets.descent_explorer(surface=surface)
    whole_draws = _count_whole_draws(ex)
    _sweep(ex)
    ex.controls["n_steps"].value = 60
    assert whole_draws == []  # the cost axis is fixed: no frame redraws the background
    blitted = np.asarray(ex.canvas.buffer_rgba())
    whole, state = _whole_redraw(ex, DescentScene, surface=surface, cost_range=ex.scene.cost_range)
    _assert_same_frame(blitted, whole, ex.figure)
    np.testing.assert_array_equal(ex.state["w"], state["w"])
    assert {k: v for k, v in ex.state.items() if k != "w"} == {k: v for k, v in state.items() if k != "w"}
    twin = widgets.draw_descent(Figure(), **ex.values, surface=surface)  # the static twin's numbers
    np.testing.assert_array_equal(ex.state["w"], twin["w"])
    assert ex.state["J"] == twin["J"] and ex.state["steps"] == twin["steps"] == 60


def test_descent_explorer_cost_axis_is_fixed_and_marks_what_lies_beyond():
    ex = widgets.descent_explorer()
    ax_cost = ex.figure.axes[1]
    assert ax_cost.get_ylim() == (1e-8, 1e6)  # down to _COST_FLOOR, up to J(30, 30) = 810900 in whole decades
    below, above = ex.scene.outside.artists
    assert not below.get_visible() and not above.get_visible()
    ex.controls["lr"].value = 0.3  # diverges: the cut iterate lies above the axis
    assert ex.state["diverged"] and above.get_visible() and not below.get_visible()
    assert list(above.get_xdata()) == [ex.state["steps"]]
    ex = widgets.descent_explorer(surface="elongated", n_steps=100)  # linear convergence: below 1e-8 before step 100
    assert ex.figure.axes[1].get_ylim() == (1e-8, 1e4)
    below = ex.scene.outside.below
    costs = ex.scene.costs.get_ydata()
    assert below.get_visible() and list(below.get_xdata()) == list(np.flatnonzero(costs < 1e-8))


def test_training_explorer_blits_every_frame_and_matches_a_whole_redraw(clouds):
    from mlhelpers.widgets.descent import TrainingScene

    X, t = clouds
    reference = ([4.0, 4.0], 0.0)
    ex = widgets.training_explorer(X, t, reference=reference, w0=[1.0, -2.0], b0=2.0)
    whole_draws = _count_whole_draws(ex)
    _sweep(ex)
    ex.controls["lr"].value = 2.0  # a new descent, run to the 20 iterations shown
    ex.controls["n_iter"].value = 35  # continued from its iterate 20: the numbers of one run of 35
    assert whole_draws == []
    low, high = ex.figure.axes[1].get_ylim()
    assert low <= ex.state["cost"] <= high
    blitted = np.asarray(ex.canvas.buffer_rgba())
    kwargs = dict(w0=[1.0, -2.0], b0=2.0, reference=reference, cost_range=ex.scene.cost_range)
    whole, state = _whole_redraw(ex, TrainingScene, X, t.astype(float), **kwargs)
    _assert_same_frame(blitted, whole, ex.figure)
    twin = widgets.draw_training(Figure(), X, t, **ex.values, w0=[1.0, -2.0], b0=2.0)
    for s in (state, twin):
        np.testing.assert_array_equal(ex.state["w"], s["w"])
        assert (ex.state["b"], ex.state["cost"], ex.state["accuracy"], ex.state["n_iter"]) == (
            s["b"],
            s["cost"],
            s["accuracy"],
            35,
        )


def test_logistic_descent_path_is_the_taught_loop(clouds):
    from mlhelpers.descent_path import logistic_descent_path
    from mlhelpers.losses import _logistic_gradient

    X, t = clouds
    t = t.astype(float)
    for lr, l2 in ((0.5, 0.0), (3.0, 0.05)):

        def gradient(theta, l2=l2):
            dw, db = _logistic_gradient(theta[:-1], theta[-1], X, t, l2)
            return np.append(dw, db)

        _, path = mh.gradient_descent(gradient, [1.0, -2.0, 2.0], lr=lr, n_steps=40)
        W, B, costs = logistic_descent_path(X, t, lr=lr, n_iter=40, l2=l2, w0=[1.0, -2.0], b0=2.0)
        np.testing.assert_array_equal(W, path[:, :2])  # the same numbers to the last bit
        np.testing.assert_array_equal(B, path[:, 2])
        expected = [mh.logistic_cost(w, b, X, t, l2=l2) for w, b in zip(W, B)]
        np.testing.assert_allclose(costs, expected, rtol=1e-12)
