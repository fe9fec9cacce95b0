"""The `handbook` command as an editor and an operator use it."""

from __future__ import annotations

import subprocess
import sys

import pytest

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
        "standards/demo/2020.yml:7:1: isuer: 字段 'isuer' 不存在，是否应为 'issuer'？ [HB102]",
        'standards/demo/2020.yml:18:17: sections[0].clauses[1].number: 应为文字，实际为数字 1.2；YAML 把不加引号的 1.2 读作数字（1.10 会变成 1.1），请加上引号："1.2" [HB104]',
        "standards/other/2020.yml:1:1: 文件是空的；请写入内容，或删除此文件 [HB023]",
        "发现 3 个问题，未生成网站。",
    ]
    assert "Traceback" not in done.stderr
    english = handbook_cmd(handbook.root, "check", "--as-of", "2026-11-22", "--lang", "en")
    assert english.stderr.splitlines() == [
        "standards/demo/2020.yml:7:1: isuer: unknown field 'isuer'; did you mean 'issuer'? [HB102]",
        'standards/demo/2020.yml:18:17: sections[0].clauses[1].number: expected text, found the number 1.2; YAML reads unquoted 1.2 as a number (1.10 becomes 1.1), so write it in quotes: "1.2" [HB104]',
        "standards/other/2020.yml:1:1: the file is empty; write the data into it or delete it [HB023]",
        "3 problems found; nothing was built.",
    ]


def test_the_language_follows_the_option_the_environment_then_mkdocs_yml(
    handbook: Handbook,
) -> None:
    handbook.write("standards/demo/2020.yml", "")
    english = "standards/demo/2020.yml:1:1: the file is empty; write the data into it or delete it [HB023]"
    chinese = "standards/demo/2020.yml:1:1: 文件是空的；请写入内容，或删除此文件 [HB023]"
    assert handbook_cmd(handbook.root, "check", env={"HANDBOOK_LANG": "en"}).stderr.startswith(
        english
    )
    assert handbook_cmd(
        handbook.root, "check", "--lang=zh", env={"HANDBOOK_LANG": "en"}
    ).stderr.startswith(chinese)
    config = handbook.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("language: zh", "language: en"), encoding="utf-8"
    )
    assert handbook_cmd(handbook.root, "check").stderr.splitlines() == [
        english,
        "1 problem found; nothing was built.",
    ]


