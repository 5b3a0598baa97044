"""The written-out record classes (`awesomelint.record`) behave as the dataclasses they replaced:
every field an `__init__` parameter of its name, in order; each parameter in its own field; no
shared default container; equality, repr and hashing as a dataclass's (built here as the oracle)."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
from typing import Any

import pytest

import awesomelint
from awesomelint.record import Record


def _all_records() -> list[type[Record]]:
    for info in pkgutil.walk_packages(awesomelint.__path__, "awesomelint."):
        if info.name != "awesomelint.__main__":
            importlib.import_module(info.name)
    out, todo = [], list(Record.__subclasses__())
    while todo:
        cls = todo.pop()
        out.append(cls)
        todo.extend(cls.__subclasses__())
    return sorted(out, key=lambda c: f"{c.__module__}.{c.__qualname__}")


RECORDS = _all_records()


def test_the_records_are_found() -> None:
    names = {c.__name__ for c in RECORDS}
    assert {"Entry", "Link", "Section", "Document", "Diagnostic", "Rule", "Config", "SourceText", "Head"} <= names
    assert len(RECORDS) >= 25


class _Mark:
    """A value of its own, unequal to any other: shows which field a parameter landed in."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"<{self.name}>"


def _params(cls: type[Record]) -> list[inspect.Parameter]:
    return list(inspect.signature(cls).parameters.values())


def _marked(cls: type[Record], tag: str = "") -> Any:
    return cls(**{p.name: _Mark(p.name + tag) for p in _params(cls)})


def _required(cls: type[Record]) -> Any:
    return cls(**{p.name: _Mark(p.name) for p in _params(cls) if p.default is inspect.Parameter.empty})


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_fields_are_the_parameters(cls: type[Record]) -> None:
    assert [p.name for p in _params(cls)] == list(cls._fields)
    assert all(p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD for p in _params(cls))
    slots = {name for c in cls.__mro__ for name in c.__dict__.get("__slots__", ())}
    assert set(cls._fields) <= slots  # slotted: no field can be misspelt into a new attribute
    assert not hasattr(_required(cls), "__dict__")


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_each_parameter_lands_in_its_field(cls: type[Record]) -> None:
    obj = _marked(cls)
    for name in cls._fields:
        assert getattr(obj, name).name == name


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_defaults_are_fresh(cls: type[Record]) -> None:
    a, b = _required(cls), _required(cls)
    for p in _params(cls):
        if p.default is inspect.Parameter.empty:
            continue
        value = getattr(a, p.name)
        if isinstance(value, (list, dict, set)):
            assert p.default is None and not value and value is not getattr(b, p.name), p.name
        else:
            assert value == p.default, p.name


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_equality_repr_and_hash_as_a_dataclass(cls: type[Record]) -> None:
    oracle = dataclasses.make_dataclass(cls.__qualname__, [(name, Any) for name in cls._fields])
    values = {p.name: _Mark(p.name) for p in _params(cls)}
    ours, theirs = cls(**values), oracle(**values)
    assert repr(ours) == repr(theirs)
    assert ours == cls(**values) and theirs == oracle(**values)
    for name in cls._fields:
        other = cls(**{**values, name: _Mark(name)})  # one field differs
        assert ours != other and theirs != oracle(**{**values, name: getattr(other, name)})
    assert ours.__eq__(theirs) is NotImplemented
    with pytest.raises(TypeError):
        hash(ours)


def test_config_compares_its_settings_only() -> None:
    from awesomelint.config import Config

    a, b = Config(select=["AL1"]), Config(select=["AL1"])
    a.digest, b.digest = "x", "y"
    assert a == b and "digest" not in repr(a)
    assert Config(select=["AL1"]) != Config(select=["AL2"])
