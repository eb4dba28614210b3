"""What a strategy's YAML may expand to: values per document, and across all of its files."""

from __future__ import annotations

MAX_VALUES = 100_000
# All of a strategy's files together: what aliases and merge keys add (so many small
# files cannot each spend a document's budget), and everything they hold (a 50,000-record
# strategy holds under a million values).
MAX_STRATEGY_VALUES = 2_000_000


class Budget:
    """The values all of a strategy's files have spent: in all, and through aliases and merges."""

    def __init__(self) -> None:
        self.values = 0
        self.expanded = 0

    @property
    def spent(self) -> bool:
        """Past a bound: the files after the one that passed it are not read (one problem)."""
        return self.expanded > MAX_VALUES or self.values > MAX_STRATEGY_VALUES

    def spend(self, values: int, in_document: int, *, aliased: bool = False,
              merged: bool = False) -> str | None:
        """Count `values` (the document has now spent `in_document`); what is wrong past a bound."""
        self.values += values
        if aliased or merged:
            self.expanded += values
        if (in_document <= MAX_VALUES and self.expanded <= MAX_VALUES
                and self.values <= MAX_STRATEGY_VALUES):
            return None  # within every bound (nearly always: checked first, as it is cheap)
        how = ("; split the strategy or remove repetition" if not (aliased or merged) else
               " through merge keys ('<<'); do not merge mappings that merge others"
               if merged else " through aliases; do not nest aliases of aliases")
        if in_document > MAX_VALUES:
            return f"this document expands to more than {MAX_VALUES:,} values" + how
        if self.expanded > MAX_VALUES:
            return f"the strategy's files together expand to more than {MAX_VALUES:,} values" + how
        if self.values > MAX_STRATEGY_VALUES:
            return (f"the strategy's files together hold more than {MAX_STRATEGY_VALUES:,} "
                    "values; a strategy holds at most that many: keep its history in fewer, "
                    "coarser readings")
        return None
