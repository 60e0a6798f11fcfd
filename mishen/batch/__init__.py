"""Batch review, the library side (no Prefect here): plan a folder, review one job, keep a ledger, write summaries.

`flows/batch.py` wraps these functions in Prefect tasks; everything here is testable without a Prefect server.
"""
