"""Which files under content/ are read, and where they may lead: links are
followed only inside the repository, whatever folder they sit in."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.samples import MINIMAL, Handbook

NOTICE = """\
---
id: DEMO-2026-1
type: 通知
title: 示例通知
issuer: 示例委员会
published: 2026-11-18
---

正文。
"""


@pytest.fixture
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder outside the repository, with a notice and a page in it."""
    folder = tmp_path_factory.mktemp("elsewhere")
    (folder / "tongzhi.md").write_text(NOTICE, encoding="utf-8")
    (folder / "ye.md").write_text("---\ntitle: 外面的页面\n---\n\n正文。\n", encoding="utf-8")
    return folder


def test_notices_and_pages_linking_outside_the_repository_are_refused(
    handbook: Handbook, outside: Path
) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    notices = handbook.root / "content/notices"
    notices.mkdir(parents=True)
    (notices / "waibu.md").symlink_to(outside / "tongzhi.md")
    (notices / "neibu.md").symlink_to(handbook.write("shared/tongzhi.md", NOTICE))
    (handbook.root / "content/manuals").mkdir()
    (handbook.root / "content/manuals/waibu.md").symlink_to(outside / "ye.md")
    # A folder linked from elsewhere is not entered: its files are not read at all.
    (handbook.root / "content/manuals/lianjie").symlink_to(outside, target_is_directory=True)
    assert handbook.problems() == [
        "content/manuals/waibu.md: 此文件链接到仓库以外的位置，不予读取 [HB025]",
        "content/notices/waibu.md: 此文件链接到仓库以外的位置，不予读取 [HB025]",
    ]


def test_a_notice_in_a_sub_folder_is_refused(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    handbook.write("content/notices/2026/tongzhi.md", NOTICE)
    assert handbook.problems() == [
        "content/notices/2026/tongzhi.md: 公告应存放为 content/notices/<名称>.md，名称由小写拉丁字母、数字和连字符组成（它是公告的固定网址）；实际为 '2026/tongzhi.md' [HB401]",
    ]
