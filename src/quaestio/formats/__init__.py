"""Readers and writers for every file format, registered in one table (``registry``)."""

from quaestio.formats.registry import (
    Format,
    Loaded,
    all_formats,
    by_name,
    for_path,
    read_path,
    write_bytes,
    write_path,
)

__all__ = [
    "Format",
    "Loaded",
    "all_formats",
    "by_name",
    "for_path",
    "read_path",
    "write_bytes",
    "write_path",
]
