"""Tests of plotting.curve_path and plotting.plot_history_against (notebook 05), under Agg."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

import mlhelpers as mh
from mlhelpers import plotting


def test_curve_path_draws_curve_iterates_start_and_end():
    _, path = mh.gradient_descent(lambda w: 2 * w, 20.0, lr=0.1, n_steps=5)
    ax = plotting.curve_path(lambda w: w**2, path, plt.figure().add_subplot())
    curve, iterates, start, end = ax.get_lines()
    np.testing.assert_allclose(iterates.get_xdata(), path)
    np.testing.assert_allclose(iterates.get_ydata(), path**2)
    assert (start.get_xdata()[0], end.get_xdata()[0]) == (20.0, pytest.approx(path[-1]))
    assert ax.get_xlim() == pytest.approx((-22.0, 22.0))  # 10% beyond the farthest iterate
    assert curve.get_xdata().min() == pytest.approx(-22.0)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["$J(w)$", "iterates (5 steps)", "start", "end"]
    assert ax.get_xlabel() == "$w$" and ax.get_ylabel() == "$J(w)$" and ax.get_title()


def test_curve_path_custom_limits_and_zero_path():
    ax = plotting.curve_path(lambda w: w**2, [0.0, 0.0], plt.figure().add_subplot())
    assert ax.get_xlim() == pytest.approx((-1.0, 1.0))  # a path at 0 still gets a visible range
    ax = plotting.curve_path(lambda w: w**2, [1.0, 0.5], plt.figure().add_subplot(), wlim=(-3, 2), title="T")
    assert ax.get_xlim() == pytest.approx((-3.0, 2.0)) and ax.get_title() == "T"


def test_curve_path_rejects_a_2d_path():
    with pytest.raises(ValueError, match="path must be a 1-D array"):
        plotting.curve_path(lambda w: w**2, np.zeros((3, 2)))


def test_plot_history_against_uses_the_given_x():
    ax = plt.figure().add_subplot()
    plotting.plot_history_against([0.0, 0.5, 2.0], [3.0, 2.0, 1.0], ax, label="sgd", xlabel="seconds", marker="o")
    (line,) = ax.get_lines()
    np.testing.assert_allclose(line.get_xdata(), [0.0, 0.5, 2.0])
    np.testing.assert_allclose(line.get_ydata(), [3.0, 2.0, 1.0])
    assert line.get_marker() == "o"
    assert ax.get_xlabel() == "seconds" and ax.get_ylabel() == "cost $J$"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["sgd"]
    assert ax.get_xscale() == "linear" and ax.get_yscale() == "linear"


def test_plot_history_against_log_axes_and_no_legend_without_label():
    ax = plt.figure().add_subplot()
    plotting.plot_history_against([1.0, 10.0], [1.0, 0.1], ax, logx=True, logy=True)
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    assert ax.get_legend() is None


def test_plot_history_against_length_mismatch():
    with pytest.raises(ValueError, match="x has length 2 but history has 3"):
        plotting.plot_history_against([0.0, 1.0], [3.0, 2.0, 1.0])
