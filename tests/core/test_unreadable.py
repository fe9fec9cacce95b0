"""A data file the system will not read, or holding a character YAML refuses: a
located problem with its rule code, in Chinese by default and in English."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from generator.core.documents import load_yaml


@pytest.mark.parametrize(
    ("error", "zh", "en"),
    [
        (
            FileNotFoundError(errno.ENOENT, "No such file or directory"),
            "x.yml: 文件在读取时被删除或改名；请再运行一次 [HB037]",
            "x.yml: the file was deleted or renamed while it was read; run again [HB037]",
        ),
        (
            PermissionError(errno.EACCES, "Permission denied"),
            "x.yml: 没有读取这个文件的权限；请检查文件的权限 [HB039]",
            "x.yml: no permission to read this file; check its permissions [HB039]",
        ),
        (
            OSError(errno.EIO, "Input/output error"),
            "x.yml: 无法读取文件：Input/output error [HB040]",
            "x.yml: the file cannot be read: Input/output error [HB040]",
        ),
    ],
)
def test_a_file_the_system_will_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, zh: str, en: str
) -> None:
    path = tmp_path / "x.yml"
    path.write_text("id: x\n", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise error

    monkeypatch.setattr(Path, "read_bytes", refuse)
    doc, (problem,) = load_yaml(path, "x.yml")
    assert doc is None
    assert problem.format() == zh
    assert problem.format("en") == en


def test_a_control_character_is_located_and_named(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_text("id: x\ntitle: 示例\x07标准\n", encoding="utf-8")
    doc, (problem,) = load_yaml(path, "x.yml")
    assert doc is None
    assert problem.format() == (
        "x.yml:2:10: 这里有一个 YAML 不允许的控制字符（U+0007），通常是从别处复制来的；请删去它 [HB035]"
    )
    assert problem.format("en") == (
        "x.yml:2:10: a control character YAML does not allow (U+0007), usually copied in from elsewhere; delete it [HB035]"
    )
