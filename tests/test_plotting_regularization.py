"""Tests of plotting.plot_weights / plot_coefficient_paths (notebook 07), under Agg."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.collections import LineCollection
from matplotlib.colors import to_hex

from mlhelpers import plotting


def test_plot_weights_bars_colours_and_zero_marks():
    w = np.array([1.5, -0.5, 0.0, 0.2, 0.0, 0.0, -0.1])
    _, ax = plt.subplots()
    out = plotting.plot_weights(w, ax, informative=[0, 1, 2], title="T")
    assert out is ax
    bars = ax.patches
    assert len(bars) == w.size
    heights = sorted((round(b.get_x() + b.get_width() / 2), b.get_height()) for b in bars)
    assert [h for _, h in heights] == pytest.approx(w.tolist())
    informative = [b for b in bars if b.get_hatch()]
    assert len(informative) == 3
    assert {to_hex(b.get_facecolor()) for b in informative} == {plotting.CLASS_COLORS[1].lower()}
    assert {to_hex(b.get_facecolor()) for b in bars if not b.get_hatch()} == {plotting.CLASS_COLORS[0].lower()}
    (cross,) = [line for line in ax.lines if line.get_marker() == "x"]
    assert cross.get_xdata().tolist() == [2, 4, 5] and np.all(cross.get_ydata() == 0)
    labels = ax.get_legend_handles_labels()[1]
    assert labels == ["exactly 0 (3)", "informative (3)", "useless"]
    assert (ax.get_title(), ax.get_xlabel(), ax.get_ylabel()) == ("T", "feature $j$", "weight $w_j$")


def test_plot_weights_without_informative_or_zeros():
    _, ax = plt.subplots()
    plotting.plot_weights([0.3, -0.2], ax, ylim=(-1, 1))
    assert ax.get_legend_handles_labels()[1] == ["weights"]
    assert not [line for line in ax.lines if line.get_marker() == "x"]
    assert ax.get_ylim() == (-1, 1)


@pytest.mark.parametrize("bad", [[5], [-1], [0.5], [[0, 1]]])
def test_plot_weights_rejects_bad_informative(bad):
    with pytest.raises(ValueError, match="informative"):
        plotting.plot_weights(np.ones(5), informative=bad)


def test_plot_coefficient_paths_lines_sorted_and_log_axis():
    rng = np.random.default_rng(0)
    lams = np.array([1.0, 0.01, 0.1])  # unsorted on purpose
    W = rng.standard_normal((3, 6))
    _, ax = plt.subplots()
    out = plotting.plot_coefficient_paths(lams, W, ax, informative=[1, 4], title="P", xlabel="$l_1$")
    assert out is ax and ax.get_xscale() == "log"
    order = np.argsort(lams)
    (collection,) = [c for c in ax.collections if isinstance(c, LineCollection)]
    segments = collection.get_segments()
    assert len(segments) == 4  # the useless features 0, 2, 3, 5
    for seg, j in zip(segments, [0, 2, 3, 5]):
        assert seg[:, 0] == pytest.approx(lams[order])
        assert seg[:, 1] == pytest.approx(W[order, j])
    solid = [line for line in ax.lines if line.get_linestyle() == "-" and len(line.get_xdata()) == 3]
    assert len(solid) == 2
    assert solid[0].get_ydata() == pytest.approx(W[order, 1])
    assert solid[1].get_ydata() == pytest.approx(W[order, 4])
    assert ax.get_legend_handles_labels()[1] == ["useless", "informative"]
    assert (ax.get_title(), ax.get_xlabel()) == ("P", "$l_1$")
    lo, hi = ax.get_xlim()
    assert lo <= 0.01 and hi >= 1.0  # the collection is inside the autoscaled view
    ylo, yhi = ax.get_ylim()
    assert ylo <= W.min() and yhi >= W.max()


def test_plot_coefficient_paths_all_useless_label():
    _, ax = plt.subplots()
    plotting.plot_coefficient_paths([0.1, 1.0], np.ones((2, 3)), ax)
    assert ax.get_legend_handles_labels()[1] == ["weights"]


def test_plot_coefficient_paths_rejects_bad_input():
    with pytest.raises(ValueError, match="one row per lambda"):
        plotting.plot_coefficient_paths([0.1, 1.0], np.ones((3, 2)))
    with pytest.raises(ValueError, match="positive"):
        plotting.plot_coefficient_paths([0.0, 1.0], np.ones((2, 2)))
