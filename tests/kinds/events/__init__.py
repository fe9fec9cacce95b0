"""A toy kind of content, 活动 (events), defined outside the generator: a YAML file
per event under `content/events/`, a page each, an index, a menu entry, a search
facet value, a feed entry, a schema and lines in `handbook diff`. The test of the
descriptor per kind (`tests/kinds/test_toy_kind.py`) registers it with one line."""
