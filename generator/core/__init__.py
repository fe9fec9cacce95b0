"""The shared core: YAML and Markdown read with the place of every value, model typing and its messages, files and paths, the build memory, JSON Schema export."""
