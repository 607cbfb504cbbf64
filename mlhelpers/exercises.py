"""Checks for the notebooks' exercises: they say what is wrong, not just "False".

An exercise cell leaves a stub for the student, e.g. ::

    def my_sigmoid(z):
        # YOUR CODE HERE
        raise NotImplementedError

    exercises.check_function(my_sigmoid, mh.sigmoid, [(0.0,), (np.array([-3.0, 5.0]),)], name="my_sigmoid")

A check prints one line and returns ``None`` (so nothing else lands in the
stored output):

* ``not attempted yet: ...`` when the stub still raises ``NotImplementedError`` or
  the answer is still ``None`` / ``...``. The student edition runs top to bottom
  this way without an error.
* ``Correct: ...`` when every case matches.
* ``Not yet: ...`` naming the first failing input, what came back and what was
  expected (or the exception raised).
"""

from __future__ import annotations

import numpy as np

__all__ = ["NOT_ATTEMPTED", "check_function", "check_value"]

NOT_ATTEMPTED = "not attempted yet"


def _fmt(value) -> str:
    if isinstance(value, np.ndarray):
        return np.array2string(value, precision=4, suppress_small=True, threshold=8)
    if isinstance(value, float | np.floating):
        return f"{float(value):.6g}"
    if isinstance(value, tuple):
        return "(" + ", ".join(_fmt(v) for v in value) + ")"
    return repr(value)


def _mismatch(got, expected, rtol, atol, verb="returned") -> str | None:
    """Why ``got`` differs from ``expected`` (None if it does not)."""
    if isinstance(expected, tuple):
        if not isinstance(got, tuple | list) or len(got) != len(expected):
            return f"{verb} {_fmt(got)}, expected a tuple of {len(expected)} values"
        for k, (g, e) in enumerate(zip(got, expected)):
            why = _mismatch(g, e, rtol, atol, verb)
            if why:
                return f"in part {k} of the result: {why}"
        return None
    try:
        if isinstance(got, str | bytes):
            raise TypeError
        g = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return f"{verb} {_fmt(got)} ({type(got).__name__}), expected a number or an array of numbers"
    e = np.asarray(expected, dtype=float)
    if g.shape != e.shape:
        return f"{verb} shape {g.shape}, expected shape {e.shape}"
    if not np.allclose(g, e, rtol=rtol, atol=atol, equal_nan=True):
        return f"{verb} {_fmt(got)}, expected {_fmt(expected)}"
    return None


def check_function(candidate, reference, cases, *, name: str, rtol: float = 1e-6, atol: float = 1e-9) -> None:
    """Call ``candidate(*args)`` and ``reference(*args)`` for each ``args`` in
    ``cases`` and compare (shapes first, then values within ``rtol``/``atol``)."""
    if not callable(candidate):
        print(f"Not yet: {name} must be a function, got {type(candidate).__name__}")
        return
    cases = list(cases)
    for args in cases:
        shown = ", ".join(_fmt(a) for a in args)
        try:
            got = candidate(*args)
        except NotImplementedError:
            print(f"{NOT_ATTEMPTED}: replace the `raise NotImplementedError` in {name} with your code")
            return
        except Exception as exc:  # the student's bug, reported rather than raised
            print(f"Not yet: {name}({shown}) raised {type(exc).__name__}: {exc}")
            return
        why = _mismatch(got, reference(*args), rtol, atol)
        if why:
            print(f"Not yet: {name}({shown}) {why}")
            return
    print(f"Correct: {name} matches the reference on all {len(cases)} test inputs.")


def check_value(answer, expected, *, name: str, rtol: float = 1e-6, atol: float = 1e-9) -> None:
    """Compare a computed answer (number, array or tuple) with the expected one.
    ``None`` or ``...`` means not attempted."""
    if answer is None or answer is Ellipsis:
        print(f"{NOT_ATTEMPTED}: set {name} to your answer")
        return
    why = _mismatch(answer, expected, rtol, atol, verb="is")
    print(f"Not yet: {name} {why}" if why else f"Correct: {name} = {_fmt(answer)}.")
