"""The page shell's parts made once per build (engine/shell.py): pages that sit
alike share them; a page whose links would differ, or a committee's theme or
plugin that may show the page in them, gets its own."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from mkdocs.structure.files import Files

from generator import layout
from generator.engine import hooks, shell

HOOKS = hooks.__file__


class _Plugins:
    def __init__(self, handlers: dict[str, list[Any]]) -> None:
        self.events = {name: handlers.get(name, []) for name in shell._EVENTS}


class _Config(SimpleNamespace):
    def __getitem__(self, key: str) -> Any:
        return self.data[key]


def config_of(folder: Path | None = None, features: tuple[str, ...] = (), **events: Any) -> Any:
    theme_data: dict[str, Any] = {"features": list(features)}
    theme = SimpleNamespace(custom_dir=str(folder) if folder else None)
    theme.get = lambda key, default=None: theme_data.get(key, default)  # type: ignore[attr-defined]
    data: dict[str, Any] = {
        "theme": theme,
        "extra": {},
        "extra_css": ["assets/handbook/handbook.css"],
        "extra_javascript": [],
    }
    return _Config(data=data, get=data.get, plugins=_Plugins({"nav": [hooks.on_nav], **events}))


def a_file(url: str, page: bool) -> Any:
    return SimpleNamespace(src_uri=url, url=url, is_documentation_page=lambda: page)


FILES = Files(
    [
        a_file("", True),
        a_file("results/units/danwei-1/", True),
        a_file("results/units/danwei-2/", True),
        a_file("results/r01/", True),
        a_file("results/r01/r01.xlsx", False),
        a_file("assets/stylesheets/main.css", False),
    ]
)


def prepared(config: Any) -> Any:
    nav = SimpleNamespace(pages=[SimpleNamespace(url="")])
    shell.prepare(nav, config, FILES, HOOKS)
    return nav


def page(url: str) -> Any:
    return SimpleNamespace(url=url)


def test_pages_alike_share_the_header_made_for_the_first() -> None:
    nav = prepared(config_of())
    first = shell.part("header", page("results/units/danwei-1/"), nav)
    assert first.html is None
    first.keep(("<header>", "</header>"))
    alike = shell.part("header", page("results/units/danwei-2/"), nav)
    assert alike.html == ("<header>", "</header>")


def test_a_page_whose_links_differ_gets_its_own() -> None:
    nav = prepared(config_of())
    shell.part("header", page("results/units/danwei-1/"), nav).keep("units")
    # Its folder holds a file the shell may link to: "r01.xlsx" rather than "../../r01/r01.xlsx".
    assert shell.part("header", page("results/r01/changes/"), nav).html is None
    # As deep as the units' pages, but outside the folders the links go into.
    assert shell.part("header", page("standards/a/b/"), nav).html is None
    assert shell.part("footer", page("results/units/danwei-2/"), nav).html is None


def test_a_committees_partial_or_plugin_or_feature_keeps_nothing(tmp_path: Path) -> None:
    (tmp_path / "partials").mkdir()
    logo = tmp_path / "partials" / "logo.html"
    logo.write_bytes((layout.THEME / "partials" / "logo.html").read_bytes())
    nav = prepared(config_of(tmp_path))  # our own logo, copied into the layered theme
    shell.part("header", page("results/units/danwei-1/"), nav).keep("ours")
    assert shell.part("header", page("results/units/danwei-2/"), nav).html == "ours"

    logo.write_text('<img src="{{ page.url }}">', encoding="utf-8")  # the committee's
    for nav in (
        prepared(config_of(tmp_path)),
        prepared(config_of(None, ("navigation.tabs.sticky",))),
        prepared(config_of(None, page_context=[lambda context, **kwargs: context])),
    ):
        shell.part("header", page("results/units/danwei-1/"), nav).keep("made")
        assert shell.part("header", page("results/units/danwei-2/"), nav).html is None


def test_the_menu_is_made_once_with_our_own_logo_in_the_theme(tmp_path: Path) -> None:
    (tmp_path / "partials").mkdir()
    logo = tmp_path / "partials" / "logo.html"
    logo.write_bytes((layout.THEME / "partials" / "logo.html").read_bytes())
    config = {"theme": SimpleNamespace(custom_dir=str(tmp_path))}
    assert not hooks._menu_customised(config)
    logo.write_text("<img>", encoding="utf-8")
    assert hooks._menu_customised(config)


# A part's tags around Material's text (theme/hb-material/base.html).
OPENING = (
    r'\{% set (hb_\w+)_part = hb_shell\("[\w-]+", page, nav\) if hb_shell is defined else none %\}'
    r"\{% if \1_part is none or \1_part\.html is none %\}\{% set \1 %\}"
)
CLOSING = (
    r"\{% endset %\}\{% if (hb_\w+)_part is not none %\}\{% set \1 = \1_part\.keep\(\1\) %\}"
    r"\{% endif %\}\{% else %\}\{% set \1 = \1_part\.html %\}\{% endif %\}\{\{ \1 \}\}"
)


def test_our_copy_of_materials_base_is_materials_text_but_for_the_parts() -> None:
    from material import templates

    ours = (layout.THEME / layout.MATERIAL_BASE).read_text(encoding="utf-8")
    material = Path(templates.__file__).with_name("base.html").read_text(encoding="utf-8")
    features = "{% set features = config.theme.features or [] %}"
    bare = re.sub(OPENING, "", re.sub(CLOSING, "", ours))
    assert bare.count('hb_shell("') == 0 and ours.count('hb_shell("') == 7
    # `features` is set before the span it was in (the spans keep their sets to themselves).
    assert bare.count(features) == 1
    bare = bare.replace(features, "").replace(
        "\n    \n    <input", f"\n    {features}\n    <input", 1
    )
    assert bare.split("-#}\n", 1)[1] == material.split("-#}\n", 1)[1]


def test_a_committees_footer_keeps_the_page_apart_from_its_footer_only(tmp_path: Path) -> None:
    # `handbook new` writes the committee's own copyright.html (the footer's).
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "copyright.html").write_text("{{ page.title }}", encoding="utf-8")
    nav = prepared(config_of(tmp_path))
    for name in ("footer", "page-head", "header"):
        shell.part(name, page("results/units/danwei-1/"), nav).keep(name)
    assert shell.part("footer", page("results/units/danwei-2/"), nav).html is None
    assert shell.part("page-head", page("results/units/danwei-2/"), nav).html == "page-head"
    assert shell.part("header", page("results/units/danwei-2/"), nav).html == "header"
    # Their main.html may fill any block of the page with what it likes.
    (tmp_path / "main.html").write_text('{% extends "base.html" %}', encoding="utf-8")
    nav = prepared(config_of(tmp_path))
    shell.part("page-head", page("results/units/danwei-1/"), nav).keep("page-head")
    assert shell.part("page-head", page("results/units/danwei-2/"), nav).html is None
