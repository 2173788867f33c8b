"""Batch audits: many pages (folders, JSONL records, WARC captures) linted by worker processes
or a Dask cluster, with resumable output, progress and a summary report."""
