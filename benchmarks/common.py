"""Timing, the result rows, the table and the machine header shared by every item."""

from __future__ import annotations

import datetime
import math
import os
import platform
import statistics
import time
from dataclasses import asdict, dataclass


@dataclass
class Row:
    """One line of the table.

    ``value`` is a ratio (``unit="x"``: a time or a size divided by its reference)
    or a duration (``unit="s"``). ``goal`` is the largest value that passes, or None
    for a number reported for the record. ``lower_bound`` marks a value that is only
    a lower bound (a solver that did not reach the target within its budget): it
    never passes a goal.
    """

    item: int
    what: str
    sizes: str
    value: float
    unit: str = "x"
    goal: float | None = None
    lower_bound: bool = False
    detail: str = ""

    @property
    def status(self) -> str:
        if self.goal is None:
            return "record"
        if self.lower_bound or not self.value <= self.goal:
            return "MISS"
        return "PASS"

    def as_dict(self) -> dict:
        return {**asdict(self), "status": self.status}


def fmt_value(value: float, unit: str, lower_bound: bool = False) -> str:
    prefix = ">" if lower_bound else ""
    if unit == "s":
        return f"{prefix}{value:.1f} s"
    if unit == "ms":
        return f"{prefix}{value:.1f} ms"
    if value >= 100:
        return f"{prefix}{value:.0f}x"
    return f"{prefix}{value:.2f}x"


def fmt_goal(row: Row) -> str:
    if row.goal is None:
        return "-"
    return f"<= {row.goal:g} {row.unit}" if row.unit in ("s", "ms") else f"<= {row.goal:g}x"


def table(rows: list[Row]) -> str:
    """The rows as a plain-text table: item, what, sizes, measured, goal, result, detail."""
    head = ("#", "what", "sizes", "measured", "goal", "result", "detail")
    body = [
        (str(r.item), r.what, r.sizes, fmt_value(r.value, r.unit, r.lower_bound), fmt_goal(r), r.status, r.detail) for r in rows
    ]
    widths = [max(len(line[i]) for line in [head, *body]) for i in range(len(head))]
    right = {3, 4}  # numbers right-aligned

    def line(cells):
        out = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))]
        return "  ".join(out).rstrip()

    sep = "  ".join("-" * w for w in widths)
    lines = [line(head), sep]
    previous = None
    for r, cells in zip(rows, body):
        if previous is not None and r.item != previous:
            lines.append("")
        lines.append(line(cells))
        previous = r.item
    return "\n".join(lines)


def si(n: int) -> str:
    """1000 -> '1e3' (sizes in the table)."""
    exp = round(math.log10(n))
    return f"1e{exp}" if 10**exp == n else str(n)


# ---------------------------------------------------------------- timing
CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}
_clock = time.perf_counter


def set_clock(name: str) -> None:
    """``"wall"`` (elapsed time) or ``"cpu"`` (CPU time of this process, all its threads).

    With one thread, CPU time is the time the work would take on an idle core: it
    leaves out the time the process waits while other processes hold the cores,
    which on a shared machine is most of the noise.
    """
    global _clock
    _clock = CLOCKS[name]


def time_call(f) -> float:
    start = _clock()
    f()
    return _clock() - start


def alternate(funcs: dict, *, budget: float, min_rounds: int = 5, max_rounds: int = 200, warmup: int = 1) -> dict[str, list]:
    """Time every function of ``funcs`` once per round, in rotating order, for several rounds.

    The first ``warmup`` rounds are discarded (they pay for first-touch page faults,
    caches and lazy imports). The number of rounds fills about ``budget`` seconds,
    between ``min_rounds`` and ``max_rounds``. Timing the contenders in alternation
    exposes them to the same background load, so their ratio is stable even when
    the absolute times are not.
    """
    names = list(funcs)
    first = {}
    for _ in range(warmup):
        for name in names:
            first[name] = time_call(funcs[name])
    per_round = sum(first.values()) if first else 0.0
    rounds = max_rounds if per_round <= 0 else int(budget / per_round)
    rounds = max(min_rounds, min(max_rounds, rounds))
    times = {name: [] for name in names}
    for k in range(rounds):
        for j in range(len(names)):
            name = names[(j + k) % len(names)]
            times[name].append(time_call(funcs[name]))
    return times


def median(values) -> float:
    return float(statistics.median(values))


def geomean(values) -> float:
    values = list(values)
    return float(math.exp(sum(math.log(v) for v in values) / len(values)))


# ---------------------------------------------------------------- machine header
def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gib() -> str:
    try:
        pages, size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
        return f"{pages * size / 2**30:.0f} GiB"
    except (ValueError, OSError, AttributeError):
        return "?"


def blas_lines() -> list[str]:
    """One line per BLAS or OpenMP library loaded (threadpoolctl): what, version, kernel, threads."""
    from threadpoolctl import threadpool_info

    lines = []
    for lib in sorted(threadpool_info(), key=lambda lib: (lib["user_api"], lib.get("filepath", ""))):
        label = "BLAS" if lib["user_api"] == "blas" else "OpenMP"
        name = os.path.basename(lib.get("filepath", "?"))
        version = f" {lib['version']}" if lib.get("version") else ""
        kernel = f", kernel {lib['architecture']}" if lib.get("architecture") else ""
        lines.append(f"{label:<9} {lib['internal_api']}{version} ({name}){kernel}, {lib['num_threads']} thread(s)")
    return lines


def header(threads: int | None, quick: bool, clock: str = "wall") -> str:
    import numpy as np
    import scipy
    import sklearn

    now = datetime.datetime.now(datetime.timezone.utc).astimezone()
    cores = os.cpu_count()
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = cores
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    lines = [
        f"mlhelpers benchmarks ({'quick mode: smallest sizes, speed not judged' if quick else 'full run'})",
        f"date      {now:%Y-%m-%d %H:%M %Z}",
        f"machine   {_cpu_model()}, {cores} cores ({usable} usable), {_memory_gib()}, {platform.system()} {platform.machine()}",
        f"software  Python {platform.python_version()}, numpy {np.__version__}, scipy {scipy.__version__}, "
        f"scikit-learn {sklearn.__version__}",
    ]
    lines += blas_lines()
    coretype = os.environ.get("OPENBLAS_CORETYPE")
    if coretype:
        lines.append(f"          OPENBLAS_CORETYPE={coretype} is set (it picks the kernel above)")
    lines.append(
        f"threads   {threads if threads else 'library defaults'} for BLAS and OpenMP in this process "
        "(--threads); notebooks run with the defaults"
    )
    lines.append(
        "clock     "
        + (
            "CPU time of this process (one thread: the time on an idle core, without the waits for other processes)"
            if clock == "cpu"
            else "wall-clock time"
        )
        + "; item 4 (notebooks) always wall-clock"
    )
    lines.append(f"load      {load} (1, 5, 15 min averages at start; other work on the machine adds noise)")
    return "\n".join(lines)
