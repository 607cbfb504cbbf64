"""Tests of the regularization explorer of notebook 07 (widgets.penalty_strengths,
fit_regularized, draw_regularization, regularization_explorer), headless."""

import warnings

import numpy as np
import pytest
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure

import mlhelpers as mh
from mlhelpers import widgets
from mlhelpers.widgets.regularization import RegularizationScene, band_paths


@pytest.fixture(scope="module")
def data():
    """A 2-D set where x1 matters most, and a 20-feature set with 3 informative columns."""
    X2, t2 = mh.gaussian_clouds(25, mu0=(-1.2, -0.5), mu1=(1.2, 0.5), random_state=2)
    rng = np.random.default_rng(5)
    X = rng.standard_normal((120, 20))
    w_true = np.zeros(20)
    w_true[:3] = [2.0, -2.0, 1.5]
    t = (rng.random(120) < mh.sigmoid(X @ w_true)).astype(int)
    return X2, t2, X, t


@pytest.mark.parametrize(("penalty", "expected"), [("l2", (0.2, 0.0)), ("l1", (0.0, 0.2)), ("elasticnet", (0.1, 0.1))])
def test_penalty_strengths(penalty, expected):
    assert widgets.penalty_strengths(0.2, penalty) == pytest.approx(expected)


def test_penalty_strengths_ratio_and_errors():
    assert widgets.penalty_strengths(1.0, "elasticnet", l1_ratio=0.25) == pytest.approx((0.75, 0.25))
    with pytest.raises(ValueError, match="penalty"):
        widgets.penalty_strengths(1.0, "l3")
    with pytest.raises(ValueError, match="lam"):
        widgets.penalty_strengths(-1.0, "l2")


def _kkt_violation(model, X, t):
    """Largest violation of the optimality conditions of the L1/L2 logistic cost."""
    dw, db = mh.logistic_gradient(model.w, model.b, X, t, l2=model.l2)  # smooth part
    zero = model.w == 0
    nonzero_gap = np.abs(dw[~zero] + model.l1 * np.sign(model.w[~zero]))
    zero_gap = np.maximum(np.abs(dw[zero]) - model.l1, 0.0)
    return max(np.max(nonzero_gap, initial=0.0), np.max(zero_gap, initial=0.0), abs(db))


@pytest.mark.parametrize("penalty", ["l1", "elasticnet"])
@pytest.mark.parametrize("lam", [10**-2.5, 0.05, 0.5])
def test_fit_regularized_reaches_the_optimum(data, penalty, lam):
    _, _, X, t = data
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no ConvergenceWarning in the slider's range
        model = widgets.fit_regularized(X, t, lam, penalty)
    assert model.solver == "gd" and model.converged
    assert (model.l2, model.l1) == pytest.approx(widgets.penalty_strengths(lam, penalty))
    assert _kkt_violation(model, X, t) < 1e-5


def test_fit_regularized_l2_is_newton(data):
    _, _, X, t = data
    model = widgets.fit_regularized(X, t, 0.1, "l2")
    reference = mh.LogisticRegression(l2=0.1, solver="newton").fit(X, t)
    assert model.solver == "newton"
    np.testing.assert_allclose(model.w, reference.w, atol=1e-10)


def test_fit_regularized_l1_matches_scikit_learn(data):
    from sklearn.linear_model import LogisticRegression as SkLogistic

    _, _, X, t = data
    lam = 0.05
    model = widgets.fit_regularized(X, t, lam, "l1")
    sk = SkLogistic(l1_ratio=1.0, C=1.0 / (lam * len(t)), solver="saga", tol=1e-10, max_iter=100_000).fit(X, t)
    np.testing.assert_allclose(model.w, sk.coef_.ravel(), atol=1e-4)
    assert np.array_equal(model.w == 0, np.abs(sk.coef_.ravel()) < 1e-8)


