"""plotting.draw_gaussian and plotting.compare_boundaries (notebook 02), under Agg."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.contour import ContourSet
from numpy.testing import assert_allclose

import mlhelpers as mh
from mlhelpers import plotting


@pytest.mark.parametrize("cov", [np.eye(2), [[2.0, 0.8], [0.8, 1.0]], [[0.5, -0.3], [-0.3, 0.4]]])
def test_ellipses_lie_at_the_mahalanobis_radius(cov):
    _, ax = plt.subplots()
    mu = np.array([1.0, -2.0])
    plotting.draw_gaussian(mu, cov, ax, radii=(1.0, 2.5), label="class 0")
    ellipses = [line for line in ax.lines if line.get_linestyle() == "--"]
    assert len(ellipses) == 2
    inv = np.linalg.inv(cov)
    for line, r in zip(ellipses, (1.0, 2.5)):
        d = line.get_xydata() - mu
        assert_allclose(np.einsum("ni,ij,nj->n", d, inv, d), r**2)
    assert next(line.get_label() for line in ellipses) == "class 0"
    centre = [line for line in ax.lines if line.get_marker() == "x"]
    assert len(centre) == 1
    assert_allclose(centre[0].get_xydata()[0], mu)


@pytest.mark.parametrize(
    "cov, radii, match",
    [
        ([[1.0, 2.0], [2.0, 1.0]], (1.0,), "positive definite"),
        (np.eye(3), (1.0,), "symmetric \\(2, 2\\)"),
        (np.eye(2), (0.0,), "radii"),
    ],
)
def test_draw_gaussian_bad_input(cov, radii, match):
    with pytest.raises(ValueError, match=match):
        plotting.draw_gaussian([0.0, 0.0], cov, radii=radii)


def test_compare_boundaries_draws_one_contour_per_model():
    X, t = mh.gaussian_clouds(30, random_state=0)
    lda = mh.LDA().fit(X, t)
    models = {"LDA": lda.predict_proba, "shifted": lambda G: mh.sigmoid(G @ lda.w + lda.b + 2.0)}
    _, ax = plt.subplots()
    plotting.compare_boundaries(models, X, t, ax, title="two models")
    assert ax.get_title() == "two models"
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert legend == ["class 0", "class 1", "LDA", "shifted"]
    contours = [c for c in ax.collections if isinstance(c, ContourSet)]
    assert len(contours) == 2
    # the LDA contour at 0.5 is the line w^T x + b = 0
    path = contours[0].get_paths()[0].vertices
    assert_allclose(path @ lda.w + lda.b, 0.0, atol=1e-2 * np.linalg.norm(lda.w))
    lo = X.min(axis=0) - 1
    assert_allclose([ax.get_xlim()[0], ax.get_ylim()[0]], lo)


def test_compare_boundaries_limits_and_errors():
    X, t = mh.gaussian_clouds(10, random_state=0)
    _, ax = plt.subplots()
    plotting.compare_boundaries({"a": lambda G: G[:, 0]}, X, t, ax, level=0.0, lim=((-3, 3), (-2, 2)))
    assert ax.get_xlim() == (-3.0, 3.0) and ax.get_ylim() == (-2.0, 2.0)
    with pytest.raises(ValueError, match="at least one"):
        plotting.compare_boundaries({}, X, t)
    with pytest.raises(ValueError, match="at most 4"):
        plotting.compare_boundaries({str(k): (lambda G: G[:, 0]) for k in range(5)}, X, t)
    with pytest.raises(TypeError, match="must be callable"):
        plotting.compare_boundaries({"a": 3}, X, t)
