"""`handbook new`: a handbook that checks and builds as it is, written only where
it replaces nothing; and finding the handbook from a sub-folder."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.pipeline import run
from generator.scaffold.new import planned_files, version, write_handbook
from generator.standards.kind import CATALOG

REPO = Path(__file__).resolve().parents[2]


def _handbook(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_the_new_handbook_has_every_part_and_checks_clean(tmp_path: Path) -> None:
    written = write_handbook(tmp_path / "h")
    for name in (
        "mkdocs.yml",
        "content/index.md",
        "content/results/units.yml",
        "content/notices/calendar.yml",
        ".gitignore",
        ".vscode/settings.json",
        ".vscode/extensions.json",
        ".pre-commit-config.yaml",
        "CODEOWNERS",
        ".github/workflows/pull-request.yml",
        ".github/workflows/deploy.yml",
        ".gitea/workflows/pull-request.yml",
        ".gitea/workflows/deploy.yml",
        "requirements.txt",
        "README.md",
        "site_templates/README.md",
        "site_templates/theme/partials/copyright.html",
    ):
        assert name in written, name
    result = run(tmp_path / "h", dt.date(2026, 12, 4), render=False)
    (standard,) = result.store[CATALOG].standards
    assert [e.model.edition for e in standard.editions] == ["2024", "2026"]
    assert standard.editions[-1].model.rubric is not None
    assert f"handbook=={version()}\n" in (tmp_path / "h" / "requirements.txt").read_text("utf-8")
    for workflow in (tmp_path / "h").glob(".git*/workflows/*.yml"):
        steps = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"]
        runs = " ".join(str(s.get("run", "")) for job in steps.values() for s in job["steps"])
        assert "pip install -r requirements.txt" in runs, workflow
        assert ("handbook check --format github" in runs) != ("handbook build --as-of" in runs)
        assert ("handbook build --as-of" in runs) == ("handbook audit --as-of" in runs)
        if "handbook build" in runs:  # the PDFs need Chinese fonts, which runners lack
            assert "apt-get install -y -q --no-install-recommends fonts-noto-cjk" in runs
    guide = (tmp_path / "h" / "README.md").read_text(encoding="utf-8")
    assert all(h in guide for h in ("## 修改一项标准", "## 新增一轮考核", "## 发布一则公告或公示"))
    # What an editor meets in the first week is in the guide, runnable as written.
    for said in (
        "handbook sheet new --rubric huiyi-guanli@2026 --id jiancha-2027 -o jiancha-2027.xlsx",
        "handbook sheet import jiancha-2027.xlsx",
        "handbook explain HB102",
        "`content/results/series.yml` 中加一项",
        "`.site.swap/` 文件夹：那是上一版网站",
    ):
        assert said in guide, said


def test_every_setting_of_the_new_mkdocs_yml_is_explained_in_chinese() -> None:
    text = planned_files()["mkdocs.yml"].decode("utf-8")
    settings = [
        line
        for line in text.splitlines()
        if line.strip()
        and not line.lstrip().startswith(("#", "- ", "kwds:", "case:"))
        and not line.rstrip().endswith(":")  # a key with a value (not a block) has a comment
    ]
    assert len(settings) > 15
    assert [line for line in settings if "#" not in line] == []


def test_new_refuses_a_folder_with_files_and_never_replaces_one(tmp_path: Path) -> None:
    (tmp_path / "h").mkdir()
    (tmp_path / "h" / "notes.txt").write_text("mine\n", encoding="utf-8")
    done = _handbook("new", "h", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == (
        "错误：文件夹 h 中已有文件；请换一个新文件夹，或加 --force 写入其中（已有的同名文件不会被覆盖）\n"
    )
    assert _handbook("new", "--force", "h", cwd=tmp_path).returncode == 0
    assert (tmp_path / "h" / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    (tmp_path / "h" / "mkdocs.yml").write_text("site_name: 我的\n", encoding="utf-8")
    (tmp_path / "h" / "content" / "index.md").unlink()
    done = _handbook("new", "--force", "h", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith(
        "错误：没有写入任何文件：h 中已有这些同名文件，新手册会覆盖它们：.gitea/"
    )
    assert not (tmp_path / "h" / "content" / "index.md").exists()  # nothing was written
    assert (tmp_path / "h" / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: 我的\n"


def test_commands_find_the_handbook_upwards_or_say_how(tmp_path: Path) -> None:
    write_handbook(tmp_path / "h")
    done = _handbook("check", "--as-of", "2026-12-04", cwd=tmp_path / "h" / "content" / "results")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("检查通过：1 个标准，2 个版次")
    done = _handbook("check", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == (
        f"错误：在 {tmp_path.resolve()} 及其上级文件夹中都没有找到 mkdocs.yml：请在手册的文件夹"
        "（或其子文件夹）中运行，或用 -f 指定手册的 mkdocs.yml；新建一个手册：handbook new 文件夹名\n"
    )


@pytest.mark.parametrize("sample", [False, True])
def test_new_handbooks_carry_the_current_schemas(sample: bool) -> None:
    files = planned_files(sample)
    for name in (REPO / "generator" / "schemas").glob("*.json"):
        assert files[f".vscode/schemas/{name.name}"] == name.read_bytes()
