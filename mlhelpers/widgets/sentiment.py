"""Why a review got its score: word contributions (notebook 10)."""

from __future__ import annotations

import textwrap
from collections import Counter

import ipywidgets as widgets
import matplotlib as mpl
from matplotlib.collections import PolyCollection
from matplotlib.lines import Line2D
from matplotlib.markers import TICKDOWN, TICKLEFT
from matplotlib.transforms import offset_copy

from .._validation import as_labels
from ..functions import sigmoid
from ._explorer import Explorer, Scene, slider
from ._text_rows import TextRows

__all__ = ["ReviewScene", "draw_review", "review_explorer"]

_HEADING_LINES = 4  # the first line, then at most 3 lines of the shortened text (240 characters, 110 a line)


def _check_reviews(token_lists, vocabulary, w, b, t, texts):
    """Validate the review explorer's data once; returns it as arrays and lists."""
    from .._validation import as_scalar, as_vector
    from ..text import vocabulary_words

    if isinstance(token_lists, str) or any(isinstance(doc, str) for doc in token_lists):
        raise TypeError("token_lists must hold one list of str tokens per review; tokenize first: [tokenize(s) for s in texts]")
    docs = [list(doc) for doc in token_lists]
    if not docs or not all(isinstance(tok, str) for doc in docs for tok in doc):
        raise TypeError("token_lists must be a non-empty list of lists of str tokens (tokenized reviews)")
    words = vocabulary_words(vocabulary)
    w = as_vector(w, "w", length=len(words), length_of="the vocabulary")
    b = as_scalar(b, "b")
    if t is not None:
        t = as_labels(t, "t", allowed=(0, 1), length=len(docs), length_of="token_lists")
    if texts is not None:
        texts = list(texts)
        if len(texts) != len(docs) or not all(isinstance(s, str) for s in texts):
            raise ValueError(f"texts must be a list of {len(docs)} str, one per document of token_lists")
    return docs, w, b, t, texts


def _review_numbers(doc, vocabulary, w, b, k):
    """One review taken apart: word counts, unknown tokens, contributions, score and
    the bars ``(label, value)`` top to bottom (``k`` words, the others, the bias)."""
    counts = Counter(tok for tok in doc if tok in vocabulary)
    n_unknown = len(doc) - sum(counts.values())
    contributions = {word: count * float(w[vocabulary[word]]) for word, count in counts.items()}
    score = b + sum(contributions.values())
    ranked = sorted(contributions, key=lambda word: (-abs(contributions[word]), word))
    named, rest = ranked[:k], ranked[k:]
    bars = [(f"{word} x{counts[word]}" if counts[word] > 1 else word, contributions[word]) for word in named]
    if rest:
        bars.append((f"({len(rest)} other words)", sum(contributions[word] for word in rest)))
    bars.sort(key=lambda bar: -bar[1])
    bars.append(("bias b", b))
    return counts, n_unknown, contributions, score, bars


