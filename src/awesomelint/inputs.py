"""What a run reads besides the lists themselves: a file's digest, where a file's config is,
what a rule asked of the file system, the environment's say on colour, the code's own stamp.

A cached answer is only as good as what it read. A result that asked the file system something
(does `docs/guide.md` exist beside the list?) notes each question and its answer as a probe
(`probe`), and a cache hit asks them again (`hold`): one changed answer and the result is
worked out afresh.

This module imports `os`, `sys` and a hash and nothing else, because a warm run (`warm`) loads
it before, and often instead of, the linter.
"""

from __future__ import annotations

import os
import sys

from awesomelint import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:  # (typing itself is not imported on a warm run)
    from collections.abc import Callable
    from typing import IO, Any

try:  # the interpreter's own BLAKE2: no OpenSSL to load
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without it
    from hashlib import blake2b

CONFIG_NAMES = (".awesomelint.toml", "pyproject.toml")
OUR_TABLE = b"[tool.awesomelint"


def digest(data: bytes) -> str:
    return blake2b(data, digest_size=32).hexdigest()


def hasher(data: bytes = b"") -> Any:
    """A hash to feed piece by piece (`update`), read as `digest`."""
    return blake2b(data, digest_size=32)


def file_digest(path: str) -> str:
    """The digest of a file's bytes, "" when it cannot be read."""
    try:
        with open(path, "rb") as fh:
            return digest(fh.read())
    except OSError:
        return ""


def _yes(test: Callable[[str], bool]) -> Callable[[str], str]:
    return lambda path: "1" if test(path) else "0"


# what a result may ask of the file system: each answer is a string, so that it is stored as is
PROBES: dict[str, Callable[[str], str]] = {
    "e": _yes(os.path.exists),
    "f": _yes(os.path.isfile),
    "d": _yes(os.path.isdir),
    "a": os.path.abspath,  # where a relative path leads from the folder the run started in
    "r": os.path.realpath,  # where a path leads, links followed
    "h": file_digest,
    # "c": which config file a path finds (`config_of`, below)
}


def probe(kind: str, path: str, log: list[tuple[str, str, str]]) -> str:
    """Ask the file system (`PROBES[kind]`) about `path`, and note question and answer in `log`."""
    answer = PROBES[kind](path)
    log.append((kind, path, answer))
    return answer


def hold(probes: Any) -> bool:
    """Does every noted probe still get its answer? Anything malformed (a cache entry is data
    from disk) does not hold."""
    if not isinstance(probes, list):
        return False
    for item in probes:
        if not isinstance(item, (list, tuple)) or len(item) != 3:
            return False
        kind, path, answer = item
        test = PROBES.get(kind) if isinstance(kind, str) else None
        if test is None or not isinstance(path, str) or test(path) != answer:
            return False
    return True


def find_config(start: str, warn: Callable[[str], None]) -> str | None:
    """The nearest `.awesomelint.toml`, or pyproject.toml with a [tool.awesomelint] table, from
    `start` (a file or folder, links followed) up to the root of the file system.

    A pyproject.toml that can't be read or decoded is skipped with a warning, unless it holds
    our table (then it is the config in force, and loading it says what is wrong with it).
    """
    real = os.path.realpath(start)
    folder = real if os.path.isdir(real) else os.path.dirname(real)
    while True:
        own = os.path.join(folder, CONFIG_NAMES[0])
        if os.path.isfile(own):
            return own
        py = os.path.join(folder, CONFIG_NAMES[1])
        if os.path.isfile(py):
            try:
                with open(py, "rb") as fh:
                    data = fh.read()
            except OSError as err:
                warn(f"{py}: cannot read ({err.strerror or err}); skipped")
                data = None
            if data is not None:
                if OUR_TABLE in data:
                    return py
                try:
                    data.decode("utf-8")
                except UnicodeDecodeError:
                    warn(f"{py}: not valid UTF-8; skipped")
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def config_of(start: str) -> str:
    """Which config file `start` finds, as a probe's answer: "" for none, "!" when finding it
    meant a warning (a run that warned is never answered from the cache: see `warm`)."""
    warned: list[str] = []
    found = find_config(start, warned.append)
    return "!" if warned else (found or "")


PROBES["c"] = config_of


def use_colour(stream: IO[str] | Any) -> bool:
    """Colour for a terminal, or when `FORCE_COLOR` is set; never when `NO_COLOR` is (no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


_STAMP: list[str] = []


def code_stamp() -> str:
    """The version and every module of this package (name, size, modification time): a cached
    answer is only as good as the code that worked it out, and a code change between releases
    (an editable install, a rebuilt wheel of one version) must not be answered from it."""
    if not _STAMP:
        here = os.path.dirname(os.path.abspath(__file__))
        parts = [__version__, sys.version]
        todo = [here]
        while todo:
            folder = todo.pop()
            try:
                entries = sorted(os.scandir(folder), key=lambda e: e.name)
            except OSError:
                continue
            for e in entries:
                if e.name.endswith(".py"):
                    st = e.stat()
                    parts.append(f"{e.path[len(here) :]}\0{st.st_size}\0{st.st_mtime_ns}")
                elif e.is_dir() and e.name != "__pycache__":
                    todo.append(e.path)
        _STAMP.append(digest("\n".join(parts).encode("utf-8", "surrogateescape")))
    return _STAMP[0]
