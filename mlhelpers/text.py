"""Text for the sentiment case study: the bag of words.

The pipeline of the case study's sentiment analyzer, in two passes over the tokens:

1. :func:`load_reviews` reads the labelled reviews, :func:`tokenize` splits each
   text into lowercase words;
2. pass 1, :func:`build_vocabulary`: every word of the TRAINING texts gets a
   column index;
3. pass 2, :func:`bag_of_words`: every text becomes a row of word counts, a matrix
   ``X`` of shape (N, V) that any classifier of the course takes;
4. after fitting a logistic regression, :func:`top_words` reads the most positive
   and most negative words off its weights.

The review files are read by :mod:`mlhelpers.review_files` (their format, the
shipped corpus); :func:`load_reviews`, :func:`read_reviews` and :class:`Review` are
re-exported here, so ``text.load_reviews()`` works.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import numpy as np

from ._validation import as_vector, check_positive_int
from .review_files import Review, load_reviews, read_reviews

__all__ = [
    "ENGLISH_STOP_WORDS",
    "Review",
    "bag_of_words",
    "build_vocabulary",
    "load_reviews",
    "read_reviews",
    "tokenize",
    "top_words",
    "vocabulary_words",
]

# A short English list for reviews: articles, pronouns, auxiliaries, prepositions,
# conjunctions. Deliberately NOT in it: negations (not, no, never, don't, isn't, ...),
# "but", "very", "too", "only" and "against": they carry sentiment in reviews, and
# general-purpose lists (e.g. scikit-learn's) that drop them hurt this task.
ENGLISH_STOP_WORDS = frozenset(
    """
    a about above after again all also am an and any are as at be because been before being below between
    both by could did do does doing down during each few for from further had has have having he he'd he'll
    he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is it it's its
    itself let's me more most my myself of off on once or other our ours ourselves out over own same she she'd
    she'll she's should so some such than that that's the their theirs them themselves then there there's
    these they they'd they'll they're they've this those through to under until up was we we'd we'll we're
    we've were what what's when when's where where's which while who who's whom why why's will with would you
    you'd you'll you're you've your yours yourself yourselves
    """.split()
)

# A token is a run of letters and digits, apostrophes allowed inside (don't, it's);
# [^\W_] is \w without the underscore, so accented letters count as letters.
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})


def tokenize(text: str, *, stop_words=None, min_length: int = 1) -> list[str]:
    """Split a text into lowercase word tokens.

    A token is a run of letters and digits with apostrophes allowed inside, so
    "don't" stays one token (its negation matters for sentiment) and typographic
    apostrophes count as "'". Tokens without any letter (numbers such as "2" or
    "30") are dropped; tokens mixing both ("mp3", "4th") are kept. All other
    characters (punctuation, "$", "&", ...) separate tokens. No stemming.

    Parameters
    ----------
    text : str
    stop_words : None, "english" or iterable of str
        Words to drop after lowercasing. None (default) keeps every word;
        "english" uses :data:`ENGLISH_STOP_WORDS` (pronouns, articles,
        auxiliaries, prepositions; it keeps negations such as "not" and "don't").
    min_length : int >= 1
        Drop tokens with fewer characters (the classic tutorial keeps words longer
        than 2 characters, i.e. ``min_length=3``).

    Returns
    -------
    list of str, in text order (repeats kept: they are counted later).

    Examples
    --------
    >>> tokenize("Don't buy it: it broke after 2 days & the MP3 player died!")
    ["don't", 'buy', 'it', 'it', 'broke', 'after', 'days', 'the', 'mp3', 'player', 'died']
    >>> tokenize("Don't buy it: it broke after 2 days!", stop_words="english")
    ["don't", 'buy', 'broke', 'days']
    """
    if not isinstance(text, str):
        hint = " (tokenize one text at a time: [tokenize(s) for s in texts])" if isinstance(text, list | tuple) else ""
        raise TypeError(f"text must be a str, got {type(text).__name__}{hint}")
    min_length = check_positive_int(min_length, "min_length")
    stop = _stop_word_set(stop_words)
    tokens = _TOKEN.findall(text.translate(_APOSTROPHES).lower())
    return [tok for tok in tokens if len(tok) >= min_length and tok not in stop and not _no_letter(tok)]


def _no_letter(token: str) -> bool:
    return not any(ch.isalpha() for ch in token)


def _stop_word_set(stop_words) -> frozenset:
    if stop_words is None:
        return frozenset()
    if isinstance(stop_words, str):
        if stop_words != "english":
            raise ValueError(f"stop_words must be None, 'english' or a collection of words; got the string {stop_words!r}")
        return ENGLISH_STOP_WORDS
    try:
        words = frozenset(stop_words)
    except TypeError:
        raise TypeError(f"stop_words must be None, 'english' or a collection of words, got {type(stop_words).__name__}") from None
    bad = [w for w in words if not isinstance(w, str)]
    if bad:
        raise TypeError(f"stop_words must contain only str, found {bad[0]!r} ({type(bad[0]).__name__})")
    return frozenset(w.lower() for w in words)


def _check_token_lists(token_lists) -> list:
    """A non-empty list of documents, each a list of str tokens."""
    if isinstance(token_lists, str | bytes) or not isinstance(token_lists, Iterable):
        raise TypeError(f"token_lists must be a list of token lists, got {type(token_lists).__name__}")
    docs = list(token_lists)
    if not docs:
        raise ValueError("token_lists is empty; at least one document is needed")
    for i, doc in enumerate(docs):
        if isinstance(doc, str):
            raise TypeError(
                f"token_lists[{i}] is a str, not a list of tokens; tokenize first: [tokenize(s) for s in texts]"
            )
        if not isinstance(doc, list | tuple):
            raise TypeError(f"token_lists[{i}] must be a list of str tokens, got {type(doc).__name__}")
        for j, tok in enumerate(doc):
            if not isinstance(tok, str):
                raise TypeError(f"token_lists[{i}][{j}] must be a str token, got {type(tok).__name__}")
    return docs


def build_vocabulary(token_lists, *, min_count: int = 1, max_size: int | None = None) -> dict[str, int]:
    """Pass 1: give every word of the (training) documents a column index.

    Parameters
    ----------
    token_lists : list of list of str
        Tokenized documents, e.g. ``[tokenize(s) for s in texts_train]``. Build the
        vocabulary from the TRAINING documents only: test words must not shape
        the features (information would leak from the test set).
    min_count : int >= 1
        Keep words that occur at least this often in all documents together.
    max_size : int >= 1 or None
        Keep at most this many words, the most frequent ones.

    Returns
    -------
    dict of str to int
        ``word -> column``, columns 0..V-1, ordered by descending count, ties
        broken alphabetically (so column 0 is the most frequent word, and the
        result never depends on the order of the documents). Python dicts keep
        insertion order: iterating the dict gives the words by column.

    Examples
    --------
    >>> build_vocabulary([["good", "cable"], ["bad", "cable"], ["good"]])
    {'cable': 0, 'good': 1, 'bad': 2}
    >>> build_vocabulary([["good", "cable"], ["bad", "cable"], ["good"]], min_count=2)
    {'cable': 0, 'good': 1}
    """
    docs = _check_token_lists(token_lists)
    min_count = check_positive_int(min_count, "min_count")
    if max_size is not None:
        max_size = check_positive_int(max_size, "max_size")
    counts = Counter(tok for doc in docs for tok in doc)
    if not counts:
        raise ValueError("token_lists has no tokens at all (every document is empty); nothing to build a vocabulary from")
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    kept = [word for word, count in ranked if count >= min_count][:max_size]
    if not kept:
        top, top_count = ranked[0]
        raise ValueError(f"no word occurs min_count={min_count} times (the most frequent, {top!r}, occurs {top_count})")
    return {word: j for j, word in enumerate(kept)}


def _check_vocabulary(vocabulary) -> int:
    """A non-empty dict word -> column whose columns are exactly 0..V-1; returns V."""
    if not isinstance(vocabulary, dict):
        raise TypeError(f"vocabulary must be a dict word -> column (from build_vocabulary), got {type(vocabulary).__name__}")
    if not vocabulary:
        raise ValueError("vocabulary is empty")
    for word, j in vocabulary.items():
        if not isinstance(word, str) or isinstance(j, bool) or not isinstance(j, int | np.integer):
            raise TypeError(f"vocabulary must map str to int, found {word!r}: {j!r}")
    n = len(vocabulary)
    if sorted(vocabulary.values()) != list(range(n)):
        raise ValueError(f"vocabulary columns must be 0..{n - 1}, each used once (as build_vocabulary returns)")
    return n


def bag_of_words(token_lists, vocabulary, *, binary: bool = False, normalize: bool = False) -> np.ndarray:
    """Pass 2: one row of word counts per document.

    ``X[n, j]`` is how often the word of column ``j`` occurs in document ``n``.
    Words that are not in the vocabulary (seen only in the test set, or rarer
    than ``min_count``) are dropped: the columns are fixed by the training set,
    which is what every bag-of-words model does (scikit-learn's
    ``CountVectorizer.transform`` too).

    Parameters
    ----------
    token_lists : list of list of str, length N
    vocabulary : dict of str to int
        From :func:`build_vocabulary` (columns 0..V-1).
    binary : bool
        Record presence (1) instead of the count.
    normalize : bool
        Divide each row by its sum, so it holds the fraction of the document's
        (known) words, as the classic tutorial does (``x = x / x.sum()``); a row
        without any known word stays all zeros.

    Returns
    -------
    X : ndarray of float64, shape (N, V)

    Examples
    --------
    >>> vocab = {"good": 0, "cable": 1}
    >>> bag_of_words([["good", "good", "cable"], ["bad", "cable"]], vocab).tolist()
    [[2.0, 1.0], [0.0, 1.0]]
    >>> bag_of_words([["good", "good", "cable"], ["bad", "cable"]], vocab, binary=True, normalize=True).tolist()
    [[0.5, 0.5], [0.0, 1.0]]
    """
    docs = _check_token_lists(token_lists)
    v = _check_vocabulary(vocabulary)
    for value, argname in ((binary, "binary"), (normalize, "normalize")):
        if not isinstance(value, bool | np.bool_):
            raise TypeError(f"{argname} must be True or False, got {type(value).__name__}")
    rows = [n for n, doc in enumerate(docs) for tok in doc if tok in vocabulary]
    cols = [vocabulary[tok] for doc in docs for tok in doc if tok in vocabulary]
    X = np.zeros((len(docs), v))
    # np.add.at accumulates repeated (row, column) pairs; X[rows, cols] += 1 would not.
    np.add.at(X, (np.asarray(rows, dtype=np.intp), np.asarray(cols, dtype=np.intp)), 1.0)
    if binary:
        X = np.minimum(X, 1.0)
    if normalize:
        sums = X.sum(axis=1, keepdims=True)
        X = np.divide(X, sums, out=np.zeros_like(X), where=sums > 0)
    return X


def vocabulary_words(vocabulary) -> list[str]:
    """The words in column order: ``vocabulary_words(vocab)[j]`` is column j's word.

    Examples
    --------
    >>> vocabulary_words({"good": 1, "cable": 0})
    ['cable', 'good']
    """
    v = _check_vocabulary(vocabulary)
    words = [""] * v
    for word, j in vocabulary.items():
        words[j] = word
    return words


def top_words(w, vocabulary, k: int = 10) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    """The words with the largest and the smallest weights of a linear model.

    With targets 1 = positive review, a large positive ``w[j]`` pushes
    ``P(t=1 | x) = sigma(w^T x + b)`` up each time word j occurs: a "positive"
    word; a large negative weight, a "negative" word.

    Parameters
    ----------
    w : array_like of shape (V,)
        Weights, one per vocabulary column (e.g. ``LogisticRegression(...).w``).
    vocabulary : dict of str to int
    k : int, 1 <= k <= V

    Returns
    -------
    most_positive : list of (word, weight)
        The k largest weights, largest first.
    most_negative : list of (word, weight)
        The k smallest weights, most negative first.
        Equal weights keep column order (the more frequent word first).

    Examples
    --------
    >>> pos, neg = top_words([0.5, -2.0, 1.5], {"works": 0, "broke": 1, "great": 2}, k=1)
    >>> pos, neg
    ([('great', 1.5)], [('broke', -2.0)])
    """
    words = vocabulary_words(vocabulary)
    w = as_vector(w, "w", length=len(words), length_of="the vocabulary")
    k = check_positive_int(k, "k")
    if k > len(words):
        raise ValueError(f"k={k} is larger than the vocabulary ({len(words)} words)")
    up = np.argsort(-w, kind="stable")[:k]
    down = np.argsort(w, kind="stable")[:k]
    return [(words[j], float(w[j])) for j in up], [(words[j], float(w[j])) for j in down]