class ReviewScene(Scene):
    """Both panels built once; the bars, their numbers and word labels, the x ticks,
    the probability bar and the score's titles change with the review.

    ``rows`` rows are made once (default ``k + 2``: ``k`` words, the other words and
    the bias); a review fills the first ones and the y limits show just those. The
    bars are two collections (``up``, the positive contributions; ``down``, the
    negative ones, hatched). The word labels and the bars' values are
    :class:`~mlhelpers.widgets._text_rows.TextRows`, placed as tick labels are (a
    row's label and tick mark at the left of the axes): some 30 strings change with
    each review, and drawing them as Text artists, or as a y axis, took most of a
    frame. The titles are plain text, the score's own (``score z = ...``,
    ``σ(z) = ...``) apart from the fixed explanation beside it.

    With ``freeze=True`` (the explorer) the figure is laid out once, for the widest
    bar labels of all the reviews, and that layout is kept; the x label is then a
    static copy of itself, and the x axis's ticks are drawn by hand as the word labels
    are (a Line2D of tick marks and TextRows labels, placed where
    ``MaxNLocator(nbins=5)`` and the axis's own formatter put them): redrawing an Axis
    lays out all its tick labels twice to place its label. The legend names both
    colours, in the lower right (where the bars, sorted from the largest contribution
    down, leave room). ``prose``, an ``ipywidgets.HTML``, then shows the review's
    heading and the verdict instead of the figure (the browser lays out prose at no
    cost to the kernel). Without ``freeze`` (the static twin) the heading heads the
    figure and the verdict is the x label of the probability; the legend names the
    colours shown, placed where it hides least, as a figure made for this one review.
    """

    def __init__(
        self,
        fig,
        docs,
        vocabulary,
        w,
        b,
        *,
        t=None,
        texts=None,
        k=10,
        class_names=("negative", "positive"),
        rows=None,
        freeze=False,
        prose=None,
    ):
        from matplotlib.ticker import MaxNLocator

        from ..plotting import CLASS_COLORS

        self.fig, self.docs, self.vocabulary, self.w, self.b = fig, docs, vocabulary, w, b
        self.t, self.texts, self.k, self.class_names, self.freeze = t, texts, k, class_names, freeze
        self.prose = prose
        self.colors = CLASS_COLORS
        rows = k + 2 if rows is None else rows
        self.rows = rows
        self.ax, self.ax_p = ax, ax_p = fig.subplots(1, 2, width_ratios=[4.0, 1.0])
        # The bars: the positive contributions in one collection, the negative (hatched) in another.
        style = {"edgecolors": "k", "linewidths": 0.5}
        self.up = ax.add_collection(PolyCollection([], facecolors=CLASS_COLORS[1], **style), autolim=False)
        self.down = ax.add_collection(PolyCollection([], facecolors=CLASS_COLORS[0], hatch="//", **style), autolim=False)
        self.numbers = TextRows(ax.transData, fontsize=8)  # each bar's value, beyond its end
        self.numbers.set_gid("bar values")
        ax.add_artist(self.numbers)
        # The y axis drawn by hand: a tick mark and a label per row, as a y axis would.
        ax.set_yticks([])
        self.ticks, beside = _hand_drawn_ticks(ax, "y")
        self.labels = TextRows(beside, fontsize=mpl.rcParams["ytick.labelsize"])
        self.labels.set_gid("bar labels")
        ax.add_artist(self.labels)
        self.zero = ax.axvline(0.0, color="grey", ls=":", lw=1)
        ax.set_xlabel("contribution to the score (count $\\times$ $w_j$)")
        ax.xaxis.set_major_locator(MaxNLocator(nbins=5))  # few ticks: the bars carry their values
        ax.set_title("the bars add up to z", loc="right")
        (self.p_bar,) = ax_p.bar([0], [0.0], width=0.6, color=CLASS_COLORS[1], edgecolor="k")
        self.threshold = ax_p.axhline(0.5, color="k", ls="--", lw=1, label="threshold 0.5")
        ax_p.set_xlim(-0.6, 0.6)
        ax_p.set_ylim(0, 1)
        ax_p.set_xticks([])
        ax_p.set_ylabel(f"P({class_names[1]} | review)")
        if freeze and prose is not None:  # below the probability, where the verdict is in the static twin: static
            ax_p.legend(loc="upper center", bbox_to_anchor=(0.5, -0.02), fontsize="x-small")
        else:
            ax_p.legend(loc="upper center", fontsize="x-small")
        self.in_figure = prose is None  # heading and verdict drawn in the figure
        self.heading = fig.suptitle(" ", fontsize=9, ha="left", x=0.02) if self.in_figure else None
        self.score_title = ax.set_title(" ", loc="left")
        # What changes, and what it can overlap, is animated (the spines, which the bars and
        # tick marks meet, and the threshold line, which the probability bar crosses): the
        # explorer draws them over the cached background in the order of a whole draw.
        self.x_ticks = self.x_tick_labels = None
        if freeze:  # the x axis's ticks by hand, as the word labels (the real ones lay the figure out, then go)
            self.x_locator = MaxNLocator(nbins=5)
            self.x_ticks, under = _hand_drawn_ticks(ax, "x")
            self.x_tick_labels = ax.add_artist(TextRows(under, fontsize=mpl.rcParams["xtick.labelsize"], va="top"))
        x_axis = [self.x_ticks, self.x_tick_labels] if freeze else [ax.xaxis]
        self.animated = [self.up, self.down, self.numbers, self.labels, self.ticks, self.zero, self.score_title, *x_axis]
        self.animated += [*ax.spines.values(), self.p_bar, self.threshold, ax_p.title, *ax_p.spines.values()]
        if self.in_figure:
            self.animated += [ax_p.xaxis, self.heading, ax_p.get_legend()]
        if freeze:
            self._legend(True, True, loc="lower right")
            self._freeze_layout()

    def _legend(self, up, down, *, loc="best"):
        """The legend of the bars' colours, for the signs shown."""
        from matplotlib.patches import Rectangle

        style = {"edgecolor": "k", "linewidth": 0.5}
        handles, labels = [], []
        if up:
            handles.append(Rectangle((0, 0), 1, 1, facecolor=self.colors[1], **style))
            labels.append("towards class 1 (positive)")
        if down:
            handles.append(Rectangle((0, 0), 1, 1, facecolor=self.colors[0], hatch="//", **style))
            labels.append("towards class 0 (negative)")
        legend = self.ax.legend(handles, labels, loc=loc, fontsize="small", framealpha=0.9)
        if self.freeze:
            legend.set_zorder(0.5)  # static in the explorer: under the bars, in a whole draw too

    def _freeze_layout(self):
        """Lay the figure out once with the widest bar labels (and, in the figure, the
        tallest heading and the longest verdict) any review can have, then keep that
        layout; the x label becomes a static copy of itself, where the layout put it."""
        from matplotlib.text import Text

        labels = sorted(
            {label for doc in self.docs for label, _ in _review_numbers(doc, self.vocabulary, self.w, self.b, self.k)[4]}, key=len
        )
        widest = labels[::-1][: self.rows]
        self.labels.set_rows([0.0] * len(widest), range(len(widest)), widest, ha="right")
        self.ax.set_ylim(len(widest) - 0.5, -0.5)
        self.score_title.set_text(self._title(0.0))
        self.ax_p.set_title(self._p_title(0.5))
        if self.in_figure:
            self.ax_p.set_xlabel(self._verdict(0, 1 if self.t is not None else None))
            self.heading.set_text("\n".join(["review"] * _HEADING_LINES))
        engine = self.fig.get_layout_engine()
        if engine is not None:
            engine.execute(self.fig)
            self.fig.set_layout_engine("none")
        label = self.ax.xaxis.label
        self.ax.xaxis.get_tightbbox(self.fig.canvas.get_renderer())  # places the label below the tick labels
        self.xlabel = Text(
            *label.get_position(),
            label.get_text(),
            fontproperties=label.get_fontproperties(),
            color=label.get_color(),
            ha=label.get_horizontalalignment(),
            va=label.get_verticalalignment(),
            transform=label.get_transform(),
            clip_on=False,
        )
        self.ax.add_artist(self.xlabel)
        label.set_text("")
        self.ax.tick_params(axis="x", bottom=False, labelbottom=False)  # from now on drawn by hand (x_ticks)

    def _place_x_ticks(self):
        """The hand-drawn x ticks at the locator's positions inside the limits, labelled by the axis's formatter."""
        left, right = self.ax.get_xlim()
        locs = [x for x in self.x_locator.tick_values(left, right) if left <= x <= right]
        self.x_ticks.set_data(locs, [0.0] * len(locs))
        self.x_tick_labels.set_rows(locs, [0.0] * len(locs), self.ax.xaxis.get_major_formatter().format_ticks(locs), ha="center")

    @staticmethod
    def _title(score):
        return f"score z = {score:+.2f}"

    @staticmethod
    def _p_title(probability):
        return f"\N{GREEK SMALL LETTER SIGMA}(z) = {probability:.3f}"

    def _verdict(self, prediction, truth):
        verdict = f"predicted {self.class_names[prediction]}"
        if truth is not None:
            verdict += f"\ntrue: {self.class_names[truth]}" + (" (right)" if truth == prediction else " (WRONG)")
        return verdict

    def update(self, index=0):
        if not 0 <= index < len(self.docs):
            raise ValueError(f"index must be between 0 and {len(self.docs) - 1}, got {index}")
        doc = self.docs[index]
        counts, n_unknown, contributions, score, bars = _review_numbers(doc, self.vocabulary, self.w, self.b, self.k)
        if len(bars) > self.rows:
            raise ValueError(f"this review needs {len(bars)} bars, the scene has {self.rows} (rows)")
        probability = float(sigmoid(score))
        prediction = int(probability > 0.5)
        truth = None if self.t is None else int(self.t[index])

        ax, n = self.ax, len(bars)
        values = [value for _, value in bars]
        span = max(abs(v) for v in values) or 1.0
        lo, hi = min(min(values), 0.0), max(max(values), 0.0)
        half = 0.35  # a bar is 0.7 rows high
        boxes = [
            [(0.0, row - half), (value, row - half), (value, row + half), (0.0, row + half)] for row, value in enumerate(values)
        ]
        self.up.set_verts([box for box, value in zip(boxes, values) if value >= 0])
        self.down.set_verts([box for box, value in zip(boxes, values) if value < 0])
        pad = [0.02 * span * (1 if value >= 0 else -1) for value in values]
        sides = ["left" if value >= 0 else "right" for value in values]
        self.numbers.set_rows([v + p for v, p in zip(values, pad)], range(n), [f"{v:+.2f}" for v in values], ha=sides)
        self.labels.set_rows([0.0] * n, range(n), [label for label, _ in bars], ha="right")
        self.ticks.set_data([0.0] * n, range(n))
        ax.set_ylim(n - 0.5, -0.5)  # the first bar at the top
        ax.set_xlim(lo - (0.25 * span if lo < 0 else 0.05 * span), hi + (0.25 * span if hi > 0 else 0.05 * span))
        if self.x_ticks is not None:
            self._place_x_ticks()
        self.score_title.set_text(self._title(score))
        if not self.freeze:
            self._legend(any(v >= 0 for v in values), any(v < 0 for v in values))

        self.p_bar.set_height(probability)
        self.p_bar.set_facecolor(self.colors[prediction])
        self.p_bar.set_hatch("" if prediction else "//")
        self.ax_p.set_title(self._p_title(probability))

        heading = [f"review {index}: {len(doc)} tokens, {n_unknown} not in the vocabulary"]
        shortened = None
        if self.texts is not None:
            shortened = textwrap.shorten(" ".join(self.texts[index].split()), width=240, placeholder=" ...")
        verdict = self._verdict(prediction, truth)
        if self.in_figure:
            if shortened is not None:
                heading += textwrap.wrap(f'"{shortened}"', width=110)
            self.heading.set_text("\n".join(heading))
            self.ax_p.set_xlabel(verdict)
        else:
            self.prose.value = _prose_html(heading[0], verdict, shortened)
        return {
            "index": int(index),
            "score": float(score),
            "probability": probability,
            "prediction": prediction,
            "truth": truth,
            "n_known": int(sum(counts.values())),
            "n_unknown": int(n_unknown),
            "contributions": contributions,
            "shown": [name for name, _ in bars],
        }


