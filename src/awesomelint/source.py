"""Reading and writing list files: decoding, BOM, line endings, front matter, atomic writes.

Everything downstream works on `SourceText.text`: no BOM, `\\n` line endings. Writers call
`encode()` to put the file's own BOM, line endings and final newline back.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path

from awesomelint.errors import AwesomelintError, InputError
from awesomelint.inputs import digest
from awesomelint.record import Record

BOM = "\ufeff"
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


class FileStamp(Record):
    """What a file was when we read it: size, modification time and a digest of its bytes
    (`inputs.digest`, as a warm run checks it)."""

    __slots__ = _fields = ("size", "mtime_ns", "digest")

    def __init__(self, size: int, mtime_ns: int, digest: str) -> None:
        self.size = size
        self.mtime_ns = mtime_ns
        self.digest = digest


class SourceText(Record):
    """A decoded text file and what is needed to write it back the way it was."""

    __slots__ = _fields = ("path", "text", "bom", "newline", "final_newline", "stamp")

    def __init__(self, path: str, text: str, bom: bool = False, newline: str = "\n", final_newline: bool = True, stamp: FileStamp | None = None) -> None:
        self.path = path
        self.text = text  # "\n" line endings, no BOM
        self.bom = bom
        self.newline = newline
        self.final_newline = final_newline
        self.stamp = stamp  # the file as it was read: a write refuses if it changed since

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


def decode(data: bytes, path: str = "<stdin>") -> SourceText:
    """Decode UTF-8 bytes (with or without BOM) into a `SourceText`, or raise `InputError`."""
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file (contains NUL bytes), not a Markdown or YAML text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(path, f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})") from None
    if "\x00" in text:
        raise InputError(path, "binary file (contains NUL bytes), not a Markdown or YAML text")
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    newline = "\n"
    if "\r" in text:
        # the file's own line ending is the one it uses most: CRLF, LF, or CR alone (old Mac)
        crlf = text.count("\r\n")
        lone_lf = text.count("\n") - crlf
        lone_cr = text.count("\r") - crlf
        newline = max((crlf, "\r\n"), (lone_lf, "\n"), (lone_cr, "\r"))[1] if crlf or lone_cr else "\n"
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    final_newline = text.endswith("\n") or text == ""
    if text.endswith("\n"):
        text = text[:-1]
    return SourceText(path=path, text=text, bom=bom, newline=newline, final_newline=final_newline)


MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn", ".mdtxt", ".mdtext", ".txt")
DATA_SUFFIXES = (".yaml", ".yml", ".json")


def file_kind(path: str) -> str:
    """ "markdown" (one of `MARKDOWN_SUFFIXES`, or no extension: `README`), "data" (our YAML/JSON
    records), or "other" (never read as a list, never written)."""
    if path == "-" or path.startswith("<stdin>"):
        return "data" if path.lower().endswith(DATA_SUFFIXES) else "markdown"
    name = os.path.basename(path).lower()
    if name.endswith(DATA_SUFFIXES):
        return "data"
    suffix = Path(name).suffix
    if name.endswith(MARKDOWN_SUFFIXES) or not suffix or name.startswith("."):
        return "markdown"
    return "other"


DATA_NOT_FORMATTED = "YAML/JSON is data, not Markdown: fmt and --fix write Markdown only (to make a list of it: awesomelint render FILE -o README.md)"


def not_a_list(path: str) -> InputError:
    kind = NOT_MARKDOWN.get(Path(path).suffix.lower())
    what = f"{kind} is not Markdown" if kind else f"not a Markdown list ({Path(path).suffix or 'no extension'})"
    return InputError(path, f"{what}; awesomelint reads Markdown ({', '.join(MARKDOWN_SUFFIXES)}, or no extension) and its own YAML/JSON")


NOT_MARKDOWN = {
    ".rst": "reStructuredText",
    ".adoc": "AsciiDoc",
    ".asciidoc": "AsciiDoc",
    ".org": "Org mode",
    ".textile": "Textile",
    ".html": "HTML",
    ".htm": "HTML",
}


def read_source(path: str | os.PathLike[str]) -> SourceText:
    """Read a file as `SourceText`; every failure is an `InputError` naming the file."""
    name = str(path)
    kind = NOT_MARKDOWN.get(Path(name).suffix.lower())
    if kind is not None:
        raise InputError(name, f"{kind} is not Markdown; awesomelint reads Markdown lists (and its own YAML/JSON)")
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory, not a file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as err:
        raise InputError(name, f"cannot read ({err.strerror or err})") from None
    src = decode(data, name)
    try:
        st = p.stat()
        src.stamp = FileStamp(len(data), st.st_mtime_ns, digest(data))
    except OSError:
        pass
    return src


def encode(text: str, like: SourceText) -> bytes:
    """Encode `text` ("\\n" endings, no final newline) with the BOM, endings and final newline of `like`."""
    if like.final_newline and text:
        text += "\n"
    if like.newline != "\n":
        text = text.replace("\n", like.newline)
    if like.bom:
        text = BOM + text
    return text.encode("utf-8")


TMP_PREFIX = ".awesomelint-tmp-"
STALE_SECONDS = 3600


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def remove_stale_temporaries(folder: Path) -> None:
    """Remove our own temporary files (by their prefix) left in `folder` by a run killed over an hour ago."""
    now = time.time()
    try:
        with os.scandir(folder) as it:
            for entry in it:
                if entry.name.startswith(TMP_PREFIX) and entry.is_file(follow_symlinks=False):
                    try:
                        if now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS:
                            os.unlink(entry.path)
                    except OSError:
                        pass
    except OSError:
        pass


def _changed_since(target: Path, stamp: FileStamp) -> bool:
    try:
        st = target.stat()
        if st.st_size != stamp.size or st.st_mtime_ns != stamp.mtime_ns:
            return True
        return digest(target.read_bytes()) != stamp.digest
    except OSError:
        return True


def write_atomic(path: str | os.PathLike[str], data: bytes, expect: FileStamp | None = None) -> None:
    """Replace `path` with `data` atomically, or refuse with an `InputError` and touch nothing.

    - a symlink is written through: its target is replaced, the link stays;
    - a file with several hard links, a read-only file (no write bit, also for root), a file that
      is not a regular file, and a file changed since it was read (`expect`) are refused;
    - owner, group and mode are kept; a new file gets the mode the umask gives;
    - the temporary file is named `.awesomelint-tmp-…` beside the target and removed on every
      error; ones that killed runs left behind more than an hour ago are removed.
    """
    name = str(path)
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    try:
        st: os.stat_result | None = target.stat()
    except FileNotFoundError:
        st = None
    except OSError as err:
        raise InputError(name, f"cannot write ({err.strerror or err})") from None
    if st is not None:
        if not stat.S_ISREG(st.st_mode):
            raise InputError(name, "not a regular file; not written")
        if st.st_nlink > 1:
            raise InputError(name, f"has {st.st_nlink} hard links; writing would split them (not written)")
        if not st.st_mode & 0o222:
            raise InputError(name, "is read-only (no write permission); not written")
    if expect is not None and (st is None or _changed_since(target, expect)):
        raise InputError(name, "changed since it was read; not written (the new content is kept)")
    remove_stale_temporaries(target.parent)

    def prepare(tmp: str) -> None:
        if st is not None:
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
            if hasattr(os, "chown") and (st.st_uid, st.st_gid) != _owner(tmp):
                try:
                    os.chown(tmp, st.st_uid, st.st_gid)
                except PermissionError:
                    raise InputError(name, "is owned by another user; replacing it would change its owner (not written)") from None
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        if expect is not None and _changed_since(target, expect):  # once more, just before the swap
            raise InputError(name, "changed since it was read; not written (the new content is kept)")

    try:
        replace_via_temporary(target, data, prepare)
    except OSError as err:
        raise InputError(name, f"cannot write ({err.strerror or err})") from None


def replace_via_temporary(target: Path, data: bytes, prepare: Callable[[str], None] | None = None, *, sync: bool = True) -> None:
    """Write `data` to a `.awesomelint-tmp-…` file beside `target`, let `prepare` set it up, and
    rename it over `target`. The temporary file never outlives an error; errors propagate."""
    import tempfile  # (only a write needs it: a lint does not load it)

    fd, tmp = tempfile.mkstemp(prefix=f"{TMP_PREFIX}{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if sync:
                fh.flush()
                os.fsync(fh.fileno())
        if prepare is not None:
            prepare(tmp)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _owner(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_uid, st.st_gid


def split_front_matter(text: str) -> tuple[str | None, int]:
    """Return (front matter block verbatim, number of lines it spans) or (None, 0).

    Only a `---` block at line 1 whose body is a YAML mapping counts; anything else is Markdown.
    """
    if not text.startswith("---"):
        return None, 0
    m = _FRONT_MATTER.match(text + "\n")
    if not m:
        return None, 0
    body = m.group(1) or ""
    if not _is_yaml_mapping(body):
        return None, 0
    raw = m.group(0)
    if raw.endswith("\n"):
        raw = raw[:-1]
    raw = raw[: len(text)]
    return raw, raw.count("\n") + 1


_SIMPLE_KEY = re.compile(r"^[A-Za-z0-9_][\w .-]*:(?:\s|$)")


def _is_yaml_mapping(body: str) -> bool:
    if not body.strip():
        return True  # `---\n---` is an empty front matter block
    first = next((ln for ln in body.split("\n") if ln.strip() and not ln.lstrip().startswith("#")), None)
    if first is None:
        return True  # only comments
    if not _SIMPLE_KEY.match(first):
        return False
    try:
        from ruamel.yaml import YAML

        data = YAML(typ="safe", pure=False).load(body)
    except Exception:
        return False
    return isinstance(data, dict)


def write_output(text: str, out: str | None) -> None:
    """A command's output: to standard output (no `out`, or `-`), into a special file as it is
    (/dev/stdout, a pipe), or into a regular file, replaced atomically."""
    if out is None or out == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        special = not stat.S_ISREG(os.stat(out).st_mode)
    except OSError:
        special = False
    if special:  # /dev/stdout, a pipe: written to, never replaced
        try:
            with open(out, "wb") as fh:
                fh.write(text.encode("utf-8"))
        except OSError as err:
            raise AwesomelintError(f"{out}: cannot write ({err.strerror or err})") from None
        return
    write_atomic(out, text.encode("utf-8"))
