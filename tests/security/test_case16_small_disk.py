"""SECURITY.md cases 16 and 25: a real small disk to fill up, and a real failing one.

`small_disk(folder)` mounts a tmpfs of a few MiB on `folder`; `fill()` takes its free space
(leaving a little, so a write starts and then fails half-way) and `free()` gives it back, as a
person deleting files would. Tests run as root in CI (SECURITY.md, "Known facts"), where
`mount` needs nothing else; `chmod` could not make a write fail there. Without root the tests
are skipped on a developer's machine, and fail in CI (CI=true), so they never silently vanish.

`failing_disk(folder)` is a real I/O error (EIO): an ext2 file system on a loop device whose
backing file is then cut short, so every block written to a new place lies past the device's
end and the kernel fails it when the data is synced (the kernel log says so; the image is
thrown away). It needs root and loop devices: skipped without them, except in CI.

The tests below show that the small disk really fills up and recovers, and that the failing
one really fails with EIO; the other test_case16_* and test_case25_* modules use them.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

FILLER = ".quid-test-filler"
PAGE = 4096


def _no_privileges(why: str) -> None:
    """Skip on a developer's machine; in CI, where tests run as root, this is a failure."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{why}; CI runs as root and must run this test")
    pytest.skip(why)


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


class SmallDisk:
    """A mounted tmpfs that can be filled up and freed again."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.filler = folder / FILLER

    def free_bytes(self) -> int:
        stats = os.statvfs(self.folder)
        return stats.f_bavail * stats.f_frsize

    def fill(self, leave: int = PAGE) -> None:
        """Take every free byte but `leave` (whole pages): the next larger write fails."""
        fd = os.open(self.filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            for chunk in (b"\0" * (64 * PAGE), b"\0" * PAGE):
                with contextlib.suppress(OSError):
                    while True:
                        os.write(fd, chunk)
            size = os.fstat(fd).st_size
            os.ftruncate(fd, max(0, size - leave // PAGE * PAGE))
        finally:
            os.close(fd)
        assert self.free_bytes() <= leave + PAGE, "the disk is full now"

    def free(self) -> None:
        """Space freed: the person deleted something."""
        self.filler.unlink(missing_ok=True)

    def contents(self, below: Path | None = None) -> list[str]:
        """Every file and folder on the disk (or below `below`), but the filler."""
        root = below or self.folder
        return sorted(
            str(path.relative_to(root)) for path in root.rglob("*") if path != self.filler
        )


@contextlib.contextmanager
def small_disk(folder: Path, size: str = "4m") -> Iterator[SmallDisk]:
    """A tmpfs of `size` mounted on `folder` (made if missing) while the block runs."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        _no_privileges("mounting a small tmpfs needs root")
    folder.mkdir(parents=True, exist_ok=True)
    options = f"size={size},mode=0700"
    mounted = _run("mount", "-t", "tmpfs", "-o", options, "quid-small", str(folder))
    if mounted.returncode != 0:
        _no_privileges(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield SmallDisk(folder)
    finally:
        if _run("umount", str(folder)).returncode != 0:
            _run("umount", "-l", str(folder))  # still open somewhere: detach it anyway


def _warm_up(folder: Path, files: int = 16) -> None:
    """Make, sync and delete some files: the folder's block and inode bitmaps and the inode
    table blocks that new files there will reuse are then read into memory."""
    for i in range(files):
        with open(folder / f"warm-{i}", "wb") as handle:
            handle.write(b"\1" * (16 * PAGE))
            handle.flush()
            os.fsync(handle.fileno())
    for i in range(files):
        (folder / f"warm-{i}").unlink()
    os.sync()


@contextlib.contextmanager
def failing_disk(folder: Path, work: Path) -> Iterator[Path]:
    """`folder` on a disk whose writes fail with EIO once they reach the platter (fsync).
    `work` holds the image file. Files and folders made before the cut stay readable."""
    if os.geteuid() != 0 or not Path("/dev/loop-control").exists():
        _no_privileges("a failing disk needs root and loop devices")
    for tool in ("losetup", "mkfs.ext2", "mount"):
        if shutil.which(tool) is None:
            _no_privileges(f"a failing disk needs {tool}")
    image = work / "failing.img"
    with open(image, "wb") as handle:
        handle.truncate(64 * 1024 * 1024)  # sparse
    if _run("mkfs.ext2", "-q", "-F", str(image)).returncode != 0:
        _no_privileges("mkfs.ext2 failed")
    attached = _run("losetup", "-f", "--show", str(image))
    if attached.returncode != 0:
        _no_privileges(f"no free loop device: {attached.stderr.strip()}")
    loop = attached.stdout.strip()
    folder.mkdir(parents=True, exist_ok=True)
    try:
        if _run("mount", "-o", "errors=continue", loop, str(folder)).returncode != 0:
            _no_privileges("cannot mount the loop device")
        try:
            out = folder / "out"
            out.mkdir()
            _warm_up(out)
            # Cut the device to 64 KiB: the superblock and the first group's bitmaps stay;
            # every data block lies past the end now, and the kernel fails its writes with
            # EIO. The metadata the warm-up read is in memory, so files can still be made.
            os.truncate(image, 64 * 1024)
            assert _run("losetup", "-c", loop).returncode == 0
            yield folder / "out"
        finally:
            if _run("umount", str(folder)).returncode != 0:
                _run("umount", "-l", str(folder))
    finally:
        _run("losetup", "-d", loop)


# --- the disks themselves --------------------------------------------------------------------
def test_case16_the_small_disk_fills_up_and_is_freed_again(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", "1m") as disk:
        disk.fill(leave=2 * PAGE)
        target = disk.folder / "file.bin"
        with pytest.raises(OSError) as failed, open(target, "wb") as handle:
            handle.write(b"x" * (64 * PAGE))
            handle.flush()
        assert failed.value.errno == errno.ENOSPC
        target.unlink()
        assert disk.contents() == []
        disk.free()
        target.write_bytes(b"x" * (64 * PAGE))  # the same write works with space
        assert disk.contents() == ["file.bin"]
    assert not (tmp_path / "disk" / "file.bin").exists(), "unmounted afterwards"


def test_case16_the_failing_disk_fails_writes_with_eio(tmp_path: Path) -> None:
    with failing_disk(tmp_path / "mnt", tmp_path) as folder:
        fd = os.open(folder / "file.bin", os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            os.write(fd, b"x" * (16 * PAGE))  # into the page cache: fine
            with pytest.raises(OSError) as failed:
                os.fsync(fd)
        finally:
            os.close(fd)
        assert failed.value.errno == errno.EIO
