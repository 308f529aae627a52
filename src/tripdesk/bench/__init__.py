"""The performance benchmark of tripdesk (see docs/performance.md).

    python -m tripdesk.bench generate --trips 10000 --out bench-out/trips-10000 [--seed 1]
    python -m tripdesk.bench run [--quick] [--out docs/performance.md] [--work bench-out]

`generate` writes valid, deterministic trip files; `run` measures import, re-import, first
paint, key-to-frame latency (headless and in a real terminal), search, export and peak memory,
each beside a baseline measured in the same run, and writes the table into the report.
Nothing here is imported by the app itself.
"""