def test_draw_regularization_state_and_panels(data):
    X2, t2, X, t = data
    fig = Figure()
    state = widgets.draw_regularization(fig, X2, t2, X, t, log10_lam=-1.0, penalty="l1", informative=[0, 1, 2])
    direct = widgets.fit_regularized(X, t, 0.1, "l1")
    direct2 = widgets.fit_regularized(X2, t2, 0.1, "l1")
    assert state["lam"] == pytest.approx(0.1) and state["penalty"] == "l1" and state["D"] == 20
    assert state["zeros"] == np.sum(direct.w == 0) > 0
    assert state["norm"] == pytest.approx(np.linalg.norm(direct.w))
    assert state["w2d"] == pytest.approx(tuple(direct2.w)) and state["zeros_2d"] == np.sum(direct2.w == 0)
    ax, ax_w = fig.axes
    assert ax.get_title() == f"L1, $\\lambda$ = 0.1: $w$ = ({direct2.w[0]:.2f}, {direct2.w[1]:.2f})"
    assert ax_w.get_title().startswith(f"20 features: {state['zeros']} weights exactly 0")
    bars = [c for c in ax_w.collections if isinstance(c, PolyCollection)]
    assert [len(c.get_paths()) for c in bars] == [3, 17]  # informative, then the others
    heights = np.concatenate([[p.vertices[1, 1] for p in c.get_paths()] for c in bars])
    np.testing.assert_allclose(heights, direct.w)
    assert any(line.get_label().startswith("boundary") for line in ax.lines)


def test_draw_regularization_all_zero_draws_no_boundary_and_no_warning(data):
    X2, t2, X, t = data
    fig = Figure()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        state = widgets.draw_regularization(fig, X2, t2, X, t, log10_lam=1.0, penalty="l1")
    assert state["zeros"] == 20 and state["norm"] == 0 and state["w2d"] == (0.0, 0.0)
    assert not any(line.get_label().startswith("boundary") for line in fig.axes[0].lines)


def test_draw_regularization_orders_the_penalties(data):
    X2, t2, X, t = data
    states = [widgets.draw_regularization(Figure(), X2, t2, X, t, -1.0, p) for p in ("l2", "elasticnet", "l1")]
    zeros = [s["zeros"] for s in states]
    norms = [s["norm"] for s in states]
    assert zeros[0] == 0 < zeros[1] <= zeros[2]
    assert norms[0] > norms[1] > norms[2]


def test_static_panels_with_draw_regularization(data):
    X2, t2, X, t = data
    settings = [{"penalty": p, "log10_lam": -1.5} for p in ("l2", "l1", "elasticnet")]
    fig, states = widgets.static_panels(lambda f, **v: widgets.draw_regularization(f, X2, t2, X, t, **v), settings, ncols=1)
    assert [s["penalty"] for s in states] == ["l2", "l1", "elasticnet"]
    assert len(fig.axes) == 6


def test_regularization_explorer_redraws_from_code(data):
    X2, t2, X, t = data
    ex = widgets.regularization_explorer(X2, t2, X, t, informative=[0, 1, 2])
    assert ex.state["penalty"] == "l2" and ex.state["zeros"] == 0
    first_image, draws = ex.image.value, ex.n_draws
    ex.controls["penalty"].value = "l1"
    assert ex.state["penalty"] == "l1" and ex.state["zeros"] > 0 and ex.n_draws == draws + 1
    assert ex.image.value != first_image
    l1_zeros = ex.state["zeros"]
    ex.controls["log10_lam"].value = 0.5  # strong: every L1 weight is 0
    assert ex.state["lam"] == pytest.approx(10**0.5) and ex.state["zeros"] == 20 and ex.state["norm"] == 0
    ex.controls["log10_lam"].value = -1.0
    assert ex.state["zeros"] == l1_zeros  # the precomputed fit gives the same state back
    ex.controls["log10_lam"].value = -2.5
    assert ex.state["zeros"] < l1_zeros
    assert ex.controls["log10_lam"].min == -2.5 and ex.controls["log10_lam"].max == 0.5
    assert [v for _, v in ex.controls["penalty"].options] == list(widgets.PENALTIES)


