"""Execute notebooks in place, top to bottom in one fresh kernel each.

Usage: python tools/execute_notebooks.py notebooks/01_*.ipynb [...]

Uses the interpreter running this script as the kernel (the project's venv), the
same one nbval uses with --nbval-current-env, so stored outputs match what the
tests see. Execution counts come out 1..n and outputs are stored. Fails loudly on
the first error.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def execute(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = KERNELSPEC
    nb.metadata.setdefault("language_info", {"name": "python"})
    start = time.perf_counter()
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    elapsed = time.perf_counter() - start
    nb.metadata.pop("widgets", None)  # saved widget state would be stale; the static figure carries the content
    nbformat.validate(nb)
    nbformat.write(nb, path)
    return elapsed


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(f"{name}: {execute(Path(name)):.1f} s")
