"""What one data file may cost to read, and the messages that say a limit was passed.

The limits are far above what any handbook needs (the largest sample file is
12 KB, 4 levels deep, with no aliases; the largest benchmark file, 6,200 units,
is 450 KB) and far below what would hurt: a file at every limit reads in about
a second and a few hundred MiB.

- `MAX_FILE_BYTES`: a data file larger than this is not read at all.
- `MAX_DEPTH`: lists and mappings nested deeper than this.
- `MAX_VALUES`: values in one file, counting each value an alias repeats.
- `MAX_ALIAS_VALUES`: values reached through aliases (`*name`). Our data never
  needs aliases; a few small ones are allowed, an alias bomb (9 levels of 9
  aliases: 387 million values from 1 KB) is refused at once.

The messages are kept here, in one place, to move into the message catalogue.
"""

from __future__ import annotations

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 64
MAX_VALUES = 1_000_000
MAX_ALIAS_VALUES = 10_000

MESSAGES = {
    "too_large": (
        "文件过大：{size:.1f} MiB，超过单个数据文件的上限 {limit} MiB；"
        "请把它拆分为几个文件（例如每轮考核一个文件）"
    ),
    "too_deep": (
        "嵌套层数超过上限 {limit} 层（列表或映射套得太深）；"
        "手册的数据不需要这么深，请检查是否多写了括号 [ 或 {{，或缩进有误"
    ),
    "too_many_values": ("文件中的值超过上限 {limit:,} 个；请把它拆分为几个文件"),
    "too_many_aliased": (
        "别名（*名称）展开后的值超过上限 {limit:,} 个；手册的数据不需要别名，"
        "请把要重复的内容直接写出来，删去锚点（&名称）和别名（*名称）"
    ),
    "alias_to_itself": ("别名（*名称）引用了包含它自身的锚点（&名称），会无限展开；请删去这个别名"),
    "folder": "这里应是一个文件，实际是一个文件夹；请改名或移走这个文件夹",
    "vanished": "文件在读取时被删除或改名；请再运行一次",
    "loop": "符号链接形成了循环，无法读取；请删除或修正这个链接",
    "permission": "没有读取这个文件的权限；请检查文件的权限",
    "unreadable": "无法读取文件：{reason}",
    "character": "这里有一个 YAML 不允许的控制字符（U+{code:04X}），通常是从别处复制来的；请删去它",
}


def too_large(size: int) -> str:
    return MESSAGES["too_large"].format(
        size=size / 1024 / 1024, limit=MAX_FILE_BYTES // 1024 // 1024
    )


def too_deep() -> str:
    return MESSAGES["too_deep"].format(limit=MAX_DEPTH)


def too_many_values() -> str:
    return MESSAGES["too_many_values"].format(limit=MAX_VALUES)


def too_many_aliased() -> str:
    return MESSAGES["too_many_aliased"].format(limit=MAX_ALIAS_VALUES)


def alias_to_itself() -> str:
    return MESSAGES["alias_to_itself"]
