"""The JSON Schema comes from the models: complete, described, strict, and what `buyin schema` prints."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from buyin_cli.load.models import Strategy
from buyin_cli.load.schema import strategy_schema


def _objects(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object schema: the root and each definition."""
    yield "Strategy", schema
    yield from schema.get("$defs", {}).items()


def test_schema_command_prints_the_schema(run):
    result = run("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == strategy_schema()


def test_schema_declares_its_dialect_and_id():
    schema = strategy_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith("strategy-v1.json")


def test_schema_says_which_format_it_describes():
    assert "version 1" in strategy_schema()["description"]


def test_every_field_has_a_description():
    missing = [f"{name}.{field}" for name, obj in _objects(strategy_schema())
               for field, prop in obj.get("properties", {}).items()
               if not prop.get("description")]
    assert missing == []


def test_every_object_refuses_unknown_keys():
    for name, obj in _objects(strategy_schema()):
        if obj.get("type") == "object" and "properties" in obj:
            assert obj.get("additionalProperties") is False, name


def test_required_top_level_keys_match_the_format():
    assert set(strategy_schema()["required"]) == {"buyin", "organisation", "title", "presenter"}


def test_sections_of_the_format_are_present():
    properties = strategy_schema()["properties"]
    for key in ("buyin", "organisation", "title", "presenter", "currency", "objectives",
                "metrics", "audiences", "initiatives", "pilots", "stakeholders", "sponsor",
                "objections", "briefings"):
        assert key in properties, key


def test_value_rules_reach_the_schema():
    defs = strategy_schema()["$defs"]
    assert defs["Objective"]["properties"]["id"]["pattern"] == "^[a-z0-9][a-z0-9-]*$"
    assert defs["Audience"]["properties"]["headcount"]["exclusiveMinimum"] == 0
    isolation = defs["Result"]["properties"]["isolation"]["anyOf"][0]
    assert (isolation["minimum"], isolation["maximum"]) == (0, 1)
    assert defs["Pilot"]["properties"]["start"]["format"] == "date"
    assert set(defs["Metric"]["properties"]["better"]["enum"]) == {"higher", "lower"}


def test_schema_comes_from_the_models():
    assert strategy_schema()["$defs"] == Strategy.model_json_schema()["$defs"]


# --- each file of a split strategy, against the schema editors use -----------------------

def _yaml_as_editors_read_it(text: str):
    """YAML as check-jsonschema and the YAML language server read it: dates stay strings."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        key: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    return yaml.load(text, Loader=Loader)  # noqa: S506 - a SafeLoader


def test_every_file_init_writes_validates_against_the_schema_its_first_line_names(tmp_path):
    import jsonschema

    from buyin_cli import scaffold

    scaffold.init_repository(tmp_path, source="buyin==0.1.0")
    files = sorted((tmp_path / "strategy").glob("*.yaml"))
    assert len(files) > 3
    for file in files:
        text = file.read_text(encoding="utf-8")
        first = text.splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=")
        schema = json.loads((file.parent / first.split("=", 1)[1]).read_text(encoding="utf-8"))
        validator = jsonschema.Draft202012Validator(schema)
        assert [e.message for e in validator.iter_errors(_yaml_as_editors_read_it(text))] == [], file
        # the whole strategy's schema requires `buyin:`, which only strategy.yaml holds
        whole = jsonschema.Draft202012Validator(strategy_schema())
        assert any(whole.iter_errors(_yaml_as_editors_read_it(text))) == (
            file.name != "strategy.yaml"), file


def test_the_part_schema_still_refuses_what_the_format_refuses(run):
    import jsonschema

    part = json.loads(run("schema", "--part").stdout)
    validator = jsonschema.Draft202012Validator(part)
    assert not list(validator.iter_errors({"pilots": []}))
    assert list(validator.iter_errors({"site_name": "docs"}))  # mkdocs.yml is not a part
    assert list(validator.iter_errors({"pilots": [{"id": "x"}]}))  # a pilot needs its fields
