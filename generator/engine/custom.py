"""The committee's own customisations in mkdocs.yml, kept in the generated project.

MkDocs' INHERIT merges dictionaries but replaces lists, and resolves relative
paths from the generated config's folder; so the lists the generator sets are
written here as ours followed by theirs, with their paths rebased:

- `extra_css`, `extra_javascript`: ours first, theirs after (theirs win the cascade);
- `hooks`: ours first, theirs after;
- `theme.custom_dir`: MkDocs takes one folder, so the engine layers one in
  `.handbook/build/theme`: our overrides, Material's base.html beneath them as
  `hb-material/base.html`, and the committee's files over both, file by file.
  Our overrides live in our `base.html`, so their `main.html` extending
  "base.html" (Material's guide) overrides our blocks one by one.
- `plugins` and `markdown_extensions` are inherited as they are written; only an
  absent `plugins` becomes `[]` (MkDocs' default search is replaced by Pagefind).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator import layout
from generator.core.memory import file_tree


@dataclass(frozen=True)
class Custom:
    """What the committee's mkdocs.yml adds to the generated project."""

    extra_css: list[Any] = field(default_factory=list)
    extra_javascript: list[Any] = field(default_factory=list)
    hooks: list[Path] = field(default_factory=list)
    custom_dir: Path | None = None
    has_plugins: bool = False


def _items(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    return [item for item in value if item is not None] if isinstance(value, list) else []


def read_custom(root: Path) -> Custom:
    """The committee's lists and folders (the settings check has already read the file)."""
    try:
        text = (root / layout.CONFIG_FILE).read_text(encoding="utf-8-sig")
        data = yaml.load(text, Loader=_Tolerant)  # noqa: S506  # a loader that builds no objects
    except (OSError, yaml.YAMLError):
        data = None
    if not isinstance(data, dict):
        return Custom()
    theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    return Custom(
        extra_css=_items(data, "extra_css"),
        extra_javascript=_items(data, "extra_javascript"),
        hooks=[root / str(p) for p in _items(data, "hooks")],
        custom_dir=root / str(custom_dir) if custom_dir else None,
        has_plugins="plugins" in data,
    )


class _Tolerant(yaml.SafeLoader):
    """Safe loading that reads values tagged for MkDocs (`!ENV`, `!!python/…`) as None."""


_Tolerant.add_multi_constructor("!", lambda loader, suffix, node: None)
_Tolerant.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def config_keys(root: Path, custom: Custom, ours: dict[str, list[str]]) -> dict[str, object]:
    """The generated config's lists: ours, then the committee's (hooks rebased)."""
    build = root / layout.BUILD_DIR
    keys: dict[str, object] = {
        "extra_css": ours["extra_css"] + custom.extra_css,
        "extra_javascript": ours["extra_javascript"] + custom.extra_javascript,
        "hooks": ours["hooks"] + [os.path.relpath(p, build) for p in custom.hooks],
        "theme": {"custom_dir": os.path.relpath(root / layout.BUILD_THEME, build)},
    }
    if not custom.has_plugins:
        keys["plugins"] = []
    return keys


def write_theme(root: Path, custom: Custom) -> Path:
    """Layer the theme folder the generated project uses; files are rewritten only
    when they changed (a dirty build keeps what it can), stale ones removed."""
    from material import templates  # the one place that reads Material's files

    target = root / layout.BUILD_THEME
    wanted: dict[str, Path] = {
        layout.MATERIAL_BASE: Path(templates.__file__).with_name("base.html"),
        layout.MATERIAL_NAV: Path(templates.__file__).parent / "partials" / "nav.html",
    }
    layers = [layout.THEME] + ([custom.custom_dir] if custom.custom_dir else [])
    for layer in layers:
        if layer.is_dir():
            for rel, signature in sorted(file_tree(layer).items()):
                if signature is not None:
                    wanted[rel] = layer / rel
    for rel, source in wanted.items():
        dest = target / rel
        data = source.read_bytes()
        if not (dest.is_file() and dest.read_bytes() == data):
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(data)
    folders = {rel.rsplit("/", i)[0] for rel in wanted for i in range(1, rel.count("/") + 1)}
    for rel, signature in sorted(file_tree(target).items(), reverse=True):
        if signature is not None and rel not in wanted:
            (target / rel).unlink()
        elif signature is None and rel not in folders:
            shutil.rmtree(target / rel)
    return target
