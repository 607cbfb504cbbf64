"""Shared set-up: figures are drawn with the Agg backend (no display needed) and
closed after every test, so no test leaks figures into the next."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")
