"""Tests of plotting.plot_chords (notebook 09: convexity)."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

import mlhelpers as mh
from mlhelpers import plotting

RED, GREEN = "#CC0000", plotting.CLASS_COLORS[2]


def _chord_lines(ax):
    return [line for line in ax.lines if line.get_marker() == "o"]


@pytest.mark.parametrize(
    "f",
    [np.square, np.abs, lambda m: mh.hinge_loss(np.ones_like(m), m, reduction="none"), np.exp],
    ids=["square", "abs", "hinge", "exp"],
)
def test_convex_functions_have_every_chord_above(f):
    _, ax = plt.subplots()
    pairs = [(-2.0, 1.0), (-1.0, 2.0), (0.5, 1.5), (1.0, -1.0)]
    out = plotting.plot_chords(f, pairs, ax, title="convex")
    assert out is ax
    chords = _chord_lines(ax)
    assert len(chords) == 4 and all(c.get_color() == GREEN and c.get_linestyle() == "-" for c in chords)
    for (a, b), line in zip(pairs, chords):
        np.testing.assert_allclose(line.get_xdata(), [a, b])
        np.testing.assert_allclose(line.get_ydata(), f(np.array([a, b])))
    assert ax.get_legend_handles_labels()[1] == ["$f$", "chord above the curve (4)"]
    assert ax.get_title() == "convex" and ax.get_xlabel() == "$x$" and ax.get_ylabel() == "$f(x)$"


def test_nonconvex_chords_are_flagged():
    zero_one = lambda m: mh.zero_one_loss(np.ones_like(m), m, reduction="none")  # noqa: E731
    _, ax = plt.subplots()
    plotting.plot_chords(zero_one, [(-1.0, 1.0), (0.5, 1.5), (-2.0, 0.5)], ax, xlim=(-3, 3))
    colours = [c.get_color() for c in _chord_lines(ax)]
    assert colours == [RED, GREEN, RED]
    assert [c.get_linestyle() for c in _chord_lines(ax)] == ["--", "-", "--"]
    labels = ax.get_legend_handles_labels()[1]
    assert "chord BELOW the curve (2)" in labels and "chord above the curve (1)" in labels
    assert ax.get_xlim() == (-3, 3)


def test_smooth_nonconvex_function():
    _, ax = plt.subplots()
    plotting.plot_chords(np.cos, [(-1.0, 1.0), (2.5, 3.8)], ax, xlim=(-4, 4))  # cos is concave near 0, convex near pi
    assert [c.get_color() for c in _chord_lines(ax)] == [RED, GREEN]


def test_plot_chords_rejects_bad_pairs():
    with pytest.raises(ValueError, match=r"pairs must hold \(a, b\) end points"):
        plotting.plot_chords(np.square, [(0.0, 1.0, 2.0)])
