"""widgets.draw_lda / lda_explorer / lda_bayes_error (notebook 02), headless."""

import numpy as np
import pytest
from matplotlib.figure import Figure
from numpy.testing import assert_allclose

import mlhelpers as mh
from mlhelpers import widgets


def test_default_is_the_seed_setting():
    state = widgets.draw_lda(Figure())
    assert_allclose(state["w"], [4.0, 4.0])
    assert_allclose(state["b"], 0.0, atol=1e-12)
    assert_allclose(state["mu0"], [-2.0, -2.0]) and assert_allclose(state["mu1"], [2.0, 2.0])
    # equal priors: error = Phi(-Delta / 2), Delta = Mahalanobis distance between the means = sqrt(32)
    from math import erfc, sqrt

    assert_allclose(state["bayes_error"], 0.5 * erfc(sqrt(32) / 2 / sqrt(2)))


@pytest.mark.parametrize("m, rho, prior1, angle", [(1.0, 0.7, 0.5, 0.0), (2.0, -0.5, 0.9, 45.0), (0.5, 0.3, 0.2, 120.0)])
def test_state_matches_lda_from_params(m, rho, prior1, angle):
    state = widgets.draw_lda(Figure(), m=m, rho=rho, prior1=prior1, angle=angle)
    theta = np.radians(angle)
    mu1 = m * np.sqrt(2) * np.array([np.cos(theta), np.sin(theta)])
    cov = np.array([[1.0, rho], [rho, 1.0]])
    ref = mh.LDA.from_params(-mu1, mu1, cov, prior1=prior1)
    assert_allclose(state["w"], ref.w)
    assert_allclose(state["b"], ref.b, atol=1e-12)
    assert_allclose(state["mu1"], mu1)


def test_bayes_error_against_monte_carlo():
    lda = mh.LDA.from_params([-0.5, 0.0], [0.5, 0.2], [[1.0, 0.4], [0.4, 0.8]], prior1=0.3)
    rng = np.random.default_rng(0)
    n = 400_000
    t = (rng.random(n) < 0.3).astype(int)
    X = np.where(t[:, None] == 1, rng.multivariate_normal(lda.mu1, lda.cov, n), rng.multivariate_normal(lda.mu0, lda.cov, n))
    empirical = np.mean(lda.predict(X) != t)
    assert abs(widgets.lda_bayes_error(lda) - empirical) < 3e-3


def test_bayes_error_equal_means_is_the_smaller_prior():
    lda = mh.LDA.from_params([1.0, 1.0], [1.0, 1.0], np.eye(2), prior1=0.2)
    assert widgets.lda_bayes_error(lda) == pytest.approx(0.2)


def test_draw_lda_draws_data_ellipses_boundary_and_colorbar():
    fig = Figure()
    widgets.draw_lda(fig, prior1=0.25, n_points=40)
    ax = fig.axes[0]
    assert len(fig.axes) == 2  # the plot and its colorbar
    assert fig.axes[1].get_ylabel() == "$P(t=1 \\mid x)$"
    n_scattered = [len(c.get_offsets()) for c in ax.collections if c.get_label().startswith("class")]
    assert n_scattered == [30, 10]  # round(40 * 0.25) points of class 1
    assert "w = (4.00, 4.00)" in ax.get_title() and "error rate" in ax.get_title()
    assert "LDA boundary" in [t.get_text() for t in ax.get_legend().get_texts()]
    assert ax.get_xlim() == (-6.0, 6.0) and ax.get_ylim() == (-6.0, 6.0)
    dashed = [line for line in ax.lines if line.get_linestyle() == "--"]
    assert len(dashed) == 4  # two ellipses per class


@pytest.mark.parametrize(
    "kwargs, match", [(dict(rho=1.0), "rho must lie strictly"), (dict(m=-1.0), "m must be >= 0"), (dict(prior1=1.0), "prior1")]
)
def test_draw_lda_rejects_bad_settings(kwargs, match):
    with pytest.raises(ValueError, match=match):
        widgets.draw_lda(Figure(), **kwargs)


def test_lda_explorer_driven_from_code():
    ex = widgets.lda_explorer()
    assert set(ex.controls) == {"m", "angle", "rho", "prior1"}
    assert_allclose(ex.state["w"], [4.0, 4.0])
    before, draws = ex.image.value, ex.n_draws
    ex.controls["prior1"].value = 0.9
    assert ex.n_draws == draws + 1 and ex.image.value != before
    assert_allclose(ex.state["b"], np.log(0.9 / 0.1))  # b moves by -ln(alpha / (1 - alpha)), alpha = P(t=0) = 0.1
    ex.controls["rho"].value = 0.5
    assert_allclose(ex.state["w"], [4.0 / 1.5, 4.0 / 1.5])  # Sigma^-1 (4, 4) with rho = 0.5
    ex.controls["angle"].value = 0.0
    assert ex.state["w"][1] < 0 < ex.state["w"][0]  # correlation tilts w away from mu1 - mu0 = (c, 0)


def test_static_companion():
    _fig, states = widgets.static_panels(lambda f, **v: widgets.draw_lda(f, **v), [dict(), dict(rho=0.7, angle=0.0, m=1.0)])
    assert len(states) == 2 and states[0]["bayes_error"] < states[1]["bayes_error"]


def _pixels(canvas):
    return np.asarray(canvas.buffer_rgba())[:, :, :3].astype(int)


def test_blitted_frames_after_a_sweep_equal_a_fresh_draw():
    """After a sweep of every slider, the explorer's frame is the frame a new explorer
    draws at the same values, and differs from a whole redraw of the figure only
    where the moving shading covers static artists (blitting draws the moving
    artists on top): the see-through legend, which it tints, and the inner edge of
    the axes' frame. The state is the state of those values."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from mlhelpers.widgets.lda import LdaScene

    ex = widgets.lda_explorer()
    for name, value in [("m", 3.0), ("angle", 120.0), ("rho", -0.9), ("prior1", 0.05), ("m", 0.5), ("rho", 0.4), ("prior1", 0.7)]:
        ex.controls[name].value = value
    final = {"m": 0.5, "angle": 120.0, "rho": 0.4, "prior1": 0.7}
    assert ex.values == pytest.approx(final)
    expected = widgets.draw_lda(Figure(), **final)
    assert ex.state["w"] == pytest.approx(expected["w"]) and ex.state["b"] == pytest.approx(expected["b"])
    assert ex.state["bayes_error"] == pytest.approx(expected["bayes_error"])
    np.testing.assert_array_equal(_pixels(ex.canvas), _pixels(widgets.lda_explorer(**final).canvas))
    fig = Figure(figsize=ex.figure.get_size_inches(), dpi=ex.figure.dpi, layout="constrained")
    canvas = FigureCanvasAgg(fig)
    scene = LdaScene(fig)
    scene.update(**final)
    canvas.draw()
    differ = np.any(_pixels(canvas) != _pixels(ex.canvas), axis=-1)
    box = scene.ax.get_legend().get_window_extent()
    height = differ.shape[0]
    differ[int(height - box.y1) - 1 : int(height - box.y0) + 2, int(box.x0) - 1 : int(box.x1) + 2] = False
    assert differ.mean() < 0.005  # the frame's edge: about 800 pixels of 208 000
