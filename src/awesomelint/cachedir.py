"""Where our caches live, and why a cache from somebody else is never believed.

A list's repository is written by strangers, so a cache inside it could say anything ("no
problems", "every link alive"). Caches therefore live in the user's cache folder, never in the
work tree: `$AWESOMELINT_CACHE_DIR`, else `$XDG_CACHE_HOME/awesomelint`, else
`~/.cache/awesomelint`, one folder per project (by the project root's real path). Every entry
is signed with an HMAC-SHA256 key that is made on first use in that folder (mode 0600, owned by
this user); an entry that does not verify, a key that others could have written (wrong owner,
group or world bits, as a file checked out by git always has), and any symlink on the way are
treated as "no cache": the run simply computes the answer.

The cache keeps one version of each thing it stands for: `supersede` says which entries a file
(or a run over several files) is now made of, and deletes the ones its last version had and this
one has not, so an editor that lints on every save does not fill the disk.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import stat
from pathlib import Path
from typing import Any

KEY_NAME = "key"
_NAME = re.compile(r"[a-z0-9][a-z0-9.]{2,100}")  # what entry names look like (no separators, no `..`)


def cache_root() -> Path:
    env = os.environ.get("AWESOMELINT_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "awesomelint"


def _private_dir(path: Path) -> bool:
    """Make `path` (0700) if needed; True when it is a real folder of ours (no symlink)."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and (not hasattr(os, "geteuid") or st.st_uid == os.geteuid())


def _load_key(root: Path) -> bytes | None:
    """This user's signing key, made on first use; None when it cannot be trusted or made."""
    if not _private_dir(root):
        return None
    path = root / KEY_NAME
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        key = secrets.token_bytes(32)
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


class SignedStore:
    """JSON values under one project's cache folder, each signed; unverifiable ones read as missing."""

    def __init__(self, project_root: Path, kind: str) -> None:
        root = cache_root()
        real = os.path.realpath(project_root)
        self.dir = root / "projects" / hashlib.sha256(real.encode("utf-8", "surrogateescape")).hexdigest()[:24] / kind
        self._key = _load_key(root)
        self.enabled = self._key is not None and _private_dir(self.dir)

    def _mac(self, name: str, payload: bytes) -> str:
        assert self._key is not None
        return hmac.new(self._key, name.encode() + b"\0" + payload, hashlib.sha256).hexdigest()

    def _file(self, name: str) -> Path:
        return self.dir / name[:2] / f"{name}.signed"

    def get(self, name: str) -> Any:
        """The value stored under `name`: an entry is its signature (hex), a newline and the JSON."""
        if not self.enabled:
            return None
        try:
            fd = os.open(self._file(name), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            with os.fdopen(fd, "rb") as fh:
                mac, _, payload = fh.read().partition(b"\n")
        except OSError:
            return None
        if not hmac.compare_digest(mac, self._mac(name, payload).encode()):
            return None
        try:
            return json.loads(payload)
        except ValueError:
            return None

    def supersede(self, slot: str, names: list[str]) -> None:
        """`names` are now the entries that `slot` (a file with its configuration, say) is made of:
        the entries the slot named before and does not name now are deleted."""
        if not self.enabled:
            return
        pointer = "v" + hashlib.sha256(slot.encode("utf-8", "surrogateescape")).hexdigest()
        old = self.get(pointer)
        if old == names:
            return
        self.put(pointer, names)
        if not isinstance(old, list):
            return
        keep = set(names)
        for name in old:
            if isinstance(name, str) and name not in keep and _NAME.fullmatch(name) and not name.startswith("v"):
                try:
                    os.unlink(self._file(name))
                except OSError:
                    pass  # gone already, or never written

    def put(self, name: str, data: Any) -> None:
        if not self.enabled:
            return
        folder = self.dir / name[:2]
        if not _private_dir(folder):
            return
        from awesomelint.source import replace_via_temporary

        payload = json.dumps(data, separators=(",", ":")).encode("utf-8")
        entry = self._mac(name, payload).encode() + b"\n" + payload
        try:
            replace_via_temporary(self._file(name), entry, sync=False)
        except OSError:
            pass  # no cache is fine: the next run computes the answer again
