"""Read one trip file (YAML or JSON) into plain Python values, with the line of every value.

Safety comes first: the file is composed into nodes by libyaml (or PyYAML's pure-Python
composer where libyaml is missing) and only then turned into values by our own walker, so no
tag is ever constructed into an object. `!!python/...` and any non-standard tag is refused,
aliases are refused (which defuses "billion laughs" alias bombs), as are several documents in
one file, files larger than `MAX_FILE_BYTES` (`MAX_JSON_FILE_BYTES` for JSON), invalid UTF-8 and control characters.
A UTF-8 byte-order mark is accepted. Input built to be heavy (more values than `MAX_NODES`, a
`days` list longer than `MAX_TRIP_DAYS`) is counted and refused before its nodes are built
(see `limits`).
"""

from __future__ import annotations

import datetime as dt
import re
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml

from ..i18n import N_, messages
from ..limits import MAX_DEPTH, MAX_NODES, MAX_TRIP_DAYS, max_file_bytes
from ..problems import Problem, display_path, visible

try:  # libyaml is ~10x faster; the wheels on PyPI ship it.
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader

# Tags of plain scalars by their text, shared by every file read (see `_Loader.resolve`).
_RESOLVED: dict[str, str] = {}
_RESOLVED_MAX = 50_000


# The first characters of plain scalars that some implicit resolver may give another tag than
# `str` (digits, signs, y/n/t/f/o, ~, ...); any other plain scalar is text. Empty when a
# resolver applies to every first character (none does, unless someone registered one).
_RESOLVERS = _BaseLoader.yaml_implicit_resolvers
_TYPED_FIRSTS = frozenset() if None in _RESOLVERS else frozenset(_RESOLVERS)
_STR_TAG = "tag:yaml.org,2002:str"
_BOOL_TAG = "tag:yaml.org,2002:bool"
# YAML 1.2's core schema: only these are true and false. YAML 1.1 (which PyYAML follows) also
# reads yes/no/on/off/y/n as booleans, which turns the country code of Norway (`NO`) and the
# province code of Ontario (`ON`) into false and true; a trip file has no yes/no field, so
# those words stay the text they are.
_CORE_BOOLS = frozenset({"true", "True", "TRUE", "false", "False", "FALSE"})


