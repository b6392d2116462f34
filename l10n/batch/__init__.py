"""Batch runs: when and where each step of a run runs (schedule.py), walking inputs (inputs.py), where work
runs (executors.py), skipping unchanged documents (manifest.py), the output folder's lock and claims,
snapshots of the cache and memory for workers, and backups of reviewers' files before they are replaced."""
