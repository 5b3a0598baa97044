"""Reading and writing list files: decoding, BOM, line endings, front matter, atomic writes.

Everything downstream works on `SourceText.text`: no BOM, `\\n` line endings. Writers call
`encode()` to put the file's own BOM, line endings and final newline back.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from awesomelint.errors import InputError

BOM = "\ufeff"
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


@dataclass
class SourceText:
    """A decoded text file and what is needed to write it back the way it was."""

    path: str
    text: str  # "\n" line endings, no BOM
    bom: bool = False
    newline: str = "\n"
    final_newline: bool = True

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
        raise InputError(
            path, f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})"
        ) from None
    if "\x00" in text:
        raise InputError(path, "binary file (contains NUL bytes), not a Markdown or YAML text")
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    crlf = text.count("\r\n")
    lf = text.count("\n")
    newline = "\r\n" if crlf and crlf * 2 >= lf else "\n"
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    final_newline = text.endswith("\n") or text == ""
    if text.endswith("\n"):
        text = text[:-1]
    return SourceText(path=path, text=text, bom=bom, newline=newline, final_newline=final_newline)


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
    return decode(data, name)


def encode(text: str, like: SourceText) -> bytes:
    """Encode `text` ("\\n" endings, no final newline) with the BOM, endings and final newline of `like`."""
    if like.final_newline and text:
        text += "\n"
    if like.newline != "\n":
        text = text.replace("\n", like.newline)
    if like.bom:
        text = BOM + text
    return text.encode("utf-8")


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder, keeping the file mode."""
    target = Path(path)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


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
