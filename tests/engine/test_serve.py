"""`handbook serve`: an edit to a YAML file shows in the preview without a restart."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.request

from tests.samples import MINIMAL, Handbook


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.2)
    return False


def test_an_edit_reloads_and_a_bad_edit_keeps_the_last_good_page(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "serve",
            "--root",
            str(handbook.root),
            "--as-of",
            "2026-11-22",
            "-a",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/handbook/standards/demo/"
    try:
        assert wait_for(url, "党支部应当按期换届", 90), "the preview did not start"
        time.sleep(1)
        handbook.write("standards/demo/2020.yml", MINIMAL.replace("按期换届", "每三年按期换届"))
        assert wait_for(url, "党支部应当每三年按期换届", 60), "the edit did not show"
        handbook.write(
            "standards/demo/2020.yml",
            MINIMAL.replace('number: "1.2"', "number: 1.2").replace("按期换届", "坏的修改"),
        )
        time.sleep(3)
        assert "党支部应当每三年按期换届" in fetch(url)  # the last good version stays
        # ...and every page of the preview shows the problems (handbook.js reads this file).
        problems = f"http://127.0.0.1:{port}/handbook/hb-problems.json"
        assert 'data-problems="../../hb-problems.json"' in fetch(url)
        assert wait_for(problems, "发现 1 个问题，预览仍显示上一次正确的版本", 30)
        assert "standards/demo/2020.yml:18:17: sections[0].clauses[1].number: 应为文字" in fetch(
            problems
        )
        handbook.write("standards/demo/2020.yml", MINIMAL)
        assert wait_for(url, "党支部应当按期换届", 60), "the fix did not show"
        assert wait_for(problems, "{}", 30), "the problems stayed after the fix"
    finally:
        proc.send_signal(signal.SIGINT)  # as Ctrl-C: the server cleans up after itself
        output, _ = proc.communicate(timeout=30)
    assert "sections[0].clauses[1].number: 应为文字，实际为数字 1.2；" in output
    assert "发现 1 个问题，预览仍显示上一次正确的版本。" in output
    assert "信息    -  正在预览：http://127.0.0.1:" in output
    assert "已修复：所有问题都已改正，预览已更新" in output
    for english in ("Detected file changes", "Reloading browsers", "Watching paths", "nav"):
        assert english not in output, english
    assert "Traceback" not in output
