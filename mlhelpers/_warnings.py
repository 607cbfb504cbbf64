"""Warnings that point at the user's line, however deep inside mlhelpers they are raised."""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path

_PACKAGE_DIR = str(Path(__file__).resolve().parent) + os.sep


def _outside_stacklevel() -> int:
    """The ``stacklevel`` of the first frame outside the mlhelpers package, counted from the caller of :func:`warn`."""
    frame, level = sys._getframe(2), 1  # frame = warn's caller, which stacklevel=1 points at
    while frame is not None and str(Path(frame.f_code.co_filename).resolve()).startswith(_PACKAGE_DIR):
        frame, level = frame.f_back, level + 1
    return level


def warn(message: str, category: type[Warning]) -> None:
    """``warnings.warn`` attributed to the first caller outside mlhelpers (the user's line)."""
    warnings.warn(message, category, stacklevel=_outside_stacklevel() + 1)
