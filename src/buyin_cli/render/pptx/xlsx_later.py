"""XlsxWriter, stood in for until a workbook is really written with it.

python-pptx's chart data module imports `xlsxwriter.Workbook` at its top, for the
chart workbooks it writes: ≈20 ms of a one-deck `brief`, whose workbooks chartbook.py
writes itself. The stand-in gives python-pptx a `Workbook` that imports XlsxWriter when
it is called, and hands anything else asked of the module (its submodules, its other
names) to XlsxWriter, imported in the stand-in's place, as pydantic's plugin loader is
stood in for (plugins_off.py). Code that imports XlsxWriter after the stand-in (the
tests run `roi --format xlsx` and `brief` in one process) gets the stand-in, which hands
over the same way; tests/test_chartbook.py checks both orders.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from typing import Any

NAME = "xlsxwriter"
# A module's own names, asked of every module by tools that walk them: no reason to import it.
_OWN = frozenset({"__file__", "__cached__", "__wrapped__", "__test__"})


def _real() -> types.ModuleType:
    """XlsxWriter itself, imported in the stand-in's place."""
    if isinstance(sys.modules.get(NAME), _StandIn):
        del sys.modules[NAME]
    return importlib.import_module(NAME)


def Workbook(*args: Any, **kwargs: Any) -> Any:  # the name python-pptx imports
    """XlsxWriter's `Workbook(...)`, XlsxWriter imported first."""
    return _real().Workbook(*args, **kwargs)


class _StandIn(types.ModuleType):
    """XlsxWriter's module while nothing but `Workbook` has been asked of it."""

    Workbook = staticmethod(Workbook)

    def __getattr__(self, name: str) -> Any:  # anything else is XlsxWriter's, `__version__` too
        if name in _OWN:
            raise AttributeError(name)
        return getattr(_real(), name)


def stand_in() -> None:
    """Put the stand-in where python-pptx will import XlsxWriter from, unless it is loaded.

    It has XlsxWriter's `__path__` (found, not imported): `from xlsxwriter import Workbook`
    asks a package only for the name, and `import xlsxwriter.utility` finds the submodule
    where it is; XlsxWriter's own package replaces the stand-in at the first other name.
    """
    if NAME not in sys.modules:
        spec = importlib.util.find_spec(NAME)
        if spec is None or spec.submodule_search_locations is None:
            return  # not installed as a package: python-pptx's import says so as it would
        module = _StandIn(NAME, __doc__)
        module.__path__ = list(spec.submodule_search_locations)
        sys.modules[NAME] = module
