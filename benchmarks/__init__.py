"""Benchmarks of `mlhelpers`, printed as ratios measured side by side in one run.

Run from the repository root with the project's virtual environment::

    .venv/bin/python -m benchmarks            # the full run (about 5-10 minutes)
    .venv/bin/python -m benchmarks --quick    # smallest sizes, under a minute

Absolute times are noisy on a shared machine; a ratio of two things timed in
alternation, in the same process and on the same data, is not. Every table row is
such a ratio (or, for the notebooks, seconds against a budget), with the goal of the
issue beside it and PASS/MISS. The data are made here, from fixed seeds.

Modules: :mod:`.gradient_step` (1), :mod:`.fitting` (2), :mod:`.memory` (3),
:mod:`.course` (4), :mod:`.loops` (5); :mod:`.common` holds the timing, the table
and the machine header.
"""
