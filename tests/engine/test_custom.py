"""The committee's own mkdocs.yml is theirs: what Material's customisation guide
tells them to add (extra_css, a custom_dir overriding a block, a hook) reaches
the built site beside the generator's own, and the keys the generator owns are
refused with a located message saying what to do instead."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.engine.build import build_site
from generator.errors import ValidationFailed
from generator.pipeline import run
from generator.scaffold.new import write_handbook

AS_OF = dt.date(2026, 12, 4)

MAIN = """\
{% extends "base.html" %}
{% block announce %}<p class="committee-announce">委员会通知：本周五例会</p>{{ super() }}{% endblock %}
"""
HOOK = """\
def on_post_page(output, page, config):
    return output.replace("</body>", "<!-- committee hook: " + page.file.src_uri + " --></body>")
"""


def _customised(root: Path) -> Path:
    write_handbook(root)
    (root / "content" / "css").mkdir()
    (root / "content" / "css" / "extra.css").write_text(
        ".md-header { background: #7b1e1e; }\n", encoding="utf-8"
    )
    (root / "overrides" / "partials").mkdir(parents=True)
    (root / "overrides" / "main.html").write_text(MAIN, encoding="utf-8")
    (root / "overrides" / "partials" / "copyright.html").write_text(
        '<div class="committee-copyright">© 示例委员会</div>\n', encoding="utf-8"
    )
    (root / "hooks").mkdir()
    (root / "hooks" / "stamp.py").write_text(HOOK, encoding="utf-8")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("  # custom_dir: overrides", "  custom_dir: overrides")
    text = text.replace("    sample_data: false", "    sample_data: true")
    text = text.replace("plugins: []", "plugins:\n  - search")
    text = text.replace("  - sane_lists", "  - pymdownx.mark\n  - sane_lists")
    text += "extra_css:\n  - css/extra.css\nhooks:\n  - hooks/stamp.py\n"
    config.write_text(text, encoding="utf-8")
    manual = root / "content" / "manuals" / "liehui.md"
    manual.write_text(
        manual.read_text(encoding="utf-8") + "\n==会后当天==整理录音。\n", encoding="utf-8"
    )
    return root


def test_their_css_theme_override_and_hook_are_all_in_the_site(tmp_path: Path) -> None:
    root = _customised(tmp_path / "h")
    build_site(root, AS_OF)
    for page, prefix in (("index.html", ""), ("standards/huiyi-guanli/index.html", "../../")):
        html = (root / "site" / page).read_text(encoding="utf-8")
        # Their stylesheet after ours, so that theirs wins the cascade.
        ours = html.index(f'href="{prefix}assets/handbook/handbook.css"')
        theirs = html.index(f'href="{prefix}css/extra.css"')
        assert ours < theirs
        # Their main.html overrides a Material block and keeps ours with super();
        # our other blocks (the search scope) stay.
        assert (
            '<p class="committee-announce">委员会通知：本周五例会</p><p class="hb-sample">' in html
        )
        assert "<div data-pagefind-body" in html
        # Their partial replaces Material's, file by file.
        assert '<div class="committee-copyright">© 示例委员会</div>' in html
        # Their hook ran.
        assert f"<!-- committee hook: {page.replace('.html', '.md')} --></body>" in html
    assert (root / "site" / "css" / "extra.css").is_file()
    # Their plugins run (Material's search wrote its index) and their Markdown extensions apply.
    assert (root / "site" / "search" / "search_index.json").is_file()
    manual = (root / "site" / "manuals" / "liehui" / "index.html").read_text(encoding="utf-8")
    assert "<mark>会后当天</mark>整理录音。" in manual


def test_an_edit_to_their_theme_shows_in_a_rebuild(tmp_path: Path) -> None:
    root = _customised(tmp_path / "h")
    build_site(root, AS_OF)
    main = root / "overrides" / "main.html"
    main.write_text(MAIN.replace("本周五例会", "例会改到周四"), encoding="utf-8")
    (root / "overrides" / "partials" / "copyright.html").unlink()
    build_site(root, AS_OF)
    html = (root / "site" / "manuals" / "liehui" / "index.html").read_text(encoding="utf-8")
    assert "例会改到周四" in html and "本周五例会" not in html
    assert "committee-copyright" not in html  # Material's own partial is back


def _problems(root: Path) -> list[str]:
    with pytest.raises(ValidationFailed) as failed:
        run(root, AS_OF, render=False)
    return [str(p) for p in failed.value.problems]


def test_the_keys_the_generator_owns_are_refused_with_what_to_do(tmp_path: Path) -> None:
    root = tmp_path / "h"
    write_handbook(root)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("docs_dir: content ", "docs_dir: docs    ")
    text = text.replace("# site_dir: site  ", "site_dir: content/x")
    text = text.replace("  # custom_dir: overrides", "  custom_dir: overrides")
    text += "nav:\n  - 首页: index.md\nhooks:\n  - hooks/missing.py\n"
    config.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    docs = next(i for i, line in enumerate(lines) if line.startswith("docs_dir:")) + 1
    site = next(i for i, line in enumerate(lines) if line.startswith("site_dir:")) + 1
    nav = lines.index("nav:") + 1
    theme = next(i for i, line in enumerate(lines) if line.startswith("  custom_dir:")) + 1
    assert _problems(root) == [
        f"mkdocs.yml:{docs}:11: docs_dir: 手册的页面固定放在 content/ 文件夹，这里写的是 'docs'；请删除这一行或写 docs_dir: content，并把页面移到 content/ 下 [HB604]",
        f"mkdocs.yml:{site}:11: site_dir: 网站须生成在手册文件夹内、且不在 content/、standards/ 或 .handbook/ 中，这里写的是 'content/x'；请删除这一行（默认 site）或换一个文件夹名 [HB605]",
        f"mkdocs.yml:{theme}:15: theme.custom_dir: 须是手册文件夹内已有的文件夹，这里写的是 'overrides'；请建好该文件夹或删除这一行 [HB607]",
        f"mkdocs.yml:{nav}:1: nav: 菜单由生成器按 content/ 的文件夹排列，不读 nav；请删除 nav，在各页面开头的前言中写 order: 数字 排定先后（小的在前） [HB606]",
        f"mkdocs.yml:{nav + 3}:5: hooks[0]: 须是手册文件夹内已有的 Python 文件，这里写的是 'hooks/missing.py'；路径相对 mkdocs.yml 所在的文件夹 [HB608]",
    ]


def test_site_dir_is_honoured(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from generator.cli import cli

    root = tmp_path / "h"
    write_handbook(root)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("# site_dir: site  ", "site_dir: public"),
        encoding="utf-8",
    )
    done = CliRunner().invoke(cli, ["build", "--root", str(root), "--as-of", str(AS_OF)])
    assert done.exit_code == 0, done.output
    assert (root / "public" / "index.html").is_file() and not (root / "site").exists()


def test_what_readers_meet_around_the_pages_is_in_chinese(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    root = tmp_path / "h"
    write_handbook(root)
    (root / "content" / "images").mkdir()
    (root / "content" / "images" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  name: material ", "  logo: images/logo.png\n  name: material "
        ),
        encoding="utf-8",
    )
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build_site(root, AS_OF)
    site = root / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'alt="logo"' not in home
    assert '<img src="images/logo.png" alt="示例委员会业务规范手册">' in home
    missing = (site / "404.html").read_text(encoding="utf-8")
    assert "404 - Not found" not in missing
    assert "<h1>页面不存在（404）</h1>" in missing and ">返回首页</a>" in missing
    # The generator owns the menu: MkDocs has no page "not included in the nav" to report.
    assert not [r for r in caplog.records if "nav" in r.getMessage()]


def _palette(root: Path, palette: str) -> int:
    """Write theme.palette; return the line it starts on."""
    config = root / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines()
    at = lines.index("  palette:")
    end = next(i for i in range(at + 1, len(lines)) if not lines[i].startswith("    "))
    lines[at + 1 : end] = palette.splitlines()
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return at + 1


def test_a_palette_colour_without_enough_contrast_is_named_with_a_neighbour(
    tmp_path: Path,
) -> None:
    root = tmp_path / "h"
    write_handbook(root)
    line = _palette(root, "    primary: red\n    accent: deep-purple") + 1
    assert _problems(root) == [
        f"mkdocs.yml:{line}:14: theme.palette.primary: 配色 'red' 的页头文字（#fff）与页头底色（#ef5552）的对比度只有 3.45:1，低于无障碍要求（WCAG 2.1 AA）的 4.5:1；颜色相近且达标的是 #e91a16（4.54:1）：可把此项改为 custom，并在 extra_css 的样式表中写 :root > * {{ --md-primary-fg-color: #e91a16; }} [HB615]",
    ]
    # A palette per scheme (Material's light and dark toggle): each one is checked.
    _palette(root, "    - scheme: default\n      primary: amber\n      accent: red")
    assert _problems(root) == [
        f"mkdocs.yml:{line + 1}:16: theme.palette[0].primary: 配色 'amber' 用作链接文字（#ffc105）时，在白色页面上的对比度只有 1.63:1，低于无障碍要求（WCAG 2.1 AA）的 4.5:1；颜色相近且达标的是 #967100（4.51:1）：可把此项改为 custom，并在 extra_css 的样式表中写 :root > * {{ --md-primary-fg-color: #967100; }} [HB616]",
        f"mkdocs.yml:{line + 2}:15: theme.palette[0].accent: 强调色 'red' 用作鼠标悬停时的链接文字（#ff1a47），在白色页面上的对比度只有 3.82:1，低于无障碍要求（WCAG 2.1 AA）的 4.5:1；颜色相近且达标的是 #eb002e（4.59:1）：可把此项改为 custom，并在 extra_css 的样式表中写 :root > * {{ --md-accent-fg-color: #eb002e; }} [HB617]",
    ]
    # Material's colours that reach AA pass, as the handbook's own (custom) do.
    _palette(root, "    primary: indigo\n    accent: deep-purple")
    run(root, AS_OF, render=False)