def _tag_of(loader: Any, kind: type, value: Any, implicit: Any) -> str:
    """The implicit tag of a plain scalar, booleans as YAML 1.2 has them."""
    tag = _BaseLoader.resolve(loader, kind, value, implicit)
    return _STR_TAG if tag == _BOOL_TAG and value not in _CORE_BOOLS else tag


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader, with the Python callbacks libyaml's composer makes for every node made
    cheaper: a third of composing a trip file went to them (see docs/performance.md)."""

    def resolve(self, kind: type, value: Any, implicit: Any, _known: Any = _RESOLVED.get,
                _scalar: type = yaml.ScalarNode, _typed: frozenset[str] = _TYPED_FIRSTS) -> str:
        """The tag of a node. A plain scalar's tag depends on its text alone (no path
        resolvers are registered): text whose first character no implicit resolver looks at
        (most of a trip file: Korean text, most English words) is a string, and the other
        texts, which trip files repeat thousands of times (keys, dates, ids), are looked up
        once and remembered; tags are strings, nothing is constructed here. (The defaults
        are bound once: this runs for every node.)"""
        if kind is _scalar and implicit[0]:
            if _typed and value[:1] not in _typed:
                return _STR_TAG
            tag = _known(value)
            if tag is None:
                tag = _tag_of(self, kind, value, implicit)
                if len(_RESOLVED) >= _RESOLVED_MAX:
                    _RESOLVED.clear()  # many distinct words (long texts): start over, bounded
                _RESOLVED[value] = tag
            return tag
        return _tag_of(self, kind, value, implicit)

    if not _BaseLoader.yaml_path_resolvers:  # always, unless someone registered one
        # Nothing to track without path resolvers. The composer calls these twice for every
        # node, so they are C functions that do nothing, not Python ones: `{}.get(parent,
        # index)` and `int()`, which are not bound to the loader (builtins are no descriptors).
        descend_resolver = {}.get
        ascend_resolver = int

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}

_scalar_constructor = yaml.constructor.SafeConstructor()

# Control characters other than tab and newline, plus the Unicode bidi embeddings/overrides and
# isolates: they could move the cursor, recolour the terminal or reorder what a reader sees.
# Also the noncharacters U+FFFE and U+FFFF, which YAML refuses: a JSON export holding one
# could not be imported again.
CONTROL_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


# Line breaks other than LF. U+2028/U+2029 are line breaks to YAML (which folds them when it
# reads a JSON export back) and to str.splitlines(), but not to JSON or to most renderers.
_LINE_BREAKS = re.compile("\r\n|[\u2028\u2029]")


def strip_control(text: str) -> str:
    """Remove control characters (not newline or tab) and bidi overrides; CRLF, U+2028 and
    U+2029 become LF."""
    if text.isprintable():
        # Every character either pattern matches is a control (Cc), format (Cf), separator
        # (Zl, Zp) or noncharacter, none of which is printable: nothing to do. One C call
        # instead of two substitutions, for the hundreds of texts of every trip file.
        return text
    return CONTROL_CHARS.sub("", _LINE_BREAKS.sub("\n", text))


Path_ = tuple[str | int, ...]


@dataclass
class ReadResult:
    """The document of a file, where each of its values is, and any problems.

    Positions are looked up only when a problem is reported: while a file is being checked
    `root` holds its composed nodes and `mark()` finds a path's node in them; afterwards
    `keep_marks()` makes a small result that keeps just the positions it is asked for.
    Recording the (line, column) of every one of the ~2,000 values of a trip file up front
    took a fifth of an import (see docs/performance.md).
    """

    file: str
    document: Any = None
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    raw: bytes = b""
    root: yaml.Node | None = field(default=None, repr=False, compare=False)

    def mark(self, path: Path_) -> tuple[int, int]:
        """The position of a value, or of its nearest enclosing value that has one."""
        if self.root is not None:
            return _position(_find(self.root, path)[0])
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1))

    def key_mark(self, path: Path_) -> tuple[int, int]:
        """The position of the key that holds the value at `path`, else that of the value."""
        if self.root is not None:
            node, key_node = _find(self.root, path)
            if key_node is not None:
                return _position(key_node)
        return self.mark(path)

    def problem(self, path: Path_, message: str, at_key: bool = False) -> Problem:
        """A problem about the value at `path` (or, with `at_key`, about its key)."""
        line, column = self.key_mark(path) if at_key else self.mark(path)
        return Problem(self.file, line, column, format_path(path), visible(message))

    def keep_marks(self, paths: Iterable[Path_]) -> "ReadResult":
        """A result with only the file name and the positions of `paths`: what is needed to
        report problems found later, without holding the document and its nodes."""
        return ReadResult(self.file, marks={path: self.mark(path) for path in paths})


def _position(node: yaml.Node) -> tuple[int, int]:
    """The 1-based (line, column) where a node starts."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def _find(root: yaml.Node, path: Path_) -> tuple[yaml.Node, yaml.Node | None]:
    """The node of the value at `path` (or of the nearest enclosing value that exists), and
    the key node of that value when the whole path was found and ends in a key.

    It follows what the walker made of the nodes: a mapping's first key of that name (a later
    duplicate is refused), a sequence's item by index.
    """
    node: yaml.Node = root
    key: yaml.Node | None = None
    for part in path:
        found = None
        if isinstance(part, str) and isinstance(node, yaml.MappingNode):
            found = next(((value_node, key_node) for key_node, value_node in node.value
                          if isinstance(key_node, yaml.ScalarNode) and key_node.tag in _STANDARD_TAGS
                          and str(key_node.value) == part), None)
        elif isinstance(part, int) and isinstance(node, yaml.SequenceNode) and 0 <= part < len(node.value):
            found = (node.value[part], None)
        if found is None:
            return node, None
        node, key = found
    return node, key