def _hand_drawn_ticks(ax, which: str):
    """Tick marks of ``ax``'s ``which`` ("x" or "y") axis drawn as that axis draws them,
    for labels placed by hand: ``(marks, beside)``, a Line2D of tick markers in the axis's
    transform (its data set by the caller) and the transform that puts a label next to a
    mark (offset by the tick's length and pad, in points)."""
    size, pad = mpl.rcParams[f"{which}tick.major.size"], mpl.rcParams[f"{which}tick.major.pad"]
    if which == "x":
        transform, marker, offset = ax.get_xaxis_transform(), TICKDOWN, {"y": -(size + pad)}
    else:
        transform, marker, offset = ax.get_yaxis_transform(), TICKLEFT, {"x": -(size + pad)}
    marks = Line2D(
        [],
        [],
        linestyle="",
        marker=marker,
        markersize=size,
        markeredgewidth=mpl.rcParams[f"{which}tick.major.width"],
        color=mpl.rcParams[f"{which}tick.color"],
        transform=transform,
        clip_on=False,
    )
    ax.add_artist(marks)
    return marks, offset_copy(transform, fig=ax.figure, units="points", **offset)


def _prose_html(heading, verdict, text):
    """The explorer's heading as HTML: the review's numbers, the verdict, its text."""
    from html import escape

    lines = [f"<b>{escape(heading)}</b> &mdash; {escape(verdict.replace(chr(10), '; '))}"]
    if text is not None:
        lines.append(f"&ldquo;{escape(text)}&rdquo;")
    return '<div style="line-height: 1.35">' + "<br>".join(lines) + "</div>"


