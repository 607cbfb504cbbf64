import matplotlib.pyplot as plt
import numpy as np
import pytest

import mlhelpers as mh
from mlhelpers import plotting


def test_scatter_classes_colour_and_marker_differ_and_labels_set():
    X, t = mh.gaussian_clouds(10, random_state=0)
    ax = plotting.scatter_classes(X, t, title="Clouds")
    assert ax.get_title() == "Clouds" and ax.get_xlabel() == "$x_1$" and ax.get_ylabel() == "$x_2$"
    a, b = ax.collections
    assert a.get_offsets().shape == (10, 2) and b.get_offsets().shape == (10, 2)
    assert not np.allclose(a.get_facecolor(), b.get_facecolor())
    assert a.get_paths()[0] != b.get_paths()[0]  # different markers
    assert [txt.get_text() for txt in ax.get_legend().get_texts()] == ["class 0", "class 1"]
    ax2 = plotting.scatter_classes(X, 2 * t - 1, ax=plt.figure().add_subplot())
    assert [txt.get_text() for txt in ax2.get_legend().get_texts()] == ["t = -1", "t = +1"]


def test_scatter_rejects_wrong_columns():
    with pytest.raises(ValueError, match="X must have 2 columns"):
        plotting.scatter_classes(np.zeros((3, 3)), [0, 1, 0])


def test_draw_line_spans_axis_limits_and_handles_vertical_and_zero():
    ax = plt.figure().add_subplot()
    ax.set_xlim(-3, 3)
    ax.set_ylim(-3, 3)
    plotting.draw_line([1.0, -1.0], 0.0, ax)  # y = x
    xs, ys = ax.lines[0].get_data()
    assert np.allclose(xs, [-3, 3]) and np.allclose(ys, [-3, 3])
    plotting.draw_line([2.0, 0.0], -2.0, ax)  # x = 1
    assert np.allclose(ax.lines[1].get_xdata(), [1, 1])
    n = len(ax.lines)
    plotting.draw_line([0.0, 0.0], 1.0, ax)
    assert len(ax.lines) == n and ax.get_xlim() == (-3, 3)


def test_decision_regions_history_contour_and_roc():
    X, t = mh.gaussian_clouds(20, random_state=0)
    model = mh.LogisticRegression(l2=0.1, solver="newton").fit(X, t)
    ax = plotting.decision_regions(model.predict_proba, X, t)
    assert ax.get_title() == "Decision regions" and len(ax.collections) >= 3
    ax = plotting.plot_history(model.history, ax=plt.figure().add_subplot(), logy=True)
    assert ax.get_yscale() == "log" and len(ax.lines[0].get_xdata()) == model.history.size
    _, path = mh.gradient_descent(lambda w: 2 * w, [2.0, 1.0], lr=0.1, n_steps=5)
    ax = plotting.contour_path(lambda a, b: a**2 + b**2, path, ax=plt.figure().add_subplot())
    assert ax.get_xlabel() == "$w_1$" and ax.lines[0].get_xdata().size == 6
    fpr, tpr, _ = mh.roc_curve(t, model.predict_proba(X))
    ax = plotting.plot_roc(fpr, tpr, ax=plt.figure().add_subplot(), auc_value=1.0, point=(0.1, 0.9))
    assert "AUC = 1.000" in ax.get_legend().get_texts()[0].get_text()
    assert ax.get_xlim() == (-0.01, 1.01)


def test_labels_have_one_name_each():
    """``label=`` names a legend entry everywhere; the old ``label_text=`` keyword and
    the ``plotting.label`` alias of ``set_labels`` are gone."""
    fig, ax = plt.subplots()
    ax.set_xlim(-1, 1)
    ax.set_ylim(-1, 1)
    plotting.draw_line([1.0, -1.0], 0.0, ax, label="x1 = x2")
    assert [line.get_label() for line in ax.get_lines()] == ["x1 = x2"]
    for call in (
        lambda: plotting.draw_line([1.0, -1.0], 0.0, ax, label_text="old"),
        lambda: plotting.plot_history([3.0, 2.0, 1.0], ax, label_text="old"),
        lambda: plotting.draw_gaussian([0, 0], np.eye(2), ax, label_text="old"),
    ):
        with pytest.raises((TypeError, AttributeError), match="label_text"):
            call()
    assert not hasattr(plotting, "label")
    plt.close(fig)