def test_check_passes_on_good_input(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    done = handbook_cmd(handbook.root, "check")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "检查通过：1 个标准，1 个版次，没有发现问题。\n"


def test_build_refuses_bad_input_with_the_same_messages(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", "id: demo\n\tcode: x\n")
    done = handbook_cmd(handbook.root, "build")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "standards/demo/2020.yml:2:1: 这里用了 Tab 缩进；YAML 只允许用空格缩进，请把 Tab 换成空格 [HB002]",
        "发现 1 个问题，未生成网站。",
    ]
    assert not (handbook.root / "site").exists()


def test_bad_as_of_date(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    done = handbook_cmd(handbook.root, "check", "--as-of", "2026/11/22")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "用法：handbook check [选项]",
        "请运行 'handbook check --help' 查看帮助。",
        "",
        "错误：应为 YYYY-MM-DD 格式的日期，实际为 '2026/11/22'",
    ]


def test_clicks_own_errors_in_chinese(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    last = {
        ("check", "--formt", "json"): "错误：没有选项 '--formt'，是否应为 '--format'？",
        (
            "check",
            "--format",
            "xml",
        ): "错误：'--format' 的值无效：'xml' 不是可选的值；可选：plain、github、json",
        ("chek",): "错误：没有命令 'chek'，是否应为 'check'？",
        ("diff",): "错误：缺少参数 'REF'",
        ("check", "extra"): "错误：多余的参数：extra",
        ("check", "--site-dir", "x"): "错误：没有选项 '--site-dir'",
    }
    for args, message in last.items():
        done = handbook_cmd(handbook.root, *args)
        assert done.returncode == 2, args
        assert done.stderr.splitlines()[-1] == message
    done = subprocess.run(
        [sys.executable, "-m", "generator", "--lang", "zh"],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
    )
    assert done.stderr.splitlines()[-1] == "错误：缺少命令；可用的命令见 handbook --help"
    english = handbook_cmd(handbook.root, "check", "--formt", "json", "--lang", "en")
    assert (
        english.stderr.splitlines()[-1]
        == "error: No such option: --formt; did you mean '--format'?"
    )


def test_help_is_in_the_chosen_language(handbook: Handbook) -> None:
    done = handbook_cmd(handbook.root, "check", "--help")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert lines[:5] == [
        "用法：handbook check [选项]",
        "",
        "  检查所有数据文件，列出发现的全部问题。",
        "",
        "选项：",
    ]
    assert "  --help                        显示此帮助并退出。" in lines
    assert any("[默认：plain]" in line for line in lines)
    top = subprocess.run(
        [sys.executable, "-m", "generator", "--help"],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
        cwd=handbook.root,
    ).stdout
    assert "  explain     说明错误代码" in top and "命令：" in top
    english = handbook_cmd(handbook.root, "check", "--help", "--lang", "en").stdout
    assert english.startswith("Usage: handbook check [OPTIONS]\n\n  Validate every data file")
    assert "  --help                        Show this message and exit." in english


def test_explain_a_code_and_list_them_all(handbook: Handbook) -> None:
    done = handbook_cmd(handbook.root, "explain", "HB104")
    assert done.returncode == 0
    assert done.stdout.splitlines()[:7] == [
        'HB104: 应为文字，实际为数字 …；YAML 把不加引号的 … 读作数字（1.10 会变成 1.1），请加上引号："…"',
        "",
        "这条规则保护什么",
        "    编号、版次、代码是文字：不加引号时 YAML 把 1.10 读成数字 1.1，2020 读成数字 2020。",
        "",
        "错误的写法",
        "    number: 1.10",
    ]
    listing = handbook_cmd(handbook.root, "explain").stdout.splitlines()
    assert listing[0] == "错误代码一览"
    assert "HB102  字段 '…' 不存在，是否应为 '…'？" in listing
    unknown = handbook_cmd(handbook.root, "explain", "HB999")
    assert unknown.returncode == 1
    assert unknown.stderr.splitlines() == [
        "错误：没有错误代码 'HB999'，是否应为 'HB729'？",
        "运行 handbook explain 可列出全部代码。",
    ]


def test_internal_errors_are_worded_without_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator import cli

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli.cli, "main", broken)
    monkeypatch.setattr(sys, "argv", ["handbook", "check", "--lang", "zh"])
    monkeypatch.delenv("HANDBOOK_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == 2
    assert capsys.readouterr().err.splitlines() == [
        "内部错误：RuntimeError: boom",
        "这是生成器本身的缺陷，不是您的文件有问题。请设置 HANDBOOK_DEBUG=1 再运行一次以查看详情，并报告此问题。",
    ]


def test_build_writes_the_site(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    done = handbook_cmd(handbook.root, "build", "--as-of", "2026-11-22")
    assert done.returncode == 0, done.stderr
    assert "已生成 4 个页面，输出到 " in done.stdout
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
    assert "已生成 6 个页面" in again.stdout
    # The standard's page and its edition's show the clause; the others are kept.
    assert "（状态按 2026-11-22 计算）；其中 4 个与上次相同，2 个重新生成。" in again.stdout
    html = (handbook.root / "site" / "standards" / "demo" / "index.html").read_text("utf-8")
    assert "党支部应当按时换届。" in html
    clean = handbook_cmd(handbook.root, "build", "--as-of", "2026-11-22", "--clean")
    assert "已生成 6 个页面" in clean.stdout and "与上次相同" not in clean.stdout


def test_check_annotates_a_pull_request(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL.replace('number: "1.2"', "number: 1.2"))
    done = handbook_cmd(handbook.root, "check", "--format", "github")
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "::error file=standards/demo/2020.yml,line=18,col=17,title=HB104 sections[0].clauses[1].number::"
        '应为文字，实际为数字 1.2；YAML 把不加引号的 1.2 读作数字（1.10 会变成 1.1），请加上引号："1.2"'
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
            "code": "HB102",
            "message": "字段 'isuer' 不存在，是否应为 'issuer'？",
            "severity": "error",
        }
    ]
    handbook.write("standards/demo/2020.yml", MINIMAL)
    done = handbook_cmd(handbook.root, "check", "--format", "json")
    assert (done.returncode, json.loads(done.stdout)) == (0, [])