def draw_review(fig, token_lists, vocabulary, w, b, index=0, *, t=None, texts=None, k=10, class_names=("negative", "positive")):
    """Why a linear model gives one review its score: the contribution of each word.

    For review ``index``, the score is ``z = b + sum_j count_j w_j`` over the words
    of the vocabulary it contains (unknown words are dropped, as in
    :func:`mlhelpers.text.bag_of_words`), and ``P(positive) = sigma(z)``. Left: the
    ``k`` contributions ``count_j w_j`` largest in size, one bar each (a word that
    occurs twice is labelled "word x2"), plus one bar for the sum of all the other
    words and one for the bias ``b``: the bars add up to ``z``. Right: the
    probability as a bar against the threshold 0.5. The review's text (shortened)
    heads the figure when ``texts`` is given; its true class, when ``t`` is.

    Parameters
    ----------
    fig : matplotlib Figure or SubFigure
    token_lists : list of list of str
        Tokenized reviews (as passed to ``bag_of_words``).
    vocabulary : dict of str to int
    w : array_like of shape (V,), b : float
        A fitted linear model, e.g. ``LogisticRegression(...).fit(X, t)``.
    index : int
        Which review.
    t : array_like of 0/1, optional
        True classes.
    texts : list of str, optional
        The raw texts, for the heading.
    k : int
        Words shown by name.

    Returns
    -------
    state : dict
        ``index``, ``score`` (z), ``probability`` (sigma(z)), ``prediction`` (1 if
        sigma(z) > 0.5, as ``LogisticRegression.predict``), ``truth`` (or None),
        ``n_known`` and ``n_unknown`` (tokens in / not in the vocabulary),
        ``contributions`` (dict word -> count * w_j for every known word) and
        ``shown`` (the bar labels, top to bottom).
    """
    docs, w, b, t, texts = _check_reviews(token_lists, vocabulary, w, b, t, texts)
    if not 0 <= index < len(docs):
        raise ValueError(f"index must be between 0 and {len(docs) - 1}, got {index}")
    rows = len(_review_numbers(docs[index], vocabulary, w, b, k)[4])
    scene = ReviewScene(fig, docs, vocabulary, w, b, t=t, texts=texts, k=k, class_names=class_names, rows=rows)
    return scene.update(index=index)


