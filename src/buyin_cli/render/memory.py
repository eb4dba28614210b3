"""What a template's rendering may add to the process's memory, where the system can cap it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

MAX_MEMORY = 1024 ** 3


@contextmanager
def memory_capped() -> Iterator[None]:
    """The process may grow by at most MAX_MEMORY while a template renders: a filter the
    sandbox does not see (`center(1500000000)`, `replace`, a format width, `~` doubling
    a text) then fails with MemoryError where it is, not the machine. Linux only."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as stream:
            used = int(stream.read().split()[0]) * resource.getpagesize()
        old = resource.getrlimit(resource.RLIMIT_AS)
        wanted = used + MAX_MEMORY
        cap: int | None = wanted
        if old[0] != resource.RLIM_INFINITY and old[0] <= wanted:
            cap = None  # a tighter limit is already set
        elif old[1] != resource.RLIM_INFINITY and wanted > old[1]:
            cap = old[1]
        if cap is not None:
            resource.setrlimit(resource.RLIMIT_AS, (cap, old[1]))
    except (ImportError, OSError, ValueError):
        yield
        return
    try:
        yield
    finally:
        if cap is not None:
            resource.setrlimit(resource.RLIMIT_AS, old)


def over_memory() -> str:
    """What to say when a rendering ran out of its memory."""
    return (f"the template needs more than {MAX_MEMORY // 1024 ** 2:,} MB of memory and was "
            "stopped here; a template must not build text without end")
