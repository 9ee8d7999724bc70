"""Command-line interface (Typer): one module per command in ``commands``."""
