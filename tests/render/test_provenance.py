"""“Last updated” from the commit that last touched a page's source, and the
theme's “编辑此页” link to that file in the forge's editor (repo_url + edit_uri)."""

from __future__ import annotations

import os
import subprocess

from generator.engine.build import build_site
from tests.samples import AS_OF, MINIMAL, Handbook

FORGE = "https://forge.example.org/c/handbook"


def test_pages_say_when_their_source_last_changed_and_link_to_it(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    handbook.write("content/guide.md", "---\ntitle: 指南\n---\n\n见 [[demo#tiaokuan-yi]]。\n")
    config = handbook.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "# repo_url: https://git.example.org/jiguan-dangjian/handbook\n"
            "# edit_uri: _edit/branch/main/content/\n",
            f"repo_url: {FORGE}\nedit_uri: _edit/branch/main/content/\n",
        ),
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2025-03-04T10:00:00+08:00",
        "GIT_COMMITTER_DATE": "2025-03-04T10:00:00+08:00",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "first"]):
        subprocess.run(
            ["git", "-C", str(handbook.root), *args], check=True, env=env, capture_output=True
        )
    build_site(handbook.root, AS_OF)
    html = (handbook.root / "site" / "standards" / "demo" / "index.html").read_text(
        encoding="utf-8"
    )
    assert (
        '<p class="hb-provenance" data-pagefind-ignore>最后更新：<time datetime="2025-03-04">2025年3月4日</time></p>'
    ) in html
    # The edition's YAML opens in the forge's editor, from the generated page.
    assert (
        f'<a href="{FORGE}/_edit/branch/main/standards/demo/2020.yml" title="编辑此页" '
        'class="md-content__button md-icon" rel="edit">'
    ) in html
    guide = (handbook.root / "site" / "guide" / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{FORGE}/_edit/branch/main/content/guide.md" title="编辑此页"' in guide
    index = (handbook.root / "site" / "standards" / "index.html").read_text(encoding="utf-8")
    assert "hb-provenance" not in index  # generated from many files: no single source
    assert 'rel="edit"' not in index


def test_the_retired_source_url_says_what_replaces_it(handbook: Handbook) -> None:
    config = handbook.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "    sample_data: true\n",
        '    sample_data: true\n    source_url: "https://x.example.org/"\n',
    )
    config.write_text(text, encoding="utf-8")
    line = text.splitlines().index('    source_url: "https://x.example.org/"') + 1
    assert handbook.problems() == [
        f"mkdocs.yml:{line}:5: extra.handbook.source_url: 已停用：请删除这一行，改在 mkdocs.yml 顶层写 repo_url（仓库地址）和 edit_uri（如 GitHub 的 edit/main/content/，Gitea/Forgejo 的 _edit/branch/main/content/），并在 theme.features 中加 content.action.edit；每页的“编辑此页”即打开源文件 [HB609]"
    ]


def test_no_git_no_forge_no_footer(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    build_site(handbook.root, AS_OF)
    html = (handbook.root / "site" / "standards" / "demo" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "hb-provenance" not in html
