"""The template sandbox's bounds: what a template may cost in time, numbers, text and output.

Templates arrive in pull requests and CI renders them. Jinja's sandbox keeps them
from reaching Python's internals but not from exhausting the runner: `10 ** 10 ** 10`
(folded at compile time, even in dead code), `"a" * 4000000000`, nested loops over
`range(100000)` or a template that includes itself. Here the operators that can
grow without end are intercepted (which also stops Jinja folding them), `range`
is capped, rendering runs against a deadline and its output against a size.
"""

from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from jinja2 import pass_context

from buyin_cli.render.memory import memory_capped
from buyin_cli.render.safe_attributes import CachedAttributeChecks

MAX_SECONDS = 20.0  # all of one run's renderings together (a run renders many templates)
MAX_CHARS = 20_000_000  # one template's output, and any text or list it builds
MAX_BITS = 10_000  # an integer a template computes (about 3,000 digits)
MAX_RANGE = 100_000  # numbers in one range()


class TemplateLimit(Exception):
    """A template went past one of the sandbox's bounds; str() says which, for a person."""


class BoundedSandbox(CachedAttributeChecks):
    """The immutable sandbox, with the operators that can grow without end bounded."""

    intercepted_binops = frozenset({"**", "*", "+", "%"})

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.globals["range"] = bounded_range
        self.deadline: float | None = None
        self.spent = 0.0  # seconds this run's renderings took so far
        # Every filter runs bounded, at render time: one Jinja would fold when it compiles
        # (`"x"|center(1500000000)` has constant arguments) ran outside every bound.
        for name, function in list(self.filters.items()):
            self.filters[name] = _bounded_filter(self, name, function)

    def new_run(self) -> None:
        """A new run (a `brief`, a save in `watch`) has the whole time budget again."""
        self.spent = 0.0

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.check_time()
        if operator == "**":
            _check_power(left, right)
        elif operator == "*":
            _check_product(left, right)
        elif operator == "%":
            _check_format(left, right)
        result = super().call_binop(context, operator, left, right)
        if operator == "+" and _size(result) > MAX_CHARS:
            raise TemplateLimit(f"this joins {_size(result):,} characters or items; "
                                f"a template's text and lists hold at most {MAX_CHARS:,}")
        return result

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        __self.check_time()
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.check_time()
        value = super().getattr(obj, attribute)
        if isinstance(obj, str) and attribute in _WIDENING and callable(value):
            def widening(*args: Any, **kwargs: Any) -> Any:
                _check_widths(f"str.{attribute}", obj, args, kwargs)
                return value(*args, **kwargs)
            return widening
        return value

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.check_time()
        return super().getitem(obj, argument)

    def check_time(self) -> None:
        """Stop a rendering past its deadline (where no alarm can: off the main thread)."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            _overtime()


def render_bounded(env: Any, template: Any, context: dict[str, Any]) -> str:
    """`template` rendered with `context`, within the time and output bounds."""
    chunks: list[str] = []
    size = 0
    with _deadline(env), memory_capped():
        output = template.generate(**context)
        for chunk in output:
            size += len(chunk)
            if size > MAX_CHARS:
                # Thrown in where the template wrote it, so the error names that line.
                output.throw(TemplateLimit(f"the output is over {MAX_CHARS:,} characters; a "
                                           "template must not repeat its text without end"))
            chunks.append(chunk)
    return "".join(chunks)


class _Range:
    """range() for templates: at most MAX_RANGE numbers, iterated against the deadline."""

    def __init__(self, numbers: range):
        self.numbers = numbers

    def __iter__(self) -> Iterator[int]:
        for i, number in enumerate(self.numbers):
            if i % 1000 == 999:
                _check_deadline()
            yield number

    def __len__(self) -> int:
        return len(self.numbers)

    def __getitem__(self, index: Any) -> Any:
        return self.numbers[index]

    def __contains__(self, value: Any) -> bool:
        return value in self.numbers

    def __reversed__(self) -> Iterator[int]:
        return iter(_Range(self.numbers[::-1]))


def bounded_range(*args: int) -> _Range:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise TemplateLimit(f"range() of {len(numbers):,} numbers; a template's ranges hold "
                            f"at most {MAX_RANGE:,}")
    return _Range(numbers)


_active: list[BoundedSandbox] = []  # the environments rendering now, innermost last


@contextmanager
def _deadline(env: Any) -> Iterator[None]:
    """Rendering inside this block stops with TemplateLimit after MAX_SECONDS.

    On the main thread an alarm interrupts any loop; elsewhere (or where there are no
    alarms) the sandbox's calls, attribute look-ups, operators and ranges check the clock.
    """
    outer = getattr(env, "deadline", None)
    # What is left of the run's budget: loops kept just under a per-template limit must
    # not add up across the templates and briefings of one run.
    left = max(MAX_SECONDS - getattr(env, "spent", 0.0), 0.001)
    start = time.monotonic()
    if isinstance(env, BoundedSandbox):
        env.deadline = start + left if outer is None else outer
        _active.append(env)
    alarm = (outer is None and hasattr(signal, "setitimer")
             and threading.current_thread() is threading.main_thread())
    previous = signal.signal(signal.SIGALRM, _on_alarm) if alarm else None
    if alarm:
        signal.setitimer(signal.ITIMER_REAL, left)
    try:
        yield
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        if isinstance(env, BoundedSandbox):
            env.deadline = outer
            _active.remove(env)
            if outer is None:
                env.spent += time.monotonic() - start


def _on_alarm(signum: int, frame: Any) -> None:
    _overtime()


def _check_deadline() -> None:
    for env in _active:
        env.check_time()


def _overtime() -> None:
    if hasattr(signal, "setitimer"):  # one stop: the alarm must not fire again while it unwinds
        signal.setitimer(signal.ITIMER_REAL, 0)
    for env in _active:
        env.deadline = None
    raise TemplateLimit(f"rendering took over {MAX_SECONDS:g} s and was stopped here; "
                        "a template must not loop without end")


def _check_power(base: Any, exponent: Any) -> None:
    if isinstance(base, int) and isinstance(exponent, int) and exponent > 0 and abs(base) > 1:
        if exponent * (abs(base).bit_length() - 1) > MAX_BITS:
            raise TemplateLimit(f"the power {_short(base)} ** {_short(exponent)} is too large; "
                                f"a template's numbers have at most {MAX_BITS:,} bits (compute "
                                "figures in the view, not the template)")


def _check_product(left: Any, right: Any) -> None:
    if isinstance(left, int) and isinstance(right, int):
        if left.bit_length() + right.bit_length() > MAX_BITS:
            raise TemplateLimit(f"the product {_short(left)} * {_short(right)} is too large; "
                                f"a template's numbers have at most {MAX_BITS:,} bits")
        return
    for items, times in ((left, right), (right, left)):
        if isinstance(times, int) and not isinstance(times, bool) and _size(items) * times > MAX_CHARS:
            raise TemplateLimit(f"repeating {_size(items):,} characters or items {_short(times)} "
                                f"times is too much; a template's text and lists hold at most "
                                f"{MAX_CHARS:,}")


def _check_format(left: Any, right: Any = ()) -> None:
    """'%999999999d' % 1 would make a gigabyte of spaces: widths are bounded like text,
    written in the format or given as an argument ('%*d')."""
    if isinstance(left, str):
        for width in re.findall(r"%[-+ #0]*(\d+)|%[-+ #0]*\d*\.(\d+)", left):
            if any(w and int(w) > MAX_CHARS for w in width):
                raise TemplateLimit(f"a '%' format width is over {MAX_CHARS:,} characters")
        if "*" in left:
            _check_widths("a '%' format", left, right if isinstance(right, tuple) else (right,), {})


# What makes text as wide as an argument says: str methods a template may call.
_WIDENING = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs", "format",
                       "format_map", "replace", "join"})
_SPEC_WIDTH = re.compile(r"\{[^{}]*:[^{}]*?(\d{7,})")
_NESTED_WIDTH = re.compile(r"\{[^{}]*:[^{}]*\{")


def _check_widths(what: str, text: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a width, a repeat or a result past MAX_CHARS before the text is made."""
    numbers = [a for a in (*args, *kwargs.values()) if isinstance(a, int) and not isinstance(a, bool)]
    widths = [int(w) for w in _SPEC_WIDTH.findall(text)] if isinstance(text, str) else []
    # An argument is a width for center() and the like, and for a format that takes its
    # width from its arguments ('%*d', '{:>{}}'); otherwise it is a value (25,000,000 €).
    kind = what.strip("'").rpartition(" ")[2].rpartition(".")[2].strip("'")
    takes_width = kind not in ("format", "format_map", "replace", "join") or (
        isinstance(text, str) and ("*" in text or _NESTED_WIDTH.search(text) is not None))
    if any(n > MAX_CHARS for n in (numbers if takes_width else []) + widths):
        raise TemplateLimit(f"{what} is given a width over {MAX_CHARS:,} characters; a "
                            f"template's text holds at most {MAX_CHARS:,}")
    size = _size(text) + sum(_size(a) for a in args if not isinstance(a, int))
    if kind == "replace" and len(args) >= 2 and isinstance(text, str):
        old, new = str(args[0]), str(args[1])
        size = len(text) + (text.count(old) if old else len(text) + 1) * max(len(new) - len(old), 0)
    elif kind == "join" and isinstance(text, (list, tuple)):
        size = sum(_size(item) for item in text) + _size(args[0] if args else "") * len(text)
    elif kind == "join" and args and isinstance(args[0], (list, tuple)):
        size = sum(_size(item) for item in args[0]) + _size(text) * len(args[0])
    if size > MAX_CHARS:
        raise TemplateLimit(f"{what} would make {size:,} characters; a template's text "
                            f"holds at most {MAX_CHARS:,}")


def _bounded_filter(env: BoundedSandbox, name: str, function: Any) -> Any:
    """`function` as a filter that runs only when rendering, against the clock and sizes."""
    passes = getattr(function, "jinja_pass_arg", None)

    @pass_context
    def bounded(context: Any, value: Any, *args: Any, **kwargs: Any) -> Any:
        env.check_time()
        if name in ("center", "indent", "format", "replace", "join", "wordwrap", "truncate"):
            _check_widths(f"the filter '{name}'", value, args, kwargs)
        first = {"context": (context,), "eval_context": (context.eval_ctx,),
                 "environment": (context.environment,)}.get(getattr(passes, "name", ""), ())
        return function(*first, value, *args, **kwargs)

    return bounded


def _size(value: Any) -> int:
    try:
        return len(value) if isinstance(value, (str, bytes, list, tuple)) else 0
    except TypeError:
        return 0


def _short(number: int) -> str:
    if number.bit_length() < 100:
        return str(number)
    return f"a {int(number.bit_length() * 0.30103) + 1:,}-digit number"
