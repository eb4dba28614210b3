"""A list read from a data file: the history of a metric or the tracking of a roll-out, as exported.

A trainer's numbers start in the safety system, the CRM or the LMS, which export
CSV or Excel. `history` and `tracking` may name such a file instead of listing
its rows; the loader (load/datafiles.py) reads it and puts the rows in place
before the strategy is validated, so every later stage sees the same list a
hand-written strategy has. The schema offers both forms.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator

from buyin_cli.load.models.base import Model, Text

DATA_SUFFIXES = (".csv", ".xlsx")


class DataFile(Model):
    file: Text = Field(description="A .csv or .xlsx file inside the strategy's folder, relative "
                                   "to the YAML file that names it, e.g. 'data/incidents.csv'.")
    period: Text = Field(description="The header of the column that holds each row's period, "
                                     "e.g. 'Month'.")
    sheet: Text | None = Field(default=None, description="The workbook's sheet (.xlsx only); "
                                                         "default: its first sheet.")

    @field_validator("file")
    @classmethod
    def _data_suffix(cls, value: str) -> str:
        suffix = "." + value.rsplit(".", 1)[-1].lower() if "." in value else ""
        if suffix in (".xlsm", ".xltm", ".xlsb", ".xls"):
            raise ValueError(f"a '{suffix}' workbook is not read (it may carry macros, or is in "
                             "the old binary format); save it as .xlsx or export .csv")
        if suffix not in DATA_SUFFIXES:
            raise ValueError("a data file is a .csv or .xlsx file")
        return value

    def columns(self) -> dict[str, str]:
        """The reading's fields and the headers of the columns they come from."""
        return {name: getattr(self, name) for name in type(self).model_fields
                if name not in ("file", "sheet")}


class HistoryFile(DataFile):
    value: Text = Field(description="The header of the column that holds the metric's value.")


class TrackingFile(DataFile):
    enrolled: Text = Field(description="The header of the column that holds how many have "
                                       "enrolled so far.")
    completed: Text = Field(description="The header of the column that holds how many have "
                                        "completed so far.")


def or_data_file(model: type[DataFile]) -> Any:
    """The field's schema, offering a data file of `model`'s form beside the list."""
    def extra(schema: dict[str, Any]) -> None:
        listed = {k: v for k, v in schema.items() if k not in ("description", "default")}
        for key in listed:
            del schema[key]
        schema["anyOf"] = [listed, model.model_json_schema()]
    return extra
