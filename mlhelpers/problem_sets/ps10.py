"""Public checks of notebook 10's problem set: the vocabulary, the bag of words, the top
words of a model and the score of a review."""

from __future__ import annotations

import numpy as np

from ..exercises import call, expect, expect_close, fail, public_check
from ..functions import sigmoid
from ..text import bag_of_words as _bag_of_words
from ..text import build_vocabulary as _build_vocabulary
from ..text import tokenize as _tokenize

__all__ = ["check_bag_of_words", "check_build_vocabulary", "check_score_review", "check_top_words"]

_DOCS = [
    ["cable", "works", "great", "cable"],
    ["broke", "after", "a", "week", "cable"],
    ["great", "price", "works"],
    ["works", "fine", "great"],
    [],
    ["price", "broke", "zebra"],
]


def _as_vocabulary(result, case):
    expect(isinstance(result, dict), case, f"the result is a {type(result).__name__}, not a dict", "return a dict word -> column")
    values = list(result.values())
    expect(
        all(isinstance(j, int | np.integer) and not isinstance(j, bool) for j in values),
        case,
        "some columns are not integers",
        "a column index is an int: 0, 1, 2, ...",
    )
    expect(
        sorted(int(j) for j in values) == list(range(len(values))),
        case,
        "the columns are not exactly 0, 1, ..., V-1, each once",
        "number the kept words with enumerate in the second pass",
    )
    return result


@public_check("Problem 1", "build_vocabulary")
def check_build_vocabulary(build_vocabulary):
    cases = [(_DOCS, 1), (_DOCS, 2), ([["b", "a"], ["a", "c", "b"], ["d"]], 1)]
    for docs, min_count in cases:
        case = f"{len(docs)} documents, min_count={min_count}"
        got = _as_vocabulary(call(build_vocabulary, [list(d) for d in docs], min_count, case=case), case)
        ref = _build_vocabulary(docs, min_count=min_count)
        counts = {}
        for doc in docs:
            for word in doc:
                counts[word] = counts.get(word, 0) + 1
        expect(
            all(counts.get(word, 0) >= min_count for word in got),
            case,
            "a word that occurs fewer than min_count times has a column",
            "pass 2 keeps only the words whose pass-1 count is at least min_count",
        )
        expect(
            set(got) == set(ref),
            case,
            "some word that occurs at least min_count times is missing",
            "count every token of every document in pass 1, repeats included",
        )
        expect(
            sorted(got, key=got.get) == list(ref),
            case,
            "the right words, but not in the stated column order",
            "sort by descending count, and equal counts alphabetically: key=lambda w: (-counts[w], w)",
        )
    case = "the same documents in another order, words shuffled inside each"
    rng = np.random.default_rng(10)
    shuffled = [list(rng.permutation(d)) if d else [] for d in _DOCS[::-1]]
    got = _as_vocabulary(call(build_vocabulary, shuffled, 1, case=case), case)
    expect(
        got == _build_vocabulary(_DOCS),
        case,
        "the vocabulary depends on the order of the documents or of their words",
        "the order must come from the counts and the alphabet only, never from where a word first appears",
    )
    return len(cases) + 1


@public_check("Problem 2", "bag_of_words")
def check_bag_of_words(bag_of_words):
    vocab = {"cable": 0, "works": 1, "great": 2, "broke": 3, "price": 4}
    case = f"{len(_DOCS)} documents (one empty, some words unknown) and a vocabulary of 5 words"
    X = np.asarray(call(bag_of_words, [list(d) for d in _DOCS], dict(vocab), case=case), dtype=float)
    expect(
        X.shape == (len(_DOCS), len(vocab)),
        case,
        f"the result has shape {X.shape}, not N x V",
        "one row per document, one column per word",
    )
    known = [sum(word in vocab for word in doc) for doc in _DOCS]
    expect_close(
        X.sum(axis=1),
        known,
        case,
        "the row sums are not the numbers of in-vocabulary tokens",
        "add 1 to X[n, vocab[word]] for every occurrence of a known word, and skip unknown words",
    )
    expect(np.all(X[4] == 0), case, "the empty document's row is not all zeros", "an empty document has no words to count")
    expect(
        np.array_equal(X, _bag_of_words(_DOCS, vocab)),
        case,
        "the row sums are right but some counts sit in the wrong column",
        "the column of a word is vocab[word]",
    )
    case = "the same documents with the words of each in reverse order"
    X_rev = np.asarray(call(bag_of_words, [d[::-1] for d in _DOCS], dict(vocab), case=case), dtype=float)
    expect(np.array_equal(X_rev, X), case, "the counts changed", "a bag of words forgets the order of the words")
    case = "a vocabulary whose columns are not in dict insertion order"
    scrambled = {"price": 4, "great": 2, "cable": 0, "broke": 3, "works": 1}
    X_s = np.asarray(call(bag_of_words, [list(d) for d in _DOCS], scrambled, case=case), dtype=float)
    expect(np.array_equal(X_s, X), case, "the counts changed", "use the column stored in the dict, not the position of the key")
    return 3


