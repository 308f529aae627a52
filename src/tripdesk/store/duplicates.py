"""Entities that are probably one under two ids: an organisation or a person given a new id in
a new trip file, though another file already has it.

Organisation and person ids are global (docs/data-format.md): the same company named in two
trips is followed from one to the other only if both files give it the same id. Two ids that
share a name or an alias, in Korean or English, case and spacing aside ("블리자드" and
"블리자드", "Blizzard Entertainment" and "blizzard entertainment"), are reported, naming both
files, by `tripdesk validate` (between the files it reads) and `tripdesk doctor` (in the
store), so that the store stays followable as trips are added. They are warnings: two
people can share a name.
"""

from __future__ import annotations

import unicodedata
from typing import Iterable, NamedTuple

from ..i18n import N_, messages


class Named(NamedTuple):
    """An entity as one file defines it: its names (name in each language, and aliases)."""

    kind: str  # organisation | person
    id: str
    names: tuple[str, ...]
    file: str
    index: int = 0  # its place in the file's list of organisations or people


class Duplicate(NamedTuple):
    """Two ids of the same kind sharing a name: `first` defined before `second` (in an
    earlier file, or the same one)."""

    kind: str
    first: Named
    second: Named
    shared: str  # the name they share, as `second` writes it


def name_key(name: str) -> str:
    """A name as compared: NFC, case folded, with no whitespace at all."""
    return "".join(unicodedata.normalize("NFC", name).casefold().split())


def probable_duplicates(entities: Iterable[Named]) -> list[Duplicate]:
    """Every pair of ids of the same kind that share a name, each pair once, in the order the
    second of them is met. An id met again (the same entity in another file) is the same
    entity: only its first definition counts."""
    seen_ids: set[tuple[str, str]] = set()
    by_name: dict[tuple[str, str], list[Named]] = {}
    reported: set[tuple[str, str, str]] = set()
    out: list[Duplicate] = []
    for entity in entities:
        if (entity.kind, entity.id) in seen_ids:
            continue
        seen_ids.add((entity.kind, entity.id))
        for name in entity.names:
            key = name_key(name)
            if not key:
                continue
            earlier = by_name.setdefault((entity.kind, key), [])
            if any(other.id == entity.id for other in earlier):
                continue  # two of its own names alike ('남 시장', '남시장')
            for other in earlier:
                pair = (entity.kind, *sorted((other.id, entity.id)))
                if pair not in reported:
                    reported.add(pair)  # type: ignore[arg-type]
                    out.append(Duplicate(entity.kind, other, entity, name))
            earlier.append(entity)
    return out


# What is said of a pair, by kind, by whether the first is in the same file, and by whether
# it is said at the second's place (which then goes unnamed): whole sentences for the catalog.
_SAID = {
    ("organisation", False, False): N_("organisation '{second}' of {second_file} is probably '{first}' of "
                                       "{first_file}: both are named '{shared}' (case and spacing aside)"),
    ("organisation", False, True): N_("organisation '{second}' of {second_file} is probably '{first}' of "
                                      "this file: both are named '{shared}' (case and spacing aside)"),
    ("organisation", True, False): N_("organisation '{second}' is probably '{first}' of {first_file}: "
                                      "both are named '{shared}' (case and spacing aside)"),
    ("organisation", True, True): N_("organisation '{second}' is probably '{first}' of this file: both "
                                     "are named '{shared}' (case and spacing aside)"),
    ("person", False, False): N_("person '{second}' of {second_file} is probably '{first}' of "
                                 "{first_file}: both are named '{shared}' (case and spacing aside)"),
    ("person", False, True): N_("person '{second}' of {second_file} is probably '{first}' of this "
                                "file: both are named '{shared}' (case and spacing aside)"),
    ("person", True, False): N_("person '{second}' is probably '{first}' of {first_file}: both are "
                                "named '{shared}' (case and spacing aside)"),
    ("person", True, True): N_("person '{second}' is probably '{first}' of this file: both are named "
                               "'{shared}' (case and spacing aside)"),
}


def message(dup: Duplicate, at_second: bool = False) -> str:
    """What `validate` and `doctor` say about a pair (`at_second`: said at the second's place
    in its file, which then goes unnamed), in the command's language."""
    said = _SAID[(dup.kind, at_second, dup.first.file == dup.second.file)]
    return messages()(said).format(second=dup.second.id, second_file=dup.second.file, first=dup.first.id,
                                   first_file=dup.first.file, shared=dup.shared)


# What to do about a pair (a msgid: `messages()(FIX)` says it in the command's language).
FIX = N_("if they are one, give it one id (the same id and names in every file); if not, tell "
         "them apart by their names")
