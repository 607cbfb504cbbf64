"""mlhelpers.data: the seeded toy data sets, the train/test split and standardization."""

import numpy as np
import pytest
from numpy.testing import assert_allclose

import mlhelpers as mh


def test_gaussian_clouds_deterministic_and_shaped():
    X1, t1 = mh.gaussian_clouds(100, random_state=42)
    X2, t2 = mh.gaussian_clouds(100, random_state=42)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(t1, t2)
    assert X1.shape == (200, 2) and t1.tolist() == [0] * 100 + [1] * 100
    assert_allclose(X1[t1 == 0].mean(0), [-2, -2], atol=0.3)
    X3, _ = mh.gaussian_clouds(2000, cov=[[1, 0], [0, 1]], cov1=[[4, 0], [0, 0.25]], random_state=0)
    assert_allclose(X3[2000:].std(0), [2, 0.5], rtol=0.1)


def test_xor_and_donut():
    X, t = mh.xor(25, random_state=0)
    assert X.shape == (100, 2) and np.all(np.sign(X[t == 1, 0] * X[t == 1, 1]) < 0)
    X, t = mh.donut(50, noise=0.0, random_state=0)
    r = np.hypot(X[:, 0], X[:, 1])
    assert_allclose(r[t == 0], 1.0) and np.allclose(r[t == 1], 3.0)


def test_train_test_split_partitions_and_matches_sklearn_sizes():
    from sklearn.model_selection import train_test_split as sk_split

    X = np.arange(40.0).reshape(20, 2)
    t = np.arange(20) % 2
    X_tr, X_te, t_tr, t_te = mh.train_test_split(X, t, test_size=0.25, random_state=0)
    sk = sk_split(X, t, test_size=0.25, random_state=0)
    assert [a.shape for a in (X_tr, X_te, t_tr, t_te)] == [a.shape for a in sk]
    assert sorted(np.r_[X_tr[:, 0], X_te[:, 0]].tolist()) == X[:, 0].tolist()
    assert_allclose(X_te[:, 0] / 2 % 2, t_te)  # rows and targets stay together
    assert t_tr.dtype == t.dtype
    again = mh.train_test_split(X, t, test_size=0.25, random_state=0)
    np.testing.assert_array_equal(again[1], X_te)


def test_standardize_train_statistics_applied_to_test():
    from sklearn.preprocessing import StandardScaler

    rng = np.random.default_rng(0)
    X_tr, X_te = rng.normal(3, 2, size=(50, 3)), rng.normal(3, 2, size=(10, 3))
    X_tr[:, 2] = 7.0  # constant column
    Z_tr, mean, std = mh.standardize(X_tr)
    Z_te, _, _ = mh.standardize(X_te, mean=mean, std=std)
    scaler = StandardScaler().fit(X_tr)
    assert_allclose(Z_tr, scaler.transform(X_tr), atol=1e-12)
    assert_allclose(Z_te, scaler.transform(X_te), atol=1e-12)
    with pytest.raises(ValueError, match="pass both mean and std"):
        mh.standardize(X_te, mean=mean)


def test_train_test_indices_split_a_list_of_texts():
    texts = [f"review {k}" for k in range(10)]
    train, test = mh.train_test_indices(len(texts), test_size=0.3, random_state=0)
    assert test.size == 3 and sorted(np.r_[train, test].tolist()) == list(range(10))
    X_tr, X_te, _, _ = mh.train_test_split(np.arange(10.0)[:, None], np.zeros(10), test_size=0.3, random_state=0)
    assert X_te.ravel().tolist() == test.tolist()  # the same shuffle as train_test_split
    assert X_tr.ravel().tolist() == train.tolist()
    with pytest.raises(ValueError, match="leaves no training rows"):
        mh.train_test_indices(2, test_size=0.9, random_state=0)