def format_path(path: Path_) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            part = visible(part, 60)  # a key is whatever the file says: keep it printable
            out += f".{part}" if out else part
    return out


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def read_file(path: Path, data: bytes | None = None) -> ReadResult:
    """Read and parse one file (or `data`, its content already read). Never raises for bad
    content: problems are returned."""
    name = visible(display_path(path))
    result = ReadResult(name)
    _ = messages()
    try:
        size = path.stat().st_size if data is None else len(data)
        limit = max_file_bytes(path.name)
        if size > limit:
            message = (_("file is {size} bytes, over the limit of {limit} bytes ({mib} MiB) for a "
                         "JSON trip file; split it or remove what is not trip data")
                       if path.suffix.lower() == ".json" else
                       _("file is {size} bytes, over the limit of {limit} bytes ({mib} MiB) for a "
                         "trip file; split it or remove what is not trip data"))
            result.problems.append(Problem(name, 1, 1, "", message.format(
                size=f"{size:,}", limit=f"{limit:,}", mib=f"{limit / 2**20:g}")))
            return result
        if data is None:
            data = path.read_bytes()
    except OSError as exc:
        result.problems.append(Problem(name, 1, 1, "", _("cannot read the file: {reason}").format(
            reason=exc.strerror or exc)))
        return result
    result.raw = data
    return parse_bytes(data, result, is_json=path.suffix.lower() == ".json")


def parse_bytes(data: bytes, result: ReadResult, *, is_json: bool = False) -> ReadResult:
    """Parse a file's bytes. A JSON file (`is_json`) is read by the same YAML composer, which
    gives every value its line; what JSON allows and YAML 1.1 does not (a character beyond
    U+FFFF written as its surrogate pair, `\ud83d\ude00`, as `json.dumps` writes it) is made
    YAML first, and its problems are called JSON problems."""
    name = result.file
    syntax = "JSON" if is_json else "YAML"
    _ = messages()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _line_col(data, exc.start)
        result.problems.append(
            Problem(name, line, column, "", _("not valid UTF-8 (byte 0x{byte}); save the file "
                                              "as UTF-8").format(byte=f"{data[exc.start]:02x}"))
        )
        return result
    if not text.strip():
        result.problems.append(
            Problem(name, 1, 1, "", _("the file is empty; a trip file starts with 'tripdesk: 1' "
                                      "and a 'trip:' mapping (see docs/data-format.md)"))
        )
        return result
    # Every character YAML does not allow as such (it is not "printable" to YAML 1.1).
    bad = re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]", text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        code = ord(bad.group())
        message = (_("control character {code} in the file; {syntax} does not allow it. Remove "
                     "it (write it as an escape in a double-quoted string if it is really meant)")
                   if code < 0xA0 else
                   _("character {code} in the file; {syntax} does not allow it. Remove it (write "
                     "it as an escape in a double-quoted string if it is really meant)"))
        result.problems.append(
            Problem(name, line, column, "", message.format(code=f"U+{code:04X}", syntax=syntax)))
        return result
    source = text
    if is_json and "\\" in text:
        text, lone = _json_escapes_for_yaml(text)
        if lone is not None:
            result.problems.append(Problem(name, *_text_line_col(source, lone.start()), "", _(
                "{escape} is half of a UTF-16 surrogate pair, without its other half: it "
                "stands for no character. Remove it, or write the character itself").format(
                    escape=lone.group())))
            return result
    unsafe = _prescan(text, _node_bound(data))
    if unsafe:
        result.problems.append(Problem(name, *unsafe))
        return result
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        result.problems.append(_json_problem(name, exc, source) if is_json else _yaml_problem(name, exc, text))
        return result
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml reports marks in practice
        result.problems.append(Problem(name, 1, 1, "", visible(_("{syntax} error: {error}").format(
            syntax=syntax, error=" ".join(str(exc).split())))))
        return result
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        result.problems.append(Problem(name, 1, 1, "", _("the file holds no {syntax} document").format(
            syntax=syntax)))
        return result
    if len(nodes) > 1:
        line = nodes[1].start_mark.line + 1
        result.problems.append(
            Problem(name, line, 1, "", _("the file holds {n} {syntax} documents; a trip file holds "
                                         "exactly one. Put each trip in its own file").format(
                                             n=len(nodes), syntax=syntax))
        )
        return result
    too_long = _too_many_days(nodes[0])
    if too_long:
        result.problems.append(Problem(name, *too_long))
        return result
    walker = _Walker(result, track_aliases="&" in text and "*" in text)
    result.document = walker.value(nodes[0], ())
    result.root = nodes[0]
    return result


