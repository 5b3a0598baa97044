"""Where our caches live, and why a cache from somebody else is never believed.

A list's repository is written by strangers, so a cache inside it could say anything ("no
problems", "every link alive"). Caches therefore live in the user's cache folder, never in the
work tree: `$AWESOMELINT_CACHE_DIR`, else `$XDG_CACHE_HOME/awesomelint`, else
`~/.cache/awesomelint`, one folder per project (by the project root's real path). Every entry
is signed with a key (keyed BLAKE2b) that is made on first use in that folder (mode 0600, owned by
this user); an entry that does not verify, a key that others could have written (wrong owner,
group or world bits, as a file checked out by git always has), and any symlink on the way are
treated as "no cache": the run simply computes the answer.

The cache keeps one version of each thing it stands for: `supersede` says which entries a file
(or a run over several files) is now made of, and deletes the ones its last version had and this
one has not, so an editor that lints on every save does not fill the disk. A project none of whose
entries was written in 30 days (deleted, moved, no longer linted) loses its folder (`prune`).
"""

from __future__ import annotations

import os
import stat

try:  # the interpreter's own BLAKE2 and constant-time compare: a warm run loads no OpenSSL
    from _blake2 import blake2b
    from _operator import _compare_digest as compare_digest
except ImportError:  # pragma: no cover - an interpreter without them
    from hashlib import blake2b
    from hmac import compare_digest  # type: ignore[no-redef]

from awesomelint.inputs import digest

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

KEY_NAME = "key"
_FORMAT = b"2"  # entries signed with keyed BLAKE2b (1: HMAC-SHA256)


def cache_root() -> str:
    env = os.environ.get("AWESOMELINT_CACHE_DIR")
    if env:
        return env
    xdg = os.environ.get("XDG_CACHE_HOME")
    return os.path.join(xdg if xdg else os.path.join(os.path.expanduser("~"), ".cache"), "awesomelint")


def _private_dir(path: str) -> bool:
    """Make `path` (0700) if needed; True when it is a real folder of ours (no symlink)."""
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
        st = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and (not hasattr(os, "geteuid") or st.st_uid == os.geteuid())


def _load_key(root: str) -> bytes | None:
    """This user's signing key, made on first use; None when it cannot be trusted or made."""
    if not _private_dir(root):
        return None
    path = os.path.join(root, KEY_NAME)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        key = os.urandom(32)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        except FileExistsError:
            return _load_key(root)  # another run made it first
        except OSError:
            return None
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
        return key
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode) or st.st_mode & 0o077:
            return None  # group- or world-accessible: not a key only this user could have made
        if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
            return None
        key = fh.read(64)
    return key if len(key) == 32 else None


def _valid_name(name: str) -> bool:
    """What entry names look like: 3 to 101 of [a-z0-9.], not starting with a dot (no
    separators, no `..`)."""
    return 3 <= len(name) <= 101 and name[0] != "." and all(c in "abcdefghijklmnopqrstuvwxyz0123456789." for c in name)


PRUNE_DAYS = 30


def prune(projects: str, now: float | None = None) -> None:
    """Delete the cache folders of projects none of whose entries was written in `PRUNE_DAYS`
    days: a project deleted, moved or no longer linted. Looked at once a day at most (the
    modification time of `projects/pruned` says when it last was)."""
    import time

    now = time.time() if now is None else now
    stamp = os.path.join(projects, "pruned")
    try:
        if now - os.stat(stamp).st_mtime < 86_400:
            return
    except FileNotFoundError:
        pass
    except OSError:
        return
    try:
        with open(stamp, "wb"):
            pass
        os.utime(stamp, (now, now))
        folders = [e for e in os.scandir(projects) if e.is_dir(follow_symlinks=False)]
    except OSError:
        return
    import shutil

    for project in folders:
        if now - _last_written(project.path) > PRUNE_DAYS * 86_400:
            shutil.rmtree(project.path, ignore_errors=True)


