"""The committee's layer, `site_templates/`: page templates there replace the
tool's of the same name and `theme/` is layered over the theme, with no setting;
a mistake in one is a located problem. And a government office's footer and page
metadata (`extra.handbook.public_site`), shown when set and only then."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator import layout
from generator.engine.build import build_site
from generator.errors import ValidationFailed
from generator.pipeline import run
from generator.scaffold.new import write_handbook

AS_OF = dt.date(2026, 12, 4)
MARK = '<p class="committee-page">本委员会自己的页面模板</p>'
PUBLIC = """\
    public_site:
      host: 中共示例市委直属机关工委
      site_id_code: "1100000001"
      icp: 示ICP备12345678号
      police_record: 示公网安备 11010502000001号
      mark: images/mark.png
      contact: 电话 0000-1234567
"""


def _handbook(root: Path, public: bool = False) -> Path:
    write_handbook(root)
    built_in = (layout.PAGE_TEMPLATES / "content_page.md.j2").read_text(encoding="utf-8")
    (root / "site_templates" / "content_page.md.j2").write_text(
        built_in + "\n" + MARK + "\n", encoding="utf-8"
    )
    if public:
        (root / "content" / "images").mkdir()
        (root / "content" / "images" / "mark.png").write_bytes(b"\x89PNG\r\n\x1a\n")
        config = root / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        text = text.replace("    sample_data: false     # true：每页显示“示例数据”提示\n", "")
        text = text.replace(
            "  handbook:                # handbook 自己的设置\n", "  handbook:\n" + PUBLIC
        )
        text = text.replace(
            "# site_url: https://handbook.example.org/",
            "site_url: https://dj.example.gov.cn/handbook/",
        )
        config.write_text(text, encoding="utf-8")
    return root


def _meta(page: str) -> dict[str, str]:
    return dict(re.findall(r'<meta name="([A-Z]\w+)" content="([^"]*)">', page))


def test_site_templates_override_pages_and_theme_with_no_setting(tmp_path: Path) -> None:
    root = _handbook(tmp_path / "h")
    assert "site_templates" not in (root / "mkdocs.yml").read_text(encoding="utf-8").split("#")[0]
    build_site(root, AS_OF, pdf=False)
    manual = (root / "site" / "manuals" / "liehui" / "index.html").read_text(encoding="utf-8")
    assert MARK in manual  # the page template of site_templates/
    # the theme partial of site_templates/theme/ (handbook new writes one: the footer)
    assert "示例委员会 · 编制：示例委员会" in manual
    # without public_site: no government footer, no government metadata
    assert "hb-public-site" not in manual
    assert _meta(manual) == {}


def test_the_public_site_footer_and_metadata(tmp_path: Path) -> None:
    root = _handbook(tmp_path / "h", public=True)
    build_site(root, AS_OF, pdf=False)
    manual = (root / "site" / "manuals" / "liehui" / "index.html").read_text(encoding="utf-8")
    footer = manual[manual.index('<div class="hb-public-site">') :]
    footer = footer[: footer.index("</ul>")]
    assert (
        '<img class="hb-public-site__mark" src="../../images/mark.png" alt="党政机关网站标识"'
        in footer
    )
    assert "<li>主办单位：中共示例市委直属机关工委</li>" in footer
    assert "<li>网站标识码：1100000001</li>" in footer
    assert '<a href="https://beian.miit.gov.cn/" rel="noopener">示ICP备12345678号</a>' in footer
    assert (
        '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502000001" rel="noopener">'
        "示公网安备 11010502000001号</a>"
    ) in footer
    assert "<li>联系方式：电话 0000-1234567</li>" in footer
    assert _meta(manual) == {
        "SiteName": "示例委员会业务规范手册",
        "SiteDomain": "dj.example.gov.cn",
        "SiteIDCode": "1100000001",
        "ColumnName": "操作手册",
        "ArticleTitle": "如何召开例会",
        "PubDate": "",
        "ContentSource": "中共示例市委直属机关工委",
        "Keywords": "操作手册",
        "Description": "示例委员会的标准、细则与操作手册",
    }
    notice = (root / "site" / "notices" / "jiancha-2026-gongshi" / "index.html").read_text(
        encoding="utf-8"
    )
    meta = _meta(notice)
    assert (meta["ColumnName"], meta["PubDate"]) == ("公告公示", "2026-07-01")
    # publication dates as offices write them
    assert '<time datetime="2026-07-01">2026-07-01</time>' in notice


def test_a_public_site_mark_that_is_not_there_is_located(tmp_path: Path) -> None:
    root = _handbook(tmp_path / "h", public=True)
    (root / "content" / "images" / "mark.png").unlink()
    with pytest.raises(ValidationFailed) as failed:
        run(root, AS_OF, render=False)
    assert [str(p) for p in failed.value.problems] == [
        "mkdocs.yml:68:13: extra.handbook.public_site.mark: 应为 content/ 中的一个图片文件"
        "（相对 content/ 的路径），实际为 'images/mark.png'，没有这个文件 [HB630]"
    ]


def test_a_wrong_page_template_is_located_before_anything_is_built(tmp_path: Path) -> None:
    root = _handbook(tmp_path / "h")
    (root / "site_templates" / "cite_quote.md.j2").write_text(
        "引文：\n{% if text %}{{ text }}\n", encoding="utf-8"
    )
    (root / "site_templates" / "theme" / "partials" / "copyright.html").write_text(
        "<div>\n{% for x in y %}{{ x }}\n</div>\n", encoding="utf-8"
    )
    with pytest.raises(ValidationFailed) as failed:
        run(root, AS_OF, render=False)
    assert [str(p) for p in failed.value.problems] == [
        "site_templates/cite_quote.md.j2:2:1: 页面模板有错误（TemplateSyntaxError: Unexpected end "
        "of template. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. "
        "The innermost block that needs to be closed is 'if'.）；请对照 handbook 内置的同名模板"
        "修改，或删除这个文件以恢复内置模板 [HB631]",
        "site_templates/theme/partials/copyright.html:2:1: 主题模板有错误（TemplateSyntaxError: "
        "Unexpected end of template. Jinja was looking for the following tags: 'endfor' or "
        "'else'. The innermost block that needs to be closed is 'for'.）；请对照 Material 或 "
        "handbook 的同名模板修改，或删除这个文件以恢复默认 [HB632]",
    ]


def test_a_name_a_template_does_not_have_is_located_while_building(tmp_path: Path) -> None:
    root = _handbook(tmp_path / "h")
    (root / "site_templates" / "content_page.md.j2").write_text(
        "---\ntitle: x\n---\n\n{{ page.meta.title }}\n{{ pagee.body }}\n", encoding="utf-8"
    )
    (root / "site").mkdir()
    with pytest.raises(ValidationFailed) as failed:
        build_site(root, AS_OF, pdf=False)
    assert [str(p) for p in failed.value.problems] == [
        "site_templates/content_page.md.j2:6:1: 页面模板有错误（UndefinedError: 'pagee' is "
        "undefined）；请对照 handbook 内置的同名模板修改，或删除这个文件以恢复内置模板 [HB631]"
    ]
    assert list((root / "site").iterdir()) == []  # nothing half-written


def test_a_name_a_theme_template_does_not_have_is_located_in_its_own_file(tmp_path: Path) -> None:
    root = _handbook(tmp_path / "h")
    (root / "site_templates" / "theme" / "partials" / "copyright.html").write_text(
        "<div>\n{{ config.extra.handbook.nosuch.name }}\n</div>\n", encoding="utf-8"
    )
    with pytest.raises(ValidationFailed) as failed:
        build_site(root, AS_OF, pdf=False)
    assert [str(p) for p in failed.value.problems] == [
        "site_templates/theme/partials/copyright.html:2:1: 主题模板有错误（UndefinedError: "
        "'dict object' has no attribute 'nosuch'）；请对照 Material 或 handbook 的同名模板修改，"
        "或删除这个文件以恢复默认 [HB632]"
    ]


def test_the_settings_folders_win_over_site_templates(tmp_path: Path) -> None:
    """`template_overrides` (the setting) before site_templates/ for pages;
    `theme.custom_dir` over site_templates/theme/ for the theme."""
    from generator.engine.custom import read_custom, theme_sources
    from generator.render.renderer import Renderer
    from generator.settings import load_settings

    root = _handbook(tmp_path / "h")
    (root / "mine" / "partials").mkdir(parents=True)
    (root / "mine" / "partials" / "copyright.html").write_text("他们的\n", encoding="utf-8")
    (root / "pages").mkdir()
    (root / "pages" / "content_page.md.j2").write_text("设置指定的\n", encoding="utf-8")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("  # custom_dir: overrides", "  custom_dir: mine")
    text = text.replace("    # template_overrides: templates", "    template_overrides: pages")
    config.write_text(text, encoding="utf-8")
    settings, problems = load_settings(root)
    assert problems == [] and settings is not None
    renderer = Renderer(settings, AS_OF)
    assert renderer.env.get_template("content_page.md.j2").render() == "设置指定的\n"
    layers = theme_sources(root, read_custom(root))
    assert layers["partials/copyright.html"] == root / "mine" / "partials" / "copyright.html"
    (root / "mine" / "partials" / "copyright.html").unlink()
    assert theme_sources(root, read_custom(root))["partials/copyright.html"] == (
        root / "site_templates" / "theme" / "partials" / "copyright.html"
    )
    assert theme_sources(root, read_custom(root))["partials/header.html"] == (
        layout.THEME / "partials" / "header.html"
    )


def test_a_wrong_template_in_custom_dir_is_a_located_message_not_a_traceback(
    tmp_path: Path,
) -> None:
    import subprocess
    import sys

    root = _handbook(tmp_path / "h")
    (root / "overrides" / "partials").mkdir(parents=True)
    (root / "overrides" / "partials" / "footer.html").write_text(
        "<footer>\n{% if x %}\n</footer>\n", encoding="utf-8"
    )
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "  # custom_dir: overrides", "  custom_dir: overrides"
    )
    config.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--as-of", "2026-12-04"],
        cwd=root,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "overrides/partials/footer.html:2:1: 主题模板有错误（TemplateSyntaxError: Unexpected end of "
        "template. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. The "
        "innermost block that needs to be closed is 'if'.）；请对照 Material 或 handbook 的同名模板"
        "修改，或删除这个文件以恢复默认 [HB632]",
        "发现 1 个问题，未生成网站。",
    ]
    assert not (root / "site").exists()
