"""Figures: samples of one measurement beside the samples of its baseline, and their summary."""

from __future__ import annotations

import math
import statistics
import time
from dataclasses import dataclass, field
from typing import Callable


def percentile(samples: list[float], q: float) -> float:
    """The q-th percentile (0..100), linearly interpolated between the closest ranks."""
    if not samples:
        return math.nan
    ordered = sorted(samples)
    if len(ordered) == 1:
        return ordered[0]
    pos = (len(ordered) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def median(samples: list[float]) -> float:
    return statistics.median(samples) if samples else math.nan


def timed(func: Callable[[], object]) -> float:
    """Seconds one call of `func` takes."""
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


@dataclass
class Figure:
    """One row of the table.

    `samples` and `baseline` are in seconds (unit "s" or "ms", shown in that unit) or in MB
    (unit "MB"). The target is either absolute (`limit`, in the figure's own unit: met when
    the p95 — or the median, with `on="median"` — is under it) or relative (`max_ratio`: met
    when median / baseline median is at most that).
    """

    key: str
    label: str
    unit: str
    baseline_label: str
    target: str
    samples: list[float] = field(default_factory=list)
    baseline: list[float] = field(default_factory=list)
    limit: float | None = None
    max_ratio: float | None = None
    on: str = "p95"
    note: str = ""
    error: str = ""

    def scaled(self, value: float) -> float:
        return value * 1000 if self.unit == "ms" else value

    @property
    def median(self) -> float:
        return median(self.samples)

    @property
    def p95(self) -> float:
        return percentile(self.samples, 95)

    @property
    def baseline_median(self) -> float:
        return median(self.baseline)

    @property
    def ratio(self) -> float:
        base = self.baseline_median
        if not self.samples or not self.baseline or not base:
            return math.nan
        return self.median / base

    @property
    def met(self) -> bool | None:
        if not self.samples:
            return None
        if self.max_ratio is not None:
            return None if math.isnan(self.ratio) else self.ratio <= self.max_ratio
        if self.limit is not None:
            value = self.p95 if self.on == "p95" else self.median
            return value < self.limit
        return None

    def fmt(self, value: float) -> str:
        if math.isnan(value):
            return "—"
        value = self.scaled(value)
        if self.unit == "ms":
            return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
        if self.unit == "s":
            return f"{value:.2f} s"
        if self.unit == "MB":
            return f"{value:.0f} MB"
        return f"{value:.3g}"

    def row(self) -> list[str]:
        if self.error:
            return [self.label, "—", "—", self.baseline_label, "—", self.target, f"not measured: {self.error}"]
        base = (f"{self.fmt(self.baseline_median)} ({self.baseline_label})" if self.baseline
                else self.baseline_label)
        met = self.met
        ratio = self.ratio
        return [
            f"{self.label} (n={len(self.samples)})",
            self.fmt(self.median),
            self.fmt(self.p95),
            base,
            "—" if math.isnan(ratio) else f"{ratio:.2f}x",
            self.target,
            "—" if met is None else ("yes" if met else "**no**"),
        ]