# libyaml composes nodes recursively in C, so a few ten thousand nested `[` or `- ` crash the
# whole process, and its parser slows down with the square of the depth; composing millions of
# tiny nodes takes seconds and gigabytes. A file that could nest deeper than _SAFE_DEPTH (a
# cheap upper bound: every level takes a bracket or a column of its line), hold more nodes
# than MAX_NODES (`_node_bound`) or hold an alias is first streamed as events, stopping at the
# first alias, the first level past the walker's limit, the first node past MAX_NODES or the
# first day past MAX_TRIP_DAYS, before anything is composed.
_SAFE_DEPTH = 1000
_MAX_DEPTH = MAX_DEPTH
# Messages said when the limit is met, in the language of the command (`_said`).
_ALIAS_MESSAGE = N_("YAML aliases (*name) are not allowed in trip files; write the value out in full")
_DEPTH_MESSAGE = N_("nested more than {depth} levels deep; a trip file is never that deep")
_NODES_MESSAGE = N_("the file holds more than {nodes} values; a trip file holds a few thousand. "
                    "Split it, or remove what is not trip data")
_DAYS_MESSAGE = N_("the trip lists more than {days} days, the most a trip can have; check the "
                   "dates (a wrong year?) and remove the days outside the trip")


def _said(message: str) -> str:
    """One of the limit messages above, in the command's language, its numbers filled in."""
    return messages()(message).format(depth=_MAX_DEPTH, nodes=f"{MAX_NODES:,}", days=MAX_TRIP_DAYS)


def _node_bound(data: bytes) -> int:
    """An upper bound on the number of nodes of a YAML text: twice the number of characters
    that may stand between two of them (a flow `,`, which may stand for a key and its empty
    value, a line break, a `:`, `-` or `?` indicator, an opening bracket). Text inside strings
    only makes it larger. Counted in the UTF-8 bytes (an ASCII byte is never part of another
    character) in one pass of C: it runs for every file read (~40 us for 25 KB)."""
    return 2 + 2 * len(data.translate(None, _NOT_SEPARATORS))


_NOT_SEPARATORS = bytes(b for b in range(256) if b not in b",\n{?:-[")


def _too_many_days(root: yaml.Node) -> tuple[int, int, str, str] | None:
    """(line, column, path, message) of the first day past MAX_TRIP_DAYS of a composed
    document's `days` list, else None: checked before the nodes are turned into values."""
    if not isinstance(root, yaml.MappingNode):
        return None
    for key, value in root.value:
        if (isinstance(key, yaml.ScalarNode) and key.value == "days"
                and isinstance(value, yaml.SequenceNode) and len(value.value) > MAX_TRIP_DAYS):
            mark = value.value[MAX_TRIP_DAYS].start_mark
            return (mark.line + 1, mark.column + 1, f"days[{MAX_TRIP_DAYS}]", _said(_DAYS_MESSAGE))
    return None


def _prescan(text: str, node_bound: int) -> tuple[int, int, str, str] | None:
    """(line, column, path, message) of an alias, a too deep nesting, too many nodes or too
    many days, else None. `node_bound` is `_node_bound` of the text's bytes."""
    if node_bound <= MAX_NODES and not ("&" in text and "*" in text):
        # Few nodes, so few lines: splitting them into a list costs little (with millions of
        # lines it took hundreds of MB, and those files are streamed anyway).
        bound = text.count("[") + text.count("{") + 2 * max(map(len, text.splitlines()), default=0)
        if bound + 2 <= _SAFE_DEPTH:
            return None
    depth = nodes = days = top = 0
    days_depth = -1  # the depth of the items of the top-level `days` list while in it
    days_next = False  # the last node was the top-level key `days`
    node_kinds = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent, yaml.AliasEvent)
    # A limit passed is reported where the next scalar starts: libyaml may mark the start of a
    # block collection at the end of the node before it.
    found: tuple[str, str] | None = None
    try:
        for event in yaml.parse(text, Loader=_Loader):
            kind = type(event)
            if found is not None and (kind is yaml.ScalarEvent or kind is yaml.AliasEvent):
                mark = event.start_mark
                return (mark.line + 1, mark.column + 1, *found)
            if kind in node_kinds:
                nodes += 1
                if depth == 1:  # a key or a value of the top-level mapping, in turn
                    if top % 2 == 0:
                        days_next = kind is yaml.ScalarEvent and event.value == "days"
                    elif days_next and kind is yaml.SequenceStartEvent:
                        days_depth = 2
                    top += 1
                elif depth == days_depth and found is None:
                    days += 1
                    if days > MAX_TRIP_DAYS:
                        found = (f"days[{MAX_TRIP_DAYS}]", _said(_DAYS_MESSAGE))
                if nodes > MAX_NODES and found is None:
                    found = ("", _said(_NODES_MESSAGE))
                if found is not None and (kind is yaml.ScalarEvent or kind is yaml.AliasEvent):
                    mark = event.start_mark
                    return (mark.line + 1, mark.column + 1, *found)
            if kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
                depth += 1
                if depth > _MAX_DEPTH + 1:
                    mark = event.start_mark
                    return (mark.line + 1, mark.column + 1, "", _said(_DEPTH_MESSAGE))
            elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
                depth -= 1
                if depth < days_depth:
                    days_depth = -1
            elif kind is yaml.AliasEvent:
                mark = event.start_mark
                return (mark.line + 1, mark.column + 1, "", _said(_ALIAS_MESSAGE))
        if found is not None:  # the file ended before another scalar
            mark = event.end_mark
            return (mark.line + 1, mark.column + 1, *found)
    except yaml.MarkedYAMLError as exc:
        # libyaml 0.2.5 and later (PyYAML 6.0.4's wheels) stop at 1,000 levels themselves,
        # while scanning ahead of the events counted above: the same problem, said our way.
        if "maximum nesting depth" in (exc.problem or "") and exc.problem_mark is not None:
            return (exc.problem_mark.line + 1, exc.problem_mark.column + 1, "", _said(_DEPTH_MESSAGE))
        return None  # composing reports it, with its position
    except yaml.YAMLError:
        return None
    return None


