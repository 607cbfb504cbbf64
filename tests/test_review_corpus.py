"""The shipped review corpus behaves like real reviews, measured on the shipped files,
and the generator that writes it is deterministic."""

import re
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

import mlhelpers as mh
from mlhelpers.text import bag_of_words, build_vocabulary, load_reviews, read_reviews, tokenize

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "mlhelpers" / "data_files" / "reviews" / "electronics"


@pytest.fixture(scope="module")
def generator():
    from tools import make_review_corpus

    return make_review_corpus


@pytest.fixture(scope="module")
def corpus():
    return load_reviews(CORPUS)


def sentences(text):
    """Sentences of a review: split after . ! ? and at line breaks, lowercased."""
    parts = re.split(r"(?<=[.!?])\s+|\n+", text)
    return [" ".join(p.lower().split()) for p in parts if re.search(r"[a-zA-Z]", p)]


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_few_test_sentences_occur_verbatim_in_the_training_reviews(corpus, seed):
    texts, _ = corpus
    train, test = mh.train_test_indices(len(texts), test_size=0.25, random_state=seed)
    seen = {s for i in train for s in sentences(texts[i])}
    test_sentences = [s for i in test for s in sentences(texts[i])]
    overlap = np.mean([s in seen for s in test_sentences])
    assert overlap < 0.10, f"{overlap:.1%} of the test sentences appear word for word in training"


def test_vocabulary_is_large_and_long_tailed(corpus):
    counts = Counter(tok for s in corpus[0] for tok in tokenize(s))
    assert len(counts) >= 3000
    freq = np.array(sorted(counts.values(), reverse=True))
    assert np.mean(freq == 1) > 0.3, "a long tail: many words occur once"
    assert freq[:10].sum() > 0.15 * freq.sum(), "and a few words are very frequent"


def test_reviews_vary_in_length(corpus):
    lengths = np.array([len(tokenize(s)) for s in corpus[0]])
    assert lengths.min() <= 5 and lengths.max() >= 300
    assert np.std(lengths) > 0.7 * np.mean(lengths)
    assert np.mean(lengths <= 20) > 0.05 and np.mean(lengths >= 150) > 0.05


def test_some_labels_are_noisy(generator, corpus):
    """The generator's record of the reviews written with the other class's sentiment;
    and on the shipped files, a model trained on other reviews misclassifies those far
    more often than the rest."""
    files, noisy = generator.make_corpus(with_noise=True)
    n_per_file = {label: text.count("<review>") for label, text in files.items()}
    for label in ("positive", "negative"):
        assert 0.02 <= len(noisy[label]) / n_per_file[label] <= 0.10
    texts, t = corpus
    flipped = np.zeros(len(texts), dtype=bool)
    flipped[noisy["negative"]] = True  # load_reviews: negative.review first
    flipped[[n_per_file["negative"] + i for i in noisy["positive"]]] = True
    tokens = [tokenize(s, stop_words="english") for s in texts]
    wrong = np.zeros(len(texts), dtype=bool)
    folds = np.random.default_rng(0).permutation(len(texts)) % 2
    for k in (0, 1):
        tr, te = np.flatnonzero(folds != k), np.flatnonzero(folds == k)
        vocab = build_vocabulary([tokens[i] for i in tr], min_count=2)
        model = mh.LogisticRegression(l2=0.001, solver="lbfgs").fit(bag_of_words([tokens[i] for i in tr], vocab), t[tr])
        wrong[te] = model.predict(bag_of_words([tokens[i] for i in te], vocab)) != t[te]
    assert wrong[flipped].mean() > 0.5 > 0.3 > wrong[~flipped].mean()


def test_ratings_stay_in_the_files_classes():
    for name, ratings in (("positive", {4.0, 5.0}), ("negative", {1.0, 2.0})):
        assert {r.rating for r in read_reviews(CORPUS / f"{name}.review")} == ratings


def test_generator_is_deterministic(generator):
    first = generator.make_corpus(seed=123)
    assert generator.make_corpus(seed=123) == first
    assert generator.make_corpus(seed=124) != first
    shipped = {label: (CORPUS / f"{label}.review").read_text(encoding="utf-8") for label in ("positive", "negative")}
    assert generator.make_corpus() == shipped, "the shipped files are the generator's output for its SEED"


def test_phrase_material_lives_in_data_files(generator):
    banks = ROOT / "tools" / "review_corpus"
    for name in ("categories.json", "phrases.json", "words.txt"):
        assert (banks / name).is_file()
    words = generator.read_word_lists(banks / "words.txt")
    assert sum(len(v) for v in words.values()) > 1000
    source = (ROOT / "tools" / "make_review_corpus.py").read_text(encoding="utf-8")
    assert len(source.splitlines()) < 600, "the generator holds code, not phrase banks"
