"""Reviewing changes: `handbook diff` reads the handbook at a git ref and describes what changed, for a pull request."""
