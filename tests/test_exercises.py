"""The problem-set mechanism (mlhelpers.exercises) and notebook 00's public checks."""

import numpy as np
import pytest

import mlhelpers as mh
from mlhelpers import exercises
from mlhelpers.exercises import ProblemNotSolved, call, expect, hidden_tests, public_check
from mlhelpers.problem_sets import ps00


@public_check("Problem 9", "double")
def check_double(double):
    for x in (1.5, -2.0):
        got = call(double, x, case=f"x = {x}")
        expect(np.isclose(got, 2 * x), f"x = {x}", "the result is not twice x", "multiply, don't add")
    return 2


def stub(x): ...


@pytest.fixture
def not_grading(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)


@pytest.fixture
def autograding(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")


def test_messages_while_the_student_works(not_grading, capsys):
    check_double(lambda x: 2 * x)
    assert capsys.readouterr().out == "Problem 9 (double): passes the public checks on 2 cases. Hidden tests decide the grade.\n"
    check_double(stub)
    assert capsys.readouterr().out == "Problem 9 (double): not attempted yet: stub returns None: write its body\n"
    check_double(None)
    assert "not attempted yet: set double to your answer" in capsys.readouterr().out
    check_double(lambda x: x + 2)
    out = capsys.readouterr().out
    assert out.startswith("Problem 9 (double): not yet.") and "case:    x = 1.5" in out and "hint:    multiply" in out
    assert "3.0" not in out and "3.5" not in out, "neither the expected nor the returned value is shown"
    check_double(lambda x: 1 / 0)
    assert "it raised ZeroDivisionError: division by zero" in capsys.readouterr().out
    check_double(42)
    assert "expected a function, got int" in capsys.readouterr().out


def test_a_failed_check_raises_while_nbgrader_grades(autograding, capsys):
    check_double(lambda x: 2 * x)  # a pass still prints
    assert "passes the public checks" in capsys.readouterr().out
    for wrong in (stub, None, lambda x: x + 2, lambda x: 1 / 0):
        with pytest.raises(ProblemNotSolved, match=r"^Problem 9 \(double\)"):
            check_double(wrong)
    assert exercises.grading()


def test_hidden_tests_name_the_part_and_nothing_else():
    with hidden_tests("Problem 3"):
        assert 1 + 1 == 2
    with pytest.raises(ProblemNotSolved) as caught:
        with hidden_tests("Problem 3"):
            assert mh.sigmoid(0.0) == 0.75, "the secret expected value 0.75"
    message = str(caught.value)
    assert message.startswith("Problem 3: a hidden test case failed (AssertionError)") and "0.75" not in message
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_ps00_checks_accept_the_solutions_and_reject_typical_mistakes(not_grading, capsys):
    ps00.check_n_features(lambda X: np.shape(X)[1])
    ps00.check_model_outputs(lambda X, w, b: mh.sigmoid(X @ w + b))
    assert capsys.readouterr().out.count("passes the public checks") == 2
    ps00.check_n_features(lambda X: np.shape(X)[0])
    assert "the result is N, the number of samples" in capsys.readouterr().out
    ps00.check_model_outputs(lambda X, w, b: mh.sigmoid(np.sum(X @ w) + b))
    assert "not one value per sample" in capsys.readouterr().out
    ps00.check_model_outputs(lambda X, w, b: mh.sigmoid(X @ w))
    assert "did not all grow" in capsys.readouterr().out
    ps00.check_model_outputs(lambda X, w, b: X @ w + b)
    assert "not probabilities" in capsys.readouterr().out
