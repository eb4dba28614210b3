"""The sandbox's attribute checks, decided once per (type, attribute name).

Jinja's immutable sandbox asks, at every attribute a template reads, whether the name
is private or internal (`_x`, `__class__`, a function's `__globals__`, a type's `mro`)
and whether it would change a list, dict, set or deque (`append`, `pop`…). Its answer
depends on the attribute's name and on `isinstance` tests of the object against fixed
types and abstract base classes, never on the value read. So for an object whose
`isinstance` answers come from its type alone, the answer is the same for every object
of that type: it is kept per (type, name), and the checks run once (≈8 % of a `watch`
save was these checks, repeated for the same few dozen pairs).

What keeps the answer exact:

- A type whose instances may claim another class is never kept: `isinstance` also
  asks an object's `__class__`, which a class can redefine (a property, or its own
  `__getattribute__`). Its objects are checked every time, as Jinja would. Only the
  built-in types and Jinja's `namespace()` are trusted to define `__getattribute__`.
- Registering a class with an abstract base class (`MutableMapping.register(C)`) changes
  what `isinstance` says about C's objects: the kept answers are dropped whenever
  `abc.get_cache_token()` moves, which every registration does.
- Anything not a plain attribute name string is checked every time too.
"""

from __future__ import annotations

import abc
from typing import Any

from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace

_KEPT_AT_MOST = 4096  # pairs; past that (a template reading many names) the checks just run


class CachedAttributeChecks(ImmutableSandboxedEnvironment):
    """The immutable sandbox, its attribute checks kept per (type, attribute name)."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._safe: dict[tuple[type, str], bool] = {}
        self._plain: dict[type, bool] = {}
        self._token = abc.get_cache_token()

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        token = abc.get_cache_token()
        if token != self._token:  # a class was registered with an ABC: decide afresh
            self._safe.clear()
            self._token = token
        if type(attr) is not str:
            return super().is_safe_attribute(obj, attr, value)
        kind = type(obj)
        key = (kind, attr)
        safe = self._safe.get(key)
        if safe is not None:
            return safe
        safe = super().is_safe_attribute(obj, attr, value)
        if len(self._safe) < _KEPT_AT_MOST and self._is_plain(kind):
            self._safe[key] = safe
        return safe

    def _is_plain(self, kind: type) -> bool:
        """Whether `isinstance` of this type's objects is decided by the type alone."""
        plain = self._plain.get(kind)
        if plain is None:
            plain = all(base in _TRUE_TO_TYPE or not (
                "__getattribute__" in vars(base) or "__class__" in vars(base))
                for base in kind.__mro__)
            self._plain[kind] = plain
        return plain


# Types whose objects' `__class__` is their type although they define `__getattribute__`:
# the built-in ones the view and templates use (their look-up is Python's generic one), and
# Jinja's `namespace()`, whose `__getattribute__` hands `__class__` to object's. Any other
# class defining `__getattribute__` (a C proxy such as weakref's, or Python code) may claim
# another class, so its objects are checked every time.
_TRUE_TO_TYPE = frozenset({object, str, int, float, bool, complex, list, tuple, dict, set,
                           frozenset, bytes, range, Namespace})
