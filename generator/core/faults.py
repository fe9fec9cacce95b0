"""Plain words for what the machine refused: a full disk, a read-only folder, a
missing permission, a file that vanished. The CLI prints them instead of an
internal error; none of them is a bug in the generator, and each leaves the
published site as it was (publishing swaps in a whole new site or nothing).

The messages are kept here, in one place, to move into the message catalogue."""

from __future__ import annotations

import errno
import sqlite3

MESSAGES = {
    errno.ENOSPC: "磁盘空间已满，写入 {path} 失败；请腾出空间后再运行，已发布的 site/ 保持不变",
    errno.EDQUOT: "磁盘配额已用完，写入 {path} 失败；请腾出空间后再运行，已发布的 site/ 保持不变",
    errno.EROFS: "{path} 位于只读的文件系统上，无法写入；请换一个可写的位置（例如 --site-dir）",
    errno.EACCES: "没有权限访问 {path}；请检查它和所在文件夹的权限",
    errno.EPERM: "不允许访问 {path}；请检查它和所在文件夹的权限",
    errno.ENOENT: "{path} 在运行期间被删除或改名；请再运行一次",
    errno.ELOOP: "{path} 的符号链接形成了循环；请删除或修正这个链接",
    errno.EISDIR: "{path} 应是一个文件，实际是一个文件夹",
    errno.ENOTDIR: "{path} 应是一个文件夹，实际是一个文件",
}
OTHER = "无法读写 {path}：{reason}"
DATABASE = {  # what SQLite says, for the build memory (.handbook/cache/state.sqlite)
    "database or disk is full": errno.ENOSPC,
    "attempt to write a readonly database": errno.EROFS,
    "unable to open database file": errno.EACCES,
}
NO_PATH = "文件"  # when the system does not say which file


def describe(exc: OSError | sqlite3.OperationalError, cache: str = "") -> str | None:
    """What to tell the user about `exc`, or None when it is not a fault of the
    machine we know how to name. `cache`: the build memory's path, for SQLite."""
    if isinstance(exc, sqlite3.OperationalError):
        code = next((c for text, c in DATABASE.items() if text in str(exc)), None)
        return None if code is None else MESSAGES[code].format(path=cache or NO_PATH)
    path = exc.filename if exc.filename is not None else NO_PATH
    if exc.errno in MESSAGES:
        return MESSAGES[exc.errno].format(path=path)
    if exc.errno is None:
        return None
    return OTHER.format(path=path, reason=exc.strerror or exc)
