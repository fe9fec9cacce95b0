"""`handbook audit`: a planted stale section, an empty section and a dead anchor
are found with their exact messages; `--strict` fails a CI run, `--json` is for tools."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from generator.audit.report import audit, plain
from generator.engine.build import build_site
from generator.scaffold.new import write_handbook

AS_OF = dt.date(2026, 12, 4)


def _git(root: Path, *args: str, day: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": f"{day}T10:00:00+08:00",
        "GIT_COMMITTER_DATE": f"{day}T10:00:00+08:00",
        "GIT_AUTHOR_NAME": "editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
    }
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def _planted(root: Path) -> Path:
    write_handbook(root)
    # an empty section: a folder with only its index page
    (root / "content" / "guide").mkdir()
    (root / "content" / "guide" / "index.md").write_text(
        "---\ntitle: 工作指南\norder: 5\n---\n\n本栏目收录工作指南。\n", encoding="utf-8"
    )
    # a dead anchor: a link to a heading the manual does not have
    manual = root / "content" / "manuals" / "index.md"
    manual.write_text(
        manual.read_text(encoding="utf-8") + "\n会前准备见[会前](liehui.md#hui-qian-zhunbei)。\n",
        encoding="utf-8",
    )
    _git(root, "init", "-q", day="2026-11-30")
    _git(root, "add", "-A", day="2026-11-30")
    _git(root, "commit", "-qm", "手册", day="2026-11-30")
    return root


def test_audit_finds_a_stale_section_an_empty_one_and_a_dead_anchor(tmp_path: Path) -> None:
    root = _planted(tmp_path / "h")
    # the notice was published on 2026-07-01 and its file last changed on 2026-11-30
    build_site(root, AS_OF, pdf=False)
    found = audit(root, dt.date(2026, 12, 20))
    # (the place in the built page is its line and column there, which the theme decides)
    assert [f"{p.path}: {p.text()} [{p.code}]" for p in found.problems] == [
        "content/index.md: 首页已 20 天未更新（最近一次更新在 2026-11-30），超过 14 天；"
        "首页长期未更新是政府网站检查的单项否决项 [HB800]",
        "content/notices/: 栏目“公告公示”已 20 天未更新（最近一次更新在 2026-11-30），超过 14 天；"
        "栏目长期未更新是政府网站检查的单项否决项 [HB801]",
        "content/guide/: 栏目“工作指南”没有内容（只有栏目首页）；空白栏目是政府网站检查的单项否决项，"
        "请补充内容或删除该栏目 [HB802]",
        "site/manuals/index.html: 链接指向的页面 manuals/liehui/index.html "
        "中没有锚点 #hui-qian-zhunbei [HB804]",
    ]
    assert found.problems[3].line > 0
    report = plain(found, "zh")
    assert report.startswith(
        "网站自查报告（按 2026-12-20 计算）\n各栏目最近更新：\n"
        "  标准（standards/）：1 页，最近更新 2026-11-30（20 天前）\n"
        "  公告公示（content/notices/）：1 页，最近更新 2026-11-30（20 天前）\n"
    )
    assert report.endswith("\n发现 4 个问题。")
    # in the thresholds, nothing is stale on the day after the commit
    assert [p.code for p in audit(root, dt.date(2026, 12, 1)).problems] == ["HB802", "HB804"]


def test_audit_on_the_command_line_strict_and_json(tmp_path: Path) -> None:
    root = _planted(tmp_path / "h")

    def handbook(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "generator", *args],
            cwd=root,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )

    done = handbook("audit", "--as-of", "2026-12-20")
    assert done.returncode == 0
    assert "未找到已生成的网站" in done.stdout  # not built: the site's checks are skipped
    assert handbook("audit", "--as-of", "2026-12-20", "--strict").returncode == 1
    data = json.loads(handbook("audit", "--as-of", "2026-12-20", "--json").stdout)
    assert [p["code"] for p in data["problems"]] == ["HB800", "HB801", "HB802"]
    assert data["sections"][1] == {
        "name": "公告公示",
        "path": "content/notices/",
        "pages": 1,
        "last_changed": "2026-11-30",
        "limit_days": 14,
    }


def test_dead_links_heavy_pages_and_images_without_alt_in_a_built_site(tmp_path: Path) -> None:
    from generator.audit.site import check_site

    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text(
        '<h1 id="top">甲</h1>\n<a href="../b/">乙</a> <a href="#top">顶部</a>\n'
        '<img src="photo.jpg">\n<img src="rule.png" alt="" role="presentation">\n'
        '<p><img alt="" src="chart.png" /></p>\n',
        encoding="utf-8",
    )
    (site / "a" / "photo.jpg").write_bytes(b"\0" * 700 * 1024)
    (site / "index.html").write_text('<a href="/handbook/a/#top">甲</a>\n', encoding="utf-8")
    found = check_site(tmp_path, site, 600, "https://example.gov.cn/handbook/")
    assert [str(p) for p in found] == [
        "site/a/index.html:2:1: 链接指向的页面不存在：../b/ [HB803]",
        "site/a/index.html:3:1: 图片 photo.jpg 没有替代文字（alt）；读屏软件无法读出它，"
        "请在 ![ ] 的方括号中写上图片说明 [HB807]",
        "site/a/index.html:5:4: 图片 chart.png 没有替代文字（alt）；读屏软件无法读出它，"
        "请在 ![ ] 的方括号中写上图片说明 [HB807]",
        "site/a/index.html: 本页连同样式、脚本和图片共 700 KiB，按 1.6 Mbps 网速需 3.6 秒才能打开"
        "（上限 600 KiB，约 3 秒）；请压缩图片或拆分页面 [HB805]",
    ]


def test_a_public_site_without_its_record_numbers(tmp_path: Path) -> None:
    root = tmp_path / "h"
    write_handbook(root)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  handbook:                # handbook 自己的设置\n",
            "  handbook:\n    public_site:\n      host: 示例委员会\n      icp: 示ICP备12345678号\n",
        ),
        encoding="utf-8",
    )
    found = audit(root, AS_OF)
    assert [str(p) for p in found.problems if p.code == "HB806"] == [
        "mkdocs.yml:63:5: extra.handbook.public_site: 网站写了 public_site（对公众开放），但没有填写 "
        f"{key}；网站标识码（site_id_code）、ICP 备案号（icp）和公安机关备案号（police_record）"
        "都须显示在政府网站的页脚 [HB806]"
        for key in ("site_id_code", "police_record")
    ]
