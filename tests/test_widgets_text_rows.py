"""TextRows (widgets/_text_rows.py) draws what Text draws, pixel for pixel."""

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox, offset_copy

from mlhelpers.widgets._text_rows import TextRows

STRINGS = ["awesome", "bias b", "(7 other words)", "great x2", "+0.93", "-1.25", "Typography", ""]
XS = np.linspace(0.1, 0.9, len(STRINGS))
YS = np.linspace(-0.3, 6.7, len(STRINGS))  # data units, some between pixels
HAS = ["left", "right", "center", "right", "left", "right", "center", "left"]


def _axes():
    fig = Figure(figsize=(5.3, 3.1), dpi=80)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.set_ylim(7.2, -0.7)
    return fig, ax


def _pixels(fig):
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba()).copy()


@pytest.mark.parametrize("va", ["center", "top", "baseline", "bottom"])
@pytest.mark.parametrize("fontsize", [8, "medium"])
def test_rows_draw_the_pixels_of_text_artists(va, fontsize):
    fig, ax = _axes()
    transform = offset_copy(ax.get_yaxis_transform(), fig=fig, units="points", x=-3.5)
    texts = [ax.text(x, y, s, ha=ha, va=va, fontsize=fontsize, transform=transform) for x, y, s, ha in zip(XS, YS, STRINGS, HAS)]
    want, boxes = _pixels(fig), [t.get_window_extent() for t in texts if t.get_text()]

    fig, ax = _axes()
    transform = offset_copy(ax.get_yaxis_transform(), fig=fig, units="points", x=-3.5)
    rows = TextRows(transform, fontsize=fontsize, va=va)
    ax.add_artist(rows)
    rows.set_rows(XS, YS, STRINGS, ha=HAS)
    got = _pixels(fig)
    assert (want != 255).any() and np.array_equal(got, want)
    assert np.allclose(rows.get_window_extent().bounds, Bbox.union(boxes).bounds)
    assert rows.texts == STRINGS


def test_rows_can_be_emptied_and_hidden():
    fig, ax = _axes()
    blank = _pixels(fig)
    rows = TextRows(ax.transData, fontsize=8)
    ax.add_artist(rows)
    rows.set_rows([0.5], [3.0], ["word"])
    assert not np.array_equal(_pixels(fig), blank)
    rows.set_visible(False)
    assert np.array_equal(_pixels(fig), blank)
    rows.set_visible(True)
    rows.set_rows([], [], [])
    assert np.array_equal(_pixels(fig), blank)
    assert rows.get_window_extent().width == Bbox.null().width


@pytest.mark.parametrize(
    ("args", "kwargs", "match"),
    [
        (([0.0, 1.0], [0.0], ["a", "b"]), {}, "one entry per row"),
        (([0.0], [0.0], ["a"]), {"ha": "middle"}, "ha must be one of"),
        (([0.0], [0.0], ["two\nlines"]), {}, "one-line str"),
    ],
)
def test_rows_reject_bad_input(args, kwargs, match):
    _, ax = _axes()
    rows = TextRows(ax.transData, fontsize=8)
    with pytest.raises(ValueError, match=match):
        rows.set_rows(*args, **kwargs)


def test_rows_reject_an_unknown_vertical_alignment():
    with pytest.raises(ValueError, match="va must be one of"):
        TextRows(None, fontsize=8, va="middle")
