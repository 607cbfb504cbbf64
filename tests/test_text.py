"""mlhelpers.text: tokens, vocabulary, bag of words, weights to words."""

from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from mlhelpers import text
from mlhelpers.text import (
    ENGLISH_STOP_WORDS,
    bag_of_words,
    build_vocabulary,
    load_reviews,
    tokenize,
    top_words,
    vocabulary_words,
)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "mlhelpers" / "data_files" / "reviews" / "electronics"


# ---------------------------------------------------------------- tokenize


@pytest.mark.parametrize(
    "s, expected",
    [
        ("Great SOUND, great price!!", ["great", "sound", "great", "price"]),
        ("Don't buy it; it isn't worth it.", ["don't", "buy", "it", "it", "isn't", "worth", "it"]),
        ("don\u2019t \u2018quoted\u2019 it`s", ["don't", "quoted", "it's"]),
        ("'tis the 'end'", ["tis", "the", "end"]),
        ("Broke after 2 days, $30 & 4.5 stars", ["broke", "after", "days", "stars"]),
        ("mp3 player, 4th try, 1080p", ["mp3", "player", "4th", "try", "1080p"]),
        ("plug-and-play / usb_cable", ["plug", "and", "play", "usb", "cable"]),
        ("Caf\u00e9 na\u00efve", ["caf\u00e9", "na\u00efve"]),
        ("", []),
        ("... 123 !!!", []),
    ],
)
def test_tokenize(s, expected):
    assert tokenize(s) == expected


def test_tokenize_stop_words_and_min_length():
    s = "I do not think the cable is good, and it's not cheap."
    assert tokenize(s, stop_words="english") == ["not", "think", "cable", "good", "not", "cheap"]
    assert tokenize(s, stop_words=["CABLE", "good"]) == ["i", "do", "not", "think", "the", "is", "and", "it's", "not", "cheap"]
    assert tokenize(s, min_length=4) == ["think", "cable", "good", "it's", "cheap"]
    assert tokenize(s, stop_words="english", min_length=4) == ["think", "cable", "good", "cheap"]
    assert tokenize(s, stop_words=set()) == tokenize(s)


def test_english_stop_words_keep_negations_and_contrast():
    assert len(ENGLISH_STOP_WORDS) > 100
    assert all(w == w.lower() and tokenize(w) == [w] for w in ENGLISH_STOP_WORDS)
    for word in ("not", "no", "never", "don't", "isn't", "but", "very", "too", "only", "against", "great", "bad"):
        assert word not in ENGLISH_STOP_WORDS


@pytest.mark.parametrize(
    "args, kwargs, error, match",
    [
        ((None,), {}, TypeError, "text must be a str, got NoneType"),
        ((["a", "b"],), {}, TypeError, r"one text at a time: \[tokenize\(s\) for s in texts\]"),
        (("x",), {"stop_words": "french"}, ValueError, "stop_words must be None, 'english'"),
        (("x",), {"stop_words": 5}, TypeError, "stop_words must be None, 'english' or a collection of words, got int"),
        (("x",), {"stop_words": ["ok", 1]}, TypeError, "stop_words must contain only str, found 1"),
        (("x",), {"min_length": 0}, ValueError, "min_length must be >= 1"),
        (("x",), {"min_length": 1.5}, TypeError, "min_length must be an integer"),
    ],
)
def test_tokenize_bad_inputs(args, kwargs, error, match):
    with pytest.raises(error, match=match):
        tokenize(*args, **kwargs)


# ---------------------------------------------------------------- vocabulary


DOCS = [["b", "a", "c", "a"], ["c", "d", "a"], ["b", "e"], []]  # counts a3 b2 c2 d1 e1


def test_vocabulary_orders_by_count_then_alphabetically():
    vocab = build_vocabulary(DOCS)
    assert vocab == {"a": 0, "b": 1, "c": 2, "d": 3, "e": 4}
    assert list(vocab) == ["a", "b", "c", "d", "e"]  # iteration follows the columns
    assert build_vocabulary([["z", "y", "y"], ["x", "z"]]) == {"y": 0, "z": 1, "x": 2}


def test_vocabulary_does_not_depend_on_document_order():
    tokens = [tokenize(s) for s in load_reviews()[0][:120]]
    order = np.random.default_rng(0).permutation(len(tokens))
    assert build_vocabulary(tokens) == build_vocabulary([tokens[i] for i in order])
    assert list(build_vocabulary(tokens)) == list(build_vocabulary([tokens[i] for i in order]))


