"""Which language the command line speaks: `--lang`, else the locale; and argparse's own
words (usage, errors) in that language while the arguments are parsed."""

from __future__ import annotations

import argparse
from contextlib import contextmanager
from typing import Iterator, Sequence

from ..i18n import N_, Translator, translator
from ..text import DISPLAY_LANGS


def default_language() -> str:
    """Korean when the locale is Korean, English otherwise."""
    from ..i18n import locale_language

    return locale_language()


# argparse's own words, as Python 3.11's argparse asks gettext for them (its domain is not
# installed anywhere we know of): in our catalog, shown in the command line's language.
ARGPARSE_WORDS = (
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"), N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"), N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"), N_("one of the arguments %s is required"),
    N_("expected one argument"), N_("expected at most one argument"), N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"), N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"), N_("can't open '%(filename)s': %(error)s"),
    N_("whole number"),
)


_ARGV_WORDS: list[Translator] = []  # the words of the command line being parsed (`parsing`)


def argv_language(argv: Sequence[str]) -> str:
    """The display language a command line asks for (its last `--lang`), else the locale's."""
    lang = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        name, equals, value = arg.partition("=")
        if name == "--lang":
            value = value if equals else (argv[i + 1] if i + 1 < len(argv) else "")
            if value in DISPLAY_LANGS:
                lang = value
    return lang or default_language()


def argv_words() -> Translator:
    """The translator of the command line being parsed (English outside `parsing`)."""
    return _ARGV_WORDS[-1] if _ARGV_WORDS else translator("en")


@contextmanager
def parsing(lang: str) -> Iterator[Translator]:
    """While the parser is built and reads the command line: argparse's own words ("usage:",
    "options", its errors) and ours in display language `lang`'s words."""
    words = translator(lang)
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = words.gettext, words.ngettext  # type: ignore[attr-defined]
    _ARGV_WORDS.append(words)
    try:
        yield words
    finally:
        _ARGV_WORDS.pop()
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
