"""MkDocs' live server for one `handbook serve`, with that preview's own state.

MkDocs loads a hook module once per process and keeps a plugin with
`on_startup` across rebuilds (mkdocs/config/config_options.py), so state kept
there would be shared by every preview the process runs. Instead each preview
is a `PreviewSession`: it makes its plugin (the search state, `serve_search`)
when it starts and registers it in the configuration of each of its builds.
The server loop is MkDocs' own `serve` (mkdocs/commands/serve.py, dirty builds,
live reload), which makes each build's configuration where no plugin can be
added to it.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin

from generator.engine.serve_search import PreviewSearch, sections_of

PLUGIN = "handbook-preview"  # its name in each build's plugins

log = logging.getLogger("mkdocs.handbook")


class _NoOptions(Config):  # type: ignore[no-untyped-call]
    """The preview's plugin takes no options (it is made by the preview, not listed)."""


class PreviewPlugin(BasePlugin[_NoOptions]):  # type: ignore[no-untyped-call]
    """Keeps one preview's search current: after each build, the parts of the
    index whose pages changed are built again in the background, so that the
    edited page reloads at once and search catches up a moment later."""

    def __init__(self) -> None:
        super().__init__()
        self.search = PreviewSearch()

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Bring the preview's search up to date with the pages just built."""
        first = self.search.runs == 0
        # The first time, before the preview opens.
        site, docs = Path(config.site_dir), Path(config.docs_dir)
        self.search.after_build(site, docs, sections_of(config), wait=first)


class PreviewSession:
    """One preview: its temporary site folder, its plugin, its builds."""

    def __init__(self, config_file: Path, dev_addr: str) -> None:
        self.config_file = config_file
        self.dev_addr = dev_addr
        self.plugin = PreviewPlugin()
        self.site_dir = tempfile.mkdtemp(prefix="mkdocs_")
        self.url = ""  # the preview's address, once the first configuration is read

    def config(self) -> MkDocsConfig:
        """A build's configuration, read again (the generator may have rewritten
        it), with this preview's plugin registered."""
        config = load_config(
            config_file=str(self.config_file), site_dir=self.site_dir, dev_addr=self.dev_addr
        )
        config.plugins[PLUGIN] = self.plugin
        if self.url:
            config.site_url = self.url
        return config

    def build(self, config: MkDocsConfig | None = None) -> None:
        """Build into the preview's folder, redoing only the pages whose Markdown changed."""
        log.info("Building documentation...")
        config = config or self.config()
        build(config, serve_url=self.url or None, dirty=True)

    def serve(self) -> None:
        """Build, serve and rebuild on changes until interrupted; then clean up."""
        config = self.config()
        try:
            config.plugins.on_startup(command="serve", dirty=True)
            host, port = config.dev_addr
            mount_path = urlsplit(config.site_url or "/").path
            server = LiveReloadServer(
                builder=self.build, host=host, port=port, root=self.site_dir, mount_path=mount_path
            )
            self.url = config.site_url = server.url
            server.error_handler = self._error_page
            self.build(config)
            server.watch(config.docs_dir)
            if config.config_file_path:
                server.watch(config.config_file_path)
            server = config.plugins.on_serve(server, config=config, builder=self.build)
            for item in config.watch:
                server.watch(item)
            try:
                server.serve()  # type: ignore[no-untyped-call]
            except KeyboardInterrupt:
                log.info("Shutting down...")
            finally:
                server.shutdown()
        finally:
            config.plugins.on_shutdown()
            self.close()

    def close(self) -> None:
        """Remove the preview's folder."""
        shutil.rmtree(self.site_dir, ignore_errors=True)

    def _error_page(self, code: Any) -> bytes | None:
        """The site's own 404 (or 500) page, as MkDocs serves it."""
        page = Path(self.site_dir, f"{code}.html")
        return page.read_bytes() if code in (404, 500) and page.is_file() else None
