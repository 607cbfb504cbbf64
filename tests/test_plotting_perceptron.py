"""plotting.plot_projection (notebook 01): what it draws, under Agg."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
from numpy.testing import assert_allclose

from mlhelpers import plotting

X = np.array([[2, 1], [1, 2], [3, 1], [3, 2], [1, 3], [2, 3]], dtype=float)
T = np.array([-1, 1, -1, -1, 1, 1])


def _scatter_offsets(ax):
    return [c.get_offsets() for c in ax.collections]


@pytest.mark.parametrize("w, b", [([-0.5, 0.5], 0.0), ([3.0, 4.0], -2.0), ([0.0, 1.0], 1.0)])
def test_projections_are_x_dot_u(w, b):
    ax, ax1 = plotting.plot_projection(X, T, w, b)
    u = np.asarray(w) / np.linalg.norm(w)
    s = X @ u
    # the 1-D panel holds one scatter per class, at the projections, on y = 0
    (neg, pos) = _scatter_offsets(ax1)
    assert_allclose(np.sort(neg[:, 0]), np.sort(s[T == -1]))
    assert_allclose(np.sort(pos[:, 0]), np.sort(s[T == 1]))
    assert_allclose(np.r_[neg[:, 1], pos[:, 1]], 0.0)
    # the threshold line sits at -b / ||w||
    vlines = [line for line in ax1.lines if np.ptp(line.get_xdata()) == 0]
    assert len(vlines) == 1
    assert_allclose(vlines[0].get_xdata()[0], -b / np.linalg.norm(w))
    # the feet of the projections (2nd scatter group in the plane) are (x.u) u
    feet = np.vstack(_scatter_offsets(ax)[2:4])
    expected = np.vstack([np.outer(s[T == v], u) for v in (-1, 1)])
    assert_allclose(feet, expected)


def test_labels_legends_and_equal_aspect():
    ax, ax1 = plotting.plot_projection(X, T, [-0.5, 0.5])
    assert ax.get_title() == "Projections onto $w$"
    assert ax.get_xlabel() == "$x_1$" and ax.get_ylabel() == "$x_2$"
    assert ax1.get_xlabel() == "projection $x^T w / \\|w\\|$"
    assert ax.get_aspect() == 1.0
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert texts[:2] == ["t = -1", "t = +1"] and "$w$" in texts and "line along $w$" in texts
    legend1 = [t.get_text() for t in ax1.get_legend().get_texts()]
    assert legend1[-1] == "threshold $-b/\\|w\\| = 0$ (score 0)"  # no "-0"
    # one dashed segment per point, from the point to its foot
    dashed = [line for line in ax.lines if line.get_linestyle() == "--"]
    assert len(dashed) == X.shape[0]
    # the plane's limits contain every point and the origin
    assert ax.get_xlim()[0] < 0 < X[:, 0].max() < ax.get_xlim()[1]


def test_draws_on_given_axes():
    _fig, axes = plt.subplots(1, 2)
    out = plotting.plot_projection(X, T, [1.0, 1.0], axes=axes)
    assert out[0] is axes[0] and out[1] is axes[1]


@pytest.mark.parametrize(
    "args, match",
    [
        ((X, T, [0.0, 0.0]), "w must be nonzero"),
        ((np.ones((3, 3)), [1, -1, 1], [1.0, 1.0]), "X must have 2 columns"),
        ((X, T, [1.0, 1.0, 1.0]), "w has length 3"),
        ((X, T[:3], [1.0, 1.0]), "t has length 3"),
    ],
)
def test_bad_input(args, match):
    with pytest.raises(ValueError, match=match):
        plotting.plot_projection(*args)
