"""Errors that reach the user as one clear line and exit code 2."""

from __future__ import annotations


class AwesomelintError(Exception):
    """Base class: a problem with the input or the invocation, not a bug."""

    exit_code = 2


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
