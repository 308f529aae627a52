"""Where the bundled data lives, in a source checkout and in an installed wheel."""

from __future__ import annotations

import os

from pathlib import Path

from .problems import TripdeskError, visible
from .i18n import messages

_PACKAGE = Path(__file__).resolve().parent

TRIP_SUFFIXES = (".yaml", ".yml", ".json")  # what counts as a trip file inside a folder
# A JSON Schema beside the trip files (trip.schema.json, which editors read) is not a trip.
SCHEMA_SUFFIX = ".schema.json"


def is_trip_file_name(name: str) -> bool:
    """Whether a file found in a folder is read as a trip file (named files always are)."""
    return Path(name).suffix in TRIP_SUFFIXES and not name.endswith(SCHEMA_SUFFIX)


def bundled_data_dir() -> Path:
    """data/trips of the checkout (editable installs), else the copy packed into the wheel."""
    checkout = _PACKAGE.parents[1] / "data" / "trips"
    if checkout.is_dir():
        return checkout
    return _PACKAGE / "bundled" / "trips"


def articles_dir() -> Path:
    """The source articles beside the checkout (../shared/articles), where they exist."""
    return _PACKAGE.parents[2] / "shared" / "articles"


def user_path(text: str) -> Path:
    """A path as the user gave it (an option, an environment variable), with `~` and `~user`
    expanded. A `~user` of a user that does not exist (or a `~` without a home folder) is a
    TripdeskError, not a RuntimeError from deep inside pathlib, and not a folder named
    `~user` made in the working directory."""
    try:
        return Path(text).expanduser()
    except RuntimeError:
        user = text[1:].split("/", 1)[0].split(os.sep, 1)[0]
        _ = messages()
        said = (_("{path}: cannot find the home folder of user '{user}'") if user
                else _("{path}: cannot find the home folder of this user"))
        raise TripdeskError(said.format(path=visible(text), user=visible(user)),
                            _("give the path in full, without ~")) from None
