"""Compiled regular expressions kept from one run to the next, as the interpreter keeps bytecode.

A cold run compiles some 150 patterns (ours, mistune's block scanners, click's and the standard
library's) in `re`'s parser and compiler, which are pure Python: about 20 ms, a tenth of a lint
of a large list. What they make is data, a list of integers and the group names. For its own
process the command line (`__main__`) installs `compile` as `re.compile`: a pattern found in
the table is handed to `_sre.compile`, which checks the code as it does for `re`; a new one is
compiled by `re` and its data added, once that data is shown to make the same pattern (CPython
compares a pattern's text, flags and code). The table is one signed entry in the user's cache
(never the work tree, see `cachedir`), named by the interpreter's version and `_sre.MAGIC`,
and written at the end of a run that added to it. Anything unexpected (another interpreter, no
cache, an entry that does not verify or load, a pattern `_sre` refuses) leaves `re.compile` as
it is, for that pattern or for the run: the table only ever saves time.

Only the command line installs it; the API (`awesomelint.api`) never changes `re` for a caller.
"""

from __future__ import annotations

import sys
from typing import Any

MAX_PATTERNS = 1000  # a table that would grow past this is not written (the run compiled too many)

_PASSED_ON = 0x80 | 0x01  # re.DEBUG (prints as it compiles) and re.TEMPLATE (warns): left to `re`
_table: dict[tuple[str, int], tuple[Any, ...]] | None = None
_added = False
_original: Any = None


def _name() -> str:
    import _sre

    from awesomelint.inputs import digest

    return "p" + digest(f"{sys.version}\0{sys.implementation.cache_tag}\0{_sre.MAGIC}".encode())[:40]


def _store() -> Any:
    from awesomelint.cachedir import SignedStore, cache_root

    return SignedStore(cache_root(), "patterns")


def install() -> None:
    """Use the kept table for `re.compile` in this process (a no-op when it cannot be used)."""
    global _table, _original
    if _table is not None:
        return
    try:
        import marshal
        import re
        from re import _compiler, _parser  # type: ignore[attr-defined]

        if sys.implementation.name != "cpython" or not hasattr(_compiler, "_code") or not hasattr(_parser, "parse"):
            return
        data = _store().get_bytes(_name())
        table = marshal.loads(data) if data else {}
    except Exception:  # no table is no loss: `re` compiles as always
        return
    _table = table if isinstance(table, dict) else {}
    _original = re.compile
    re.compile = compile


def uninstall() -> None:
    """Give `re.compile` back (tests)."""
    global _table, _added
    if _table is not None:
        import re

        re.compile = _original
    _table, _added = None, False


def compile(pattern: Any, flags: Any = 0) -> Any:
    """`re.compile`, from the table when the pattern is in it."""
    global _added
    table = _table
    if table is None or not isinstance(pattern, str) or not isinstance(flags, int) or flags & _PASSED_ON:
        return _original(pattern, flags)
    import _sre

    key = (pattern, int(flags))
    kept = table.get(key)
    if kept is not None:
        try:
            return _sre.compile(pattern, *kept)
        except Exception:
            del table[key]  # not code `_sre` accepts (another build): compiled afresh below
    made = _original(pattern, flags)
    data = _data(pattern, int(flags))
    if data is not None and len(table) < MAX_PATTERNS:
        try:
            same = _sre.compile(pattern, *data) == made
        except Exception:
            same = False
        if same:
            table[key] = data
            _added = True
    return made


def _data(pattern: str, flags: int) -> tuple[Any, ...] | None:
    """What `re._compiler.compile` hands to `_sre.compile` for a pattern, as plain data."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    try:
        parsed = _parser.parse(pattern, flags)
        code = [int(c) for c in _compiler._code(parsed, flags)]
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        return (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    except Exception:
        return None


def keep() -> None:
    """Write the table if this run added to it; never fails the run."""
    if _table is None or not _added:
        return
    try:
        import marshal

        _store().put_bytes(_name(), marshal.dumps(_table))
    except Exception:
        pass