def test_vocabulary_min_count_and_max_size():
    assert build_vocabulary(DOCS, min_count=2) == {"a": 0, "b": 1, "c": 2}
    assert build_vocabulary(DOCS, min_count=3) == {"a": 0}
    assert build_vocabulary(DOCS, max_size=2) == {"a": 0, "b": 1}  # b before c: the tie goes alphabetically
    assert build_vocabulary(DOCS, max_size=100) == build_vocabulary(DOCS)
    assert build_vocabulary(DOCS, min_count=2, max_size=1) == {"a": 0}
    assert build_vocabulary(iter(DOCS)) == build_vocabulary(DOCS)  # any iterable of documents


def test_vocabulary_counts_match_a_brute_force_count_on_the_corpus():
    tokens = [tokenize(s) for s in load_reviews()[0]]
    vocab = build_vocabulary(tokens, min_count=3)
    counts = Counter()
    for doc in tokens:
        for tok in doc:
            counts[tok] += 1
    expected = sorted((w for w in counts if counts[w] >= 3), key=lambda w: (-counts[w], w))
    assert vocabulary_words(vocab) == expected


def test_vocabulary_matches_scikit_learn_word_set():
    CountVectorizer = pytest.importorskip("sklearn.feature_extraction.text").CountVectorizer
    tokens = [tokenize(s) for s in load_reviews()[0]]
    cv = CountVectorizer(analyzer=lambda doc: doc).fit(tokens)
    assert set(build_vocabulary(tokens)) == set(cv.vocabulary_)


@pytest.mark.parametrize(
    "token_lists, kwargs, error, match",
    [
        ("a text", {}, TypeError, "token_lists must be a list of token lists, got str"),
        (7, {}, TypeError, "token_lists must be a list of token lists, got int"),
        ([], {}, ValueError, "token_lists is empty"),
        (["good cable", "bad"], {}, TypeError, r"token_lists\[0\] is a str.*tokenize first"),
        ([["ok"], {"a"}], {}, TypeError, r"token_lists\[1\] must be a list of str tokens, got set"),
        ([["ok", 3]], {}, TypeError, r"token_lists\[0\]\[1\] must be a str token, got int"),
        ([[], []], {}, ValueError, "no tokens at all"),
        (DOCS, {"min_count": 4}, ValueError, r"no word occurs min_count=4 times \(the most frequent, 'a', occurs 3\)"),
        (DOCS, {"min_count": 0}, ValueError, "min_count must be >= 1"),
        (DOCS, {"max_size": 0}, ValueError, "max_size must be >= 1"),
        (DOCS, {"max_size": 2.0}, TypeError, "max_size must be an integer"),
    ],
)
def test_vocabulary_bad_inputs(token_lists, kwargs, error, match):
    with pytest.raises(error, match=match):
        build_vocabulary(token_lists, **kwargs)


# ---------------------------------------------------------------- bag of words


def test_bag_of_words_counts_equal_a_brute_force_count():
    tokens = [tokenize(s) for s in load_reviews()[0]]
    vocab = build_vocabulary(tokens[::2], min_count=2)  # "training" half: the other half has unknown words
    X = bag_of_words(tokens, vocab)
    assert X.shape == (len(tokens), len(vocab)) and X.dtype == np.float64
    expected = np.zeros_like(X)
    for n, doc in enumerate(tokens):
        for tok in doc:
            if tok in vocab:
                expected[n, vocab[tok]] += 1
    assert_array_equal(X, expected)
    known = np.array([sum(tok in vocab for tok in doc) for doc in tokens])
    assert_array_equal(X.sum(axis=1), known)
    assert (known < [len(doc) for doc in tokens]).any(), "the test must include unknown words"


def test_bag_of_words_matches_scikit_learn():
    CountVectorizer = pytest.importorskip("sklearn.feature_extraction.text").CountVectorizer
    tokens = [tokenize(s, stop_words="english") for s in load_reviews()[0]]
    vocab = build_vocabulary(tokens[:300])
    for binary in (False, True):
        cv = CountVectorizer(analyzer=lambda doc: doc, vocabulary=vocab, binary=binary)
        assert_array_equal(bag_of_words(tokens[300:], vocab, binary=binary), cv.transform(tokens[300:]).toarray())


def test_bag_of_words_small_example_binary_normalize_unknown_and_empty():
    vocab = {"good": 0, "cable": 1, "bad": 2}
    docs = [["good", "good", "cable", "unseen"], ["unseen"], [], ("bad",)]
    assert_array_equal(bag_of_words(docs, vocab), [[2, 1, 0], [0, 0, 0], [0, 0, 0], [0, 0, 1]])
    assert_array_equal(bag_of_words(docs, vocab, binary=True), [[1, 1, 0], [0, 0, 0], [0, 0, 0], [0, 0, 1]])
    assert_allclose(bag_of_words(docs, vocab, normalize=True), [[2 / 3, 1 / 3, 0], [0, 0, 0], [0, 0, 0], [0, 0, 1]])
    assert_allclose(bag_of_words(docs, vocab, binary=True, normalize=True), [[0.5, 0.5, 0], [0, 0, 0], [0, 0, 0], [0, 0, 1]])
    assert bag_of_words([["unseen"]], vocab).shape == (1, 3)


