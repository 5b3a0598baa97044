"""Errors that reach the user as one clear line and exit code 2."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

_CONTROL = {c: f"\\x{c:02x}" for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)]}
_CONTROL.update({c: f"\\u{c:04x}" for c in [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]})


def printable(text: str) -> str:
    """`text` safe for a terminal and for one line: control characters (ESC sequences, carriage
    returns, newlines) and bidirectional overrides are shown escaped, never sent as they are.
    Every message that can carry text from a file (names, urls, paths) goes through it."""
    if text.isprintable():
        return text
    return text.translate(_CONTROL)


# what writing to a full disk, a failing device or a closed descriptor raises: no file is named
_OUTPUT_ERRNOS = {errno.EIO, errno.EBADF, errno.EFBIG, errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def output_failure(err: BaseException) -> str | None:
    """The one line to say when writing a command's output failed, None when `err` is not that
    (a file operation names its file: `err.filename` is set)."""
    if isinstance(err, OSError) and err.filename is None and err.errno in _OUTPUT_ERRNOS:
        return f"awesomelint: error: cannot write the output ({err.strerror or err})"
    return None


class AwesomelintError(Exception):
    """Base class: a problem with the input or the invocation, not a bug."""

    exit_code = 2

    def __str__(self) -> str:
        return printable(super().__str__())


class InputError(AwesomelintError):
    """A file cannot be read, decoded or understood."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class UnsafeFormatError(InputError):
    """fmt refuses to write because the output would not be equivalent."""

    def __init__(self, path: str, problem: str, detail: str = "") -> None:
        super().__init__(path, problem)
        self.detail = detail


class ConfigError(AwesomelintError):
    """The configuration has an unknown key, code or value."""


def reported(work: Callable[[], T], passthrough: tuple[type[BaseException], ...] = ()) -> T:
    """Run a command's work as every command ends: our errors are one line and their exit code,
    an interrupt is exit 130, a reader gone away (a broken pipe) exit 0, and a bug one line and
    exit 2, never a traceback (unless AWESOMELINT_DEBUG is set). A failure to write the output
    goes on up (said by `awesomelint.__main__.run`), and so do the `passthrough` exceptions."""
    try:
        return work()
    except passthrough:
        raise
    except AwesomelintError as err:
        say(f"awesomelint: error: {err}")
        sys.exit(err.exit_code)
    except KeyboardInterrupt:
        say("awesomelint: interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as err:  # a bug: say so in one line, traceback only on request
        if os.environ.get("AWESOMELINT_DEBUG") or output_failure(err):
            raise
        say(f"awesomelint: internal error: {type(err).__name__}: {err} (set AWESOMELINT_DEBUG=1 for a traceback, and please report it)")
        sys.exit(2)


def say(message: str) -> None:
    """One line to standard error, with any control characters from file names or data escaped."""
    sys.stderr.write(printable(message) + "\n")
    sys.stderr.flush()