# A JSON escape: a surrogate pair (`\ud83d\ude00`), one \uXXXX, or a backslash and the
# character after it (`\\` among them, so that `\\ud83d` is no escape).
_JSON_ESCAPE = re.compile(r"\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})|\\u([0-9a-f]{4})|\\.",
                          re.DOTALL | re.IGNORECASE)


def _json_escapes_for_yaml(text: str) -> tuple[str, re.Match[str] | None]:
    """The JSON text with each surrogate pair escape (`\ud83d\ude00`, which YAML 1.1 refuses)
    written as the one escape YAML reads (`\U0001f600`), and the first escape of half a pair
    on its own, if any (JSON allows it; it stands for no character)."""
    lone: list[re.Match[str]] = []

    def rewrite(match: re.Match[str]) -> str:
        high, low, single = match.groups()
        if high is not None:
            return f"\\U{0x10000 + ((int(high, 16) - 0xD800) << 10) + (int(low, 16) - 0xDC00):08x}"
        if single is not None and 0xD800 <= int(single, 16) <= 0xDFFF and not lone:
            lone.append(match)
        return match.group()

    return _JSON_ESCAPE.sub(rewrite, text), (lone[0] if lone else None)


def _text_line_col(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _json_problem(name: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    """What is wrong with a JSON file the YAML composer could not read: the JSON parser's
    own message and place, or, for valid JSON that a trip file cannot be (a key of more than
    1,024 characters, say), the composer's, not called a syntax error."""
    import json

    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        return Problem(name, error.lineno, error.colno, "", visible(
            messages()("JSON syntax error: {error}").format(error=error.msg)))
    except RecursionError:
        return Problem(name, 1, 1, "", _said(_DEPTH_MESSAGE))
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Problem(name, line, column, "", visible(
        messages()("valid JSON, but not a trip file tripdesk can read: {error}").format(
            error=exc.problem or "unreadable")))


# What the YAML parser (libyaml, or PyYAML's own) most often says of a file, for the catalog:
# a phrase it says that is not here is shown as it says it, in English.
YAML_WORDS = frozenset({
    N_("did not find expected key"), N_("did not find expected '-' indicator"),
    N_("did not find expected node content"), N_("did not find expected ',' or ']'"),
    N_("did not find expected ',' or '}'"), N_("could not find expected ':'"),
    N_("found character that cannot start any token"),
    N_("mapping values are not allowed in this context"), N_("mapping values are not allowed here"),
    N_("found unexpected end of stream"), N_("found unknown escape character"),
    N_("found unexpected document indicator"), N_("block sequence entries are not allowed in this context"),
    N_("found a tab character that violates indentation"), N_("found undefined tag handle"),
    N_("expected <block end>, but found '-'"), N_("expected <block end>, but found '<block mapping start>'"),
    N_("expected <block end>, but found '<scalar>'"), N_("expected ',' or ']', but got '<scalar>'"),
    N_("expected ',' or '}', but got '<scalar>'"), N_("expected ':', but found '<scalar>'"),
    N_("while parsing a block collection"), N_("while parsing a block mapping"),
    N_("while parsing a flow sequence"), N_("while parsing a flow mapping"),
    N_("while parsing a node"), N_("while scanning a simple key"),
    N_("while scanning a quoted scalar"), N_("while scanning a plain scalar"),
    N_("while scanning a block scalar"), N_("while scanning an anchor"), N_("while scanning an alias"),
    N_("while scanning a tag"), N_("while parsing a tag"), N_("while scanning for the next token"),
    N_("while parsing a quoted scalar"), N_("did not find expected <document start>"),
    N_("found undefined alias"),
})


def _yaml_words(phrase: str) -> str:
    """One of the parser's phrases in the command's language when the catalog has it."""
    return messages()(phrase) if phrase in YAML_WORDS else phrase


def _yaml_problem(name: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or "invalid YAML"
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    _ = messages()
    if "\t" in here[: max(column, 1)] or "'\\t'" in problem:
        return Problem(name, line, column, "", _("tab character used for indentation; YAML "
                                                 "indents with spaces only: replace the tabs with spaces"))
    # The parser's own words (`mapping values are not allowed here`): the common ones from the
    # catalog, any other as the parser says them, in English.
    problem = _yaml_words(problem)
    start = exc.context_mark
    if exc.context and start is not None and start.line + 1 != line:
        # An unclosed bracket or quote is found lines later: say where it was opened.
        message = _("YAML syntax error: {problem} ({context} that starts at line {line}, column "
                    "{column})").format(problem=problem, context=_yaml_words(exc.context),
                                        line=start.line + 1, column=start.column + 1)
    elif exc.context:
        message = _("YAML syntax error: {problem} ({context})").format(
            problem=problem, context=_yaml_words(exc.context))
    else:
        message = _("YAML syntax error: {problem}").format(problem=problem)
    return Problem(name, line, column, "", visible(message))


class _Walker:
    """Turns composed nodes into dicts, lists and scalars, refusing anything unsafe.

    Plain text values (four in five of the nodes of a trip file) take a fast path inline in
    `mapping` and `sequence`; everything else goes through `value`, which does every check.
    The fast path applies only where the checks of `value` cannot fail: a standard `str` tag,
    a depth within the limit, and no alias possible (see `track_aliases`).
    """

    MAX_DEPTH = _MAX_DEPTH

    def __init__(self, result: ReadResult, track_aliases: bool = True) -> None:
        self.result = result
        # Composed aliases are the very same node object met twice: that is how we refuse
        # them with both the libyaml and the pure-Python composer. `_prescan` already refuses
        # every alias of a text that has both an anchor (&) and an alias (*) character, so a
        # text without both cannot hold one and skips the bookkeeping (`seen` is None).
        self.seen: set[int] | None = set() if track_aliases else None
        self.alias_reported = False

    def fail(self, node: yaml.Node, path: Path_, message: str) -> None:
        self.result.problems.append(
            Problem(self.result.file, node.start_mark.line + 1, node.start_mark.column + 1,
                    format_path(path), visible(message))
        )

    def value(self, node: yaml.Node, path: Path_) -> Any:
        if self.seen is not None:
            if id(node) in self.seen:
                if not self.alias_reported:  # once: an alias bomb has thousands
                    self.fail(node, path, _said(_ALIAS_MESSAGE))
                    self.alias_reported = True
                return None
            self.seen.add(id(node))
        if len(path) > self.MAX_DEPTH:
            self.fail(node, path, _said(_DEPTH_MESSAGE))
            return None
        if node.tag not in _STANDARD_TAGS:
            self.fail(node, path, messages()(
                "the YAML tag {tag} is not allowed in trip files (it is refused, never "
                "constructed); write the value as plain text").format(
                    tag=node.tag.replace('tag:yaml.org,2002:', '!!')))
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return self.sequence(node, path)
        return self.scalar(node, path)

    def _fast(self, path: Path_) -> bool:
        """Whether the children of the collection at `path` may take the fast path."""
        return self.seen is None and len(path) < self.MAX_DEPTH

    def sequence(self, node: yaml.SequenceNode, path: Path_) -> list[Any]:
        if not self._fast(path):
            return [self.value(item, path + (i,)) for i, item in enumerate(node.value)]
        return [item.value if type(item) is _ScalarNode and item.tag == _STR_TAG
                else self.child(item, path + (i,)) for i, item in enumerate(node.value)]

    def mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        out: dict[str, Any] = {}
        fast = self._fast(path)
        for key_node, value_node in node.value:
            if type(key_node) is _ScalarNode and key_node.tag == _STR_TAG:
                key = key_node.value
            else:
                key = self.key(key_node, path)
                if key is None:
                    continue
            if key in out:
                self.fail(key_node, path + (key,), messages()("duplicate key '{key}'; keep one of "
                                                              "them").format(key=key))
                continue
            if not fast:
                out[key] = self.value(value_node, path + (key,))
            elif type(value_node) is _ScalarNode and value_node.tag == _STR_TAG:
                out[key] = value_node.value
            else:
                out[key] = self.child(value_node, path + (key,))
        return out

    def child(self, node: yaml.Node, path: Path_) -> Any:
        """`value` of a child on the fast path: a mapping or a sequence with the standard
        tag goes straight to `mapping` or `sequence`, whose checks in `value` cannot fail
        there (no alias possible, `path` within the depth limit)."""
        kind = type(node)
        if kind is _MappingNode and node.tag == _MAP_TAG:
            return self.mapping(node, path)
        if kind is _SequenceNode and node.tag == _SEQ_TAG:
            return self.sequence(node, path)
        return self.value(node, path)

    def key(self, key_node: yaml.Node, path: Path_) -> str | None:
        """A key that is not plain text: its text if it is still allowed, else None."""
        _ = messages()
        if key_node.tag == "tag:yaml.org,2002:merge":
            self.fail(key_node, path, _("YAML merge keys (<<) are not allowed in trip files"))
            return None
        if not isinstance(key_node, yaml.ScalarNode):
            self.fail(key_node, path, _("a mapping key must be plain text"))
            return None
        if key_node.tag not in _STANDARD_TAGS:
            self.fail(key_node, path, _("the YAML tag {tag} is not allowed in trip files (it is "
                                        "refused, never constructed); write the key as plain text").format(
                                            tag=key_node.tag.replace('tag:yaml.org,2002:', '!!')))
            return None
        return str(key_node.value)

    def scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        if node.style in ("'", '"', "|", ">"):
            return node.value  # quoted or block: always a string
        if node.tag == _STR_TAG:
            return node.value  # what construct_object would return, without its overhead
        try:
            value = _construct_scalar(node)
        except ValueError as exc:
            shown = visible(node.value, 40)
            if node.tag == "tag:yaml.org,2002:timestamp":
                self.fail(node, path, messages()("'{value}' is not a real date ({error}); use "
                                                 "YYYY-MM-DD").format(value=shown, error=exc))
            else:  # Python refuses to read integers of more than 4300 digits
                self.fail(node, path, messages()("'{value}' has too many digits to be read as a "
                                                 "number; put it in quotes if it is text").format(value=shown))
            return None
        except yaml.YAMLError as exc:
            self.fail(node, path, messages()("cannot read '{value}': {error}").format(
                value=visible(node.value, 40), error=exc))
            return None
        if isinstance(value, dt.datetime):
            self.fail(node, path, messages()("'{value}' has a time of day; give a date as YYYY-MM-DD "
                                             "and a time in the 'time' field").format(value=node.value))
            return None
        return value


_ScalarNode = yaml.ScalarNode
_MappingNode = yaml.MappingNode
_SequenceNode = yaml.SequenceNode
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"


def _construct_scalar(node: yaml.ScalarNode) -> Any:
    """The value of a plain scalar with a standard tag, as `SafeConstructor.construct_object`
    makes it, but without its cache: that one keeps every node it ever constructed (the
    constructor here lives as long as the process) until `construct_document` clears it."""
    value = _scalar_constructor.yaml_constructors[node.tag](_scalar_constructor, node)
    if isinstance(value, types.GeneratorType):  # !!map or !!seq on a scalar: its first, empty value
        value = next(value)
    return value