def _last_written(project: str) -> float:
    """When an entry of a project's cache was last written: a run that writes one sets the
    modification time of the project's folder (`SignedStore.put_bytes`)."""
    try:
        return os.stat(project, follow_symlinks=False).st_mtime
    except OSError:
        return float("inf")  # not there, or not readable as it should be: left alone


_TOUCHED: set[str] = set()  # the projects this run has written to


class SignedStore:
    """Values under one project's cache folder, each signed; unverifiable ones read as missing.
    `get`/`put` keep JSON; `get_bytes`/`put_bytes` keep bytes as they are."""

    def __init__(self, project_root: str | os.PathLike[str], kind: str) -> None:
        root = cache_root()
        real = os.path.realpath(project_root)
        self._dir = os.path.join(root, "projects", digest(real.encode("utf-8", "surrogateescape"))[:24], kind)
        self._key = _load_key(root)
        self.enabled = self._key is not None and _private_dir(self._dir)

    @property
    def dir(self) -> Path:
        from pathlib import Path

        return Path(self._dir)

    def _mac(self, name: str, payload: bytes) -> bytes:
        assert self._key is not None
        return blake2b(_FORMAT + b"\0" + name.encode() + b"\0" + payload, key=self._key, digest_size=32).hexdigest().encode()

    def _file(self, name: str) -> str:
        return os.path.join(self._dir, name[:2], f"{name}.signed")

    def get_bytes(self, name: str) -> bytes | None:
        """The bytes stored under `name`: an entry is its signature (hex), a newline and the bytes."""
        if not self.enabled:
            return None
        try:
            fd = os.open(self._file(name), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            with os.fdopen(fd, "rb") as fh:
                mac, _, payload = fh.read().partition(b"\n")
        except OSError:
            return None
        if not compare_digest(mac, self._mac(name, payload)):
            return None
        return payload

    def get(self, name: str) -> Any:
        """The value stored under `name` (JSON), None when missing or not verified."""
        payload = self.get_bytes(name)
        if payload is None:
            return None
        import json

        try:
            return json.loads(payload)
        except ValueError:
            return None

    @staticmethod
    def pointer(slot: str) -> str:
        """The name of the entry that lists what `slot` is made of."""
        return "v" + digest(slot.encode("utf-8", "surrogateescape"))

    def supersede(self, slot: str, names: list[str]) -> None:
        """`names` are now the entries that `slot` (a file with its configuration, say) is made of:
        the entries the slot named before and does not name now are deleted."""
        if not self.enabled:
            return
        pointer = self.pointer(slot)
        old = self.get(pointer)
        if old == names:
            return
        self.put(pointer, names)
        if not isinstance(old, list):
            return
        keep = set(names)
        for name in old:
            if isinstance(name, str) and name not in keep and _valid_name(name) and not name.startswith("v"):
                try:
                    os.unlink(self._file(name))
                except OSError:
                    pass  # gone already, or never written

    def put(self, name: str, data: Any) -> None:
        import json

        self.put_bytes(name, json.dumps(data, separators=(",", ":")).encode("utf-8"))

    def put_bytes(self, name: str, payload: bytes) -> None:
        if not self.enabled:
            return
        folder = os.path.join(self._dir, name[:2])
        if not _private_dir(folder):
            return
        from pathlib import Path

        from awesomelint.source import replace_via_temporary

        entry = self._mac(name, payload) + b"\n" + payload
        try:
            replace_via_temporary(Path(self._file(name)), entry, sync=False)
        except OSError:
            pass  # no cache is fine: the next run computes the answer again
        project = os.path.dirname(self._dir)
        if project not in _TOUCHED:  # this project was written to now (once per run is enough)
            first = not _TOUCHED
            _TOUCHED.add(project)
            try:
                os.utime(project)
            except OSError:
                pass
            if first:  # the run's first write looks for old projects (and then once a day: `prune`)
                prune(os.path.dirname(project))
