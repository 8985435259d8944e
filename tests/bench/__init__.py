"""Benchmarks (`make bench`, or `python -m tests.bench`): not tests, never collected by pytest.

Each figure is shown next to a baseline measured in the same run, so the numbers mean the same
on a fast laptop and on a slow CI machine: Quid's start-up against a bare PySide6 window, and
the full passphrase unlock against the Argon2id derivation alone.
"""
