"""Tests of plotting.plot_confusion_matrix (notebook 08)."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from mlhelpers import plotting


def test_confusion_matrix_cells_labels_and_shading():
    cm = np.array([[98, 11], [0, 62]])
    _, ax = plt.subplots()
    out = plotting.plot_confusion_matrix(cm, ax, class_names=("benign", "malignant"), title="cm")
    assert out is ax
    texts = sorted(t.get_text() for t in ax.texts)
    assert texts == sorted(["TN\n98", "FP\n11", "FN\n0", "TP\n62"])
    image = ax.images[0]
    np.testing.assert_array_equal(image.get_array(), cm)
    assert image.get_clim() == (0, 98)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["pred. benign", "pred. malignant"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["true benign", "true malignant"]
    assert ax.get_title() == "cm" and ax.get_xlabel() == "predicted class" and ax.get_ylabel() == "true class"


def test_confusion_matrix_text_colour_contrasts_with_shade():
    _, ax = plt.subplots()
    plotting.plot_confusion_matrix([[90, 1], [2, 7]], ax)
    colours = {t.get_text().split("\n")[0]: t.get_color() for t in ax.texts}
    assert colours["TN"] == "white" and colours["FP"] == "black" and colours["TP"] == "black"


def test_confusion_matrix_all_zero_and_default_axes():
    plt.figure()
    ax = plotting.plot_confusion_matrix(np.zeros((2, 2)))
    assert ax is plt.gca()
    assert ax.images[0].get_clim() == (0, 1)


@pytest.mark.parametrize("bad", [np.ones((3, 3)), [[1, -1], [0, 2]]])
def test_confusion_matrix_rejects_bad_input(bad):
    with pytest.raises(ValueError, match="2 x 2 matrix"):
        plotting.plot_confusion_matrix(bad)


def test_confusion_matrix_rejects_wrong_number_of_names():
    with pytest.raises(ValueError, match="class_names must hold 2 names"):
        plotting.plot_confusion_matrix([[1, 2], [3, 4]], class_names=("a",))
