"""`buyin roi`: the figures for a person, for tools (the JSON of docs/commands.md), and their working."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

from buyin_cli.figures.compute import compute_figures
from buyin_cli.figures.export import figures_json
from buyin_cli.load.strategy import load_strategy

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden" / "roi"
NARROW = {"COLUMNS": "80"}


def examples() -> list[Path]:
    """Every strategy under examples/: each folder, and each top-level YAML file."""
    return sorted(p for p in EXAMPLES.iterdir()
                  if p.is_dir() or p.suffix in (".yaml", ".yml"))


def example_name(path: Path) -> str:
    return path.stem if path.is_file() else path.name


# --- for a person --------------------------------------------------------------------------------

def test_table_shows_every_figure_a_cfo_asks_for(run, strategy_file):
    result = run("roi", strategy_file, env=NARROW)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    for expected in [
        "Kestrel Logistics: Fewer picking errors at the Columbus warehouse",
        "Money in USD, rounded to whole units; each figure is worked out from unrounded",
        "values (--explain shows the working); each annual benefit is for a full year.",
        "Metrics: progress toward target",
        "Picking errors (errors per 10,000 lines,         42       25        –       0.0%",
        "Pilot pick-right-pilot: Night shift, 20 people, 2025-03-03 to 2025-05-30",
        "Improvement                              10",
        "Control or trend change                   1",
        "Isolation × confidence            0.8 × 0.9",
        "Attributable per period                6.48",     # (10 − 1) × 0.8 × 0.9
        "Annual benefit, pilot                $2,333",     # 6.48 × 12 × $30 = 2,332.8
        "× scale-up to audience (R)                6",     # 120 ÷ 20, as exact as it is
        "Annual benefit, roll-out            $13,997",     # 2,332.8 × 6 = 13,996.8
        "Pilot group's annual benefit $2,333  ·  pilot cost $2,500  ·  ROI -6.7%",
        "Roll-out: first year, whole audience",
        "People reached                         120",
        "Total cost                          $6,000",  # no participants' time: not fully loaded
        "ROI                                 133.3%",      # (13,996.8 − 6,000) ÷ 6,000
        "Benefit-cost ratio                    2.33",
        "Payback                         5.1 months",      # 6,000 ÷ (13,996.8 ÷ 12)
        "Share of effect to break even        42.9%",      # 6,000 ÷ 13,996.8
        "ROI if half the effect holds         16.6%",      # (6,998.4 − 6,000) ÷ 6,000
        "Pick Right: benefit from Picking errors (pilot group: Night shift).",
    ]:
        assert expected in lines
    assert all(line == line.rstrip() for line in lines)


def test_a_level_multiplied_by_the_scale_up_is_noted_under_its_row(run, write, valid_yaml):
    # errors per 10,000 lines is a rate: the same for any group, yet R multiplies its benefit
    out = " ".join(run("roi", write("s.yaml", valid_yaml), env=NARROW).stdout.split())
    note = ("Picking errors: a rate, the same for a group of any size, multiplied by R as if it "
            "were a count: this holds only if its value_per_unit is what one unit is worth for the "
            "pilot group alone (Night shift), not the whole audience (W317)")
    assert note in out
    assert out.index("Pilot group's annual benefit") < out.index(note) < out.index("Roll-out:")
    counted = write("c.yaml", valid_yaml.replace("unit: errors per 10,000 lines", "unit: errors"))
    assert "(W317)" not in run("roi", counted, env=NARROW).stdout


def test_money_follows_the_strategys_locale(run, write, valid_yaml):
    # English words (language), German numbers (locale).
    path = write("s.yaml", valid_yaml + "locale: de_DE\nlanguage: en\n")
    result = run("roi", path, env=NARROW)
    assert result.exit_code == 0, result.output
    assert "Annual benefit, roll-out           13.997\xa0$" in result.stdout.splitlines()
    assert "ROI                                133,3\xa0%" in result.stdout.splitlines()


def test_the_tables_speak_the_strategys_language(run, write, valid_yaml):
    # A German strategy reads its figures in German, as its deck does; the tools' JSON does not
    # change with the language.
    path = write("s.yaml", valid_yaml + "locale: de_DE\n")
    lines = run("roi", path, env=NARROW).stdout.splitlines()
    assert "Jahresnutzen, Rollout                           13.997\xa0$" in lines
    assert "Amortisation                              5,1 Monate" in lines
    assert "Kennzahlen: Fortschritt zum Ziel" in lines
    assert not any(word in "\n".join(lines) for word in ("Annual benefit", "Payback", "months"))
    # The notes under the tables too: a level scaled like a count, and what each benefit rests on, by name.
    said = " ".join(" ".join(lines).split())
    assert ("Picking errors: Der Nutzen wird wie bei einer Anzahl mit R multipliziert, obwohl bei einer Rate die "
            "Größe der Gruppe keine Rolle spielt.") in said and "as if it were a count" not in said
    assert "Pick Right: Nutzen aus Picking errors (Pilotgruppe: Night shift)." in said
    english = write("e.yaml", valid_yaml + "locale: de_DE\nlanguage: en\n")
    assert run("roi", path, "--format", "json").stdout == run("roi", english, "--format", "json").stdout


def test_an_unknown_locale_is_located(run, write, valid_yaml):
    path = write("s.yaml", valid_yaml + "locale: xx_YY\n")
    line = len(valid_yaml.splitlines()) + 1
    result = run("roi", path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == (
        f"s.yaml:{line}:9: E204 locale: unknown locale 'xx_YY'; use a language and country "
        "code such as en_GB, en_US, de_DE or fr_FR")


def test_a_misshapen_locale_is_invalid(run, write, valid_yaml):
    path = write("s.yaml", valid_yaml + "locale: en-GB\n")
    line = len(valid_yaml.splitlines()) + 1
    result = run("roi", path)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"s.yaml:{line}:9: E204 locale: expected a locale such as en_GB or de_DE (language, "
        "underscore, country), got 'en-GB'")


def test_undefined_figures_are_explained_not_crashed_on(run, write, valid_yaml):
    text = (valid_yaml.replace("    value_per_unit: 30\n", "")
            .replace("    cost: 2500\n", "    cost: 0\n"))
    result = run("roi", write("s.yaml", text), env=NARROW)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "Pilot group's annual benefit not priced  ·  pilot cost $0  ·  ROI not priced" in lines
    assert "Payback                                n/a" in lines
    assert "Share of effect to break even          n/a" in lines
    prose = " ".join(lines)  # notes wrap at the terminal's width
    assert ("Pick Right: none of its pilots measured a metric with a value_per_unit, so its "
            "return is not priced (the roll-out benefit is 0)") in prose
    assert "never pays back" not in prose  # not priced is not a loss
    assert ("No result's metric has a value_per_unit, so its return is not priced: the benefit "
            "of 0 and its ROI only say that nothing was put in money") in prose
    assert "The pilot cost 0, so its ROI is undefined" in lines


def test_what_was_never_priced_reads_not_priced_not_as_a_loss(run, write, valid_yaml):
    # No metric has a value_per_unit: the figures say ROI -100 %, which only means nothing was
    # put in money; the table says "not priced" as the deck does, and the JSON flags it.
    path = write("s.yaml", valid_yaml.replace("    value_per_unit: 30\n", ""))
    lines = run("roi", path, env=NARROW).stdout.splitlines()
    assert "Pilot group's annual benefit not priced  ·  pilot cost $2,500  ·  ROI not priced" in lines
    assert "Annual benefit                  not priced" in lines
    for row in ("ROI", "Benefit-cost ratio", "ROI if half the effect holds"):
        assert row.split() + ["not", "priced"] in [line.split() for line in lines], row
    assert "Payback n/a".split() in [line.split() for line in lines]
    assert not any("-100" in line for line in lines)
    data = json.loads(run("roi", path, "--format", "json").stdout)
    assert data["pilots"]["pick-right-pilot"]["monetised"] is False
    assert data["pilots"]["pick-right-pilot"]["roi_pct"] == -100  # the figures' formula
    assert data["initiatives"]["pick-right"]["monetised"] is False
    priced = json.loads(run("roi", write("p.yaml", valid_yaml), "--format", "json").stdout)
    assert priced["initiatives"]["pick-right"]["monetised"] is True


# --- the working -----------------------------------------------------------------------------------

def test_explain_shows_formula_numbers_and_file_lines(run, strategy_file):
    result = run("roi", strategy_file, "--explain", env=NARROW)
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "How each figure is worked out" in text
    assert ("  attributable = (improvement − control) × isolation × confidence\n"
            "    = (10 − 1) × 0.8 × 0.9 = 6.48\n"
            "    from isolation s.yaml:56, confidence :57\n") in text
    assert ("  scale-up R = Σ headcount of the initiative's audiences ÷ participants\n"
            "    = 120 ÷ 20 = 6\n") in text
    assert "    from headcount of pickers s.yaml:23, participants :40\n" in text
    assert ("  ROI if half the effect holds = (benefit × 0.5 − cost) ÷ cost × 100\n"
            "    = ($13,997 × 0.5 − $6,000) ÷ $6,000 × 100 = 16.6%\n") in text


# --- for tools ---------------------------------------------------------------------------------------

def test_json_is_the_contract_object(run, strategy_file):
    result = run("roi", strategy_file, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data == figures_json(compute_figures(load_strategy(strategy_file).strategy))
    assert list(data) == ["currency", "metrics", "pilots", "initiatives"]
    result_ = data["pilots"]["pick-right-pilot"]["results"]["pick-errors"]
    assert result_["improvement"] == 10.0
    assert result_["attributable"] == pytest.approx(6.48)
    assert data["initiatives"]["pick-right"]["payback_months"] == pytest.approx(6000 / 1166.4)


def test_json_with_explain_adds_the_working(run, strategy_file):
    result = run("roi", strategy_file, "--format", "json", "--explain")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["explain"][0]["title"] == "Metrics: progress toward target"
    del data["explain"]
    assert data == json.loads(run("roi", strategy_file, "--format", "json").stdout)


# --- exit codes and help --------------------------------------------------------------------------

def test_invalid_strategy_exits_1_with_located_errors(run, write, valid_yaml):
    path = write("s.yaml", valid_yaml.replace("    target: 25\n", "    target: lots\n"))
    result = run("roi", path, "--format", "json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == ("s.yaml:18:13: E203 metrics[0].target: expected a "
                                             "number, got 'lots'")
    assert "Traceback" not in result.output


def test_missing_file_exits_1(run, workdir):
    result = run("roi", "nope.yaml")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].startswith("nope.yaml:1:1: E001 ")


@pytest.mark.parametrize("args", [["roi"], ["roi", "s.yaml", "--format", "xml"],
                                  ["roi", "s.yaml", "--bogus"]])
def test_usage_errors_exit_2(run, strategy_file, args):
    assert run(*args).exit_code == 2


def test_help_has_an_example(run):
    result = run("roi", "--help")
    assert result.exit_code == 0
    assert "Example:" in result.stdout
    assert "buyin roi examples/northwind-manufacturing.yaml" in result.stdout
    assert "--explain" in result.stdout and "--format" in result.stdout


# --- every example ---------------------------------------------------------------------------------

@pytest.mark.parametrize("example", examples(), ids=example_name)
def test_example_json_matches_its_golden_file(run, example):
    """The JSON of each example, checked in; BUYIN_UPDATE_GOLDEN=1 rewrites the files."""
    result = run("roi", example, "--format", "json")
    assert result.exit_code == 0, result.output
    golden = GOLDEN / f"{example_name(example)}.json"
    if os.environ.get("BUYIN_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(result.stdout, encoding="utf-8")
    assert golden.exists(), (f"no golden file for examples/{example.name}; "
                             f"run BUYIN_UPDATE_GOLDEN=1 pytest {Path(__file__).name}")
    assert json.loads(result.stdout) == json.loads(golden.read_text(encoding="utf-8"))


def test_every_golden_file_has_its_example():
    names = {example_name(p) for p in examples()}
    stale = sorted(p.stem for p in GOLDEN.glob("*.json") if p.stem not in names)
    assert stale == []


@pytest.mark.parametrize("columns", [80, 60])
@pytest.mark.parametrize("example", examples(), ids=example_name)
def test_example_tables_fit_a_narrow_terminal(run, example, columns):
    result = run("roi", example, "--explain", env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    too_wide = [line for line in result.stdout.splitlines() if len(line) > columns]
    assert too_wide == []
    assert "…" not in result.stdout  # nothing cropped: a table too wide splits by columns


def test_long_initiative_titles_are_never_cropped_at_80_columns(run, write, valid_yaml):
    # Four initiatives side by side left each column narrower than "Conversations": rich cropped
    # it ("Conversat…"). The columns that do not fit go to a second table, labels repeated.
    text = valid_yaml.replace("title: Pick Right", "title: Renewal Conversations")
    data = yaml.safe_load(text)
    for n, title in enumerate(("Fix It First Time", "Ticket Peer Review", "Onboarding Essentials")):
        data["initiatives"].append({**data["initiatives"][0], "id": f"extra-{n}", "title": title})
    out = run("roi", write("s.yaml", yaml.safe_dump(data, sort_keys=False, allow_unicode=True)),
              env=NARROW).stdout
    assert "…" not in out
    assert all(len(line) <= 80 for line in out.splitlines())
    words = out.split()
    for title in ("Renewal Conversations", "Fix It First Time", "Ticket Peer Review",
                  "Onboarding Essentials"):
        assert all(word in words for word in title.split()), title
    assert out.count("People reached") >= 2  # the labels again beside the columns that moved


def test_a_caveat_under_a_table_speaks_the_strategys_language_too(run, write, valid_data):
    # The working (--explain, JSON) keeps its English note; the table under which it is a
    # caveat says it in German.
    from conftest import dump

    valid_data["locale"] = "de_DE"
    for metric in valid_data["metrics"]:
        metric.pop("value_per_unit", None)
    path = write("s.yaml", dump(valid_data))
    table = run("roi", path, env={"COLUMNS": "200"}).stdout
    assert "Keine Kennzahl der Ergebnisse hat einen value_per_unit" in table
    assert "no result's metric" not in table
    working = json.loads(run("roi", path, "--format", "json", "--explain").stdout)["explain"]
    assert "no result's metric has a value_per_unit" in json.dumps(working)
