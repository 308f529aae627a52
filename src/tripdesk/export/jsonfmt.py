"""A trip as JSON: exactly the trip file document (docs/data-format.md), which
`tripdesk import` reads back into the same trip.

The keys keep the order of the file format (not sorted), which `trip_to_document` fixes, so the
output is the same byte for byte for the same trip. `lang` does not apply: the document holds
every language.
"""

from __future__ import annotations

import json

from ..document import trip_to_document
from ..model import Trip


def render_json(trip: Trip) -> str:
    return json.dumps(trip_to_document(trip), ensure_ascii=False, indent=2) + "\n"


__all__ = ["render_json"]
