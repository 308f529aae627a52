"""What a thread worker leaves behind in the thread it ran on, let go of.

Textual runs a thread worker's function in the event loop's default executor, after setting
its `active_worker` context variable *in the executor thread's own context*, and never resets
it. An executor thread keeps that context until it runs another worker, so the last worker
each thread ran stays alive, and with it the worker's node (the screen that started it, every
widget and every line it drew) and whatever it returned: up to one closed screen per executor
thread (6 on two cores). The garbage collector walks all of that at each of its full passes
(the overview's reopen: 5-6 closed overviews, ~30,000 objects).
"""

from __future__ import annotations

from textual.worker import active_worker


def let_go_of_worker() -> None:
    """Forget the thread's worker: called last in a thread worker's function (in a `finally`).
    `get_current_worker()` is not called after it in that function."""
    active_worker.set(None)  # type: ignore[arg-type]  # (a ContextVar has no `unset`)
