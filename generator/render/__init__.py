"""Rendering shared by every kind of page: the one Jinja2 environment, its templates, markup and escaping, labels, page keys for reuse, provenance lines."""
