"""Tests of widgets.draw_review / review_explorer (notebook 10), headless."""

import numpy as np
import pytest
from matplotlib.figure import Figure

import mlhelpers as mh
from mlhelpers import text, widgets


@pytest.fixture(scope="module")
def fitted():
    texts, t = text.load_reviews()
    docs = [text.tokenize(s, stop_words="english") for s in texts[::5]]
    t = t[::5]
    vocab = text.build_vocabulary(docs, min_count=2)
    X = text.bag_of_words(docs, vocab)
    model = mh.LogisticRegression(l2=0.01, solver="newton").fit(X, t)
    return docs, vocab, model, t, texts[::5], X


def test_draw_review_state_is_the_model_taken_apart(fitted):
    docs, vocab, model, t, texts, X = fitted
    for index in (0, 7, len(docs) - 1):
        state = widgets.draw_review(Figure(), docs, vocab, model.w, model.b, index, t=t, texts=texts)
        assert state["score"] == pytest.approx(model.decision_function(X[index : index + 1])[0])
        assert state["probability"] == pytest.approx(model.predict_proba(X[index : index + 1])[0])
        assert state["prediction"] == model.predict(X[index : index + 1])[0]
        assert state["truth"] == t[index]
        known = [tok for tok in docs[index] if tok in vocab]
        assert state["n_known"] == len(known) == X[index].sum()
        assert state["n_unknown"] == len(docs[index]) - len(known)
        assert sum(state["contributions"].values()) + model.b == pytest.approx(state["score"])
        for word, c in state["contributions"].items():
            assert c == pytest.approx(X[index, vocab[word]] * model.w[vocab[word]])


def _bars(ax):
    """The bars drawn on ``ax``, top row first: (row, signed width, hatched)."""
    bars = []
    for collection in ax.collections:
        for path in collection.get_paths():
            x, y = path.vertices[:-1].T  # the last vertex closes the polygon
            width = x[np.argmax(np.abs(x))]
            assert set(x) == {0.0, width} and np.ptp(y) == pytest.approx(0.7)
            bars.append((float(np.mean(y)), float(width), collection.get_hatch() == "//"))
    return sorted(bars)


def test_draw_review_bars_add_up_to_the_score():
    vocab = {"great": 0, "broke": 1, "cable": 2, "fine": 3}
    w = np.array([2.0, -3.0, 0.5, 0.25])
    docs = [["great", "great", "broke", "cable", "fine", "unknown"]]
    fig = Figure()
    state = widgets.draw_review(fig, docs, vocab, w, -0.5, 0, k=2, texts=["Great, great. Broke? A cable, fine."])
    ax, ax_p = fig.axes
    assert state["shown"] == ["great x2", "(2 other words)", "broke", "bias b"]
    bars = _bars(ax)
    assert [row for row, _, _ in bars] == pytest.approx([0, 1, 2, 3])
    assert [width for _, width, _ in bars] == pytest.approx([4.0, 0.75, -3.0, -0.5])
    assert [hatched for _, _, hatched in bars] == [False, False, True, True]  # the negative ones
    assert sum(width for _, width, _ in bars) == pytest.approx(state["score"]) == pytest.approx(4.0 - 3.0 + 0.75 - 0.5)
    (labels,) = [a for a in ax.artists if a.get_gid() == "bar labels"]
    assert labels.texts == state["shown"]
    (numbers,) = [a for a in ax.artists if a.get_gid() == "bar values"]
    assert numbers.texts == ["+4.00", "+0.75", "-3.00", "-0.50"]
    (bar,) = ax_p.patches
    assert bar.get_height() == pytest.approx(mh.sigmoid(1.25)) == pytest.approx(state["probability"])
    assert "predicted positive" in ax_p.get_xlabel() and "true" not in ax_p.get_xlabel()
    assert state["n_unknown"] == 1 and state["truth"] is None
    assert "Great, great." in fig._suptitle.get_text()


def test_draw_review_without_known_words_shows_only_the_bias():
    fig = Figure()
    state = widgets.draw_review(fig, [["zzz"]], {"good": 0}, [1.0], 0.3, 0, t=[0])
    assert state["shown"] == ["bias b"] and state["score"] == pytest.approx(0.3)
    assert "WRONG" in fig.axes[1].get_xlabel()


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"index": 5}, ValueError, "index must be between 0 and 1"),
        ({"w": [1.0]}, ValueError, "w"),
        ({"t": [0, 2]}, ValueError, "labels"),
        ({"texts": ["only one"]}, ValueError, "texts must be a list of 2"),
        ({"token_lists": ["not tokenized", "x"]}, TypeError, "tokenize first"),
    ],
)
def test_draw_review_rejects_bad_input(kwargs, error, match):
    args = {"token_lists": [["good"], ["bad"]], "vocabulary": {"good": 0, "bad": 1}, "w": [1.0, -1.0], "b": 0.0, "index": 0}
    args.update(kwargs)
    with pytest.raises(error, match=match):
        widgets.draw_review(Figure(), **args)


