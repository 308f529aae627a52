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


def message(dup: Duplicate, at_second: bool = False) -> str:
    """What `validate` and `doctor` say about a pair (`at_second`: said at the second's place
    in its file, which then goes unnamed)."""
    where = (f"of {dup.first.file}" if dup.first.file != dup.second.file else "of this file")
    second = f"'{dup.second.id}'" if at_second else f"'{dup.second.id}' of {dup.second.file}"
    return (f"{dup.kind} {second} is probably '{dup.first.id}' {where}: both are named "
            f"'{dup.shared}' (case and spacing aside)")


FIX = ("if they are one, give it one id (the same id and names in every file); if not, tell "
       "them apart by their names")
