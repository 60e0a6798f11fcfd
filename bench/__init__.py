"""Benchmarks of mishen: `.venv/bin/python -m bench [--docs N]` — results to paste into bench/RESULTS.md."""
