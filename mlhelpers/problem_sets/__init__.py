"""Public checks of the notebooks' problem sets, one module a notebook (``ps00`` for
notebook 00, ...). Each check runs the student's answer on cases of its own and reports
the first failed case, the property it violates and a hint, never the expected value
(see :mod:`mlhelpers.exercises`). The hidden tests that grade live only in the
instructor's notebooks.
"""

__all__: list[str] = []  # the checks live in the submodules ps00 ... ps10
