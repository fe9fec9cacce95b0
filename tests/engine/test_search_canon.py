"""Pagefind's filter files made the same from run to run (builds are reproducible)."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.engine.search import run_pagefind

PAGE = (
    '<html lang="zh"><body><div data-pagefind-body><h1>第{n}页</h1><p>党支部按期换届。</p>'
    '<span data-pagefind-filter="年份:{year}"></span><span data-pagefind-filter="类型:{kind}"></span>'
    "</div></body></html>"
)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_two_runs_on_the_same_pages_write_the_same_index(tmp_path: Path) -> None:
    site = tmp_path / "a"
    for n in range(40):
        page = site / f"p{n}" / "index.html"
        page.parent.mkdir(parents=True)
        kind = ["标准", "操作手册", "公告公示", "考核结果", "术语"][n % 5]
        page.write_text(PAGE.format(n=n, year=2000 + n % 17, kind=kind), encoding="utf-8")
    shutil.copytree(site, tmp_path / "b")
    runs = []
    for name in ("a", "b"):
        run_pagefind(tmp_path / name, "pages", "**/*.html")
        runs.append(_files(tmp_path / name / "pagefind"))
    assert sorted(runs[0]) == sorted(runs[1])
    assert runs[0] == runs[1]
    assert sum(name.startswith("pages/filter/") for name in runs[0]) == 2
