"""The loader reads plain decimals itself: the same int or float PyYAML's constructor makes."""

from __future__ import annotations

import random

import yaml
from yaml.nodes import ScalarNode

from buyin_cli.load.yaml_numbers import NumberProblem, read_number

_INT, _FLOAT = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"


def _constructed(tag: str, raw: str) -> object:
    loader = yaml.SafeLoader("")
    node = ScalarNode(tag, raw)
    try:
        return loader.construct_yaml_int(node) if tag == _INT else loader.construct_yaml_float(node)
    except ValueError:
        return ValueError


def _read(tag: str, raw: str) -> object:
    try:
        return read_number(ScalarNode(tag, raw), yaml.SafeLoader(""))
    except NumberProblem:
        return ValueError


def test_plain_decimals_read_as_the_constructor_reads_them() -> None:
    rng = random.Random(7)
    texts = ["0", "-0", "0.0", "-0.0", "01.5", "1.50", "-1.5", "123456789012345678",
             "1234567890123456789", "5.", "-.5", "1e3", "1.0e+3", "1_000", "+5"]
    for _ in range(3000):
        whole = rng.choice(["", "-"]) + str(rng.randint(0, 10 ** rng.randint(0, 20)))
        texts += [whole, whole + "." + str(rng.randint(0, 10 ** rng.randint(0, 20))).zfill(rng.randint(1, 4))]
    for raw in texts:
        for tag in (_INT, _FLOAT):
            want, got = _constructed(tag, raw), _read(tag, raw)
            if want is ValueError or got is ValueError:
                assert got is ValueError, (tag, raw, got)  # what PyYAML cannot read is a problem
                continue
            assert type(got) is type(want) and repr(got) == repr(want), (tag, raw, got, want)
