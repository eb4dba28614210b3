"""The sandbox's attribute checks, kept per (type, name), answer as Jinja's own checks do."""

from __future__ import annotations

import collections
import types
from collections import abc
from pathlib import Path
from typing import Any

import pytest
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from buyin_cli.errors import TemplateError
from buyin_cli.render.safe_attributes import CachedAttributeChecks
from buyin_cli.render.templating import make_environment, render


def _function() -> None:
    """A plain function, for its internals."""


def _generator() -> Any:
    yield 1


class _Record:
    """A plain class, as the view's records are."""

    title = "t"

    def show(self) -> str:
        """A method, for a bound method's internals."""
        return self.title


class _Claims:
    """An object that says it is a list: `isinstance` believes it, not its type."""

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        return list


class _Mapping:
    """Registered as a MutableMapping in a test, after its objects were checked."""

    def pop(self) -> None:
        """A method whose name mutates a mapping."""


OBJECTS = ["text", Markup("m"), 3, 2.5, [1], (1,), {"a": 1}, {1}, frozenset(), collections.deque(),
           _function, _Record.__init__, _Record().show, _Record, _Record(), str, type,
           _generator(), _function.__code__, _Claims(), collections.OrderedDict(), None]
NAMES = ["upper", "title", "append", "pop", "clear", "update", "add", "keys", "get", "index",
         "mro", "__class__", "__globals__", "__init__", "_private", "func_globals", "__code__",
         "gi_frame", "gi_code", "im_func", "__self__", "co_code", "sort", "format", "x"]


@pytest.mark.parametrize("rounds", [1, 3])
def test_every_answer_is_jinjas(rounds: int) -> None:
    jinja, kept = ImmutableSandboxedEnvironment(), CachedAttributeChecks()
    for _ in range(rounds):
        for obj in OBJECTS:
            for name in NAMES:
                expected = jinja.is_safe_attribute(obj, name, None)
                assert kept.is_safe_attribute(obj, name, None) is expected, (obj, name)
    assert kept._safe, "nothing was kept: the cache is not used"
    assert not any(kind is _Claims for kind, _ in kept._safe), "a type that lies was kept"


def test_the_internals_stay_refused() -> None:
    kept = CachedAttributeChecks()
    for _ in range(2):  # the second time from what was kept
        assert not kept.is_safe_attribute("", "__class__", str)
        assert not kept.is_safe_attribute(str, "mro", str.mro)
        assert not kept.is_safe_attribute(_function, "__globals__", {})
        assert not kept.is_safe_attribute(_generator(), "gi_frame", None)
        assert not kept.is_safe_attribute(_Record().show, "__self__", None)
        assert not kept.is_safe_attribute([], "append", [].append)
        assert kept.is_safe_attribute("", "upper", "".upper)


def test_a_lying_class_is_checked_every_time() -> None:
    kept = CachedAttributeChecks()
    assert not kept.is_safe_attribute(_Claims(), "append", None)  # isinstance says list
    assert kept.is_safe_attribute(_Record(), "append", None)


def test_registering_with_an_abc_drops_what_was_kept() -> None:
    kept, mapping = CachedAttributeChecks(), _Mapping()
    assert kept.is_safe_attribute(mapping, "pop", mapping.pop)
    abc.MutableMapping.register(_Mapping)
    assert not kept.is_safe_attribute(mapping, "pop", mapping.pop)
    assert not ImmutableSandboxedEnvironment().is_safe_attribute(mapping, "pop", mapping.pop)


def test_a_string_subclass_name_is_checked_afresh() -> None:
    kept = CachedAttributeChecks()
    assert kept.is_safe_attribute("", "upper", None)
    assert not kept.is_safe_attribute("", Markup("__class__"), None)


@pytest.mark.parametrize("source", [
    "{{ ''.__class__ }}", "{{ ''.__class__.mro() }}", "{{ f.__globals__ }}",
    "{{ f.__code__ }}", "{{ g.gi_frame }}", "{{ items.append(1) }}", "{{ ''['__class__'] }}",
])
def test_templates_are_refused_the_same_the_second_time(tmp_path: Path, source: str) -> None:
    env = make_environment(tmp_path)
    (tmp_path / "t.j2").write_text("{{ ''.upper() }}{{ items.index(1) }}" + source, encoding="utf-8")
    for _ in range(2):
        with pytest.raises(TemplateError):
            render(env, "t.j2", items=[1], f=_function, g=_generator())


def test_types_module_objects_are_internal() -> None:
    kept = CachedAttributeChecks()
    frame = types.SimpleNamespace()
    assert kept.is_safe_attribute(frame, "x", None)
    assert not kept.is_safe_attribute(_function.__code__, "co_consts", None)


class _Proxy:
    """An object whose own look-up answers for `__class__`."""

    def __getattribute__(self, name: str) -> Any:
        return dict if name == "__class__" else object.__getattribute__(self, name)


def test_a_class_with_its_own_lookup_is_never_kept() -> None:
    import weakref

    kept, target = CachedAttributeChecks(), {"a": 1}

    class Box(dict):
        """A dict subclass that can be weakly referenced."""

    box = Box()
    proxy = weakref.proxy(box)
    for _ in range(2):
        assert not kept.is_safe_attribute(_Proxy(), "pop", None)
        assert not kept.is_safe_attribute(proxy, "pop", None)
        assert not kept.is_safe_attribute(target, "pop", None)
    assert all(kind not in (_Proxy, type(proxy)) for kind, _ in kept._safe)
    assert (str, "x") not in kept._safe and kept.is_safe_attribute("", "x", None)
    assert (str, "x") in kept._safe  # the built-in types are kept
