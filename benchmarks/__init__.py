"""Accuracy and speed benchmarks of confide against plain Presidio (not run as tests).

See benchmarks/README.md for what each script measures and how to reproduce the figures.
"""
