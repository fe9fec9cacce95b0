"""Faults and hostile input: nothing crashes, nothing is lost, readers never see
a half-published site (issue 15). Each test reproduces one fault as it happens
to a handbook; each failed before the change that handles it."""

from __future__ import annotations

import errno
import json
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator import cli, layout
from generator.core import limits
from generator.core.memory import BuildCache
from generator.engine import publish as publishing
from generator.engine.build import build_site
from generator.messages import phrase
from tests.samples import AS_OF, MINIMAL, REPO, Handbook, copy_sample

HEALED = "构建缓存已损坏，已重建"
HEALED_NOTE = phrase("notice.memory_healed")


def handbook_cmd(
    root: Path, *args: str, limit_memory: int | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    def cap() -> None:
        if limit_memory:
            resource.setrlimit(resource.RLIMIT_AS, (limit_memory, limit_memory))

    return subprocess.run(
        [sys.executable, "-m", "generator", *args, "--root", str(root)],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
        preexec_fn=cap,
        timeout=timeout,
    )


def run_main(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    """`handbook ARGS` in this process (so a fault can be injected), its exit code."""
    monkeypatch.setattr(sys, "argv", ["handbook", *args])
    with pytest.raises(SystemExit) as stopped:
        cli.main()
        raise SystemExit(0)
    return int(stopped.value.code or 0)


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample, built once; tests start from a copy of it and its .handbook/."""
    root = copy_sample(tmp_path_factory.mktemp("built"))
    build_site(root, AS_OF)
    return root


def copy(root: Path, target: Path) -> Path:
    shutil.copytree(root, target, symlinks=True)
    return target


# -- bounded reading -------------------------------------------------------------------


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    lines = ["bomb:", '  a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels + 1):
        lines.append(f"  a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_at_the_cost_of_a_normal_file(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL + alias_bomb())
    started = time.monotonic()
    # Before: past 9 GB in 90 s; under this 1 GiB cap, a MemoryError.
    done = handbook_cmd(
        handbook.root, "check", "--as-of", "2026-11-22", limit_memory=1 << 30, timeout=120
    )
    assert time.monotonic() - started < 30
    assert done.stderr.splitlines() == [
        "standards/demo/2020.yml:26:3: bomb.a4[0]: 别名（*名称）展开后的值超过上限 10,000 个；手册的数据不需要别名，请把要重复的内容直接写出来，删去锚点（&名称）和别名（*名称） [HB033]",
        "发现 1 个问题，未生成网站。",
    ]
    assert done.returncode == 1


def test_a_few_small_aliases_still_read(handbook: Handbook) -> None:
    handbook.write(
        "standards/demo/2020.yml",
        MINIMAL.replace("issuer: 示例委员会", "issuer: &who 示例委员会") + "x-same: [*who, *who]\n",
    )
    (problem,) = handbook.problems()  # the aliases read; the field is unknown
    assert problem.startswith("standards/demo/2020.yml:21:1: x-same: 字段 'x-same' 不存在")


def test_an_alias_to_itself_is_refused(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL + "loop: &x [1, *x]\n")
    assert handbook.problems() == [
        "standards/demo/2020.yml:21:1: loop[1]: 别名（*名称）引用了包含它自身的锚点（&名称），会无限展开；请删去这个别名 [HB034]"
    ]


def test_twenty_thousand_nested_lists_are_refused_quickly(handbook: Handbook) -> None:
    handbook.write(
        "standards/demo/2020.yml", MINIMAL + "deep: " + "[" * 20_000 + "]" * 20_000 + "\n"
    )
    started = time.monotonic()
    problems = handbook.problems()  # before: internal error: RecursionError
    assert time.monotonic() - started < 5  # libyaml alone takes 4 s on these
    assert problems == [
        f"standards/demo/2020.yml:21:{6 + limits.MAX_DEPTH}: 嵌套层数超过上限 64 层（列表或映射套得太深）；手册的数据不需要这么深，请检查是否多写了括号 [ 或 {{，或缩进有误 [HB031]"
    ]


def test_deep_block_nesting_is_refused(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL + "deep:\n  " + "- " * 1000 + "x\n")
    (problem,) = handbook.problems()
    assert problem.startswith("standards/demo/2020.yml:22:") and problem.endswith(
        "嵌套层数超过上限 64 层（列表或映射套得太深）；手册的数据不需要这么深，请检查是否多写了括号 [ 或 {，或缩进有误 [HB031]"
    )


def test_brackets_inside_text_are_not_nesting(handbook: Handbook) -> None:
    text = "[" * 100 + "见条款" + "{" * 100
    handbook.write("standards/demo/2020.yml", MINIMAL.replace("党支部应当按期换届。", f'"{text}"'))
    assert handbook.problems() == []


def test_a_file_over_the_size_limit_is_not_read(
    handbook: Handbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 2 * 1024 * 1024)
    handbook.write("standards/demo/2020.yml", MINIMAL + "# " + "填" * 1_000_000 + "\n")
    (problem,) = handbook.problems()
    assert problem == (
        "standards/demo/2020.yml:1:1: 文件过大：2.9 MiB，超过单个数据文件的上限 2 MiB；"
        "请把它拆分为几个文件（例如每轮考核一个文件） [HB030]"
    )


def test_too_many_values_in_one_file(handbook: Handbook, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_VALUES", 1000)
    handbook.write("standards/demo/2020.yml", MINIMAL + "many: [" + ", ".join(["1"] * 2000) + "]\n")
    assert handbook.problems() == [
        "standards/demo/2020.yml:21:1: many: 文件中的值超过上限 1,000 个；请把它拆分为几个文件 [HB032]"
    ]


# -- one run at a time -----------------------------------------------------------------

HOLD = """
import sys, time
from pathlib import Path
from generator.core.lock import one_run
with one_run(Path(sys.argv[1]), "handbook build --as-of 2026-11-22"):
    print("held", flush=True)
    time.sleep(120)
"""


@pytest.fixture
def holder(handbook: Handbook) -> Iterator[subprocess.Popen[str]]:
    """Another run holding the handbook's lock."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(handbook.root)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    yield proc
    proc.kill()
    proc.wait()
    proc.stdout.close()


def busy(pid: int, tail: str) -> str:
    return (
        "另一个运行正在写入这个手册的 .handbook/ 和 site/"
        f"（handbook build --as-of 2026-11-22，进程 {pid}）；{tail}"
    )


def test_no_wait_stops_at_once_naming_the_other_run(
    handbook: Handbook, holder: subprocess.Popen[str]
) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    done = handbook_cmd(handbook.root, "build", "--as-of", "2026-11-22", "--no-wait")
    assert done.returncode == 1
    assert done.stderr == "错误：" + busy(
        holder.pid, "请等它结束后再运行（不加 --no-wait 则会自动等待）\n"
    )
    english = handbook_cmd(
        handbook.root, "build", "--as-of", "2026-11-22", "--no-wait", "--lang", "en"
    )
    assert english.stderr == (
        "error: another run is writing this handbook's .handbook/ and site/ "
        f"(handbook build --as-of 2026-11-22, process {holder.pid}); "
        "run again when it has finished (without --no-wait a run waits by itself)\n"
    )
    assert not (handbook.root / "site").exists()


def test_a_second_run_waits_and_a_killed_holder_never_blocks(
    handbook: Handbook, holder: subprocess.Popen[str]
) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    waiting = subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--as-of", "2026-11-22"],
        cwd=handbook.root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    assert waiting.stderr is not None
    assert waiting.stderr.readline() == busy(holder.pid, "等它结束后继续……\n")
    time.sleep(0.5)
    assert waiting.poll() is None  # still waiting
    holder.send_signal(signal.SIGKILL)  # the lock dies with its process
    out, err = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, err
    assert (handbook.root / "site/standards/demo/index.html").is_file()


def test_a_lock_file_left_by_a_dead_process_does_not_block(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    handbook.write(".handbook/lock", json.dumps({"command": "handbook build", "pid": 999_999}))
    done = handbook_cmd(handbook.root, "build", "--as-of", "2026-11-22", "--no-wait")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_two_builds_at_once_both_succeed(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "generator", "build", "--as-of", "2026-11-22", "--clean"],
            cwd=handbook.root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        for _ in range(2)
    ]
    outcomes = [(run.wait(timeout=300), run.communicate()[1]) for run in runs]
    # Before: "internal error: OperationalError: attempt to write a readonly database".
    assert [code for code, _ in outcomes] == [0, 0], outcomes
    assert not any("内部错误" in err for _, err in outcomes)
    assert (handbook.root / "site/standards/demo/index.html").is_file()


# -- a damaged build memory ------------------------------------------------------------

STATE = f"{layout.CACHE_DIR}/{layout.CACHE_STATE}"


def _overwrite_2k(root: Path) -> None:
    path = root / STATE
    data = bytearray(path.read_bytes())
    start = len(data) // 3
    data[start : start + 2048] = random.Random(15).randbytes(2048)
    path.write_bytes(bytes(data))


def _truncate(root: Path) -> None:
    path = root / STATE
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _foreign(root: Path) -> None:
    (root / STATE).unlink()
    db = sqlite3.connect(root / STATE)
    db.executescript("CREATE TABLE meta (name TEXT); CREATE TABLE pages (x, y);")
    db.close()


def _unpicklable(root: Path) -> None:
    db = sqlite3.connect(root / STATE)
    with db:
        db.execute("UPDATE loads SET value = x'80049500'")
    db.close()


def _folder(root: Path) -> None:
    (root / STATE).unlink()
    (root / STATE).mkdir()


def _meta(root: Path) -> None:
    db = sqlite3.connect(root / STATE)
    with db:
        db.execute("UPDATE meta SET value = '[1, 2' WHERE name = 'search'")
    db.close()


def _no_engine_folder(root: Path) -> None:
    shutil.rmtree(root / layout.ENGINE_SITE)


def _docs_partly_gone(root: Path) -> None:
    for i, path in enumerate(sorted((root / layout.BUILD_DOCS).rglob("*.*"))):
        if i % 2:
            path.unlink()


DAMAGE: dict[str, Callable[[Path], None]] = {
    "2 KB overwritten": _overwrite_2k,
    "truncated": _truncate,
    "a foreign database": _foreign,
    "rows that cannot be read back": _unpicklable,
    "a folder in its place": _folder,
    "meta of another shape": _meta,
    ".handbook/site deleted": _no_engine_folder,
    "build/docs partly deleted": _docs_partly_gone,
}


@pytest.mark.parametrize("name", list(DAMAGE))
def test_a_damaged_memory_is_rebuilt_with_one_line(built: Path, tmp_path: Path, name: str) -> None:
    root = copy(built, tmp_path / "damaged")
    DAMAGE[name](root)
    notes: list[str] = []
    build_site(root, AS_OF, notify=notes.append)  # before: DatabaseError on every build
    assert notes == [HEALED_NOTE]
    assert files(root / "site") == files(built / "site")
    notes.clear()
    build_site(root, AS_OF, notify=notes.append)  # healed: nothing more to say
    assert notes == []


def test_the_cli_says_the_memory_was_rebuilt(built: Path, tmp_path: Path) -> None:
    root = copy(built, tmp_path / "damaged")
    _overwrite_2k(root)
    done = handbook_cmd(root, "build", "--as-of", AS_OF.isoformat())
    assert done.returncode == 0, done.stderr
    assert done.stderr == HEALED + "\n"


def test_a_memory_from_another_version_is_a_full_build(built: Path, tmp_path: Path) -> None:
    root = copy(built, tmp_path / "old")
    db = sqlite3.connect(root / STATE)
    with db:
        db.execute("UPDATE meta SET value = 'another version' WHERE name = 'version'")
    db.close()
    result = build_site(root, AS_OF)
    assert all(page.content is not None for page in result.pages)
    assert files(root / "site") == files(built / "site")


def test_a_build_killed_at_any_moment_leaves_a_memory_the_next_build_trusts(
    handbook: Handbook,
) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    clean = handbook.root.parent / "clean"
    shutil.copytree(handbook.root, clean)
    build_site(clean, AS_OF)
    handbook.write("standards/demo/2020.yml", MINIMAL.replace("第一条", "第一条（旧）"))
    build_site(handbook.root, AS_OF)
    old = files(handbook.root / "site")
    handbook.write("standards/demo/2020.yml", MINIMAL)
    for delay in (0.8, 1.6, 2.4, 3.2):
        run = subprocess.Popen(
            [sys.executable, "-m", "generator", "build", "--as-of", AS_OF.isoformat()],
            cwd=handbook.root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        run.send_signal(signal.SIGKILL)
        run.wait()
        assert files(handbook.root / "site") in (old, files(clean / "site"))  # whole
    notes: list[str] = []
    build_site(handbook.root, AS_OF, notify=notes.append)
    assert notes == []
    assert files(handbook.root / "site") == files(clean / "site")


# -- atomic publishing -----------------------------------------------------------------


def _tree(folder: Path, version: str, changed: float) -> None:
    """A site of 16 files in nested folders; `changed` of them differ between versions."""
    shutil.rmtree(folder, ignore_errors=True)
    for i in range(16):
        text = version if i < 16 * changed else "same"
        path = folder / f"part{i % 4}" / f"page{i}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{i}:{text}", encoding="utf-8")
        seconds = 1_700_000_000 + (0 if text == "same" else int(version[1:]) * 1000)
        os.utime(path, (seconds, seconds))
    (folder / f"only-in-{version}.html").write_text(version, encoding="utf-8")


def _snapshot(site: Path) -> dict[str, bytes] | None:
    return files(site) if site.is_dir() else None


_OPERATIONS = [
    (os, "rename"),
    (os, "replace"),
    (os, "link"),
    (os, "unlink"),
    (os, "mkdir"),
    (shutil, "copy2"),
    (shutil, "copyfile"),
    (shutil, "rmtree"),
    (publishing, "_exchange"),
]


class _Killed(BaseException):
    """kill -9, as far as publishing can tell: it stops between two system calls."""


def _watch(
    patch: pytest.MonkeyPatch, site: Path, seen: list[dict[str, bytes] | None] | None, stop_at: int
) -> None:
    """After each file operation, look at the site as a reader would (into `seen`),
    or stop as a kill would after the `stop_at`-th operation."""
    count = [0]

    def wrap(original: Callable[..., object]) -> Callable[..., object]:
        def watched(*args: object, **kwargs: object) -> object:
            result = original(*args, **kwargs)
            count[0] += 1
            if seen is not None:
                seen.append(_snapshot(site))
            if count[0] == stop_at:
                raise _Killed
            return result

        return watched

    for module, name in _OPERATIONS:
        if hasattr(module, name):
            patch.setattr(module, name, wrap(getattr(module, name)))


@pytest.mark.parametrize("changed", [0.3, 1.0])  # an edit; an upgrade (every file changed)
def test_readers_see_the_whole_old_site_or_the_whole_new_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, changed: float
) -> None:
    old, new, site = tmp_path / "old", tmp_path / "new", tmp_path / "site"
    _tree(old, "v1", changed)
    _tree(new, "v2", changed)
    publishing.publish(old, site)
    before, after = files(old), files(new)
    seen: list[dict[str, bytes] | None] = []
    shutil.rmtree(publishing.staging(site), ignore_errors=True)
    with monkeypatch.context() as patch:  # every moment of one publish
        _watch(patch, site, seen, stop_at=0)
        publishing.publish(new, site)
    # Before: a mix of old and new files (renamed one by one), or no site/ at all.
    assert [i for i, view in enumerate(seen) if view not in (before, after)] == []
    assert seen[-1] == after
    kill = 0
    while True:  # a kill -9 after each step of a publish, until one runs to its end
        kill += 1
        publishing.publish(old, site)
        shutil.rmtree(publishing.staging(site))  # the spare made from nothing: every step
        with monkeypatch.context() as patch:
            _watch(patch, site, None, stop_at=kill)
            try:
                publishing.publish(new, site)
                break
            except _Killed:
                pass
        assert _snapshot(site) in (before, after), kill
        publishing.publish(new, site)  # the next build's publish
        assert files(site) == after
        assert sorted(p.name for p in tmp_path.iterdir()) == [".site.swap", "new", "old", "site"]
    assert len(seen) > 5 and kill > 5


def test_unchanged_files_are_the_same_files_and_keep_their_times(tmp_path: Path) -> None:
    old, new, site = tmp_path / "old", tmp_path / "new", tmp_path / "site"
    _tree(old, "v1", 0.3)
    _tree(new, "v2", 0.3)
    publishing.publish(old, site)
    unchanged = site / "part3/page15.html"
    inode, mtime = unchanged.stat().st_ino, unchanged.stat().st_mtime_ns
    publishing.publish(new, site)
    assert (unchanged.stat().st_ino, unchanged.stat().st_mtime_ns) == (inode, mtime)
    assert (site / "part0/page0.html").read_text(encoding="utf-8") == "0:v2"
    assert oct(site.stat().st_mode & 0o777) == oct(new.stat().st_mode & 0o777)


def test_rsync_sends_only_what_changed(tmp_path: Path) -> None:
    old, new, site, mirror = (tmp_path / n for n in ("old", "new", "site", "mirror"))
    _tree(old, "v1", 0.3)
    _tree(new, "v2", 0.3)
    publishing.publish(old, site)
    subprocess.run(["rsync", "-a", "--delete", f"{site}/", str(mirror)], check=True)
    publishing.publish(new, site)
    done = subprocess.run(
        ["rsync", "-a", "--delete", "--itemize-changes", f"{site}/", str(mirror)],
        capture_output=True,
        text=True,
        check=True,
    )
    sent = sorted(line.split()[-1] for line in done.stdout.splitlines() if line.startswith(">f"))
    assert sent == sorted(rel for rel, data in files(new).items() if files(old).get(rel) != data)
    assert files(mirror) == files(new)


def test_a_failed_publish_leaves_the_site_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new, site = tmp_path / "old", tmp_path / "new", tmp_path / "site"
    _tree(old, "v1", 0.3)
    _tree(new, "v2", 0.3)
    publishing.publish(old, site)
    calls = [0]
    real = shutil.copy2

    def full(source: str, target: str) -> object:
        calls[0] += 1
        if calls[0] > 3:
            raise OSError(errno.ENOSPC, "No space left on device", target)
        return real(source, target)

    monkeypatch.setattr(shutil, "copy2", full)
    with pytest.raises(OSError):
        publishing.publish(new, site)
    assert files(site) == files(old)


# -- every other fault: a plain message and a clean exit --------------------------------


def test_ctrl_c_stops_cleanly(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    run = subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--as-of", "2026-11-22"],
        cwd=handbook.root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    time.sleep(2.5)
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=60)
    if run.returncode:  # 0: it was already done
        assert (run.returncode, err.splitlines()[-1:]) in ((1, ["已中止。"]), (130, []))
    assert "Traceback" not in err and "内部错误" not in err
    site = handbook.root / "site"
    assert not site.exists() or (site / "standards/demo/index.html").is_file()


def _enospc_after(monkeypatch: pytest.MonkeyPatch, module: object, name: str, n: int) -> None:
    real = getattr(module, name)
    calls = [0]

    def full(*args: object, **kwargs: object) -> object:
        calls[0] += 1
        if calls[0] > n:
            raise OSError(errno.ENOSPC, "No space left on device", str(args[-1]))
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, full)