def test_regularization_explorer_rejects_bad_input(data):
    X2, t2, X, t = data
    with pytest.raises(ValueError, match="2 columns"):
        widgets.regularization_explorer(X, t, X, t)
    with pytest.raises(ValueError, match="lam_range"):
        widgets.regularization_explorer(X2, t2, X, t, lam_range=(0.0, -1.0))
    with pytest.raises(ValueError, match="t2"):
        widgets.regularization_explorer(X2, t2 + 1, X, t)


def test_draw_regularization_rejects_non_planar_X2(data):
    _, _, X, t = data
    with pytest.raises(ValueError, match="X2 must have 2 columns"):
        widgets.draw_regularization(Figure(), X[:, :3], t, X, t)


def _pixels(canvas):
    return np.asarray(canvas.buffer_rgba()).copy()


def test_regularization_explorer_blitted_frames_equal_a_whole_draw(data):
    """After a sweep, each blitted frame is the picture a fresh scene draws whole
    (but for a pixel per y tick, see below), and the state is the direct fits' state."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    X2, t2, X, t = data
    ex = widgets.regularization_explorer(X2, t2, X, t, informative=[0, 1, 2])
    ylim = ex.scene.ylim
    for penalty, log10_lam in [("l1", -1.0), ("l1", 0.5), ("elasticnet", -2.25), ("l2", -2.5), ("l1", -2.5), ("l1", 0.0)]:
        ex.controls["penalty"].value = penalty
        ex.controls["log10_lam"].value = log10_lam
        fig = Figure(figsize=ex.figure.get_size_inches(), dpi=ex.figure.dpi, layout="constrained")
        canvas = FigureCanvasAgg(fig)
        # the same fits as the explorer's (its table): the picture differs by blitting only
        scene = RegularizationScene(fig, X2, t2, X, t, informative=[0, 1, 2], fit=ex.scene.fit, ylim=ylim)
        assert scene.update(log10_lam=log10_lam, penalty=penalty) == ex.state
        fig.canvas.draw()
        # the explorer's fits are warm-started along the strength grid, direct ones start
        # at 0: the same optimum to the solver's tolerance (and the same exact zeros)
        direct = RegularizationScene(Figure(), X2, t2, X, t, ylim=ylim).update(log10_lam=log10_lam, penalty=penalty)
        assert {k: v for k, v in ex.state.items() if k not in ("norm", "w2d")} == {
            k: v for k, v in direct.items() if k not in ("norm", "w2d")
        }
        assert ex.state["norm"] == pytest.approx(direct["norm"], abs=1e-5)
        assert ex.state["w2d"] == pytest.approx(direct["w2d"], abs=1e-5)
        # the shaded axes' spines are drawn again over the shading, and so over the
        # static y tick marks where they meet: one pixel per tick (7 here) differs by
        # a few levels of antialiasing; every other pixel is equal
        diff = np.abs(_pixels(ex.canvas).astype(int) - _pixels(canvas)).max(axis=2)
        assert diff.max() <= 8 and np.count_nonzero(diff) <= 10
    direct = widgets.fit_regularized(X, t, 1.0, "l1")
    assert ex.state["zeros"] == np.sum(direct.w == 0) and ex.state["norm"] == pytest.approx(np.linalg.norm(direct.w))


def test_regularization_explorer_fits_off_the_slider_grid(data):
    X2, t2, X, t = data
    ex = widgets.regularization_explorer(X2, t2, X, t, log10_lam=-1.1, penalty="l1")
    direct = widgets.fit_regularized(X, t, 10**-1.1, "l1")
    assert ex.state["zeros"] == np.sum(direct.w == 0) and ex.state["norm"] == pytest.approx(np.linalg.norm(direct.w))


@pytest.mark.parametrize("penalty", ["l2", "l1", "elasticnet"])
def test_fit_regularized_warm_start_reaches_the_same_fit(data, penalty):
    _, _, X, t = data
    strong = widgets.fit_regularized(X, t, 0.1, penalty)
    cold = widgets.fit_regularized(X, t, 0.05, penalty)
    warm = widgets.fit_regularized(X, t, 0.05, penalty, w0=strong.w, b0=strong.b)
    assert warm.converged and warm.n_iter <= cold.n_iter
    np.testing.assert_allclose(warm.w, cold.w, atol=1e-5)
    assert np.array_equal(warm.w == 0, cold.w == 0)


@pytest.mark.parametrize(
    ("w", "b"), [((1.3, 0.4), 0.2), ((0.0, -2.0), 1.0), ((5.0, 0.0), -3.0), ((0.0, 0.0), 0.0), ((0.0, 0.0), 2.5)]
)
def test_band_paths_are_the_bands_contourf_draws(w, b):
    """The closed-form bands cover the box once and each holds the grid points whose
    P(t=1 | x) lies in its band, as contourf (P_k, P_k+1] (the lowest band closed)."""
    from matplotlib.path import Path

    xlim, ylim = (-3.0, 2.0), (-1.5, 2.5)
    paths = band_paths(np.array(w), b, xlim, ylim)
    assert len(paths) == 10
    areas = []
    for p in paths:
        v = p.vertices[:-1] if len(p.vertices) else p.vertices
        areas.append(0.5 * abs(np.dot(v[:, 0], np.roll(v[:, 1], 1)) - np.dot(v[:, 1], np.roll(v[:, 0], 1))) if len(v) else 0.0)
    assert sum(areas) == pytest.approx(5.0 * 4.0)
    g = np.stack(np.meshgrid(np.linspace(-2.97, 1.97, 40), np.linspace(-1.47, 2.47, 40)), axis=-1).reshape(-1, 2)
    prob = 1.0 / (1.0 + np.exp(-(g @ np.array(w) + b)))
    band = np.clip(np.searchsorted(np.linspace(0, 1, 11), prob) - 1, 0, 9)
    score = g @ np.array(w) + b
    with np.errstate(divide="ignore"):
        cuts = np.log(np.linspace(0, 1, 11)) - np.log1p(-np.linspace(0, 1, 11))
    clear = np.abs(score[:, None] - cuts).min(axis=1) > 1e-6 if any(w) else np.ones(len(g), bool)  # off the edges
    for k, p in enumerate(paths):
        inside = Path(p.vertices).contains_points(g) if len(p.vertices) else np.zeros(len(g), bool)
        assert np.array_equal(inside[clear], band[clear] == k)


def test_regularization_scene_legends_are_static_and_below_the_panels(data):
    X2, t2, X, t = data
    ex = widgets.regularization_explorer(X2, t2, X, t, informative=[0, 1, 2])
    scene = ex.scene
    assert not any(isinstance(a, type(scene.legends[0])) for a in scene.animated)
    assert scene.ax.get_legend() is None and scene.ax_w.get_legend() is None
    labels = [[t.get_text() for t in legend.get_texts()] for legend in scene.legends]
    assert labels == [["class 0", "class 1", "boundary $w^T x + b = 0$"], ["informative (3)", "useless", "exactly 0"]]
    renderer = ex.canvas.get_renderer()
    for legend in scene.legends:  # below the axes: nothing animated passes there
        box = legend.get_window_extent(renderer)
        assert box.y1 < min(scene.ax.get_tightbbox(renderer).y0, scene.ax_w.get_tightbbox(renderer).y0) + 1
    assert "λ" in scene.ax.get_title() and "$" not in scene.ax.get_title() + scene.ax_w.get_title()  # plain text per frame