def test_review_explorer_redraws_when_the_slider_moves(fitted):
    docs, vocab, model, t, texts, X = fitted
    ex = widgets.review_explorer(docs, vocab, model.w, model.b, t=t, texts=texts, index=3)
    assert ex.state["index"] == 3 and ex.n_draws == 1
    assert ex.controls["index"].max == len(docs) - 1
    first = ex.image.value
    ex.controls["index"].value = 10
    assert ex.n_draws == 2 and ex.state["index"] == 10
    assert ex.state["probability"] == pytest.approx(model.predict_proba(X[10:11])[0])
    assert ex.image.value != first and ex.image.value[:4] == b"\x89PNG"


def test_static_panels_of_reviews(fitted):
    docs, vocab, model, t, texts, _ = fitted
    fig, states = widgets.static_panels(
        lambda f, **v: widgets.draw_review(f, docs, vocab, model.w, model.b, t=t, texts=texts, **v),
        [{"index": 1}, {"index": 2}],
        ncols=1,
    )
    assert [s["index"] for s in states] == [1, 2]
    assert len(fig.axes) == 4


def _pixels(canvas):
    return np.asarray(canvas.buffer_rgba()).astype(int)


def test_review_explorer_blitted_frame_after_a_sweep_is_a_whole_redraw(fitted):
    """No pixel of an earlier review is left: after a sweep the blitted frame equals,
    exactly, a whole draw of a fresh scene at the same review on a same-size figure
    (and a fresh explorer's first frame); the heading and the verdict are in the HTML."""
    import ipywidgets
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from mlhelpers.widgets.sentiment import ReviewScene

    docs, vocab, model, t, texts, X = fitted
    ex = widgets.review_explorer(docs, vocab, model.w, model.b, t=t, texts=texts, index=3)
    for index in (10, len(docs) - 1, 0, 7, 42):
        ex.controls["index"].value = index
    assert ex.n_draws == 6 and ex.state["index"] == 42
    assert ex.state["probability"] == pytest.approx(model.predict_proba(X[42:43])[0])
    assert ex.state["score"] == pytest.approx(model.decision_function(X[42:43])[0])
    assert ex.state == widgets.draw_review(Figure(), docs, vocab, model.w, model.b, 42, t=t, texts=texts)

    def whole_draw(index):
        fig = Figure(figsize=ex.figure.get_size_inches(), dpi=ex.figure.dpi, layout="constrained")
        FigureCanvasAgg(fig)
        scene, prose = ex.scene, ipywidgets.HTML()
        fresh = ReviewScene(fig, scene.docs, vocab, scene.w, scene.b, t=scene.t, texts=scene.texts, freeze=True, prose=prose)
        assert fresh.update(index=index) == ex.state
        fig.canvas.draw()
        assert prose.value == scene.prose.value == ex.children[1].value
        return _pixels(fig.canvas)

    assert np.array_equal(_pixels(ex.canvas), whole_draw(42))
    refresh = widgets.review_explorer(docs, vocab, model.w, model.b, t=t, texts=texts, index=42)
    assert np.array_equal(_pixels(ex.canvas), _pixels(refresh.canvas))
    # The probability bar crosses the threshold line and reaches its legend: both stay on top.
    confident = int(np.argmax(model.predict_proba(X)))
    ex.controls["index"].value = confident
    assert ex.state["probability"] > 0.9
    assert np.array_equal(_pixels(ex.canvas), whole_draw(confident))


def test_review_explorer_shows_the_heading_and_the_verdict_as_html(fitted):
    docs, vocab, model, t, texts, _ = fitted
    texts = list(texts)
    texts[5] = 'Cheap <b>cable</b> & a "loud" hum.'
    ex = widgets.review_explorer(docs, vocab, model.w, model.b, t=t, texts=texts, index=5)
    controls, prose, image = ex.children
    assert controls.children == (ex.controls["index"],) and image is ex.image and "mlh-explorer" in ex._dom_classes
    assert "review 5:" in prose.value and f"{ex.state['n_unknown']} not in the vocabulary" in prose.value
    assert "Cheap &lt;b&gt;cable&lt;/b&gt; &amp; a &quot;loud&quot; hum." in prose.value
    verdict = ex.scene._verdict(ex.state["prediction"], ex.state["truth"]).replace("\n", "; ")
    assert verdict.replace('"', "&quot;") in prose.value
    assert ex.figure._suptitle is None and ex.figure.axes[1].get_xlabel() == ""
    ex.controls["index"].value = 6
    assert "review 6:" in prose.value and "Cheap" not in prose.value


def test_review_scene_keeps_its_layout_and_bar_slots(fitted):
    docs, vocab, model, t, texts, _ = fitted
    ex = widgets.review_explorer(docs, vocab, model.w, model.b, t=t, texts=texts, k=3)
    ax = ex.figure.axes[0]
    position = ax.get_position().bounds
    short = min(range(len(docs)), key=lambda i: len(set(docs[i]) & set(vocab)))
    for index in (short, 5):
        ex.controls["index"].value = index
        n = len(ex.state["shown"])
        assert ax.get_ylim() == (n - 0.5, -0.5)
        bars = _bars(ax)
        assert [row for row, _, _ in bars] == pytest.approx(range(n))
        assert sum(width for _, width, _ in bars) == pytest.approx(ex.state["score"])
        assert ex.scene.labels.texts == ex.state["shown"] and len(ex.scene.numbers.texts) == n
        assert ax.get_position().bounds == position
