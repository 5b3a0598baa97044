"""A `lint` or `fmt` run answered from the last identical run, before the linter is loaded.

A pre-commit hook or an editor runs one command on the same files again and again. The run's
folder, command line, colour and code (`inputs.code_stamp`) name one signed entry in the user's
cache (never the work tree: see `cachedir`). The entry holds what the run printed (on standard
output and standard error), its exit code, and every input it read with what it found: the
digest of each list and config file, where each path led, which config each file found, and
each question its rules asked of the file system (`inputs.PROBES`). A run that finds the entry,
and every input as it was, prints the same and exits the same, having imported `os`, `sys` and
a hash.

Anything else runs the command, which writes the entry again when the run is one an entry may
stand for: files named as such (no folder, glob or standard input), nothing written (no `lint
--fix` or `--output`, no `fmt` that reformatted a file), no `--no-cache`, and no warning or
error. The answers of the last 32 command lines worked out in a folder are kept.
"""

from __future__ import annotations

import os
import sys

from awesomelint.inputs import code_stamp, digest, hold, use_colour

TYPE_CHECKING = False
if TYPE_CHECKING:
    from awesomelint.cachedir import SignedStore

Probe = tuple[str, str, str]
KEEP = 32  # the last command lines of a folder worked out by the linter: their answers are kept


def _slot(argv: list[str], cwd: str, colour: bool) -> str:
    material = "\0".join([code_stamp(), cwd, "1" if colour else "0", *argv])
    return "w" + digest(material.encode("utf-8", "surrogateescape"))


def _store(cwd: str) -> SignedStore:
    from awesomelint.cachedir import SignedStore

    return SignedStore(cwd, "runs")


def _pack(fields: list[str]) -> bytes:
    out = []
    for f in fields:
        b = f.encode("utf-8", "surrogateescape")
        out.append(b"%d:" % len(b) + b)
    return b"".join(out)


def _unpack(data: bytes) -> list[str] | None:
    fields, at = [], 0
    while at < len(data):
        colon = data.find(b":", at, at + 12)
        if colon < 0 or not data[at:colon].isdigit():
            return None
        end = colon + 1 + int(data[at:colon])
        if end > len(data):
            return None
        fields.append(data[colon + 1 : end].decode("utf-8", "surrogateescape"))
        at = end
    return fields


def remember(argv: list[str], probes: list[Probe], printed: str, code: int, said: str = "") -> None:
    """Keep what a run printed (`printed` on standard output, `said` on standard error) and its
    exit code, with every input it read (`probes`), for the same command in the same folder.
    Keeping it never fails the run (a folder deleted under it, a cache that cannot be written)."""
    try:
        _remember(argv, probes, printed, code, said)
    except OSError:
        pass


def _remember(argv: list[str], probes: list[Probe], printed: str, code: int, said: str) -> None:
    cwd = os.getcwd()
    fields = [str(code), printed, said]
    for kind, path, answer in probes:
        fields += [kind, path, answer]
    store, name = _store(cwd), _slot(argv, cwd, use_colour(sys.stdout))
    store.put_bytes(name, _pack(fields))
    # a hook is given other files on each commit: only the last KEEP command lines are kept
    recent = store.get(store.pointer("runs"))
    older = [n for n in recent if n != name] if isinstance(recent, list) else []
    store.supersede("runs", [name, *older[: KEEP - 1]])


def recall(argv: list[str]) -> tuple[str, str, int] | None:
    """What the last identical run printed (standard output, standard error) and its exit code,
    if every input it read is as it was; None otherwise."""
    cwd = os.getcwd()
    data = _store(cwd).get_bytes(_slot(argv, cwd, use_colour(sys.stdout)))
    fields = _unpack(data) if data is not None else None
    if not fields or len(fields) % 3 != 0 or not fields[0].isdigit():
        return None
    if not hold([fields[i : i + 3] for i in range(3, len(fields), 3)]):
        return None
    return fields[1], fields[2], int(fields[0])


def answer(argv: list[str]) -> int | None:
    """Print what the last identical run printed and give its exit code; None when the command
    must run (no entry, an input changed, or anything unexpected: this path never fails a run)."""
    try:
        got = recall(argv)
    except Exception:  # a cache is never a reason to fail: the linter answers
        return None
    if got is None:
        return None
    printed, said, code = got
    try:
        if printed:  # (as the command itself: nothing written when there is nothing to say)
            sys.stdout.write(printed)
            sys.stdout.flush()
        if said:
            sys.stderr.write(said)
    except BrokenPipeError:  # the reader went away (`| head`): as the linter's run ends
        return 0
    return code
