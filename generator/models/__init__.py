"""Typed records for every kind of data file, one module per kind."""
