"""Item 6: kernel time per frame of every notebook's explorer, over a scripted sweep.

Each explorer is built as its notebook builds it (the same kind of data, the same
sizes), then every control is moved through a fixed list of values: 8 positions
spread over each slider's range, and back to its start, and every option of a
toggle. The time of one frame is the time of one ``control.value = v`` in this
process: the explorer's reaction, drawing the figure and encoding the PNG. What
the browser adds (transport, decoding, painting) is measured by the browser test
(``tests/browser``, see the README). Median and 95th percentile per explorer.
"""

from __future__ import annotations

import numpy as np

import mlhelpers as mh

from .common import Row, median, time_call

MEDIAN_GOAL, P95_GOAL = 30.0, 60.0  # ms
POSITIONS = 8
# Issue 13's measurements of the explorers as they were (median, max in ms; three values per control).
BEFORE = {"00": 66, "01": 77, "02": 117, "03": 142, "04": 142, "05": 235, "06": 155, "07": 172, "08": 151, "09": 124, "10": 171}


def _review_data():
    from mlhelpers import text

    texts, t = text.load_reviews()
    docs = [text.tokenize(s) for s in texts]
    vocab = text.build_vocabulary(docs, min_count=2)
    model = mh.LogisticRegression(l2=0.01, solver="lbfgs").fit(text.bag_of_words(docs, vocab), t)
    return docs, vocab, model, t, texts


def build_explorers() -> dict:
    """Notebook number -> a zero-argument function building its explorer."""
    from mlhelpers import widgets

    def n01():
        X, t = mh.gaussian_clouds(100, random_state=0)
        return widgets.boundary_explorer(X, 2 * t - 1)

    x1d = np.array([-3.0, -2.0, -1.2, -0.5, 0.3, 0.8, 1.5, 2.5])
    t1d = np.array([0, 0, 1, 0, 1, 0, 1, 1])

    def n06():
        X, t = mh.gaussian_clouds(150, random_state=0)
        bayes = mh.LDA.from_params([-2, -2], [2, 2], np.eye(2))
        return widgets.training_explorer(X, t, reference=(bayes.w, bayes.b), w0=[1.0, -2.0], b0=2.0)

    def n07():
        rng = np.random.default_rng(0)
        w_true = np.zeros(50)
        w_true[:5] = [2.0, -2.0, 1.5, -1.5, 1.0]
        X = rng.standard_normal((200, 50))
        t = (rng.random(200) < mh.sigmoid(X @ w_true)).astype(int)
        X2, t2 = mh.gaussian_clouds(30, mu0=(-1.2, -0.5), mu1=(1.2, 0.5), random_state=2)
        return widgets.regularization_explorer(X2, t2, X, t, informative=np.arange(5))

    def n08():
        rng = np.random.default_rng(0)
        t = (rng.random(171) < 0.37).astype(int)
        scores = mh.sigmoid(2.5 * (2 * t - 1) + 1.5 * rng.standard_normal(171))
        return widgets.threshold_explorer(t, scores, class_names=("benign", "malignant"))

    def n09():
        g = np.random.default_rng(1)
        x_train = g.uniform(-1, 1, 15)
        t_train = np.sin(np.pi * x_train) + 0.25 * g.normal(size=15)
        x_test = g.uniform(-1, 1, 200)
        t_test = np.sin(np.pi * x_test) + 0.25 * g.normal(size=200)
        return widgets.ridge_explorer(x_train, t_train, x_test, t_test)

    def n10():
        docs, vocab, model, t, texts = _review_data()
        return widgets.review_explorer(docs, vocab, model.w, model.b, t=t, texts=texts)

    return {
        "00": widgets.sigmoid_explorer,
        "01": n01,
        "02": widgets.lda_explorer,
        "03": lambda: widgets.cross_entropy_explorer(x1d, t1d, w=1.0, b=0.0),
        "04": lambda: widgets.gradient_check_explorer(x1d, t1d, w=-0.5, log10_eps=-5.0),
        "05": widgets.descent_explorer,
        "06": n06,
        "07": n07,
        "08": n08,
        "09": n09,
        "10": n10,
    }


def sweep_values(control) -> list:
    """The values a control is moved through: every option of a toggle; for a
    slider, ``POSITIONS`` values spread over its range, then back to its start."""
    if hasattr(control, "options"):
        values = [v for _, v in control.options] if isinstance(control.options[0], tuple) else list(control.options)
        return [v for v in values if v != control.value] + [control.value]
    grid = np.linspace(control.min, control.max, POSITIONS)
    if isinstance(control.value, int):
        grid = np.unique(np.round(grid).astype(int))
    else:
        grid = np.round(grid / control.step) * control.step
    values = [type(control.value)(v) for v in grid if v != control.value]
    return [*values, control.value]


def frame_times(explorer, rounds: int = 1) -> list[float]:
    """Seconds per frame over ``rounds`` sweeps of every control (one warm-up sweep first)."""
    times = []
    for r in range(rounds + 1):
        for control in explorer.controls.values():
            for value in sweep_values(control):

                def move(c=control, v=value):
                    c.value = v

                dt = time_call(move)
                if r:
                    times.append(dt)
    return times


def run(quick: bool) -> list[Row]:
    builders = build_explorers()
    if quick:
        builders = {k: builders[k] for k in ("00", "08")}
    rows = []
    for nb, build in builders.items():
        explorer = build()
        ms = 1e3 * np.array(frame_times(explorer, rounds=1 if quick else 3))
        n = f"{ms.size} frames"
        was = f"issue 13's table: median {BEFORE[nb]} ms"
        name = f"explorer of notebook {nb}"
        rows.append(Row(6, f"{name}: median frame", n, float(median(ms)), "ms", MEDIAN_GOAL, detail=was))
        p95 = float(np.percentile(ms, 95))
        rows.append(Row(6, f"{name}: 95th percentile", n, p95, "ms", P95_GOAL, detail=f"max {ms.max():.0f} ms"))
    return rows
