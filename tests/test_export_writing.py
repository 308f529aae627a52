"""Safe writing of exports, and default paths that no trip id can steer."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from tripdesk.export import FORMATS, ExportExists, default_path, export_target, write_export
from tripdesk.problems import TripdeskError


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_a_new_file_creating_the_folder(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "trip.md"
    assert write_export(target, "# 구미\n") == target
    assert target.read_bytes() == "# 구미\n".encode()
    assert leftovers(target.parent) == []


def test_line_endings_are_written_as_given(tmp_path: Path) -> None:
    target = write_export(tmp_path / "t.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    assert target.read_bytes() == b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"


def test_new_files_get_the_usual_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = write_export(tmp_path / "t.md", "x")
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644


def test_never_replaces_an_existing_file_without_force(tmp_path: Path) -> None:
    target = tmp_path / "t.md"
    target.write_text("mine")
    with pytest.raises(ExportExists) as info:
        write_export(target, "new")
    assert isinstance(info.value, TripdeskError)
    assert "already exists" in str(info.value) and "--force" in (info.value.hint or "")
    assert info.value.path == target
    assert target.read_text() == "mine"
    assert leftovers(tmp_path) == []


def test_force_replaces(tmp_path: Path) -> None:
    target = tmp_path / "t.md"
    target.write_text("mine")
    write_export(target, "new", force=True)
    assert target.read_text() == "new"
    assert leftovers(tmp_path) == []


def test_a_dangling_symlink_counts_as_existing(tmp_path: Path) -> None:
    link = tmp_path / "t.md"
    link.symlink_to(tmp_path / "nowhere")
    with pytest.raises(ExportExists):
        write_export(link, "x")
    assert not (tmp_path / "nowhere").exists()


def test_force_replaces_a_symlink_not_the_file_it_points_to(tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("keep")
    link = tmp_path / "t.md"
    link.symlink_to(precious)
    write_export(link, "new", force=True)
    assert precious.read_text() == "keep"
    assert not link.is_symlink() and link.read_text() == "new"


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(TripdeskError, match="is a folder"):
        write_export(tmp_path, "x", force=True)


def test_a_failed_write_leaves_the_old_file_and_no_temp(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "t.md"
    target.write_text("mine")

    def fail(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(TripdeskError, match="No space left"):
        write_export(target, "new", force=True)
    assert target.read_text() == "mine"
    assert leftovers(tmp_path) == []


def test_without_hard_links_it_checks_then_renames(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(*args: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = write_export(tmp_path / "t.md", "x")
    assert target.read_text() == "x"
    assert leftovers(tmp_path) == []


def test_the_name_taken_between_check_and_write_is_not_replaced(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "t.md"
    real_link = os.link

    def racing_link(src: object, dst: object) -> None:
        Path(dst).write_text("someone else's")  # type: ignore[arg-type]
        real_link(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "link", racing_link)
    with pytest.raises(ExportExists):
        write_export(target, "mine")
    assert target.read_text() == "someone else's"
    assert leftovers(tmp_path) == []


def test_an_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(TripdeskError, match="cannot write"):
        write_export(blocker / "sub" / "t.md", "x")


# -- default paths ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_default_path(fmt: str, tmp_path: Path) -> None:
    assert default_path("gumi-2024-us", fmt) == Path("exports") / f"gumi-2024-us.{fmt}"
    path = default_path("gumi-2024-us", fmt, tmp_path / "out")
    assert path.parent == tmp_path / "out"
    assert path.resolve().parent == (tmp_path / "out").resolve()


@pytest.mark.parametrize("trip_id", [
    "../evil", "../../etc/passwd", "a/b", "/etc/passwd", "..", ".", "", "a\x00b", "a\\b",
    "C:\\evil", "C:evil", "~/evil", "-rf", "Gumi", "a b", "a\nb", "con", "nul", "x" * 200,
    ".hidden", "gumi-2024-us/..", "%2e%2e",
])
def test_a_trip_id_cannot_leave_the_folder(trip_id: str, tmp_path: Path) -> None:
    with pytest.raises(TripdeskError, match="not a trip id"):
        default_path(trip_id, "md", tmp_path)


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(TripdeskError, match="unknown export format"):
        default_path("gumi-2024-us", "../md")


def test_export_target_the_rules_the_cli_and_the_app_share(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    assert export_target(tmp_path / "t.ICS", "trip") == (tmp_path / "t.ICS", "ics")
    assert export_target(str(tmp_path / "t.markdown"), "trip") == (tmp_path / "t.markdown", "md")
    assert export_target(folder, "trip") == (folder / "trip.md", "md")
    assert export_target(f"{tmp_path / 'new'}/", "trip", "json") == (tmp_path / "new" / "trip.json", "json")
    assert export_target(tmp_path / "t.txt", "trip") == (tmp_path / "t.txt", "md")  # the CLI's default
    assert export_target(tmp_path / "t.txt", "trip", "ics") == (tmp_path / "t.txt", "ics")
    with pytest.raises(TripdeskError, match="t.ics ends .ics but the format asked for is md"):
        export_target(tmp_path / "t.ics", "trip", "md")
    with pytest.raises(TripdeskError, match=r"t.txt has '.txt': end the file name with .md"):
        export_target(tmp_path / "t.txt", "trip", unknown_extension=None)  # the app's rule
    with pytest.raises(TripdeskError, match="not a trip id"):
        export_target(folder, "../evil")


@pytest.mark.parametrize("name", ["brief.pdf", "brief.PDF", "brief.docx", "brief.hwp"])
@pytest.mark.parametrize("fmt", [None, "md", "html"])
def test_a_document_format_tripdesk_does_not_write_is_refused(tmp_path: Path, name: str, fmt: str | None) -> None:
    """Markdown in brief.pdf would open as a broken PDF: the name is refused, saying how to get one."""
    with pytest.raises(TripdeskError) as caught:
        export_target(tmp_path / name, "trip", fmt)
    assert f"tripdesk does not write {Path(name).suffix} files" in str(caught.value)
    assert "print it to PDF" in (caught.value.hint or "")
    with pytest.raises(TripdeskError):
        export_target(tmp_path / name, "trip", unknown_extension=None)  # the app's rule, the same


# -- only regular files are replaced (issue 21, item 6) ------------------------------------


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.md"
    os.mkfifo(path)
    return path


def _socket(folder: Path) -> Path:
    import socket

    path = folder / "sock.md"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the socket file stays
    return path


def _link_to_a_device(folder: Path) -> Path:
    path = folder / "null.md"
    path.symlink_to(os.devnull)
    return path


def _link_to_a_pipe(folder: Path) -> Path:
    """A link to /proc/self/fd/N, N one end of a pipe: what /dev/stdout is under `| cat`."""
    read_end, write_end = os.pipe()
    path = folder / "stdout.md"
    path.symlink_to(f"/proc/self/fd/{write_end}")
    return path


def _device_node(folder: Path) -> Path:
    import stat

    path = folder / "dev.md"
    try:
        os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 3))  # what /dev/null is
    except PermissionError:
        pytest.skip("making a device node needs root (CAP_MKNOD)")
    return path


@pytest.mark.parametrize("make, kind", [
    (_fifo, "a named pipe"), (_socket, "a socket"), (_link_to_a_device, "a device"),
    (_link_to_a_pipe, "a named pipe"), (_device_node, "a device")])
@pytest.mark.parametrize("force", [True, False])
def test_only_regular_files_are_replaced(make, kind: str, force: bool, tmp_path: Path) -> None:  # noqa: ANN001
    if make is _link_to_a_pipe and not Path("/proc/self/fd").is_dir():
        pytest.skip("no /proc/self/fd on this system")
    target = make(tmp_path)
    before = os.lstat(target)
    with pytest.raises(TripdeskError) as info:
        write_export(target, "# trip\n", force=force)
    assert f"is {kind}, not a regular file" in str(info.value)
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)  # left as it was
    assert leftovers(tmp_path) == []


def test_the_cli_refuses_to_replace_a_device_with_force(tmp_path: Path, db_path: Path,
                                                         trips_dir: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from tripdesk.cli import main

    assert main(["--db", str(db_path), "import", str(trips_dir)]) == 0
    target = _link_to_a_device(tmp_path)
    capsys.readouterr()
    code = main(["--db", str(db_path), "export", "sample-2024-us", "-o", str(target), "--force"])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert "null.md is a device, not a regular file" in err
    assert target.is_symlink() and os.readlink(target) == os.devnull


@pytest.mark.parametrize("name", ["a" * 252 + ".md", "가" * 84 + ".md"], ids=["latin", "korean"])  # 255 bytes each
@pytest.mark.parametrize("force", [False, True])
def test_names_at_the_file_system_limit(name: str, force: bool, tmp_path: Path) -> None:
    assert len(os.fsencode(name)) == 255
    target = tmp_path / name
    if force:
        target.write_text("old")
    assert write_export(target, "# 구미\n", force=force) == target
    assert target.read_text(encoding="utf-8") == "# 구미\n"
    assert leftovers(tmp_path) == []