def review_explorer(
    token_lists, vocabulary, w, b, *, t=None, texts=None, index=0, k=10, class_names=("negative", "positive")
) -> Explorer:
    """A slider over the reviews: each word's contribution to the score and the probability.

    The review's heading (its numbers and shortened text) and the verdict are HTML
    above the figure (``children[1]``), not drawn in it as in :func:`draw_review`.
    ``state`` is :func:`draw_review`'s dict for the review shown.
    """
    docs, w, b, t, texts = _check_reviews(token_lists, vocabulary, w, b, t, texts)
    controls = {"index": slider("review", index, 0, len(docs) - 1, 1, integer=True)}
    figsize, dpi = (10.0, 3.9), 80
    # The heading and the verdict, above the figure, as wide as it; tall enough for the
    # longest heading, so that the figure stays in place while the slider moves.
    prose = widgets.HTML(layout=widgets.Layout(width=f"{figsize[0] * dpi:.0f}px", min_height="5.6em"))
    prose.add_class("mlh-explorer-prose")

    def scene(fig):
        return ReviewScene(fig, docs, vocabulary, w, b, t=t, texts=texts, k=k, class_names=class_names, freeze=True, prose=prose)

    explorer = Explorer(scene, controls, figsize=figsize, dpi=dpi, scene=True)
    explorer.children = (*explorer.children[:1], prose, *explorer.children[1:])
    return explorer
