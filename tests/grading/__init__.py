"""Planted answers for the grading-cycle test (tests/test_grading.py), one module a
problem set: ``WRONG`` maps each answer cell's grade_id to the source of a plausible
wrong answer (a student's typical mistake), which must lose exactly that part's points.
They live with the tests, never in a notebook, so no release can carry them."""
