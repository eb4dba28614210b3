"""`dataclass(frozen=True)` as the standard library's, with its methods shared instead of compiled per class.

The views, figures and review results are about 120 small frozen dataclasses.
For each, `dataclasses.dataclass(frozen=True)` writes six methods as source text
(`__init__`, `__repr__`, `__eq__`, `__hash__`, `__setattr__`, `__delattr__`)
and compiles them: about a third of a millisecond a class, which made defining
them a tenth of a one-deck `brief` and of `check`. Here the standard library
still collects the fields (`fields()`, `replace()`, `asdict()` and
`is_dataclass()` work as before), and one copy of each method, reading the
class's fields, serves every class. The classes behave as the standard
library's: keyword and positional arguments, defaults and default factories,
keyword-only fields, `__post_init__`, equality and hashing over the compared
fields, the same repr, and `FrozenInstanceError` on assignment.
`tests/test_records.py` compares the two.

What this does not share, the standard library does: `order`, `slots`,
`unsafe_hash`, `init=False` fields, and a class that writes any of the six
methods itself are handed to `dataclasses.dataclass` unchanged. Instances are
a little slower to make (a loop instead of straight-line code), which a deck's
few thousand views do not notice.
"""

from __future__ import annotations

import dataclasses
import inspect
import reprlib
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")

_OWN = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__")
_MISSING = dataclasses.MISSING


@overload
def dataclass(cls: type[T], /) -> type[T]: ...


@overload
def dataclass(*, frozen: bool = False, kw_only: bool = False, order: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(field_specifiers=(dataclasses.field, dataclasses.Field))
def dataclass(cls: type[T] | None = None, /, *, frozen: bool = False, kw_only: bool = False,
              **options: Any) -> Any:
    """`dataclasses.dataclass`, sharing the methods of frozen classes (above)."""

    def wrap(cls: type[T]) -> type[T]:
        if not frozen or options or any(name in cls.__dict__ for name in _OWN):
            return dataclasses.dataclass(cls, frozen=frozen, kw_only=kw_only, **options)
        bases = [b for b in cls.__mro__[1:] if dataclasses.is_dataclass(b)]
        if any("_record" not in b.__dict__ for b in bases):  # a standard frozen base: it checks its own
            return dataclasses.dataclass(cls, frozen=frozen, kw_only=kw_only)
        undocumented = not cls.__doc__
        if undocumented:  # else the standard library reads the signature of object.__init__
            cls.__doc__ = "-"
        # Not frozen to the standard library, which then writes none of the six methods.
        dataclasses.dataclass(cls, init=False, repr=False, eq=False, kw_only=kw_only)
        fields = dataclasses.fields(cls)  # type: ignore[arg-type]
        if undocumented:
            cls.__doc__ = cls.__name__ + _signature(fields)
        if not all(f.init for f in fields):
            raise TypeError(f"{cls.__qualname__}: a field with init=False needs the standard dataclass")
        cls._record = _Record(cls, fields)  # type: ignore[attr-defined]
        for name, method in zip(_OWN, (_init, _repr, _eq, _hash, _setattr, _delattr)):
            setattr(cls, name, method)
        return cls

    return wrap if cls is None else wrap(cls)


class _Factory:
    """How a signature shows a default factory."""

    def __repr__(self) -> str:
        return "<factory>"


def _signature(fields: tuple[dataclasses.Field[Any], ...]) -> str:
    """The signature the standard library's `__init__` would have, as its class docstring gives it."""
    kinds = {False: inspect.Parameter.POSITIONAL_OR_KEYWORD, True: inspect.Parameter.KEYWORD_ONLY}
    ordered = [f for f in fields if not f.kw_only] + [f for f in fields if f.kw_only]
    return str(inspect.Signature([inspect.Parameter(
        f.name, kinds[bool(f.kw_only)], annotation=f.type,
        default=(f.default if f.default is not _MISSING else _Factory()
                 if f.default_factory is not _MISSING else inspect.Parameter.empty))
        for f in ordered]))


class _Record:
    """What the shared methods need to know of one class's fields."""

    __slots__ = ("after", "compare", "fill", "hashed", "names", "positional", "post_init", "repr")

    def __init__(self, cls: type, fields: tuple[dataclasses.Field[Any], ...]):
        self.names = tuple(f.name for f in fields)
        # Keyword-only fields come after the others in `__init__`, as the standard library orders them.
        self.positional = tuple(f.name for f in fields if not f.kw_only)
        self.fill = tuple((f.name, f.default, f.default_factory) for f in fields
                          if f.default is not _MISSING or f.default_factory is not _MISSING)
        # after[k]: the defaults of the fields after the first k, when k positional values and
        # those defaults make a whole instance (None when a field after k has none)
        defaults = dict((name, (name, default, factory)) for name, default, factory in self.fill)
        self.after = tuple(
            tuple(defaults[name] for name in self.names[k:])
            if all(name in defaults for name in self.names[k:]) else None
            for k in range(len(self.names) + 1)) if self.positional == self.names else ()
        self.repr = tuple(f.name for f in fields if f.repr)
        self.compare = tuple(f.name for f in fields if f.compare)
        self.hashed = tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash))
        self.post_init = hasattr(cls, "__post_init__")


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    record: _Record = type(self)._record
    own = self.__dict__
    rest = record.after[len(args)] if not kwargs and len(args) < len(record.after) else None
    if rest is not None:
        own.update(zip(record.names, args))  # the other usual call: the first fields in order
        for key, default, factory in rest:
            own[key] = default if factory is _MISSING else factory()
        if record.post_init:
            self.__post_init__()
        return
    if not args and len(kwargs) == len(record.names):  # the usual call: every field by name
        try:
            own.update([(key, kwargs[key]) for key in record.names])
        except KeyError:
            pass  # a name that is no field: said below, as the standard library says it
        else:
            if record.post_init:
                self.__post_init__()
            return
    name = f"{type(self).__qualname__}.__init__()"
    if len(args) > len(record.positional):
        raise TypeError(f"{name} takes {len(record.positional) + 1} positional arguments "
                        f"but {len(args) + 1} were given")
    values = dict(zip(record.positional, args))
    for key, value in kwargs.items():
        if key in values:
            raise TypeError(f"{name} got multiple values for argument '{key}'")
        values[key] = value
    unknown = [key for key in kwargs if key not in record.names]
    if unknown:
        raise TypeError(f"{name} got an unexpected keyword argument '{unknown[0]}'")
    if len(values) != len(record.names):
        for key, default, factory in record.fill:
            if key not in values:
                values[key] = default if factory is _MISSING else factory()
        missing = [key for key in record.names if key not in values]
        if missing:
            raise TypeError(f"{name} missing {len(missing)} required argument"
                            f"{'s' if len(missing) > 1 else ''}: {', '.join(map(repr, missing))}")
    for key in record.names:  # in the fields' order, as the standard `__init__` sets them
        own[key] = values[key]
    if record.post_init:
        self.__post_init__()


@reprlib.recursive_repr()
def _repr(self: Any) -> str:
    shown = ", ".join(f"{key}={getattr(self, key)!r}" for key in type(self)._record.repr)
    return f"{type(self).__qualname__}({shown})"


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is self.__class__:
        keys = type(self)._record.compare
        return tuple(getattr(self, k) for k in keys) == tuple(getattr(other, k) for k in keys)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(tuple(getattr(self, k) for k in type(self)._record.hashed))


def _setattr(self: Any, name: str, value: Any) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