def test_a_full_disk_while_publishing_is_a_plain_message(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy(built, tmp_path / "full")
    before = files(root / "site")
    (root / "standards/liuhua-24/2023.yml").write_text(
        (root / "standards/liuhua-24/2023.yml")
        .read_text(encoding="utf-8")
        .replace("title: ", "title: 新", 1),
        encoding="utf-8",
    )
    _enospc_after(monkeypatch, shutil, "copy2", 2)
    _enospc_after(monkeypatch, os, "link", 2)  # publishing links the engine's files
    code = run_main(monkeypatch, "build", "--as-of", AS_OF.isoformat(), "--root", str(root))
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("错误：磁盘空间已满，写入 ") and err.endswith(
        " 失败；请腾出空间后再运行，已发布的 site/ 保持不变\n"
    )
    assert files(root / "site") == before


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ("size=1m", "错误：磁盘空间已满，写入 "),
        ("ro,size=1m", "错误："),
    ],
)
def test_a_real_full_or_read_only_disk(
    built: Path, tmp_path: Path, options: str, expected: str
) -> None:
    """A real small (or read-only) file system, mounted in a mount namespace of the
    build's own (`unshare`, as root or not), so the test runs everywhere."""
    root = copy(built, tmp_path / "root")
    target = tmp_path / "mnt"
    target.mkdir()
    build = [sys.executable, "-m", "generator", "build", "--as-of", AS_OF.isoformat()]
    build += ["--site-dir", str(target / "site"), "--root", str(root)]
    script = 'mount -t tmpfs -o "$1" tmpfs "$2" && shift 2 && exec "$@"'
    done = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script, "sh"]
        + [options, str(target), *build],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
        timeout=300,
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith(expected), done.stderr
    assert "内部错误" not in done.stderr and "Traceback" not in done.stderr
    assert not (target / "site").exists()  # the mount was the build's own


