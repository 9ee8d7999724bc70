"""Rule-based extraction of years, figures and names from running text."""

from quaestio.extract.figures import find_figures, glued_numbers, parse_figure
from quaestio.extract.names import fold, historian_key
from quaestio.extract.years import find_years

__all__ = ["find_figures", "find_years", "fold", "glued_numbers", "historian_key", "parse_figure"]
