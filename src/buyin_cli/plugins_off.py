"""pydantic's plugin loader, stood in for while plugins are turned off.

pydantic imports its plugin loader the first time it builds a validator, and the
loader imports `importlib.metadata` at its top (with `email`, `csv` and more) even
when `PYDANTIC_DISABLE_PLUGINS` turns plugins off, as buyin's command line does:
about 10 ms of every command's start-up, for nothing. The stand-in answers the one
question pydantic asks, "which plugins?", with none while plugins are off, exactly
as the loader does; anything else, or the question asked with plugins on, loads
pydantic's own loader in its place and hands over to it.
"""

from __future__ import annotations

import importlib
import os
import sys
import types
from collections.abc import Iterable
from typing import Any

NAME = "pydantic.plugin._loader"
_OFF = ("__all__", "1", "true")  # the values with which pydantic's loader finds no plugin


def _real() -> types.ModuleType:
    """pydantic's own loader, imported in the stand-in's place."""
    if isinstance(sys.modules.get(NAME), _StandIn):
        del sys.modules[NAME]
    return importlib.import_module(NAME)


class _StandIn(types.ModuleType):
    """The loader's module while no plugin has been asked for with plugins on."""

    def get_plugins(self) -> Iterable[Any]:
        if os.getenv("PYDANTIC_DISABLE_PLUGINS") in _OFF:
            return ()
        real: Iterable[Any] = _real().get_plugins()
        return real

    def __getattr__(self, name: str) -> Any:  # anything else is the real loader's
        if name.startswith("__") and name.endswith("__"):  # `__file__`, `__path__`: a module's
            raise AttributeError(name)  # own, asked of every module by tools that walk them
        return getattr(_real(), name)


def stand_in() -> None:
    """Put the stand-in where pydantic will import its loader from, unless it is loaded."""
    if NAME not in sys.modules:
        sys.modules[NAME] = _StandIn(NAME, __doc__)
