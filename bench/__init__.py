"""End-to-end benchmark of the ingest pipeline: `python -m bench` (see README, "Benchmarks")."""
