"""CODEOWNERS is kept in step with the owners declared on standards."""

from __future__ import annotations

import subprocess
import sys

from tests.samples import MINIMAL, Handbook

P = "standards/demo/2020.yml"
OWNED = MINIMAL.replace("issuer: 示例委员会", 'issuer: 示例委员会\nowners: ["@zuzhibu"]')


def test_no_owners_and_no_file_is_fine(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL)
    assert handbook.problems() == []


def test_declared_owners_missing_from_codeowners(handbook: Handbook) -> None:
    handbook.write(P, OWNED)
    assert handbook.problems() == [
        "CODEOWNERS:1:1: the owners declared on standards have changed; run `handbook codeowners` to update this file"
    ]


def test_codeowners_command_keeps_the_committees_own_lines(handbook: Handbook) -> None:
    handbook.write(P, OWNED)
    handbook.write("CODEOWNERS", "/content/ @bangongshi\n")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "codeowners", "--root", str(handbook.root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (handbook.root / "CODEOWNERS").read_text(encoding="utf-8").splitlines() == [
        "/content/ @bangongshi",
        "# BEGIN handbook: generated from `owners` in standards/*/*.yml by `handbook codeowners`",
        "/standards/demo/ @zuzhibu",
        "# END handbook",
    ]
    assert handbook.problems() == []
    handbook.write(P, OWNED.replace('["@zuzhibu"]', '["@zuzhibu", "@shenhe"]'))
    assert handbook.problems() == [
        "CODEOWNERS:2:1: the owners declared on standards have changed; run `handbook codeowners` to update this file"
    ]


def test_owner_handles_are_checked(handbook: Handbook) -> None:
    handbook.write(P, OWNED.replace('"@zuzhibu"', '"组织部"'))
    assert handbook.problems() == [
        f'{P}:8:10: owners[0]: expected a forge account or team (like @zuzhibu or @org/team), found "组织部"'
    ]
