"""Without Chromium the browser suite skips with a how-to, except under CI=true,
where it fails. (No browser needed for this test.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from . import lab_driver


def test_missing_chromium_skips_with_a_how_to(monkeypatch):
    monkeypatch.setattr(lab_driver, "CHROMIUM", Path("/nonexistent/chromium"))
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"apt-get install chromium"):
        lab_driver.require_chromium()


def test_missing_chromium_fails_in_ci(monkeypatch):
    monkeypatch.setattr(lab_driver, "CHROMIUM", Path("/nonexistent/chromium"))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"Chromium not found at /nonexistent/chromium.*CI=true"):
        lab_driver.require_chromium()
