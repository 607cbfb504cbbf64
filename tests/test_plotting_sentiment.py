"""Tests of plotting.plot_word_weights / plot_top_words (notebook 10), under Agg."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_hex

from mlhelpers import plotting, text


def _bars(ax):
    """(y, width, colour, hatch) of every bar, sorted top to bottom by y."""
    bars = [p for container in ax.containers for p in container]
    rows = [(p.get_y() + p.get_height() / 2, p.get_width(), to_hex(p.get_facecolor()), p.get_hatch()) for p in bars]
    return sorted(rows)


def test_word_weights_draw_one_bar_per_word_in_order():
    _, ax = plt.subplots()
    words, values = ["great", "fine", "meh", "broke"], [1.5, 0.2, -0.1, -2.0]
    out = plotting.plot_word_weights(words, values, ax, title="T", xlabel="w")
    assert out is ax
    bars = _bars(ax)
    assert [round(y) for y, *_ in bars] == [0, 1, 2, 3]
    assert [w for _, w, _, _ in bars] == pytest.approx(values)
    assert [tick.get_text() for tick in ax.get_yticklabels()] == words
    lo, hi = ax.get_ylim()
    assert lo > hi  # inverted: the first word at the top
    assert ax.get_title() == "T" and ax.get_xlabel() == "w"


def test_word_weights_tell_the_sign_by_colour_and_hatch():
    _, ax = plt.subplots()
    plotting.plot_word_weights(["up", "down"], [0.5, -0.5], ax)
    (_, _, c_up, h_up), (_, _, c_down, h_down) = _bars(ax)
    assert c_up == plotting.CLASS_COLORS[1].lower() and not h_up
    assert c_down == plotting.CLASS_COLORS[0].lower() and h_down
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["towards class 1 (positive)", "towards class 0 (negative)"]


def test_word_weights_annotate_values_and_one_sided_legend():
    _, ax = plt.subplots()
    plotting.plot_word_weights(["a", "b"], [0.25, 1.0], ax)
    assert sorted(t.get_text() for t in ax.texts) == ["+0.25", "+1.00"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["towards class 1 (positive)"]
    _, ax = plt.subplots()
    plotting.plot_word_weights(["a"], [-1.0], ax, annotate=False)
    assert not ax.texts
    lo, hi = ax.get_xlim()
    assert lo < -1.0 and hi >= 0.0


@pytest.mark.parametrize(
    ("words", "values", "error", "match"),
    [
        ([], [], ValueError, "words is empty"),
        (["a", "b"], [1.0], ValueError, "values"),
        (["a"], [np.nan], ValueError, "finite"),
    ],
)
def test_word_weights_reject_bad_input(words, values, error, match):
    with pytest.raises(error, match=match):
        plotting.plot_word_weights(words, values)


def test_top_words_order_from_largest_to_smallest_weight():
    vocab = {w: j for j, w in enumerate(["great", "works", "ok", "poor", "broke", "love"])}
    w = np.array([2.0, 1.0, 0.1, -1.5, -3.0, 1.5])
    pos, neg = text.top_words(w, vocab, k=2)
    _, ax = plt.subplots()
    plotting.plot_top_words(pos, neg, ax)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["great", "love", "poor", "broke"]
    assert [width for _, width, _, _ in _bars(ax)] == pytest.approx([2.0, 1.5, -1.5, -3.0])
    assert ax.get_title() and ax.get_xlabel() == "weight $w_j$"


def test_top_words_reject_what_top_words_does_not_return():
    with pytest.raises(TypeError, match="pairs"):
        plotting.plot_top_words(["great"], [])
    with pytest.raises(ValueError, match="both empty"):
        plotting.plot_top_words([], [])
