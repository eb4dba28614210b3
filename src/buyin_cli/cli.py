"""The `buyin` command line: the entry point, and the one place an error becomes output and an exit code.

The commands live in commands/, one module each; only they and this module know
typer, consoles and exit codes. What only a failure needs (the error classes, how a
problem is printed) is imported when one happens, so `buyin --help` starts fast.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import TYPE_CHECKING, NoReturn

from buyin_cli.commands import briefing, check, diff, init, roi  # noqa: F401 - each registers its commands
from buyin_cli.commands.app import app

if TYPE_CHECKING:
    from buyin_cli.errors import BuyinError

__all__ = ["app", "main"]


def _fail(error: BuyinError) -> NoReturn:
    """The one place a user-facing error becomes output and an exit code."""
    from buyin_cli.errors import ImpossibleFigures, StrategyInvalid
    from buyin_cli.words import plural, printable

    if isinstance(error, StrategyInvalid):
        for problem in error.problems:
            print(problem, file=sys.stderr)
        if isinstance(error, ImpossibleFigures):
            print(f"✗ {plural(len(error.problems), 'impossible figure', 'impossible figures')}; nothing was written: "
                  "correct it, accept it with its reason, or render a draft with --draft",
                  file=sys.stderr)
        else:
            print(f"✗ {plural(len(error.problems), 'error', 'errors')}; nothing was written",
                  file=sys.stderr)
    else:
        print(f"error: {printable(str(error))}", file=sys.stderr)  # it may quote input
    raise SystemExit(1)


def _stop(signum: int, frame: object) -> None:
    from buyin_cli.errors import Interrupted

    raise Interrupted(signum)


def main() -> None:
    """Console entry point."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _stop)
    # buyin's models are its own: a pydantic plugin installed beside it has no part in them,
    # and looking for plugins reads every installed package's entry points (a few ms).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from buyin_cli.plugins_off import stand_in

    stand_in()  # nor does pydantic import what it would look for them with
    from buyin_cli.streams import inert_streams

    # A run in a long-lived process (a test) starts with no inputs noted; the loader is
    # not imported for it (`--help` stays light), as an earlier run would have done so.
    inputs = sys.modules.get("buyin_cli.load.inputs")
    if inputs is not None:
        inputs.forget_inputs()

    with inert_streams():  # whatever is printed, a CI runner finds no command in it
        try:
            app()
        except SystemExit:
            raise
        except BaseException as raised:  # noqa: BLE001 - sorted below, by what it is
            _handle(raised)


def _handle(raised: BaseException) -> NoReturn:
    """What the user sees of an exception that ended a command."""
    from buyin_cli.errors import BuyinError, Interrupted

    if isinstance(raised, BuyinError):
        _fail(raised)
    if isinstance(raised, (Interrupted, KeyboardInterrupt)):
        print("interrupted; nothing was left half-written", file=sys.stderr)
        signum = raised.signum if isinstance(raised, Interrupted) else signal.SIGINT
        raise SystemExit(128 + signum) from None
    if not isinstance(raised, Exception) or os.environ.get("BUYIN_DEBUG"):
        raise raised
    # A bug, not bad input: one line the user can report, the traceback on request.
    print(f"internal error: {type(raised).__name__}: {raised}; please report it "
          "(BUYIN_DEBUG=1 shows the traceback)", file=sys.stderr)
    raise SystemExit(1) from None