def test_a_read_only_folder_is_a_plain_message(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy(built, tmp_path / "ro")
    real = os.mkdir

    def read_only(path: object, *args: object, **kwargs: object) -> None:
        if str(path).endswith(layout.STAGING_SUFFIX):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "mkdir", read_only)
    (root / "site/index.html").write_text("changed by hand", encoding="utf-8")  # so it publishes
    code = run_main(monkeypatch, "build", "--as-of", AS_OF.isoformat(), "--root", str(root))
    assert code == 1
    assert capsys.readouterr().err.endswith(
        ".site.swap 位于只读的文件系统上，无法写入；请换一个可写的位置（例如 --site-dir）\n"
    )


def test_a_file_that_vanishes_during_the_build(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy(built, tmp_path / "vanish")
    gone = root / "content/manuals/yewu-guifan/04-minzhu-pingyi.md"
    gone.write_text(gone.read_text(encoding="utf-8") + "\n新增一句。\n", encoding="utf-8")
    real = BuildCache.file_digest

    def digest_then_vanish(self: BuildCache, path: Path, rel: str) -> str:
        value = real(self, path, rel)
        if path == gone:
            path.unlink()  # deleted between the build's look at it and its read
        return value

    monkeypatch.setattr(BuildCache, "file_digest", digest_then_vanish)
    before = files(root / "site")
    code = run_main(monkeypatch, "build", "--as-of", AS_OF.isoformat(), "--root", str(root))
    assert code == 1  # before: internal error: FileNotFoundError
    assert files(root / "site") == before
    monkeypatch.setattr(BuildCache, "file_digest", real)
    build_site(root, AS_OF)  # the second build sees the file gone
    assert not (root / "site/manuals/yewu-guifan/04-minzhu-pingyi/index.html").exists()


def test_a_file_that_changes_during_the_build_is_picked_up_by_the_next(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy(built, tmp_path / "change")
    edited = root / "standards/liuhua-24/2023.yml"
    text = edited.read_text(encoding="utf-8")
    real = BuildCache.file_digest

    def digest_then_change(self: BuildCache, path: Path, rel: str) -> str:
        value = real(self, path, rel)
        if path == edited and "title: 改" not in edited.read_text(encoding="utf-8"):
            edited.write_text(text.replace("title: ", "title: 改", 1), encoding="utf-8")
        return value

    monkeypatch.setattr(BuildCache, "file_digest", digest_then_change)
    build_site(root, AS_OF)
    monkeypatch.setattr(BuildCache, "file_digest", real)
    build_site(root, AS_OF)
    clean = copy(root, tmp_path / "clean")
    shutil.rmtree(clean / ".handbook")
    shutil.rmtree(clean / "site")
    build_site(clean, AS_OF)
    assert files(root / "site") == files(clean / "site")
    assert "改" in (root / "site/standards/liuhua-24/index.html").read_text(encoding="utf-8")


def test_a_yml_that_is_a_folder(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    (handbook.root / "content/results/units.yml").mkdir(parents=True)
    (handbook.root / "content/results/rounds/r1.yml").mkdir(parents=True)
    (handbook.root / "content/notices/calendar.yml").mkdir(parents=True)
    message = "这里应是一个文件，实际是一个文件夹；请改名或移走这个文件夹 [HB036]"
    assert handbook.problems() == [
        f"content/notices/calendar.yml: {message}",
        f"content/results/rounds/r1.yml: {message}",
        f"content/results/units.yml: {message}",
    ]


def test_symlink_loops(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    handbook.write("content/manuals/index.md", "---\ntitle: 手册\n---\n正文\n")
    (handbook.root / "content/manuals/loop").symlink_to("../manuals")  # a folder inside itself
    (handbook.root / "content/results/rounds").mkdir(parents=True)
    (handbook.root / "content/results/rounds/a.yml").symlink_to("b.yml")
    (handbook.root / "content/results/rounds/b.yml").symlink_to("a.yml")
    problems = handbook.problems()
    assert problems == [
        "content/results/rounds/a.yml: 符号链接形成了循环，无法读取；请删除或修正这个链接 [HB038]",
        "content/results/rounds/b.yml: 符号链接形成了循环，无法读取；请删除或修正这个链接 [HB038]",
    ]


def test_mkdocs_yml_cannot_run_python(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    marker = handbook.root / "pwned"
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    handbook.write("mkdocs.yml", config + f'x_run: !!python/object/apply:os.mkdir ["{marker}"]\n')
    done = handbook_cmd(handbook.root, "build", "--as-of", "2026-11-22")
    line = config.count("\n") + 1
    assert done.stderr.splitlines() == [
        f"mkdocs.yml:{line}:8: x_run: !!python/object/apply:os.mkdir 会在读取配置时执行任意 "
        "Python 代码，已拒绝；这里只允许 pymdownx 的 slugify（!!python/object/apply:pymdownx.slugs.slugify），请删去这个标签 [HB603]",
        "发现 1 个问题，未生成网站。",
    ]
    assert not marker.exists()  # before: MkDocs' loader made it
    assert done.returncode == 1


@pytest.mark.parametrize(
    ("exc", "zh", "en"),
    [
        (
            OSError(errno.ENOSPC, "No space left on device", "site/a.html"),
            "磁盘空间已满，写入 site/a.html 失败；请腾出空间后再运行，已发布的 site/ 保持不变",
            "the disk is full: writing site/a.html failed; free some space and run again (the published site/ is unchanged)",
        ),
        (
            OSError(errno.EIO, "Input/output error"),
            "无法读写 文件：Input/output error",
            "cannot read or write a file: Input/output error",
        ),
        (
            sqlite3.OperationalError("attempt to write a readonly database"),
            "state.sqlite 位于只读的文件系统上，无法写入；请换一个可写的位置（例如 --site-dir）",
            "state.sqlite is on a read-only file system and cannot be written; choose a writable place (for example --site-dir)",
        ),
    ],
)
def test_faults_are_worded_in_the_chosen_language(exc: OSError, zh: str, en: str) -> None:
    from generator.core import faults

    assert faults.describe(exc, "state.sqlite") == zh
    assert faults.describe(exc, "state.sqlite", "en") == en
    assert faults.describe(OSError("no errno")) is None
