"""Warnings that point at the user's line, however deep inside mlhelpers they are raised."""

from __future__ import annotations

import os
import sys
import warnings
from functools import lru_cache
from pathlib import Path

_PACKAGE_DIR = str(Path(__file__).resolve().parent) + os.sep


@lru_cache(maxsize=256)
def _inside_package(filename: str) -> bool:
    """Whether a code object's file lies in mlhelpers (resolved once per file: a fit that stops at
    ``max_iter`` warns every time, and resolving the path of every frame took about 0.1 ms each)."""
    return str(Path(filename).resolve()).startswith(_PACKAGE_DIR)


def _outside_stacklevel() -> int:
    """The ``stacklevel`` of the first frame outside the mlhelpers package, counted from the caller of :func:`warn`.

    (Python 3.12's ``warnings.warn(skip_file_prefixes=...)`` does this; the course supports 3.10 and 3.11.)
    """
    frame, level = sys._getframe(2), 1  # frame = warn's caller, which stacklevel=1 points at
    while frame is not None and _inside_package(frame.f_code.co_filename):
        frame, level = frame.f_back, level + 1
    return level


def warn(message: str, category: type[Warning]) -> None:
    """``warnings.warn`` attributed to the first caller outside mlhelpers (the user's line)."""
    warnings.warn(message, category, stacklevel=_outside_stacklevel() + 1)
