"""The limits on what one trip file may hold, in one place (docs/data-format.md, "Limits").

Each refuses, with a problem naming the file and the line, input that no trip needs and that
would cost far more than a trip to read: they are counted while the file is read, before the
whole document is built, so refusing a file costs little more than reading it. The largest
files of the benchmark's generator (30-day trips of ~55 KB and ~4,600 values) and the real
trips stay far below every one of them.
"""

from __future__ import annotations

# Bytes of a file; a larger one is refused before it is read. The largest generated file is
# ~55 KB, the largest real one ~37 KB.
MAX_FILE_BYTES = 10 * 1024 * 1024

# Bytes of a JSON trip file (`.json`): twice MAX_FILE_BYTES and 1 MiB more. JSON writes a `"`,
# a `\`, a tab or a line break in two characters where YAML writes one, and quotes every text
# and key: the JSON export of a trip read from a YAML file under MAX_FILE_BYTES (at most
# MAX_NODES values) is never larger than this, so that it imports again. The other limits
# bound the work of reading it either way.
MAX_JSON_FILE_BYTES = 2 * MAX_FILE_BYTES + 1024 * 1024


def max_file_bytes(name: str) -> int:
    """The size limit of the trip file called `name`: MAX_JSON_FILE_BYTES for JSON."""
    return MAX_JSON_FILE_BYTES if name.lower().endswith(".json") else MAX_FILE_BYTES

# Values (YAML nodes: every mapping, list and scalar, keys included) of a file. The largest
# generated file has ~4,600; a year-long trip described as densely would have ~55,000. A 10 MB
# file of tiny flow nodes (`[1,1,1,...]`, 5 million of them) took 25 s and 1.5 GB to refuse.
MAX_NODES = 100_000

# Levels of nesting of a file; a trip file has fewer than 10.
MAX_DEPTH = 40

# Days of a trip (its dates, and the entries of its `days` list). A longer one is almost always
# a mistyped year; a list of 100,000 days took 17 s and 690 MB to refuse.
MAX_TRIP_DAYS = 366

# Bytes of a source's article file (its text alone: the five real ones are 5-8 KB). A larger
# one is refused before it is read (src/tripdesk/articles.py).
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
