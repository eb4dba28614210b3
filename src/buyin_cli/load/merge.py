"""A strategy from its files: each file composed, then merged (list sections concatenate).

A list section is the concatenation of that section from every file; a section
that is not a list may appear in one file only (E303).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yaml.nodes import MappingNode, SequenceNode

from buyin_cli.errors import Location, Problem
from buyin_cli.load.budget import Budget
from buyin_cli.load.compose import compose_document, deref
from buyin_cli.load.files import data_file_reader, find_files, read_text, screen_text, total_problem
from buyin_cli.load.sourcemap import SourceMap
from buyin_cli.load.syntax import mark_location
from buyin_cli.load.tree import Converter, Stop

if TYPE_CHECKING:
    from buyin_cli.load.datafiles import DataReader

LIST_SECTIONS = ("objectives", "metrics", "audiences", "initiatives", "pilots",
                 "stakeholders", "objections", "briefings")


@dataclass
class Loaded:
    """Merged raw data of a strategy, where each value came from, and what went wrong."""

    data: dict[str, Any]
    sources: SourceMap
    problems: list[Problem]
    reader: DataReader | None = None  # reads the data files it names, from the same place


def load(path: Path) -> Loaded:
    """Read a strategy file or folder into merged data, a source map and load problems."""
    files, problems = find_files(path)
    too_much = total_problem(path, files)
    if too_much:
        return Loaded({}, SourceMap(files=files), [*problems, too_much])
    loaded = _merged(files, read_text)
    return Loaded(loaded.data, loaded.sources, problems + loaded.problems, data_file_reader(path))


def load_contents(contents: list[tuple[Path, bytes]], reader: DataReader | None = None) -> Loaded:
    """Merge a strategy's files given as (name, bytes) in path order, such as git read them.

    The names are what problems are located at; nothing is read from disk. `reader`
    gives the data files the strategy names, from the same place.
    """
    raw = dict(contents)
    loaded = _merged(list(raw), lambda file: screen_text(file, raw[file]))
    loaded.reader = reader
    return loaded


def _merged(files: list[Path], text_of: Callable[[Path], str | Problem]) -> Loaded:
    sources = SourceMap(files=files)
    merged: dict[str, Any] = {}
    first_seen: dict[str, Location] = {}
    problems: list[Problem] = []
    budget = Budget()  # shared: many small files must not each spend a document's budget
    for file in files:
        if budget.spent:
            break
        text = text_of(file)
        doc = compose_document(file, text) if isinstance(text, str) else text
        if isinstance(doc, Problem):
            problems.append(doc)
        else:
            problems += _merge(file, doc, merged, first_seen, sources, budget)
    return Loaded(merged, sources, problems)


def _merge(file: Path, doc: MappingNode, merged: dict[str, Any],
           first_seen: dict[str, Location], sources: SourceMap, budget: Budget) -> list[Problem]:
    """Add one file's sections: list sections concatenate, others may appear once. Returns
    the problems found in the file."""
    converter = Converter(file, sources, budget)
    problems = converter.problems
    try:
        for key, key_node, value_node in converter.pairs(doc, ()):
            key_loc = mark_location(file, key_node.start_mark)
            items = deref(value_node)
            if (key in LIST_SECTIONS and isinstance(items, SequenceNode) and key in first_seen
                    and not isinstance(merged[key], list)):
                # An earlier file set this list section to something else: it is the one wrong.
                problems.append(_not_a_list(key, sources.at((key,)), key_loc))
                merged[key] = []
            if (key in LIST_SECTIONS and isinstance(items, SequenceNode)
                    and isinstance(merged.get(key, []), list)):
                section = merged.setdefault(key, [])
                if key not in first_seen:
                    first_seen[key] = key_loc
                    converter.record((key,), key_node.start_mark, value_node)
                for item in items.value:
                    path = (key, len(section))
                    converter.record(path, None, item)
                    section.append(converter.convert(item, path, 1))
            elif key in LIST_SECTIONS and key in first_seen:
                problems.append(_not_a_list(key, mark_location(file, items.start_mark),
                                            first_seen[key]))
            elif key in first_seen:
                problems.append(Problem(key_loc, "E303",
                                        f"'{key}' is already set at {first_seen[key]}; a section "
                                        "that is not a list may appear in one file only"))
            else:
                first_seen[key] = key_loc
                converter.record((key,), key_node.start_mark, value_node)
                merged[key] = converter.convert(value_node, (key,))
    except Stop:
        pass
    return problems


def _not_a_list(key: str, where: Location, other: Location) -> Problem:
    return Problem(where, "E203", f"{key}: expected a list of items, as at {other}; write the "
                                  f"items as '- ' lines, or remove '{key}' here")
