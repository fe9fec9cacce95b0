"""“Last updated” from the commit that last touched a page's source, and a link to it."""

from __future__ import annotations

import os
import subprocess

from generator.engine.build import build_site
from tests.samples import AS_OF, MINIMAL, Handbook


def test_pages_say_when_their_source_last_changed_and_link_to_it(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    config = handbook.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            'source_url: ""', 'source_url: "https://forge.example.org/c/handbook/src/branch/main/"'
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
        '<p class="hb-provenance" data-pagefind-ignore>最后更新：<time datetime="2025-03-04">2025年3月4日</time> · '
        '<a href="https://forge.example.org/c/handbook/src/branch/main/standards/demo/2020.yml">查看源文件</a></p>'
    ) in html
    index = (handbook.root / "site" / "standards" / "index.html").read_text(encoding="utf-8")
    assert "hb-provenance" not in index  # generated from many files: no single source


def test_no_git_no_forge_no_footer(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    build_site(handbook.root, AS_OF)
    html = (handbook.root / "site" / "standards" / "demo" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "hb-provenance" not in html
