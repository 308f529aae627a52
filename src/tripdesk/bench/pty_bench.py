"""Measurements in a real pseudo-terminal: first paint, key-to-frame, peak memory.

Both programs are started the same way, as `python -m MODULE` on a fresh 120x40 pty with
TERM=xterm-256color: `python -m tripdesk --db DB --lang en` (the `tripdesk` command) and
`python -m tripdesk.bench.minimal` (Header, Static, Footer). First paint is the time from
just before the fork to the read that brings the awaited text (the first two city names of
the city list, or the minimal app's Static) onto the screen.

Before measuring, tripdesk's modules are compiled to bytecode, as `pip install` leaves
them: in an editable checkout (or with PYTHONDONTWRITEBYTECODE set) every start would
otherwise compile them from source again, ~35 ms that the minimal app, made of Textual's
already compiled modules, does not pay.
"""

from __future__ import annotations

import compileall
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .minimal import READY
from .ptyrun import PtyProcess, terminal_env

DOWN = b"\x1b[B"
ENTER = b"\r"
COLS, ROWS = 120, 40

Log = Callable[[str], None]


def desk_argv(db: Path) -> list[str]:
    return [sys.executable, "-m", "tripdesk", "--db", str(db), "--lang", "en"]


def minimal_argv(with_list: bool = False) -> list[str]:
    return [sys.executable, "-m", "tripdesk.bench.minimal", *(["--list"] if with_list else [])]


@dataclass
class PaintRuns:
    desk: list[float] = field(default_factory=list)
    minimal: list[float] = field(default_factory=list)
    desk_peak_mb: list[float] = field(default_factory=list)
    minimal_peak_mb: list[float] = field(default_factory=list)


def _paint(argv: list[str], markers: list[str], after: Callable[[PtyProcess], None] | None = None,
           timeout: float = 60.0) -> tuple[float, float]:
    """(seconds to first paint, peak RSS in MB after `after` ran)."""
    with PtyProcess(argv, terminal_env(), COLS, ROWS) as proc:
        painted = proc.wait_for(markers, timeout)
        elapsed = painted - proc.started
        proc.settle(quiet=0.3, timeout=10)
        if after is not None:
            after(proc)
        peak, _current = proc.memory_mb()
    return elapsed, peak


def browse(proc: PtyProcess, trips: int = 5) -> None:
    """What a person does first: open the first city, go through a few of its trips."""
    proc.key_to_frame(ENTER, quiet=0.2)
    for _ in range(trips):
        proc.key_to_frame(DOWN, quiet=0.2)
    proc.settle(quiet=0.5, timeout=10)


def compile_package() -> None:
    """Write the bytecode of tripdesk's modules, as an installed package has it."""
    compileall.compile_dir(str(Path(__file__).resolve().parents[1]), quiet=2)


def first_paint(db: Path, markers: list[str], reps: int, log: Log, browse_after: bool = False) -> PaintRuns:
    """Alternate the desk and the minimal app `reps` times each."""
    compile_package()
    runs = PaintRuns()
    for rep in range(reps):
        t, peak = _paint(minimal_argv(), [READY])
        runs.minimal.append(t)
        runs.minimal_peak_mb.append(peak)
        t, peak = _paint(desk_argv(db), markers, browse if browse_after else None)
        runs.desk.append(t)
        runs.desk_peak_mb.append(peak)
        log(f"  paint {rep + 1}/{reps}: desk {runs.desk[-1] * 1000:.0f} ms ({peak:.0f} MB), "
            f"minimal {runs.minimal[-1] * 1000:.0f} ms ({runs.minimal_peak_mb[-1]:.0f} MB)")
    return runs


def key_moves(db: Path, markers: list[str], presses: int, log: Log) -> dict[str, list[float]]:
    """Key-to-frame in a real terminal: ↓ in the city list, then ↓ from trip to trip."""
    out: dict[str, list[float]] = {"city_move": [], "open_trip": [], "baseline": []}
    with PtyProcess(minimal_argv(with_list=True), terminal_env(), COLS, ROWS) as proc:
        proc.wait_for([f"row 001 {READY}"])
        proc.settle(quiet=0.3)
        for _ in range(presses):
            t = proc.key_to_frame(DOWN)
            if t is not None:
                out["baseline"].append(t)
    with PtyProcess(desk_argv(db), terminal_env(), COLS, ROWS) as proc:
        proc.wait_for(markers)
        proc.settle(quiet=0.5)
        for _ in range(presses):
            t = proc.key_to_frame(DOWN)
            if t is not None:
                out["city_move"].append(t)
        # back to the first city, open it, then each ↓ opens the next trip
        proc.key_to_frame(b"g")
        proc.key_to_frame(ENTER)
        proc.settle(quiet=0.5)
        for _ in range(presses):
            t = proc.key_to_frame(DOWN)
            if t is not None:
                out["open_trip"].append(t)
    log("  pty keys: " + ", ".join(f"{k} n={len(v)}" for k, v in out.items()))
    return out


def wait_quiet_machine(max_load: float = 1.0, timeout: float = 0.0) -> float:
    """The 1-minute load average (waiting up to `timeout` s for it to drop under max_load)."""
    deadline = time.time() + timeout
    while True:
        try:
            load = float(Path("/proc/loadavg").read_text().split()[0])
        except OSError:
            return float("nan")
        if load < max_load or time.time() >= deadline:
            return load
        time.sleep(5)
