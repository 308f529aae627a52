"""`tripdesk serve`: the desk in a real headless Chromium, through textual-serve on loopback.

The browser test reads what the page's terminal (xterm.js) holds, line by line, as a person
reads the screen: the page keeps its terminal in a local variable, so the test hands the page
a copy of textual.js that also puts it in `window.__desks` (nothing else is changed).
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

from tripdesk.store import queries
from tripdesk.cli import main
from tripdesk.export import download_target, render
from tripdesk.problems import TripdeskError
from tripdesk.web.serve import desk_command, exposure_warning, is_loopback, public_url
from tripdesk.store import Store

from .conftest import SAMPLE

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# The served store holds the sample trip only: a desk that opened another store (the bundled
# data, TRIPDESK_DB) would show Gumi and Daejeon instead.
TRIP = "sample-2024-us"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, process: subprocess.Popen[bytes], seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {seconds} s")


def stop(process: subprocess.Popen[bytes]) -> None:
    """End the server and the desks it started (one process group, made for it)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path, Path]]:
    """`tripdesk serve` on a free loopback port: (its URL, its working folder, its store)."""
    port = free_port()
    db = tmp_path / "served.db"
    assert main(["--db", str(db), "import", str(SAMPLE)]) == 0
    work = tmp_path / "server-cwd"
    work.mkdir()
    log = (tmp_path / "serve.log").open("wb")
    process = subprocess.Popen([sys.executable, "-m", "tripdesk", "--db", str(db), "--lang", "en", "serve",
                                "--port", str(port)], cwd=work, stdout=log, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for_http(url, process)
        yield url, work, db
    finally:
        stop(process)
        log.close()


HOOK = "const t=new w(e,{ping:r});"  # where textual.js makes the page's terminal

SCREEN_JS = """() => {
  const buffer = window.__desks[0].terminal.buffer.active, lines = [];
  for (let y = 0; y < buffer.length; y++) lines.push(buffer.getLine(y).translateToString(true));
  return lines.join('\\n');
}"""


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs Debian's "
                    "chromium as root; elsewhere: apt-get install chromium)")
def test_the_desk_in_a_browser_opens_a_trip_and_downloads_its_export(served: tuple[str, Path, Path]) -> None:
    from playwright.sync_api import sync_playwright

    url, server_cwd, db = served
    with Store.open(db, create=False, readonly=True) as store:
        trip = queries.load_trip(store, TRIP)
    assert trip is not None
    expected_export = render(trip, "md", "en")
    title = trip.title.get("en")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 900})
            downloads = []
            # textual.js opens each delivery in a new tab, which downloads it.
            context.on("page", lambda tab: tab.on("download", lambda d: downloads.append(d)))
            page = context.new_page()

            def expose_terminal(route) -> None:  # noqa: ANN001 - playwright's Route
                response = route.fetch()
                script = response.text()
                assert HOOK in script, "textual.js changed: find where it makes its terminal"
                route.fulfill(response=response,
                              body=script.replace(HOOK, HOOK + "(window.__desks=window.__desks||[]).push(t);"))

            page.route("**/static/js/textual.js", expose_terminal)
            page.goto(url)
            page.wait_for_function("window.__desks && window.__desks.length > 0")

            def screen() -> str:
                return page.evaluate(SCREEN_JS)

            def wait_for(text: str, seconds: float = 30) -> str:
                deadline = time.monotonic() + seconds
                while time.monotonic() < deadline:
                    shown = screen()
                    if text in shown:
                        return shown
                    page.wait_for_timeout(100)  # lets playwright deliver its events meanwhile
                raise AssertionError(f"{text!r} never appeared; the page shows:\n{screen()}")

            shown = wait_for("Cities")
            shown = wait_for("Sample City")
            assert "1 trip" in shown and "Gumi" not in shown and "Daejeon" not in shown
            page.evaluate("window.__desks[0].terminal.focus()")  # as a click on the page does
            page.keyboard.press("Enter")  # open the city
            wait_for("2024 Sample City")
            page.keyboard.press("ArrowDown")
            page.keyboard.press("Enter")  # open its trip
            shown = wait_for("Day 1")
            assert title[:30] in shown

            page.keyboard.press("e")
            shown = wait_for("Export as Markdown")
            assert f"{TRIP}.md" in shown and "Your browser downloads" in shown, shown
            page.keyboard.press("Enter")
            deadline = time.monotonic() + 30
            while not downloads and time.monotonic() < deadline:
                page.wait_for_timeout(100)
            assert len(downloads) == 1, "no download arrived"
            download = downloads[0]
            assert download.suggested_filename == f"{TRIP}.md"
            assert Path(download.path()).read_text(encoding="utf-8") == expected_export
            wait_for(f"{TRIP}.md ({TRIP}) is on its way")  # the toast, "... to your browser"
        finally:
            browser.close()
    # Nothing was written on the server: no exports/ folder, no file at all where it runs.
    assert list(server_cwd.iterdir()) == []


