"""Running a command: parsing, then the command, with every failure a user can act on said
in one line (never a traceback) and a closed or full standard output handled quietly."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Callable, Sequence

from ..i18n import messages, speaking
from ..output import output_failed, prepare_streams, silence_stdout
from ..problems import TripdeskError, ValidationFailed
from .common import EXIT_OK, EXIT_PROBLEMS, RichText, _console
from .desk import cmd_app
from .language import argv_language, default_language, parsing
from .parser import build_parser, desk_args


# The arguments that are text, not paths: a trip id, a query.
_TEXT_ARGUMENTS = ("trip", "query")


def argument_text(value: str) -> str:
    """An argument that is text (not a path) as the user typed it. Python decodes arguments
    in the locale's encoding; UTF-8 typed where the locale says otherwise (a UTF-8 terminal
    with an EUC-KR or Latin-1 locale) is read as the UTF-8 it is. Text in the locale's own
    encoding is seldom valid UTF-8 as well, and is kept as decoded; what no encoding reads is
    kept too, and shown escaped wherever it is echoed."""
    if value.isascii() or _codec_name(sys.getfilesystemencoding()) == "utf-8":
        return value
    try:
        return _typed_bytes(value).decode("utf-8")
    except UnicodeError:
        return value


def _typed_bytes(value: str) -> bytes:
    """The bytes an argument was decoded from: each character as the locale's codec encodes
    it, a byte the C library could not decode (a lone surrogate) as that byte, and one it
    decoded byte for character (C1 controls, in glibc's EUC-KR) as that byte."""
    encoding = sys.getfilesystemencoding()
    out = bytearray()
    for char in value:
        if "\udc80" <= char <= "\udcff":
            out.append(ord(char) - 0xDC00)
            continue
        try:
            out += char.encode(encoding)
        except UnicodeEncodeError:
            if ord(char) > 0xFF:
                raise
            out.append(ord(char))
    return bytes(out)


def _codec_name(encoding: str) -> str:
    import codecs

    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return encoding


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; its exit status. Nothing a user can do (bad input, a full disk, a closed
    output, a locale without Korean) ends in a traceback: each is one message."""
    prepare_streams()
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        args = desk_args(argv)
        if args is None:
            lang = argv_language(argv)
            with parsing(lang):
                args = build_parser(lang).parse_args(argv)
    except SystemExit as done:  # --help, --version or a usage error: argparse has printed
        raise SystemExit(_flushed(done.code if isinstance(done.code, int) else EXIT_PROBLEMS)) from None
    except OSError as exc:  # --version's line to a full device or a closed output
        return _output_failed(exc, EXIT_PROBLEMS)
    for name in _TEXT_ARGUMENTS:
        if isinstance(getattr(args, name, None), str):
            setattr(args, name, argument_text(getattr(args, name)))
    # What is said below the command line (problems, errors and their fixes, doctor's
    # findings) is in the command's language too.
    with speaking(getattr(args, "lang", None) or default_language()):
        return _flushed(_run(getattr(args, "func", cmd_app), args))


def _flushed(code: int) -> int:
    """`code`, once standard output is flushed: a full device fails here, not at exit."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError) as exc:
        return _output_failed(exc, code)
    return code


def _output_failed(exc: OSError | ValueError, code: int) -> int:
    """The exit status when writing standard output failed: quiet for a reader that left
    (a closed pipe), else one message."""
    silence_stdout()
    if isinstance(exc, BrokenPipeError):
        return code
    _say("tripdesk: error: " + messages()("cannot write to standard output: {reason}").format(reason=_why(exc)))
    return code or EXIT_PROBLEMS


def _run(func: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    try:
        return func(args)
    except ValidationFailed as exc:
        _say(*(str(problem) for problem in sorted(exc.problems)), f"tripdesk: {exc.hint}")
        return EXIT_PROBLEMS
    except TripdeskError as exc:
        _say(f"tripdesk: error: {exc}")
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `tripdesk list | head`: the reader has what it wanted
        silence_stdout()
        return EXIT_OK
    except OSError as exc:
        # Every file tripdesk reads or writes itself is reported as a TripdeskError naming it:
        # an OSError naming no file is the output's (a full device, a closed stream).
        if exc.filename is None or output_failed():
            silence_stdout()
            _say("tripdesk: error: " + messages()("cannot write to standard output: {reason}").format(
                reason=_why(exc)))
        else:
            _say(f"tripdesk: error: {exc.filename}: {_why(exc)}")
        return EXIT_PROBLEMS
    except Exception as exc:  # noqa: BLE001 - the last resort: a bug, said in one line
        if os.environ.get("TRIPDESK_DEBUG"):
            raise
        _say(f"tripdesk: internal error: {type(exc).__name__}: {exc}\n  " + messages()("fix: {fix}").format(
            fix=messages()("this is a bug in tripdesk; please report it with the command you ran "
                           "(TRIPDESK_DEBUG=1 shows the traceback)")))
        return EXIT_PROBLEMS


def _why(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc)


def _say(*lines: str) -> None:
    """Lines for standard error; nothing more when it cannot be written either (2>/dev/full)."""
    out = _console(stderr=True)
    try:
        for line in lines:
            out.print(RichText(line))
    except (OSError, ValueError):
        pass
