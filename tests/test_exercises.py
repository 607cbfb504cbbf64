import numpy as np

import mlhelpers as mh
from mlhelpers import exercises


def stub(z):
    raise NotImplementedError


def test_check_function_messages(capsys):
    cases = [(0.0,), (np.array([-3.0, 5.0]),)]
    exercises.check_function(stub, mh.sigmoid, cases, name="my_sigmoid")
    assert capsys.readouterr().out.startswith("not attempted yet: replace the `raise NotImplementedError` in my_sigmoid")
    exercises.check_function(lambda z: 1 / (1 + np.exp(-z)), mh.sigmoid, cases, name="my_sigmoid")
    assert capsys.readouterr().out == "Correct: my_sigmoid matches the reference on all 2 test inputs.\n"
    exercises.check_function(lambda z: np.exp(z), mh.sigmoid, cases, name="my_sigmoid")
    assert capsys.readouterr().out == "Not yet: my_sigmoid(0) returned 1, expected 0.5\n"
    exercises.check_function(lambda z: np.array([0.5]), mh.sigmoid, cases, name="f")
    assert "returned shape (1,), expected shape ()" in capsys.readouterr().out
    exercises.check_function(lambda z: z.undefined, mh.sigmoid, cases, name="f")
    assert "f(0) raised AttributeError" in capsys.readouterr().out
    exercises.check_function(3, mh.sigmoid, cases, name="f")
    assert capsys.readouterr().out == "Not yet: f must be a function, got int\n"


def test_check_function_with_tuple_results(capsys):
    X, t = np.array([[1.0, 2.0], [0.0, -1.0]]), np.array([1, 0])
    ref = lambda w: mh.logistic_gradient(w, 0.0, X, t)  # noqa: E731
    exercises.check_function(lambda w: (np.zeros(2), 0.0), ref, [(np.ones(2),)], name="grad")
    assert "in part 0 of the result: returned [0. 0.]" in capsys.readouterr().out
    exercises.check_function(lambda w: np.zeros(2), ref, [(np.ones(2),)], name="grad")
    assert "expected a tuple of 2 values" in capsys.readouterr().out


def test_check_value(capsys):
    exercises.check_value(None, 0.7, name="p_hat")
    assert capsys.readouterr().out == "not attempted yet: set p_hat to your answer\n"
    exercises.check_value(..., 0.7, name="p_hat")
    assert capsys.readouterr().out.startswith("not attempted yet")
    exercises.check_value(0.7, 7 / 10, name="p_hat")
    assert capsys.readouterr().out == "Correct: p_hat = 0.7.\n"
    exercises.check_value(1 / 7, 0.7, name="p_hat")
    assert capsys.readouterr().out == "Not yet: p_hat is 0.142857, expected 0.7\n"
    exercises.check_value("0.7", 0.7, name="p_hat")
    assert "expected a number" in capsys.readouterr().out
