"""`tripdesk new TRIP-ID`: the smallest trip file that validates, with a comment on every line.

The template holds every required field of the format (schema.TRIP_FILE) and nothing else
but the optional sections, commented out, that most trips need (days with their events,
organisations, agreements, quotes). Its values are placeholders that say what goes there
("TODO: ..."): a file written by `new` validates as it is, so the first `tripdesk validate`
after each edit reports only what that edit broke. Nothing in it is presented as a fact:
`status: announced` and the dates of today are marked TODO like the rest.
"""

from __future__ import annotations

import datetime as dt

from .problems import TripdeskError
from .i18n import messages
from .files.schema import ID_PATTERN

TEMPLATE = """\
# A trip file for tripdesk (docs/data-format.md describes every field). Written by
# `tripdesk new`: every REQUIRED field is here with a TODO placeholder; replace each one,
# then check the file with `tripdesk validate {file}`
# and load it with `tripdesk import {file}`.
# Lines marked "optional" may be deleted; the sections commented out at the end are optional.
tripdesk: 1                         # REQUIRED: the format version, always 1

trip:
  id: {trip_id}{id_pad}# REQUIRED: lower-case letters, digits and '-'; also the file name
  home_city:                        # REQUIRED: the city that sent the delegation
    id: {city_id}{city_pad}# REQUIRED: a slug, the same in every trip of this city
    name: {{ko: "TODO 도시", en: "TODO city"}}   # REQUIRED: its name in Korean and English
    province: {{ko: "TODO 도", en: "TODO province"}}   # REQUIRED: its province
    country: KR                     # REQUIRED: ISO 3166-1 alpha-2 code
  title: {{ko: "TODO: 기사의 제목", en: "TODO: the trip's title"}}   # REQUIRED
  leader:                           # REQUIRED: who led the delegation
    person: leader                  # REQUIRED: an id defined under `people` below
    role: {{ko: "TODO 시장", en: "TODO Mayor"}}   # REQUIRED: the leader's role on this trip
  start: {today}                 # REQUIRED: the first day (YYYY-MM-DD); TODO
  end: {today}                   # REQUIRED: the last day, not before `start`; TODO
  status: announced                 # REQUIRED: announced (reported before) | reported (after)
  sources: [src-1]                  # optional: the sources of the trip-level facts
  # span_reported: {{days: 9, nights: 6, text: "6박 9일"}}   # optional: as the article says it
  # purpose: {{ko: ..., en: ...}}     # optional
  # inferred: {{start: "Why the start date was worked out, in a sentence."}}   # optional

sources:                            # REQUIRED: at least one; events, agreements, quotes cite them
  - id: src-1                       # REQUIRED: local to this trip
    outlet: "TODO: 신문사"          # REQUIRED: the newspaper or site
    headline: "TODO: the article's headline, verbatim"   # REQUIRED
    language: ko                    # REQUIRED: the article's language, ko | en
    url: "TODO: https://..."        # a URL or an article `file` (name in ../shared/articles)
    # published: 2024-10-10         # optional: the article's date

people:                             # every person named by an id must be defined here
  - id: leader                      # REQUIRED: a global slug (e.g. kim-jang-ho)
    name: {{ko: "TODO 이름", en: "TODO Name"}}   # REQUIRED
    # role: {{ko: 구미시장, en: Mayor of Gumi}}   # optional
    # organisation: gumi-city       # optional: an id from `organisations`

# organisations:                    # optional: every organisation named by an id
#   - id: gumi-city                 # REQUIRED in an entry: a global slug
#     name: {{ko: 구미시, en: Gumi City}}   # REQUIRED
#     kind: government              # REQUIRED: government | company | association |
#                                   #   university | research | venue | event | media | other
#
# days:                             # optional: only the days with something recorded
#   - date: {today}              # REQUIRED in an entry: inside start..end
#     places: [{{city: {{ko: 헌츠빌, en: Huntsville}}, state: AL, country: US}}]   # optional
#     events:                       # optional
#       - id: first-meeting         # REQUIRED: local to this trip
#         kind: meeting             # REQUIRED: visit | meeting | signing | exhibition | speech |
#                                   #   travel | networking | conference | ceremony | promotion | other
#         title: {{ko: ..., en: ...}} # REQUIRED
#         sources: [src-1]          # REQUIRED: at least one source id
#
# agreements:                       # optional
#   - id: first-mou                 # REQUIRED: local to this trip
#     title: {{ko: ..., en: ...}}     # REQUIRED
#     kind: MOU                     # REQUIRED: MOU | business agreement | joint declaration |
#                                   #   sister-city | letter of intent | other
#     sources: [src-1]              # REQUIRED
#
# quotes:                           # optional
#   - id: leader-quote              # REQUIRED: local to this trip
#     speaker: leader               # REQUIRED: a person id
#     original: {{lang: ko, text: "기사에 실린 그대로"}}   # REQUIRED: verbatim from the source
#     sources: [src-1]              # REQUIRED
"""


def _pad(value: str, column: int) -> str:
    """Spaces that start the comment after `value` at `column` (one at least)."""
    return " " * max(1, column - len(value))


def trip_template(trip_id: str, today: dt.date, file: str | None = None) -> str:
    """The text of a new trip file for `trip_id`, to be written to `file` (named in its
    comments); its home city id is the id's first word, a placeholder like the rest."""
    if not ID_PATTERN.fullmatch(trip_id):
        raise TripdeskError(messages()("'{id}' is not a valid trip id").format(id=trip_id),
                            messages()("use lower-case letters, digits and '-', for example gumi-2026-jp"))
    city_id = trip_id.split("-", 1)[0]
    if not city_id[0].isalpha():
        city_id = "todo-city"
    return TEMPLATE.format(trip_id=trip_id, id_pad=_pad(trip_id, 30), city_id=city_id,
                           city_pad=_pad(city_id, 28), today=today.isoformat(),
                           file=file or f"{trip_id}.yaml")
