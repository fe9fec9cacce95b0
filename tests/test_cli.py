"""The `handbook` command as an editor and an operator use it."""

from __future__ import annotations

from tests.samples import MINIMAL, Handbook, handbook_cmd


def test_check_reports_every_problem_and_exits_1(handbook: Handbook) -> None:
    handbook.write(
        "standards/demo/2020.yml",
        MINIMAL.replace('number: "1.2"', "number: 1.2")
        .replace("isuer", "x")
        .replace("issuer:", "isuer:"),
    )
    handbook.write("standards/other/2020.yml", "")
    done = handbook_cmd(handbook.root, "check", "--as-of", "2026-11-22")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "standards/demo/2020.yml:7:1: isuer: unknown field 'isuer'; did you mean 'issuer'?",
        "standards/demo/2020.yml:18:17: sections[0].clauses[1].number: expected text, found the "
        'number 1.2; YAML reads unquoted 1.2 as a number (1.10 becomes 1.1), so write it in quotes: "1.2"',
        "standards/other/2020.yml:1:1: the file is empty; write the data into it or delete it",
        "3 problems found; nothing was built.",
    ]
    assert "Traceback" not in done.stderr


def test_check_passes_on_good_input(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    done = handbook_cmd(handbook.root, "check")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "OK: 1 standards, 1 editions, no problems.\n"


def test_build_refuses_bad_input_with_the_same_messages(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", "id: demo\n\tcode: x\n")
    done = handbook_cmd(handbook.root, "build")
    assert done.returncode == 1
    assert done.stderr.startswith(
        "standards/demo/2020.yml:2:1: a tab is used for indentation; YAML allows only spaces"
    )
    assert not (handbook.root / "site").exists()


def test_bad_as_of_date(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    done = handbook_cmd(handbook.root, "check", "--as-of", "2026/11/22")
    assert done.returncode == 2
    assert "expected a date written as YYYY-MM-DD, found '2026/11/22'" in done.stderr
    assert "Traceback" not in done.stderr


def test_build_writes_the_site(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    done = handbook_cmd(handbook.root, "build", "--as-of", "2026-11-22")
    assert done.returncode == 0, done.stderr
    assert "Built 4 pages" in done.stdout
    assert (handbook.root / "site" / "standards" / "demo" / "index.html").is_file()


def test_a_second_build_reuses_the_first_and_clean_redoes_everything(
    handbook: Handbook,
) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    handbook.write("standards/other/2020.yml", MINIMAL.replace("id: demo", "id: other"))
    assert handbook_cmd(handbook.root, "build", "--as-of", "2026-11-22").returncode == 0
    handbook.write(
        "standards/demo/2020.yml", MINIMAL.replace("党支部应当按期换届。", "党支部应当按时换届。")
    )
    again = handbook_cmd(handbook.root, "build", "--as-of", "2026-11-22")
    assert "Built 6 pages" in again.stdout
    assert "; 2 unchanged since the last build, 4 made again." in again.stdout
    html = (handbook.root / "site" / "standards" / "demo" / "index.html").read_text("utf-8")
    assert "党支部应当按时换届。" in html
    clean = handbook_cmd(handbook.root, "build", "--as-of", "2026-11-22", "--clean")
    assert "Built 6 pages into" in clean.stdout and "unchanged" not in clean.stdout


def test_check_annotates_a_pull_request(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL.replace('number: "1.2"', "number: 1.2"))
    done = handbook_cmd(handbook.root, "check", "--format", "github")
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "::error file=standards/demo/2020.yml,line=18,col=17,title=sections[0].clauses[1].number::"
        'expected text, found the number 1.2; YAML reads unquoted 1.2 as a number (1.10 becomes 1.1), so write it in quotes: "1.2"'
    ]


def test_check_as_json(handbook: Handbook) -> None:
    import json

    handbook.write("standards/demo/2020.yml", MINIMAL.replace("issuer:", "isuer:"))
    done = handbook_cmd(handbook.root, "check", "--format", "json")
    assert done.returncode == 1
    assert json.loads(done.stdout) == [
        {
            "path": "standards/demo/2020.yml",
            "line": 7,
            "column": 1,
            "field": "isuer",
            "message": "unknown field 'isuer'; did you mean 'issuer'?",
            "severity": "error",
        }
    ]
    handbook.write("standards/demo/2020.yml", MINIMAL)
    done = handbook_cmd(handbook.root, "check", "--format", "json")
    assert (done.returncode, json.loads(done.stdout)) == (0, [])
