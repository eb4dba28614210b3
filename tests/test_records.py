"""`buyin_cli.records.dataclass` behaves as the standard library's `dataclass(frozen=True)`."""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

import pytest

from buyin_cli import records


def _classes(make: Any) -> dict[str, type]:
    """The same little family of classes, made with `make` (either dataclass)."""

    @make(frozen=True)
    class Plain:
        """Positional fields, a default, a default factory, a field left out of comparing."""

        name: str
        count: int = 0
        tags: list[str] = dataclasses.field(default_factory=list)
        note: str = dataclasses.field(default="", compare=False, repr=False)

    @make(frozen=True, kw_only=True)
    class Keyed:
        """Keyword-only fields."""

        unit: str
        scale: float = 1.0

    @make(frozen=True)
    class Child(Keyed):
        """A positional field after inherited keyword-only ones."""

        value: float

    @make(frozen=True)
    class Checked:
        """A __post_init__ that checks its field."""

        amount: int

        def __post_init__(self) -> None:
            if self.amount < 0:
                raise ValueError("negative")

    @make(frozen=True)
    class Empty:
        """No fields at all."""

    @make(frozen=True)
    class Bare:
        name: str
        tags: list[str] = dataclasses.field(default_factory=list)
        count: int = 1

    return {"Plain": Plain, "Keyed": Keyed, "Child": Child, "Checked": Checked, "Empty": Empty,
            "Bare": Bare}


STANDARD = _classes(dataclasses.dataclass)
SHARED = _classes(records.dataclass)

CALLS: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = [
    ("Plain", ("a",), {}),
    ("Plain", ("a", 2), {"tags": ["x"]}),
    ("Plain", (), {"name": "b", "note": "n"}),
    ("Keyed", (), {"unit": "h"}),
    ("Keyed", (), {"unit": "h", "scale": 2.5}),
    ("Child", (3.0,), {"unit": "kg"}),
    ("Checked", (4,), {}),
    ("Empty", (), {}),
    ("Bare", ("b",), {}),
]
BAD_CALLS: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = [
    ("Plain", (), {}),
    ("Plain", ("a", 1, [], "n", "extra"), {}),
    ("Plain", ("a",), {"name": "again"}),
    ("Plain", ("a",), {"colour": "red"}),
    ("Plain", ("a", 1, []), {"colour": "red"}),  # as many values as fields, one of them no field
    ("Plain", (), {"name": "a", "count": 1, "tags": [], "colour": "red"}),
    ("Keyed", ("h",), {}),
    ("Child", (), {"unit": "kg"}),
    ("Checked", (-1,), {}),
]


def _both(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, Any]:
    return STANDARD[name](*args, **kwargs), SHARED[name](*args, **kwargs)


def _same(standard: Any, shared: Any) -> None:
    assert type(shared).__doc__ == type(standard).__doc__  # a class without one is given its signature
    assert repr(shared) == repr(standard)
    assert vars(shared) == vars(standard)
    assert list(vars(shared)) == list(vars(standard))  # attributes set in the same order
    assert dataclasses.asdict(shared) == dataclasses.asdict(standard)
    assert [f.name for f in dataclasses.fields(shared)] == [f.name for f in dataclasses.fields(standard)]
    assert type(shared).__match_args__ == type(standard).__match_args__


@pytest.mark.parametrize(("name", "args", "kwargs"), CALLS)
def test_an_instance_is_made_and_shown_alike(name, args, kwargs):
    _same(*_both(name, args, kwargs))


@pytest.mark.parametrize(("name", "args", "kwargs"), BAD_CALLS)
def test_a_wrong_call_fails_alike(name, args, kwargs):
    with pytest.raises(Exception) as standard:
        STANDARD[name](*args, **kwargs)
    with pytest.raises(Exception) as shared:
        SHARED[name](*args, **kwargs)
    assert type(shared.value) is type(standard.value)


@pytest.mark.parametrize(("name", "args", "kwargs"), CALLS)
def test_equality_and_hashing_follow_the_compared_fields(name, args, kwargs):
    standard, shared = _both(name, args, kwargs)
    twin = SHARED[name](*args, **kwargs)
    assert shared == twin
    assert (shared != twin) is False  # __ne__ comes from __eq__
    assert shared != standard  # another class: never equal, as between two dataclasses
    if all(not isinstance(v, list) for v in vars(shared).values()):
        assert hash(shared) == hash(twin) == hash(standard)
    else:
        with pytest.raises(TypeError):
            hash(shared)
        with pytest.raises(TypeError):
            hash(standard)


def test_a_field_left_out_of_comparing_does_not_count():
    one, other = SHARED["Plain"]("a", note="x"), SHARED["Plain"]("a", note="y")
    assert one == other
    assert one != SHARED["Plain"]("a", 1)


def test_default_factories_give_each_instance_its_own_value():
    one, other = SHARED["Plain"]("a"), SHARED["Plain"]("b")
    assert one.tags == [] and one.tags is not other.tags


@pytest.mark.parametrize(("name", "args", "kwargs"), CALLS)
def test_nothing_can_be_assigned_or_deleted(name, args, kwargs):
    shared = SHARED[name](*args, **kwargs)
    for attribute in [*vars(shared), "other"]:
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(shared, attribute, 1)
        with pytest.raises(dataclasses.FrozenInstanceError):
            delattr(shared, attribute)


@pytest.mark.parametrize(("name", "args", "kwargs"), CALLS)
def test_replace_and_copy_work(name, args, kwargs):
    standard, shared = _both(name, args, kwargs)
    _same(dataclasses.replace(standard), dataclasses.replace(shared))
    assert copy.copy(shared) == shared and copy.deepcopy(shared) == shared
    if name == "Plain":
        _same(dataclasses.replace(standard, count=7), dataclasses.replace(shared, count=7))


def test_the_rest_is_left_to_the_standard_library():
    """order=True, and a class that writes one of the methods itself, get the standard one."""

    @records.dataclass(frozen=True, order=True)
    class Ordered:
        """Sorted by its fields."""

        rank: int

    @records.dataclass(frozen=True)
    class Shown:
        """Its own repr."""

        x: int

        def __repr__(self) -> str:
            return "shown"

    assert Ordered(1) < Ordered(2)
    assert "_record" not in vars(Ordered) and "_record" not in vars(Shown)
    assert repr(Shown(1)) == "shown" and Shown(1) == Shown(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        Shown(1).x = 2  # type: ignore[misc]
