"""Assessment results: units, rounds scored against a pinned rubric, ledgers and task lists. model → load → check → scoring → pages, charts and downloads."""
