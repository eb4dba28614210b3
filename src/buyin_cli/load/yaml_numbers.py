"""Numbers as YAML writes them: the bases YAML 1.1 reads that people do not mean, and what Python cannot read."""

from __future__ import annotations

import re

import yaml
from yaml.nodes import ScalarNode

from buyin_cli.words import clip

_INT = "tag:yaml.org,2002:int"
# Integers YAML 1.1 reads in another base than the one people mean: 0120 is octal 80,
# 1:30 is 90 (base 60). 0o17, 0x1F and 0b101 say their base and are left alone.
_OTHER_BASE = re.compile(r"[-+]?0[0-7]+|[-+]?[1-9][0-9]*(?::[0-5]?[0-9])+")


class NumberProblem(Exception):
    """A number that cannot be read as written; str() says why, `code` is its problem code."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


# The plain decimals nearly every number is written as ("29", "-3", "9.01"), which Python
# reads exactly as PyYAML's constructor does (it strips the sign, reads the rest with int()
# or float(), and multiplies the sign back, which negates exactly): read directly.
_PLAIN_INT = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")
_PLAIN_FLOAT = re.compile(r"-?[0-9]{1,18}\.[0-9]{1,18}")


def read_number(node: ScalarNode, constructor: yaml.SafeLoader) -> int | float:
    """The int or float a scalar tagged as one stands for; NumberProblem when it is a trap."""
    raw = node.value
    if node.tag == _INT:
        if _PLAIN_INT.fullmatch(raw):
            return int(raw)
    elif _PLAIN_FLOAT.fullmatch(raw):
        return float(raw)
    if node.tag == _INT and _OTHER_BASE.fullmatch(raw.replace("_", "")):
        read = constructor.construct_yaml_int(node)
        how = "base 60" if ":" in raw else "octal"
        raise NumberProblem("E203", f"YAML reads {clip(raw, 20)} as {read} ({how}); write "
                                    f"{read} if that is meant, or quote it as text")
    if node.tag != _INT and ":" in raw:
        raise NumberProblem("E203", f"YAML reads {clip(raw, 20)} in base 60; write the number "
                                    "as a decimal, or quote it as text")
    try:
        if node.tag == _INT:
            return constructor.construct_yaml_int(node)
        return constructor.construct_yaml_float(node)
    except ValueError:  # !!float abc; or an integer of more than Python's 4,300 digits
        digits = raw.lstrip("+-").replace("_", "")
        if digits.isdigit():
            raise NumberProblem("E204", f"the number {clip(raw, 20)} has far too many "
                                        "digits") from None
        raise NumberProblem("E203", f"'{clip(raw, 20)}' is not a number; write digits, or "
                                    "drop the tag") from None
