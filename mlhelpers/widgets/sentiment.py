"""Why a review got its score: word contributions (notebook 10)."""

from __future__ import annotations

from .._validation import as_labels
from ..functions import sigmoid
from ._explorer import Explorer, slider

__all__ = ["draw_review", "review_explorer"]


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
    import textwrap
    from collections import Counter

    from ..plotting import CLASS_COLORS, plot_word_weights, set_labels

    docs, w, b, t, texts = _check_reviews(token_lists, vocabulary, w, b, t, texts)
    if not 0 <= index < len(docs):
        raise ValueError(f"index must be between 0 and {len(docs) - 1}, got {index}")
    counts = Counter(tok for tok in docs[index] if tok in vocabulary)
    n_unknown = sum(tok not in vocabulary for tok in docs[index])
    contributions = {word: count * float(w[vocabulary[word]]) for word, count in counts.items()}
    score = b + sum(contributions.values())
    probability = float(sigmoid(score))
    prediction = int(probability > 0.5)

    ranked = sorted(contributions, key=lambda word: (-abs(contributions[word]), word))
    named, rest = ranked[:k], ranked[k:]
    bars = [(f"{word} x{counts[word]}" if counts[word] > 1 else word, contributions[word]) for word in named]
    if rest:
        bars.append((f"({len(rest)} other words)", sum(contributions[word] for word in rest)))
    bars.sort(key=lambda bar: -bar[1])
    bars.append(("bias b", b))

    ax, ax_p = fig.subplots(1, 2, width_ratios=[4.0, 1.0])
    plot_word_weights(
        [name for name, _ in bars],
        [value for _, value in bars],
        ax,
        title=f"score $z$ = {score:+.2f}: the bars add up to it",
        xlabel="contribution to the score (count $\\times$ $w_j$)",
    )
    ax.legend(loc="best", fontsize="small", framealpha=0.9)
    ax_p.bar([0], [probability], width=0.6, color=CLASS_COLORS[prediction], hatch="" if prediction else "//", edgecolor="k")
    ax_p.axhline(0.5, color="k", ls="--", lw=1, label="threshold 0.5")
    ax_p.set_xlim(-0.6, 0.6)
    ax_p.set_ylim(0, 1)
    ax_p.set_xticks([])
    verdict = f"predicted {class_names[prediction]}"
    if t is not None:
        verdict += f"\ntrue: {class_names[int(t[index])]}" + (" (right)" if int(t[index]) == prediction else " (WRONG)")
    set_labels(ax_p, f"$\\sigma(z)$ = {probability:.3f}", verdict, f"P({class_names[1]} | review)")
    ax_p.legend(loc="upper center", fontsize="x-small")
    heading = f"review {index}: {len(docs[index])} tokens, {n_unknown} not in the vocabulary"
    if texts is not None:
        shortened = textwrap.shorten(" ".join(texts[index].split()), width=240, placeholder=" ...")
        heading += "\n" + "\n".join(textwrap.wrap(f'"{shortened}"', width=110))
    fig.suptitle(heading, fontsize=9, ha="left", x=0.02)
    return {
        "index": int(index),
        "score": float(score),
        "probability": probability,
        "prediction": prediction,
        "truth": None if t is None else int(t[index]),
        "n_known": int(sum(counts.values())),
        "n_unknown": int(n_unknown),
        "contributions": contributions,
        "shown": [name for name, _ in bars],
    }


def review_explorer(
    token_lists, vocabulary, w, b, *, t=None, texts=None, index=0, k=10, class_names=("negative", "positive")
) -> Explorer:
    """A slider over the reviews: each word's contribution to the score and the probability.

    ``state`` is :func:`draw_review`'s dict for the review shown.
    """
    docs, w, b, t, texts = _check_reviews(token_lists, vocabulary, w, b, t, texts)
    controls = {"index": slider("review", index, 0, len(docs) - 1, 1, integer=True)}
    return Explorer(
        lambda fig, **v: draw_review(fig, docs, vocabulary, w, b, t=t, texts=texts, k=k, class_names=class_names, **v),
        controls,
        figsize=(10.0, 4.6),
    )
