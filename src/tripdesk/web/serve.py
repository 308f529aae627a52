"""`tripdesk serve`: the desk in a web browser, through textual-serve.

    serve(db, lang, host="127.0.0.1", port=8000)

textual-serve runs a web server whose page holds a terminal; each browser that opens it gets a
desk of its own, `python -m tripdesk --db DB` started in a subprocess under Textual's web
driver. The desk there exports by handing the file to the browser as a download
(`ui/screens/export.py`), never by writing on the server.

There is no login: anyone who can reach the address reads the whole store. So the server
listens on the loopback address unless told otherwise, and says so loudly when it is not.
"""

from __future__ import annotations

import ipaddress
import shlex
import socket
import sys
from pathlib import Path

from ..i18n import messages
from ..problems import TripdeskError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
_WILDCARDS = {"", "0.0.0.0", "::", "*"}


def desk_command(db: Path, lang: str | None) -> str:
    """The shell command textual-serve runs for each browser: this Python, this tripdesk,
    this store (an absolute path: the command must not depend on where it is started)."""
    argv = [sys.executable, "-m", "tripdesk", "--db", str(Path(db).resolve())]
    if lang:
        argv += ["--lang", lang]
    return shlex.join(argv)


def is_loopback(host: str) -> bool:
    """Whether only this machine can reach `host`: a loopback address, or a name that resolves
    to loopback addresses alone (`localhost`)."""
    if host in _WILDCARDS:
        return False
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        pass
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except OSError:
        return False
    return bool(addresses) and all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses)


def exposure_warning(host: str, port: int, what: str = "the desk") -> str | None:
    """What to tell the user when `what` is served where other machines can reach it, else
    None (`tripdesk datasette --serve` says it of the store)."""
    if is_loopback(host):
        return None
    _ = messages()
    everywhere = host in _WILDCARDS
    if what == "the store":
        said = (_("serving the store on every network interface (port {port}).") if everywhere
                else _("serving the store on {host} (port {port})."))
    else:
        said = (_("serving the desk on every network interface (port {port}).") if everywhere
                else _("serving the desk on {host} (port {port})."))
    return "tripdesk: WARNING: " + " ".join((said.format(host=host, port=port), _(
        "It has no login: anyone who can reach this address can read everything in the store. "
        "Serve on {default} (the default) and put a web server with authentication in front of it "
        "to share it.").format(default=DEFAULT_HOST)))


def public_url(host: str, port: int, given: str | None) -> str:
    """The address browsers use to reach the server, which the page's websocket is made from.
    Bound to every interface, the machine's name stands in for the host (`--public-url`
    says otherwise, for a proxy)."""
    if given:
        return given.rstrip("/")
    name = socket.gethostname() if host in _WILDCARDS else host
    if ":" in name and not name.startswith("["):
        name = f"[{name}]"  # an IPv6 address
    return f"http://{name}:{port}"


def serve(db: Path, lang: str | None, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          url: str | None = None) -> None:
    """Serve the desk until interrupted (Ctrl+C)."""
    try:
        from textual_serve.server import Server
    except ImportError:
        raise TripdeskError(messages()("`tripdesk serve` needs textual-serve, which is not installed"),
                            messages()("install tripdesk with its web extra: pip install -e '.[web]'")) from None
    warning = exposure_warning(host, port)
    if warning:
        print(warning, file=sys.stderr, flush=True)
    server = Server(desk_command(db, lang), host=host, port=port, title="tripdesk",
                    public_url=public_url(host, port, url))
    try:
        server.serve()
    except OSError as exc:  # the port is taken, the address is not this machine's...
        raise TripdeskError(messages()("cannot serve on {address}: {reason}").format(
            address=f"{host}:{port}", reason=exc.strerror or exc),
            messages()("choose another port with --port, or another address with --host")) from None
