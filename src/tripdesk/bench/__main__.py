"""`python -m tripdesk.bench generate|run`: see the package docstring."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Sequence


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m tripdesk.bench",
                                     description="Generate benchmark data and measure tripdesk.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("generate", help="write valid, deterministic trip files",
                       description="Write TRIPS valid trip files into OUT (existing *.yaml there are "
                                   "replaced). The same seed always gives the same files.")
    p.add_argument("--trips", type=int, default=10000, help="how many trip files (default 10000)")
    p.add_argument("--out", type=Path, required=True, help="the folder to write them into")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")

    p = sub.add_parser("run", help="run the benchmark and write the table into the report",
                       description="Measure every figure of docs/performance.md and write its table.")
    p.add_argument("--quick", action="store_true",
                   help="tiny data and 1-3 repetitions in a temporary folder (for tests)")
    p.add_argument("--out", type=Path, default=None,
                   help="the report to write (default docs/performance.md; with --quick, a temporary file)")
    p.add_argument("--work", type=Path, default=Path("bench-out"),
                   help="where generated data and databases go (default bench-out/, git-ignored)")
    p.add_argument("--seed", type=int, default=1, help="random seed of the generated data (default 1)")
    p.add_argument("--only", metavar="KEY,...", default=None,
                   help="measure only these figures (e.g. article_open), each with its baseline, and "
                        "put their rows in the report in place of the old ones")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "generate":
        from .generate import generate

        start = time.perf_counter()
        paths = generate(args.out, args.trips, args.seed)
        size = sum(p.stat().st_size for p in paths)
        print(f"wrote {len(paths):,} trip files ({size / 1e6:.1f} MB) into {args.out} "
              f"in {time.perf_counter() - start:.1f} s")
        return 0
    from .run import main_run

    return main_run(args)


if __name__ == "__main__":
    sys.exit(main())