def test_bag_of_words_rows_of_the_corpus_sum_to_one_when_normalized():
    tokens = [tokenize(s) for s in load_reviews()[0][:50]]
    X = bag_of_words(tokens, build_vocabulary(tokens), normalize=True)
    assert_allclose(X.sum(axis=1), 1.0, rtol=0, atol=1e-12)


def test_bag_of_words_accepts_numpy_integer_columns():
    vocab = {"a": np.int64(1), "b": np.int64(0)}
    assert_array_equal(bag_of_words([["a", "a", "b"]], vocab), [[1, 2]])


@pytest.mark.parametrize(
    "vocabulary, kwargs, error, match",
    [
        (["a", "b"], {}, TypeError, "vocabulary must be a dict word -> column"),
        ({}, {}, ValueError, "vocabulary is empty"),
        ({"a": 0, "b": 2}, {}, ValueError, r"columns must be 0\.\.1, each used once"),
        ({"a": 0, "b": 0}, {}, ValueError, r"columns must be 0\.\.1"),
        ({"a": 0, "b": 1.0}, {}, TypeError, "vocabulary must map str to int, found 'b': 1.0"),
        ({"a": 0, "b": True}, {}, TypeError, "vocabulary must map str to int"),
        ({"a": 0, 1: 1}, {}, TypeError, "vocabulary must map str to int, found 1: 1"),
        ({"a": 0}, {"binary": 1}, TypeError, "binary must be True or False, got int"),
        ({"a": 0}, {"normalize": "yes"}, TypeError, "normalize must be True or False, got str"),
    ],
)
def test_bag_of_words_bad_inputs(vocabulary, kwargs, error, match):
    with pytest.raises(error, match=match):
        bag_of_words([["a"]], vocabulary, **kwargs)


def test_bag_of_words_bad_token_lists():
    with pytest.raises(TypeError, match=r"token_lists\[0\] is a str"):
        bag_of_words(["good cable"], {"good": 0})


# ---------------------------------------------------------------- weights to words


def test_vocabulary_words_inverts_the_vocabulary():
    tokens = [tokenize(s) for s in load_reviews()[0][:80]]
    vocab = build_vocabulary(tokens)
    words = vocabulary_words(vocab)
    assert words == list(vocab)
    assert all(vocab[w] == j for j, w in enumerate(words))


def test_top_words_picks_extremes_in_order():
    vocab = {"the": 0, "great": 1, "broke": 2, "works": 3, "junk": 4}
    w = np.array([0.01, 2.0, -1.5, 0.7, -3.0])
    pos, neg = top_words(w, vocab, k=2)
    assert pos == [("great", 2.0), ("works", 0.7)]
    assert neg == [("junk", -3.0), ("broke", -1.5)]
    assert all(isinstance(x, float) for _, x in pos + neg)
    pos, neg = top_words(w, vocab, k=5)
    assert [x for _, x in pos] == sorted(w, reverse=True) and [x for _, x in neg] == sorted(w)


def test_top_words_ties_keep_column_order_and_default_k():
    vocab = {f"w{j}": j for j in range(12)}
    pos, neg = top_words(np.zeros(12), vocab)
    assert [word for word, _ in pos] == [f"w{j}" for j in range(10)]
    assert [word for word, _ in neg] == [f"w{j}" for j in range(10)]


@pytest.mark.parametrize(
    "w, k, error, match",
    [
        ([1.0, 2.0], 1, ValueError, "w has length 2 but the vocabulary has 3"),
        ([1.0, np.nan, 0.0], 1, ValueError, "w contains 1 NaN"),
        ([1.0, 2.0, 3.0], 4, ValueError, r"k=4 is larger than the vocabulary \(3 words\)"),
        ([1.0, 2.0, 3.0], 0, ValueError, "k must be >= 1"),
        ([1.0, 2.0, 3.0], 1.0, TypeError, "k must be an integer"),
        ([[1.0, 2.0, 3.0]], 1, ValueError, "w must be a 1-D array"),
    ],
)
def test_top_words_bad_inputs(w, k, error, match):
    with pytest.raises(error, match=match):
        top_words(w, {"a": 0, "b": 1, "c": 2}, k=k)


def test_module_exports():
    assert sorted(text.__all__) == sorted(
        [
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
    )
