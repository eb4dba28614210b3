"""The `buyin` command line: the entry point, and the one place an error becomes output and an exit code.

The commands live in commands/, one module each; only they and this module know
typer, consoles and exit codes.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import NoReturn

from buyin_cli.commands import briefing, check, diff, init, roi  # noqa: F401 - each registers its commands
from buyin_cli.commands.app import app
from buyin_cli.errors import BuyinError, Interrupted, StrategyInvalid
from buyin_cli.words import plural, printable

__all__ = ["app", "main"]


def _fail(error: BuyinError) -> NoReturn:
    """The one place a user-facing error becomes output and an exit code."""
    if isinstance(error, StrategyInvalid):
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"✗ {plural(len(error.problems), 'error')}; nothing was written", file=sys.stderr)
    else:
        print(f"error: {printable(str(error))}", file=sys.stderr)  # it may quote input
    raise SystemExit(1)


def _stop(signum: int, frame: object) -> None:
    raise Interrupted(signum)


def main() -> None:
    """Console entry point."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _stop)
    try:
        app()
    except BuyinError as error:
        _fail(error)
    except (Interrupted, KeyboardInterrupt) as stop:
        print("interrupted; nothing was left half-written", file=sys.stderr)
        signum = stop.signum if isinstance(stop, Interrupted) else signal.SIGINT
        raise SystemExit(128 + signum) from None
    except Exception as error:
        # A bug, not bad input: one line the user can report, the traceback on request.
        if os.environ.get("BUYIN_DEBUG"):
            raise
        print(f"internal error: {type(error).__name__}: {error}; please report it "
              "(BUYIN_DEBUG=1 shows the traceback)", file=sys.stderr)
        raise SystemExit(1) from None
