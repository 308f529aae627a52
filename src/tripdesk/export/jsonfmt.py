"""A trip as JSON: exactly the trip file document (docs/data-format.md), which
`tripdesk import` reads back into the same trip.

The keys keep the order of the file format (not sorted), which `trip_to_document` fixes, so the
output is the same byte for byte for the same trip. `lang` does not apply: the document holds
every language.

The JSON is indented for people to read and diff, unless that makes it larger than a JSON
trip file may be (`limits.MAX_JSON_FILE_BYTES`); it is then written without any space between
values. Either way it imports again: a trip read from a YAML file within MAX_FILE_BYTES is
never larger than that in JSON (see limits.py). (Before, the export of a 9.7 MB trip of many
small values was 12.2 MB indented, and refused on the way back by the 10 MiB limit.)
"""

from __future__ import annotations

import json

from ..files.document import trip_to_document
from ..limits import MAX_JSON_FILE_BYTES
from ..model import Trip


def render_json(trip: Trip) -> str:
    document = trip_to_document(trip)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    # Characters are at most 4 bytes: count the bytes only when the characters might be over.
    if len(text) * 4 > MAX_JSON_FILE_BYTES and len(text.encode("utf-8")) > MAX_JSON_FILE_BYTES:
        text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
        # A compact JSON file of exactly the largest size imports, so its export must too: the
        # closing line break is left out when it alone would be over the limit.
        if len(text.encode("utf-8")) < MAX_JSON_FILE_BYTES:
            text += "\n"
    return text


__all__ = ["render_json"]
