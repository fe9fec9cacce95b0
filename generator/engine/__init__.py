"""The engine: the only package that imports MkDocs. Writes the generated project, runs MkDocs + Material and Pagefind, publishes site/, serves a preview; its theme overrides and assets."""
