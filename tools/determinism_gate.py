"""Determinism gate: nbval strict over every notebook under other BLAS set-ups.

Usage: python tools/determinism_gate.py [notebooks/*.ipynb ...]

The main test run checks the stored outputs under the machine's own environment. This
gate runs the same strict nbval again, in fresh processes, under set-ups that change
the last bits of every matrix product, so a stored output that depends on them fails
here on the machine that made it rather than on a student's:

* another OpenBLAS kernel that this CPU supports (``OPENBLAS_CORETYPE``): Sandybridge
  (AVX) where the native kernel is newer, Nehalem (SSE4.2) otherwise;
* the native kernel with ``OPENBLAS_CORETYPE`` and ``OPENBLAS_L2_SIZE`` unset, when the
  environment forces a kernel (some machines of our kind set them);
* one BLAS thread (``OPENBLAS_NUM_THREADS=1``, ``OMP_NUM_THREADS=1``), which changes how
  long reductions are split.

The project never changes these variables for the course itself; only the gate's
child processes get them. Each set-up runs nbval on both cores (one notebook per
worker), set-ups one after another, and every one must pass with the same stored
outputs. Exit status: 0 if all pass, 1 otherwise.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLAS_VARS = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
NBVAL = ["--nbval", "--nbval-current-env", "--nbval-sanitize-with", "notebooks/sanitize.cfg"]


def kernel(env: dict[str, str]) -> str:
    """The OpenBLAS kernel numpy uses under ``env``, as threadpoolctl reports it."""
    code = (
        "import json, numpy, threadpoolctl; "
        "info = [i for i in threadpoolctl.threadpool_info() if i['internal_api'] == 'openblas']; "
        "print(json.dumps(info[0]['architecture'] if info else 'not OpenBLAS'))"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def cpu_has(flag: str) -> bool:
    try:
        return f" {flag} " in Path("/proc/cpuinfo").read_text().replace("\n", " ")
    except OSError:
        return False


def setups() -> list[tuple[str, dict[str, str]]]:
    base = dict(os.environ)
    native = {k: v for k, v in base.items() if k not in BLAS_VARS}
    native_kernel = kernel(native)
    runs = []
    if any(k in base for k in BLAS_VARS):
        runs.append((f"native kernel ({native_kernel}), OPENBLAS_CORETYPE unset", native))
    other = "Sandybridge" if cpu_has("avx") and native_kernel.lower() != "sandybridge" else "Nehalem"
    if base.get("OPENBLAS_CORETYPE", "").lower() == other.lower():
        other = "Nehalem" if other == "Sandybridge" else "Sandybridge"
    runs.append((f"OPENBLAS_CORETYPE={other}", {**native, "OPENBLAS_CORETYPE": other}))
    runs.append(("one BLAS thread", {**base, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}))
    return runs


def main(paths: list[str]) -> int:
    paths = paths or sorted(str(p.relative_to(ROOT)) for p in (ROOT / "notebooks").glob("*.ipynb"))
    failed = []
    for name, env in setups():
        used = kernel(env)
        print(f"== determinism gate: nbval strict under {name} (kernel in use: {used})", flush=True)
        start = time.perf_counter()
        cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "2", "--dist", "loadfile", *NBVAL, *paths]
        result = subprocess.run(cmd, cwd=ROOT, env=env)
        print(f"== {name}: {'passed' if result.returncode == 0 else 'FAILED'} in {time.perf_counter() - start:.0f} s", flush=True)
        if result.returncode != 0:
            failed.append(name)
    if failed:
        print("determinism gate FAILED: stored outputs depend on the BLAS set-up under: " + "; ".join(failed))
        return 1
    print("determinism gate passed: every stored output is the same under every BLAS set-up")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
