"""quaestio: turn a debate into a structured, evaluated argument."""

__version__ = "0.1.0"
