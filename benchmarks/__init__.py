"""Benchmarks (run with ``python -m benchmarks.reasoning``); never part of the test suite."""
