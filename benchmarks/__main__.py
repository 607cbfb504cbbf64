"""``python -m benchmarks [--quick] [--threads N] [--only 1,2] [--json FILE]``: run and print the table."""

from __future__ import annotations

import argparse
import os
import sys
import time

ITEMS = {
    1: "gradient step vs its floor",
    2: "fitting vs scikit-learn",
    3: "memory of fit",
    4: "notebook validation",
    5: "loops vs vectorized",
    6: "explorer frame times",
}
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def parse(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smallest sizes only (under a minute); speed is not judged")
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="BLAS and OpenMP threads in this process (default 1: every contender then runs on one core, "
        "as numpy's element-wise passes do; 0 keeps the libraries' defaults)",
    )
    parser.add_argument(
        "--clock",
        choices=("auto", "cpu", "wall"),
        default="auto",
        help="what a timing measures: CPU time of this process or wall-clock time (auto: CPU time when --threads is 1)",
    )
    parser.add_argument("--only", default="", help="comma-separated item numbers to run (default: all)")
    parser.add_argument("--json", metavar="FILE", help="also write the rows as JSON to FILE")
    args = parser.parse_args(argv)
    try:
        args.items = sorted({int(x) for x in args.only.split(",") if x.strip()}) or list(ITEMS)
    except ValueError:
        parser.error(f"--only takes item numbers such as 1,3; got {args.only!r}")
    unknown = [i for i in args.items if i not in ITEMS]
    if unknown:
        parser.error(f"unknown item(s) {unknown}; the items are {sorted(ITEMS)}")
    if args.threads < 0:
        parser.error("--threads must be >= 0")
    if args.clock == "auto":
        args.clock = "cpu" if args.threads == 1 else "wall"
    return args


def main(argv=None) -> int:
    args = parse(argv)
    original_env = dict(os.environ)  # the notebooks (item 4) run with what the user had
    if args.threads:
        # Before numpy, scipy and scikit-learn load their BLAS and OpenMP runtimes.
        os.environ.update({name: str(args.threads) for name in THREAD_VARIABLES})

    import json

    import scipy.optimize  # noqa: F401  (loads scipy's own OpenBLAS now, so the limit below reaches it)
    import sklearn.linear_model  # noqa: F401  (loads libgomp)
    from threadpoolctl import threadpool_limits

    from . import common, course, explorers, fitting, gradient_step, loops, memory

    limiter = threadpool_limits(limits=args.threads) if args.threads else None
    common.set_clock(args.clock)
    head = common.header(args.threads, args.quick, args.clock)
    print(head, flush=True)
    modules = {1: gradient_step, 2: fitting, 3: memory, 4: course, 5: loops, 6: explorers}
    rows, elapsed = [], {}
    for item in args.items:
        print(f"... item {item}: {ITEMS[item]}", file=sys.stderr, flush=True)
        start = time.perf_counter()
        if item == 4:
            rows += course.run(args.quick, env=original_env)
        else:
            rows += modules[item].run(args.quick)
        elapsed[item] = time.perf_counter() - start
    print()
    print(common.table(rows))
    counts = {s: sum(r.status == s for r in rows) for s in ("PASS", "MISS", "record")}
    print()
    print(
        f"{counts['PASS']} PASS, {counts['MISS']} MISS, {counts['record']} for the record; "
        + "took "
        + ", ".join(f"item {i} {t:.0f} s" for i, t in elapsed.items())
        + (" (quick mode: speed is not judged)" if args.quick else "")
    )
    if args.json:
        with open(args.json, "w") as fh:
            json.dump({"header": head, "rows": [r.as_dict() for r in rows]}, fh, indent=1)
    del limiter
    return 0


if __name__ == "__main__":
    sys.exit(main())