def _as_word_lists(result, k, case):
    if not (isinstance(result, tuple | list) and len(result) == 2):
        fail(case, "the result is not a pair (most_positive, most_negative)", "return two lists: return pos, neg")
    pos, neg = (list(r) for r in result)
    expect(len(pos) == k and len(neg) == k, case, "a list does not hold k words", "take the first k of each sorted order")
    expect(all(isinstance(x, str) for x in pos + neg), case, "the lists do not hold words (str)", "turn columns into words")
    return pos, neg


@public_check("Problem 3", "top_words")
def check_top_words(top_words):
    words = ["one", "great", "not", "cable", "broke", "love", "junk", "fine"]
    vocab = {word: j for j, word in enumerate(words)}
    w = np.array([0.1, 2.0, -1.0, 0.3, -2.5, 1.5, -0.4, 0.2])
    case = "8 words with distinct weights, k = 3"
    pos, neg = _as_word_lists(call(top_words, w.copy(), dict(vocab), 3, case=case), 3, case)
    order = np.argsort(-w, kind="stable")
    expect(
        set(pos) == {words[j] for j in order[:3]},
        case,
        "the most positive list misses a word of the 3 largest weights",
        "sort by weight, largest first",
    )
    expect(
        pos == [words[j] for j in order[:3]],
        case,
        "the most positive words are not largest first",
        "the first word has the largest weight",
    )
    expect(
        neg == [words[j] for j in np.argsort(w, kind="stable")[:3]],
        case,
        "the most negative words are wrong or not most negative first",
        "sort by weight, smallest first",
    )
    case = "the same weights with their signs flipped"
    pos2, neg2 = _as_word_lists(call(top_words, -w, dict(vocab), 3, case=case), 3, case)
    expect(pos2 == neg and neg2 == pos, case, "the two lists did not swap", "flipping w swaps praise and complaint")
    case = "weights with ties (0.5 three times, -0.5 three times), k = 2"
    w_tie = np.array([0.5, -0.5, 0.5, 0.0, -0.5, 0.5, -0.5, 0.0])
    pos3, neg3 = _as_word_lists(call(top_words, w_tie, dict(vocab), 2, case=case), 2, case)
    expect(
        pos3 == [words[j] for j in np.argsort(-w_tie, kind="stable")[:2]]
        and neg3 == [words[j] for j in np.argsort(w_tie, kind="stable")[:2]],
        case,
        "equal weights are not in column order",
        "among equal weights the smaller column comes first: a stable sort (np.argsort(..., kind='stable'))",
    )
    return 3


@public_check("Problem 4", "score_review")
def check_score_review(score_review):
    vocab = {"great": 0, "works": 1, "broke": 2, "junk": 3, "not": 4, "cable": 5}
    w = np.array([1.5, 1.0, -2.0, -1.5, -0.5, 0.1])
    b = -0.3
    cases = [
        "Great cable, works great!",
        "It broke. Junk, not great.",
        "The cable WORKS, and it works with my TV.",
    ]
    for review in cases:
        case = f"the review {review!r}"
        p = call(score_review, review, dict(vocab), w.copy(), b, case=case)
        expect(np.ndim(p) == 0, case, "the result is not a single number", "return one probability for the review")
        p = float(p)
        expect(0 < p < 1, case, "the result is not a probability strictly between 0 and 1", "apply mh.sigmoid to the score z")
        x = _bag_of_words([_tokenize(review, stop_words="english")], vocab)[0]
        expect_close(
            p,
            sigmoid(x @ w + b),
            case,
            "the probability is not sigma(b + sum of the weights of the review's words)",
            "tokenize with text.tokenize(review, stop_words='english'), count every known word (repeats too), add b",
            rtol=1e-6,
        )
    case = "a review made only of the two most positive words"
    p = float(call(score_review, "great works great", dict(vocab), w.copy(), b, case=case))
    expect(p > 0.5, case, "it does not score above 1/2", "positive weights push z up, and sigma(z) > 1/2 when z > 0")
    for review in ("", "zebra quartz"):
        case = "an empty review" if not review else f"the review {review!r} (no word of the vocabulary)"
        p = float(call(score_review, review, dict(vocab), w.copy(), b, case=case))
        expect_close(
            p, sigmoid(b), case, "the result is not sigma(b)", "with no known word the score z is the bias alone", rtol=1e-9
        )
    return len(cases) + 3
