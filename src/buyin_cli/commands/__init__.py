"""The commands, one module each: parse options, call one core function, print, set the exit code.

A command imports the heavy libraries (rich, jinja2, python-pptx) inside its
function, so `buyin check` and `buyin --help` start fast. The modules are written
without `from __future__ import annotations`: typer reads every command's annotations
to build `--help`, and as objects they need no evaluating from strings at each start.
"""
