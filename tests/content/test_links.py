"""Nothing outside the handbook is linked, read or fetched: `file:`, absolute and
escaping links and images in hand-written pages are located problems in `check`,
and MkDocs' own warnings reach an editor as located messages in the catalogue's
words, never in MkDocs' English."""

from __future__ import annotations

import contextlib
import re
import zlib
from pathlib import Path

import pytest

from generator.content.links import leaving
from generator.errors import ValidationFailed
from tests.samples import AS_OF, MINIMAL, Handbook, handbook_cmd

PAGE = "content/manuals/guide/01-intro.md"
TEXT = """\
---
title: 第一讲
---
照片：![照片](file:///D:/资料/照片.jpg)，办法见 [办法](/home/zhang/办法.pdf)。

![图](../../../secret.png) 和 <img src="C:\\Users\\zhang\\tu.png" alt="图">

[参考]: <file:///etc/passwd>

    ![代码里的](file:///不算.png)

正常的：[网站](https://example.org/)、[下一讲](02-next.md)、![图](images/tu.png)、[上一级](../index.md)
"""


def test_links_and_images_leaving_the_handbook_are_located(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    handbook.write(PAGE, TEXT)
    handbook.write("content/manuals/guide/02-next.md", "---\ntitle: 第二讲\n---\n正文\n")
    assert handbook.problems() == [
        f"{PAGE}:4:10: 链接或图片指向本机文件 file:///D:/资料/照片.jpg：读者的电脑上没有这个文件，"
        "网页和 PDF 中都打不开；请把文件放进 content/ 中，用相对于本页的路径链接，或链接到 http(s) 网址 [HB309]",
        f"{PAGE}:4:41: 链接或图片使用了绝对路径 /home/zhang/办法.pdf：它指向某台电脑上的文件或网站的根目录，"
        "在发布的网站和 PDF 中会失效；请改用相对于本页的路径，如 ../images/tu.png [HB310]",
        f"{PAGE}:6:6: 链接或图片指向手册之外 ../../../secret.png：content/ 以外的文件不会发布，也不会被读取；"
        "请把文件放进 content/ 中再链接 [HB311]",
        f"{PAGE}:6:39: 链接或图片使用了绝对路径 C:\\Users\\zhang\\tu.png：它指向某台电脑上的文件或网站的根目录，"
        "在发布的网站和 PDF 中会失效；请改用相对于本页的路径，如 ../images/tu.png [HB310]",
        f"{PAGE}:8:8: 链接或图片指向本机文件 file:///etc/passwd：读者的电脑上没有这个文件，"
        "网页和 PDF 中都打不开；请把文件放进 content/ 中，用相对于本页的路径链接，或链接到 http(s) 网址 [HB309]",
    ]


@pytest.mark.parametrize(
    ("url", "page", "code"),
    [
        ("FILE://server/share/a.pdf", "manuals/a.md", "HB309"),
        ("\\\\server\\share\\a.pdf", "manuals/a.md", "HB310"),
        ("d:/a.png", "manuals/a.md", "HB310"),
        ("../../a.png", "manuals/a.md", "HB311"),
        ("../%2e%2e/a.png", "manuals/a.md", "HB311"),
        ("../a.png", "manuals/a.md", None),
        ("//cdn.example.org/a.png", "manuals/a.md", None),
        ("#jiben-yaoqiu", "manuals/a.md", None),
        ("mailto:a@example.org", "manuals/a.md", None),
    ],
)
def test_what_leaves_the_handbook(url: str, page: str, code: str | None) -> None:
    assert leaving(url, page) == code


def test_mkdocs_warnings_become_located_messages(handbook: Handbook, tmp_path: Path) -> None:
    from generator.engine.build import build_site

    handbook.write("standards/demo/2020.yml", MINIMAL)
    handbook.write(PAGE, "---\ntitle: 第一讲\n---\n正文\n\n另见[第二讲](02-nxet.md)。\n")
    handbook.write("content/manuals/guide/02-next.md", "---\ntitle: 第二讲\n---\n正文\n")
    with pytest.raises(ValidationFailed) as failed:
        build_site(handbook.root, AS_OF, tmp_path / "site", pdf=False)
    assert [str(p) for p in failed.value.problems] == [
        f"{PAGE}:6:9: 链接 02-nxet.md 的目标在手册中不存在（路径相对于本页）；"
        "请检查路径和文件名，是否应为 '02-next.md'？ [HB312]"
    ]
    assert not (tmp_path / "site").exists()
    done = handbook_cmd(handbook.root, "build")
    assert done.returncode == 1
    assert "Doc file" not in done.stderr and "[HB312]" in done.stderr


def test_each_kind_of_mkdocs_warning_is_worded_and_placed(handbook: Handbook) -> None:
    from generator.engine.engine_warnings import as_problems

    handbook.write(PAGE, "---\ntitle: 第一讲\n---\n见[下一讲](../next)和[要求](#yaoqiu)。\n")
    doc = "Doc file 'manuals/guide/01-intro.md' contains "
    found = as_problems(
        [
            doc + "an unrecognized relative link '../next', it was left as is.",
            doc + "a link '#yaoqiu', but there is no such anchor on this page.",
            doc + "an absolute link '/next/', it was left as is.",
            "Config value 'extra_css': something MkDocs did not like.",
        ],
        handbook.root,
    )
    assert [str(p) for p in found] == [
        f"{PAGE}:4:8: 无法识别的链接 ../next：它不指向任何页面或文件；请链接到 .md 页面或具体的文件 [HB313]",
        f"{PAGE}:4:22: 链接 #yaoqiu 指向的锚点不存在；请核对 # 后面的标题锚点 [HB314]",
        f"{PAGE}: 链接或图片使用了绝对路径 /next/：它指向某台电脑上的文件或网站的根目录，"
        "在发布的网站和 PDF 中会失效；请改用相对于本页的路径，如 ../images/tu.png [HB310]",
        "mkdocs.yml: 网站引擎报告了一个问题：Config value 'extra_css': something MkDocs did not like.；"
        "请按提示检查该页，如无法处理请联系维护手册工具的同事 [HB315]",
    ]


def test_links_on_paper_lead_to_the_site_or_nowhere() -> None:
    from generator.content.links import on_paper

    html = (
        '<p><a href="02-next.md#yaoqiu">下一讲</a> <a href="files/a%20b.txt">附件</a> '
        '<a href="https://example.org/">网站</a> <a href="#top">本页</a> '
        '<a href="file:///etc/passwd">本机</a> <a href="../../../x.md">外面</a></p>'
    )
    assert on_paper(html, "manuals/guide/01.md", "https://h.example.org/hb/") == (
        '<p><a href="https://h.example.org/hb/manuals/guide/02-next/#yaoqiu">下一讲</a> '
        '<a href="https://h.example.org/hb/manuals/guide/files/a%20b.txt">附件</a> '
        '<a href="https://example.org/">网站</a> <a href="#top">本页</a> '
        "<a>本机</a> <a>外面</a></p>"
    )
    assert on_paper(html, "manuals/guide/01.md", None).startswith(
        '<p><a>下一讲</a> <a>附件</a> <a href="https://example.org/">网站</a>'
    )


def _pdf_uris(data: bytes) -> list[bytes]:
    """The addresses of a PDF's links, in its streams compressed or not."""
    found = re.findall(rb"/URI\s*\(([^)]*)\)", data)
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        with contextlib.suppress(zlib.error):
            found += re.findall(rb"/URI\s*\(([^)]*)\)", zlib.decompress(m.group(1)))
    return found


def test_a_manuals_pdf_keeps_no_address_of_the_build_machine(
    handbook: Handbook, tmp_path: Path
) -> None:
    from generator.engine.build import build_site

    handbook.write("standards/demo/2020.yml", MINIMAL)
    handbook.write("content/manuals/guide/index.md", "---\ntitle: 指南\n---\n目录\n")
    handbook.write(
        PAGE,
        "---\ntitle: 第一讲\n---\n见[第二讲](02-next.md)、[附件](files/a.txt)、"
        "[网站](https://example.org/)和[首页](../../index.md)。\n",
    )
    handbook.write("content/manuals/guide/02-next.md", "---\ntitle: 第二讲\n---\n正文\n")
    handbook.write("content/manuals/guide/files/a.txt", "附件\n")
    build_site(handbook.root, AS_OF, tmp_path / "site")
    uris = _pdf_uris((tmp_path / "site/pdf/manuals/guide.pdf").read_bytes())
    assert uris == [
        b"https://handbook.example.org/handbook/manuals/guide/02-next/",
        b"https://handbook.example.org/handbook/manuals/guide/files/a.txt",
        b"https://example.org/",
        b"https://handbook.example.org/handbook/",
    ]


def test_the_preview_words_a_pages_warning_too() -> None:
    from generator.engine.serve_words import word

    message = (
        "Doc file 'manuals/guide/01-intro.md' contains a link '02-nxet.md', but the target "
        "'manuals/guide/02-nxet.md' is not found among documentation files."
    )
    assert word(message, "zh") == (
        "manuals/guide/01-intro.md: 链接 02-nxet.md 的目标在手册中不存在（路径相对于本页）；"
        "请检查路径和文件名 [HB312]"
    )
    assert word("Something else", "zh") == "Something else"
