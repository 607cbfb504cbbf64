"""Tests of plotting.plot_curves (notebooks 03 and 04), under Agg."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from mlhelpers import plotting


def test_plot_curves_draws_one_styled_line_per_curve_and_the_marks():
    x = np.linspace(0.01, 1, 50)
    _fig, ax = plt.subplots()
    out = plotting.plot_curves(
        x, {"a": x**2, "b": -np.log(x)}, ax, marks=[(0.5, 0.25, "half")], title="T", xlabel="X", ylabel="Y", ylim=(0, 3)
    )
    assert out is ax
    lines = ax.get_lines()
    assert [ln.get_label() for ln in lines] == ["a", "b", "half"]
    assert lines[0].get_linestyle() != lines[1].get_linestyle() and lines[0].get_color() != lines[1].get_color()
    np.testing.assert_allclose(lines[1].get_ydata(), -np.log(x))
    assert lines[2].get_marker() == "*" and tuple(lines[2].get_xydata()[0]) == (0.5, 0.25)
    assert (ax.get_title(), ax.get_xlabel(), ax.get_ylabel()) == ("T", "X", "Y")
    assert ax.get_ylim() == (0.0, 3.0)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["a", "b", "half"]


def test_plot_curves_turns_infinities_into_gaps_and_supports_log_axis():
    x = np.array([0.0, 0.5, 1.0])
    _fig, ax = plt.subplots()
    plotting.plot_curves(x, {"log": np.array([-np.inf, 1.0, 2.0])}, ax, logy=True)
    y = ax.get_lines()[0].get_ydata()
    assert np.isnan(y[0]) and list(y[1:]) == [1.0, 2.0]
    assert ax.get_yscale() == "log"


def test_plot_curves_falls_back_to_current_axes():
    _fig, ax = plt.subplots()
    assert plotting.plot_curves([0, 1], {"c": [1, 2]}) is ax


@pytest.mark.parametrize(
    ("curves", "match"),
    [({}, "at least one"), ({"short": [1.0, 2.0]}, r"curve 'short' has shape \(2,\), expected \(3,\)")],
)
def test_plot_curves_rejects_bad_curves(curves, match):
    with pytest.raises(ValueError, match=match):
        plotting.plot_curves([0.0, 1.0, 2.0], curves)
