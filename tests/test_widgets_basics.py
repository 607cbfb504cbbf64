import matplotlib.pyplot as plt
import numpy as np
import pytest

import mlhelpers as mh
from mlhelpers import widgets


def test_boundary_explorer_redraws_when_driven_from_code():
    X, t = mh.gaussian_clouds(20, random_state=0)
    ex = widgets.boundary_explorer(X, t)
    assert "mlh-explorer" in ex._dom_classes and "mlh-explorer-figure" in ex.image._dom_classes
    before = ex.image.value
    assert ex.state == {"misclassified": 0} and ex.n_draws == 1
    assert before[:8] == b"\x89PNG\r\n\x1a\n"
    ex.controls["w1"].value = -2.0
    assert ex.n_draws == 2 and ex.image.value != before
    score = X @ np.array([-2.0, 1.0])
    assert ex.state["misclassified"] == int(np.sum(np.where(t > 0, 1, -1) * score <= 0))
    assert ex.values == {"w1": -2.0, "w2": 1.0, "b": 0.0}


def test_sigmoid_explorer_and_static_panels():
    ex = widgets.sigmoid_explorer()
    ex.controls["slope"].value = 2.0
    assert ex.state == {"slope": 2.0, "shift": 0.0}
    X, t = mh.gaussian_clouds(10, random_state=1)
    fig, states = widgets.static_panels(
        lambda f, **v: widgets.draw_boundary(f, X, t, **v),
        [dict(w1=1, w2=1, b=0), dict(w1=-1, w2=-1, b=0), dict(w1=0, w2=1, b=0)],
        ncols=2,
    )
    wrong = [int(np.sum(np.where(t > 0, 1, -1) * (X @ np.array(w)) <= 0)) for w in ([1, 1], [-1, -1], [0, 1])]
    assert [s["misclassified"] for s in states] == wrong and wrong[0] + wrong[1] == 20
    assert len(fig.subfigs) == 4 and not fig.subfigs[3].get_visible()
    plt.close(fig)


def test_boundary_explorer_argument_errors():
    with pytest.raises(ValueError, match="X must have 2 columns"):
        widgets.boundary_explorer(np.zeros((4, 3)), [0, 1, 0, 1])
