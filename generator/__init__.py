"""Business-norms handbook generator: YAML and Markdown in, a static MkDocs site out."""
