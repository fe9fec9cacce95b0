"""The tool as a committee gets it: a wheel built from this repository, installed
(not editable) into a fresh virtual environment outside the checkout; then
`handbook new` and `handbook build` there, as a person types them."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
AS_OF = "2026-12-04"


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, encoding="utf-8", check=False, env=env
    )
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The `bin` folder of a fresh environment with the wheel installed. The wheel is
    built from a copy of the tracked files, so the checkout gets no build/ folder."""
    base = tmp_path_factory.mktemp("install")
    source = base / "source"
    listed = _run(["git", "ls-files", "-co", "--exclude-standard", "-z"], REPO)
    for rel in filter(None, listed.split("\0")):
        if (REPO / rel).is_file():
            (source / rel).parent.mkdir(parents=True, exist_ok=True)
            (source / rel).write_bytes((REPO / rel).read_bytes())
    venv.create(base / "venv", with_pip=True)
    bin_dir = base / "venv" / "bin"
    quiet = ["--quiet", "--disable-pip-version-check"]
    _run(
        [str(bin_dir / "pip"), "wheel", *quiet, "--no-deps", "-w", str(base / "dist"), str(source)],
        base,
    )
    (wheel,) = (base / "dist").glob("handbook-*-py3-none-any.whl")
    _run([str(bin_dir / "pip"), "install", *quiet, str(wheel)], base)
    return bin_dir


def _env(bin_dir: Path) -> dict[str, str]:
    """A shell whose PATH starts with the environment, as after `source venv/bin/activate`."""
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "PYTHONPATH": ""}


def test_a_committee_installs_the_wheel_and_builds_a_new_handbook(
    installed: Path, tmp_path: Path
) -> None:
    env = _env(installed)
    where = _run(
        [str(installed / "python"), "-c", "import generator; print(generator.__file__)"],
        tmp_path,
        env,
    )
    assert str(installed.parent) in where and str(REPO) not in where  # not the checkout
    assert _run(["handbook", "--version"], tmp_path, env).strip() == "handbook 0.1.0"

    said = _run(["handbook", "new", "weiyuanhui"], tmp_path, env)
    assert "已在 weiyuanhui 写好新手册" in said
    root = tmp_path / "weiyuanhui"
    assert "handbook==0.1.0" in (root / "requirements.txt").read_text(encoding="utf-8")
    # From a sub-folder, as git finds its repository.
    said = _run(["handbook", "build", "--as-of", AS_OF], root / "content" / "manuals", env)
    assert said.startswith(f"已生成 18 个页面，输出到 {root / 'site'}"), said

    site = root / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>首页 - 示例委员会业务规范手册</title>" in home
    assert "data-pagefind-body" in home and "assets/handbook/handbook.css" in home
    standard = (site / "standards/huiyi-guanli/index.html").read_text(encoding="utf-8")
    assert "会议纪要应在会后 3 个工作日内印发。" in standard  # the 2026 edition is in force
    assert (site / "standards/huiyi-guanli/2026/changes/index.html").is_file()
    manual = (site / "manuals/liehui/index.html").read_text(encoding="utf-8")
    assert 'href="../../standards/huiyi-guanli/#tongzhi"' in manual
    round_page = (site / "results/jiancha-2026/index.html").read_text(encoding="utf-8")
    assert "秘书处" in round_page and "98" in round_page
    assert (site / "notices/jiancha-2026-gongshi/index.html").is_file()
    assert (site / "pagefind" / "pages" / "pagefind-entry.json").is_file()

    # After an upgrade, the editors' schemas are refreshed in the handbook, not in the package.
    schemas = root / ".vscode" / "schemas" / "round.schema.json"
    schemas.write_text("{}", encoding="utf-8")
    said = _run(["handbook", "schema"], root / "standards", env)
    assert f"已写入 {schemas}" in said and schemas.read_text(encoding="utf-8") != "{}"

    # -f names the configuration from anywhere.
    said = _run(
        ["handbook", "check", "-f", str(root / "mkdocs.yml"), "--as-of", AS_OF], tmp_path, env
    )
    assert said.startswith("检查通过：1 个标准，2 个版次")


def test_the_full_sample_comes_with_the_wheel(installed: Path, tmp_path: Path) -> None:
    env = _env(installed)
    _run(["handbook", "new", "--sample", "sample"], tmp_path, env)
    root = tmp_path / "sample"
    for name in ("standards", "content"):
        compared = filecmp.dircmp(REPO / name, root / name)
        assert _differences(compared) == [], name
    for name in ("mkdocs.yml", "CODEOWNERS"):
        assert (root / name).read_bytes() == (REPO / name).read_bytes(), name
    assert (root / ".vscode" / "settings.json").is_file()
    said = _run(["handbook", "check", "--as-of", AS_OF], root, env)
    assert said.startswith("检查通过：") and said.rstrip().endswith("没有发现问题。")


def _differences(compared: filecmp.dircmp[str]) -> list[str]:
    _, mismatch, errors = filecmp.cmpfiles(
        compared.left, compared.right, compared.common_files, shallow=False
    )
    found = [*compared.left_only, *compared.right_only, *mismatch, *errors]
    for sub in compared.subdirs.values():
        found += _differences(sub)
    return found


def test_the_wheel_is_built_without_touching_the_checkout() -> None:
    assert not (REPO / "generator" / "scaffold" / "sample").exists()
    assert sys.prefix != str(REPO)  # sanity: the tests run from the checkout's venv
