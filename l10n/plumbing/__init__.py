"""Plumbing every stage shares: errors, atomic file writes, SQLite files, escaping, terminal columns, the segment
table and the run's summary, deferred imports."""
