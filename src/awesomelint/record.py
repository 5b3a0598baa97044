"""Record classes written out: equality and repr from the fields a class names.

`@dataclass` makes a class's methods when its module is imported, by writing their source and
compiling it: about half a millisecond a class, 14 ms of a cold lint for the classes every run
loads (our records, rules, diagnostics, config). Ours are written out instead, as the standard
library writes its own: a class names its fields in `_fields` (as its `__slots__` too, where it
has slots) and writes its `__init__`, with the fields as parameters in that order; `Record` gives
the rest as a dataclass would. Equal when of the same class with equal fields, compared as a
tuple (so a field holding the same object compares equal, as a dataclass's); unhashable; the repr
lists the fields. `tests/test_record.py` checks every subclass: each field is a parameter of the
same name, in order; each parameter lands in its own field; no default container is shared.
The few classes only `links` and `merge` load stay dataclasses.
"""

from __future__ import annotations

from typing import Any, ClassVar


class Record:
    """A mutable record compared and shown by its `_fields` (see the module docstring)."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()
    __hash__ = None  # type: ignore[assignment]  # mutable: not a dict key, as a dataclass

    def _values(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in self._fields])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Record)
        return self._values() == other._values()

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__qualname__}({shown})"