def test_serve_warns_when_other_machines_could_reach_it(tmp_path: Path) -> None:
    # 192.0.2.1 (TEST-NET-1) is no address of this machine: the warning comes first, then the
    # server cannot listen there and says so. Nothing is sent anywhere.
    result = subprocess.run([sys.executable, "-m", "tripdesk", "--db", str(tmp_path / "t.db"), "serve",
                             "--host", "192.0.2.1", "--port", str(free_port())],
                            capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert result.returncode == 1
    assert "WARNING: serving the desk on 192.0.2.1" in result.stderr
    assert "no login" in result.stderr
    assert "cannot serve on 192.0.2.1" in result.stderr
    assert "Traceback" not in result.stderr


def test_only_loopback_addresses_count_as_private() -> None:
    for host in ("127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"):
        assert is_loopback(host), host
        assert exposure_warning(host, 8000) is None
    for host in ("0.0.0.0", "::", "", "192.0.2.1", "10.1.2.3"):
        assert not is_loopback(host), host
        assert "no login" in (exposure_warning(host, 8000) or "")
    assert "every network interface" in (exposure_warning("0.0.0.0", 8000) or "")


def test_the_served_command_runs_this_tripdesk_on_this_store(tmp_path: Path) -> None:
    db = tmp_path / "a folder with spaces" / "my store.db"
    argv = shlex.split(desk_command(db, "ko"))
    assert argv == [sys.executable, "-m", "tripdesk", "--db", str(db.resolve()), "--lang", "ko"]
    relative = shlex.split(desk_command(Path("rel.db"), None))
    assert relative[-1] == str(Path("rel.db").resolve()) and "--lang" not in relative


def test_the_page_is_given_an_address_browsers_can_reach() -> None:
    assert public_url("127.0.0.1", 8000, None) == "http://127.0.0.1:8000"
    assert public_url("::1", 8000, None) == "http://[::1]:8000"
    assert public_url("0.0.0.0", 8000, None) == f"http://{socket.gethostname()}:8000"
    assert public_url("127.0.0.1", 8000, "https://desk.example.org/") == "https://desk.example.org"


@pytest.mark.parametrize(("typed", "expected"), [
    ("", (f"{TRIP}.md", "md")),
    ("  briefing.json ", ("briefing.json", "json")),
    ("calendar.ICS", ("calendar.ICS", "ics")),
    ("notes.markdown", ("notes.markdown", "md")),
])
def test_a_download_is_named_by_what_was_typed(typed: str, expected: tuple[str, str]) -> None:
    assert download_target(typed, TRIP) == expected


@pytest.mark.parametrize(("typed", "message"), [
    ("exports/trip.md", "give a file name only"),
    ("..\\trip.md", "give a file name only"),
    ("trip.txt", "has '.txt': end the file name with .md"),
    ("trip", "has no extension"),
    ("대전 출장.md", "only Latin letters, digits"),
    ('a"b.md', "only Latin letters, digits"),
    (".hidden.md", "only Latin letters, digits"),
])
def test_a_download_name_that_cannot_be_sent_is_refused(typed: str, message: str) -> None:
    with pytest.raises(TripdeskError) as refused:
        download_target(typed, TRIP)
    assert message in refused.value.message
