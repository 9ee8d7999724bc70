"""Rule-based extraction of years, figures and names from running text."""

from quaestio.extract.figures import find_figures, glued_numbers, parse_figure
from quaestio.extract.names import (
    HistorianTable,
    KnownName,
    NameCheck,
    fold,
    historian_key,
    load_table,
)
from quaestio.extract.years import find_years, year_spans

__all__ = [
    "HistorianTable",
    "KnownName",
    "NameCheck",
    "find_figures",
    "find_years",
    "fold",
    "glued_numbers",
    "historian_key",
    "load_table",
    "parse_figure",
    "year_spans",
]
