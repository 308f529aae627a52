"""No garbage collection between a key and the frame that answers it (`CollectionHold`).

Opening a screen again makes a few thousand objects (its widgets, their styles, the lines
drawn) and the screen closed before it is garbage in reference cycles: Python's collector
runs every 700 allocations, and every so often a full pass over every object not frozen
(`data.freeze_loaded`) and the freeing of the closed screen: 15-100 ms on a busy machine,
inside the key-to-frame time of an open that otherwise takes 30-60 ms. Held, the same
collections run once the frame is on the screen, while the reader looks at it (one full
pass, 4-5 ms of CPU on an idle machine with the overview's reading frozen).
"""

from __future__ import annotations

import asyncio
import gc

LONGEST_HOLD = 1.0  # seconds: the collector runs again then at the latest, frame or not


class CollectionHold:
    """The collector off from now until `release` (called after the frame is drawn), or
    `LONGEST_HOLD` seconds at most. If it is already off (the `tripdesk` command pauses it
    until the desk's first frame: `data.pause_collection`) this does nothing: whoever
    turned it off turns it on."""

    def __init__(self, longest: float = LONGEST_HOLD) -> None:
        self.held = False
        if not gc.isenabled():
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop: no frame to wait for
            return
        gc.disable()
        self.held = True
        loop.call_later(longest, self.release)

    def release(self) -> None:
        """The collector on again, and a full pass at once (once; later calls do nothing): what
        piled up while it was held is collected now, after the frame, rather than in
        the middle of the next key (the young objects made meanwhile, the screen closed
        before)."""
        if self.held:
            self.held = False
            gc.enable()
            gc.collect()
