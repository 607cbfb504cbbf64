"""Problem sets: public checks that teach while the student works, hidden tests that grade.

The course's problem sets are graded with nbgrader (see the README's "For instructors").
A graded part is two cells of the instructor's notebook:

* a **solution cell** (nbgrader ``solution``) with the instructor's answer between
  ``### BEGIN SOLUTION`` and ``### END SOLUTION``; the student release replaces it with
  ``# YOUR CODE HERE`` and ``...``, so an untouched function returns ``None`` and an
  untouched value stays ``None``;
* a locked **test cell** (nbgrader ``grade``, with its points) that calls a public check
  of :mod:`mlhelpers.problem_sets` and then, between ``### BEGIN HIDDEN TESTS`` and
  ``### END HIDDEN TESTS`` (removed from the release, restored by the autograder), the
  hidden cases inside ``with hidden_tests("Problem N"):``.

A public check is a function decorated with :func:`public_check`. It runs the student's
answer on cases of its own and tests properties (shapes, symmetry, agreement with finite
differences); on the first failure it reports the case, the property that failed and a
hint, **never the expected value**. While the student works it prints that report and
returns, so "Run All" never stops at a problem. While nbgrader grades (it sets
``NBGRADER_EXECUTION``), the same report is raised as :class:`ProblemNotSolved`, which
marks the test cell failed; inside IPython it is shown as its message alone, without a
traceback, so no line of a hidden test is ever displayed.

Each part must stand alone: a solution uses ``mlhelpers`` routines, never the student's
answer to another part, so a wrong answer costs exactly its own part's points.

Example (a public check, as written in :mod:`mlhelpers.problem_sets`)::

    @public_check("Problem 1", "n_features")
    def check_n_features(n_features):
        for shape in [(3, 5), (7, 2)]:
            got = call(n_features, np.zeros(shape), case=f"a {shape[0]} x {shape[1]} matrix")
            expect(got == shape[1], f"a {shape[0]} x {shape[1]} matrix", "the result is not D",
                   "X has one row per sample and one column per feature")
"""

from __future__ import annotations

import functools
import os
from contextlib import contextmanager

import numpy as np

__all__ = [
    "NOT_ATTEMPTED",
    "ProblemNotSolved",
    "call",
    "expect",
    "expect_close",
    "fail",
    "grading",
    "hidden_tests",
    "public_check",
]

NOT_ATTEMPTED = "not attempted yet"


class ProblemNotSolved(AssertionError):
    """A graded part failed while nbgrader grades; its message says which part and why."""


class _Failure(Exception):
    def __init__(self, case: str, problem: str, hint: str):
        super().__init__(case, problem, hint)
        self.case, self.problem, self.hint = case, problem, hint


class _NotAttempted(Exception):
    pass


def grading() -> bool:
    """True while nbgrader autogrades or validates a notebook."""
    return bool(os.environ.get("NBGRADER_EXECUTION"))


def fail(case: str, problem: str, hint: str):
    """Stop the check: ``case`` failed because of ``problem``; ``hint`` helps to fix it."""
    raise _Failure(case, problem, hint)


def expect(condition, case: str, problem: str, hint: str) -> None:
    """``fail(case, problem, hint)`` unless ``condition`` holds."""
    if not bool(condition):
        fail(case, problem, hint)


def expect_close(got, want, case: str, problem: str, hint: str, *, rtol: float = 1e-5, atol: float = 1e-8) -> None:
    """``fail(case, problem, hint)`` unless ``got`` is close to ``want`` elementwise:
    ``np.allclose(got, want, rtol=rtol, atol=atol)`` (numpy's tolerances by default; for
    numbers the same as ``np.isclose``). Neither value is shown, only ``problem``."""
    expect(np.allclose(got, want, rtol=rtol, atol=atol), case, problem, hint)


def call(function, *args, case: str):
    """Call the student's ``function(*args)``; an exception or a ``None`` result is
    reported for ``case`` (``None`` from an untouched stub means "not attempted")."""
    if not callable(function):
        fail(case, f"expected a function, got {type(function).__name__}", "define it with def, as in the stub")
    try:
        result = function(*args)
    except Exception as exc:  # the student's bug, reported rather than raised
        fail(case, f"it raised {type(exc).__name__}: {exc}", "run it on this case yourself and read the error")
    if result is None:
        raise _NotAttempted(f"{getattr(function, '__name__', 'the function')} returns None: write its body")
    return result


def _report(part: str, name: str, message: str, passed: bool) -> None:
    if passed or not grading():
        print(message)
    else:
        raise ProblemNotSolved(message)


def public_check(part: str, name: str):
    """Decorate a check of the answer(s) to ``part`` (e.g. "Problem 2") named ``name``.

    The check receives the student's answers. An answer that is still ``None`` or
    ``...`` is "not attempted"; :func:`fail`/:func:`expect` report a failed case.
    """

    def decorate(check):
        @functools.wraps(check)
        def run(*answers):
            title = f"{part} ({name})"
            if any(a is None or a is Ellipsis for a in answers):
                return _report(part, name, f"{title}: {NOT_ATTEMPTED}: set {name} to your answer", False)
            try:
                cases = check(*answers)
            except _NotAttempted as why:
                return _report(part, name, f"{title}: {NOT_ATTEMPTED}: {why}", False)
            except _Failure as f:
                message = f"{title}: not yet.\n  case:    {f.case}\n  problem: {f.problem}\n  hint:    {f.hint}"
                return _report(part, name, message, False)
            shown = f" on {cases} cases" if isinstance(cases, int) else ""
            return _report(part, name, f"{title}: passes the public checks{shown}. Hidden tests decide the grade.", True)

        return run

    return decorate


@contextmanager
def hidden_tests(part: str):
    """Run an instructor's hidden test cases; any failure becomes one sentence naming
    ``part`` (never the case or its expected value)."""
    try:
        yield
    except ProblemNotSolved:
        raise
    except Exception as exc:
        raise ProblemNotSolved(
            f"{part}: a hidden test case failed ({type(exc).__name__}). The public checks do not cover "
            "every case: re-read the problem statement and try your answer on other inputs."
        ) from None


def _show_without_traceback(shell, etype, value, tb, tb_offset=None):
    stb = [f"{etype.__name__}: {value}"]
    shell._showtraceback(etype, value, stb)
    return stb


def _register_with_ipython() -> None:
    """Show ProblemNotSolved as its message alone (no traceback, so no test source)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return
    shell = get_ipython()
    if shell is not None and ProblemNotSolved not in shell.custom_exceptions:
        shell.set_custom_exc((*shell.custom_exceptions, ProblemNotSolved), _show_without_traceback)


_register_with_ipython()
