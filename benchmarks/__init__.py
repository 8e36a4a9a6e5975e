"""Benchmarks of the one-parse pipeline: `python -m benchmarks.run --docs 200` (`make bench`).

Not tests: they measure and report (table, JSON in `benchmarks/output/`, `benchmarks/README.md`).
"""
