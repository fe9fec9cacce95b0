"""The committee's own customisations in mkdocs.yml, kept in the generated project.

MkDocs' INHERIT merges dictionaries but replaces lists, and resolves relative
paths from the generated config's folder; so the lists the generator sets are
written here as ours followed by theirs, with their paths rebased:

- `extra_css`, `extra_javascript`: ours first, theirs after (theirs win the cascade);
- `hooks`: ours first, theirs after;
- `theme.custom_dir`: MkDocs takes one folder, so the engine layers one in
  `.handbook/build/theme`: our overrides, Material's base.html beneath them as
  `hb-material/base.html`, and the committee's files over both, file by file:
  `site_templates/theme/` when it exists, then `theme.custom_dir`.
  Our overrides live in our `base.html`, so their `main.html` extending
  "base.html" (Material's guide) overrides our blocks one by one.
- `plugins` and `markdown_extensions` are inherited as they are written; only an
  absent `plugins` becomes `[]` (MkDocs' default search is replaced by Pagefind).
"""

from __future__ import annotations

import functools
import os
import re
import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from generator import layout
from generator.core.memory import file_tree
from generator.errors import Problem
from generator.render.committee import located
from generator.settings import Settings


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
    """The committee's lists and folders (the settings check has already read the file).
    The file is read each time; its text is parsed again only when it changed."""
    try:
        text = (root / layout.CONFIG_FILE).read_text(encoding="utf-8-sig")
    except OSError:
        return Custom()
    return _custom(root, text)


@functools.lru_cache(maxsize=4)
def _custom(root: Path, text: str) -> Custom:
    """`read_custom` of a configuration's text (a Custom is frozen, its lists never changed)."""
    try:
        data = yaml.load(text, Loader=_Tolerant)  # noqa: S506  # a loader that builds no objects
    except yaml.YAMLError:
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


def committee_layers(root: Path, custom: Custom) -> list[Path]:
    """The committee's theme folders, the last winning: `site_templates/theme/`
    (used when it exists), then `theme.custom_dir`."""
    layers = [root / layout.SITE_THEME] + ([custom.custom_dir] if custom.custom_dir else [])
    return [layer for layer in layers if layer.is_dir()]


def theme_sources(root: Path, custom: Custom) -> dict[str, Path]:
    """Each file of the layered theme (relative to it) → the file it is copied from:
    Material's base.html, ours over it, the committee's over ours."""
    from material import templates  # the one place that reads Material's files

    wanted: dict[str, Path] = {
        layout.MATERIAL_BASE: Path(templates.__file__).with_name("base.html"),
        layout.MATERIAL_NAV: Path(templates.__file__).parent / "partials" / "nav.html",
    }
    for layer in [layout.THEME, *committee_layers(root, custom)]:
        if layer.is_dir():
            for rel, signature in sorted(file_tree(layer).items()):
                if signature is not None:
                    wanted[rel] = layer / rel
    return wanted


def theme_problem(exc: BaseException, root: Path) -> Problem | None:
    """An error the engine raised in a committee's theme template, placed in that
    template's own file (not its copy in the build folder); None when the error is
    not in one of theirs."""
    built = (root / layout.BUILD_THEME).resolve()
    problem = located(exc, root, [built], "HB632")
    if problem is None:
        return None
    rel = Path(os.path.relpath(root / problem.path, built)).as_posix()
    custom = read_custom(root)
    source = theme_sources(root, custom).get(rel)
    if source is None or not any(
        layer in source.parents for layer in committee_layers(root, custom)
    ):
        return None
    return replace(problem, path=Path(os.path.relpath(source, root)).as_posix())


def write_theme(root: Path, custom: Custom) -> Path:
    """Layer the theme folder the generated project uses; files are rewritten only
    when they changed (a dirty build keeps what it can), stale ones removed."""
    target = root / layout.BUILD_THEME
    wanted = theme_sources(root, custom)
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


# The record systems a government site's footer links its numbers to.
ICP_RECORDS = "https://beian.miit.gov.cn/"
POLICE_RECORDS = "https://beian.mps.gov.cn/#/query/webSearch?code="


def public_site(settings: Settings) -> dict[str, str] | None:
    """What the theme shows of `extra.handbook.public_site` (the footer, the page
    metadata), or None when it is not set: the values as written, the links made."""
    pub = settings.public_site
    if pub is None:
        return None
    return {
        "host": pub.host,
        "source": pub.host or settings.committee,
        "domain": urlsplit(settings.site_url).hostname or "",
        "site_id_code": pub.site_id_code,
        "icp": pub.icp,
        "icp_url": ICP_RECORDS,
        "police_record": pub.police_record,
        "police_url": POLICE_RECORDS + "".join(re.findall(r"\d", pub.police_record)),
        "mark": pub.mark,
        "contact": pub.contact,
    }
