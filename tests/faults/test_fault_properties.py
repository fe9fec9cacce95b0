"""Whatever happens to a data file, the answer is located problems or a clean run.

Random mutations (bytes, deleted keys, swapped types, huge values, odd
Unicode) are applied to every kind of file in the sample handbook; the
pipeline must then either succeed or raise ValidationFailed whose problems
each name a file of the handbook, never an internal error. Bounded for CI:
50 examples per kind, derandomized (the same examples on every run)."""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import ValidationFailed
from generator.pipeline import run
from tests.samples import AS_OF, REPO, copy_sample

KINDS = {
    "standard": "standards/liuhua-24/2023.yml",
    "units": "content/results/units.yml",
    "round": "content/results/rounds/yanshou-2023.yml",
    "table": "content/results/tables/zhenggai-2026q3.yml",
    "calendar": "content/notices/calendar.yml",
    "notice": "content/notices/biaogan-danwei-2026.md",
    "manual page": "content/manuals/yewu-guifan/02-zhuti-dangri.md",
    "settings": "mkdocs.yml",  # its extra.handbook block
}

ODD = st.sampled_from(
    [
        "\u202e",
        "\u200b",
        "\ufeff",
        "\x00",
        "\x85",
        "\u2028",
        "\u0301",
        "\U0001f600",
        "𠀀",
        "\ud7ff",
        "\x1b[31m",
        "{{ 7*7 }}",
        "<script>",
        "&amp;",
        "\\",
        '"',
        "'",
        ":",
        "#",
        "- ",
        "*a",
        "&a",
        "!!python/name:os.system",
    ]
)
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20) | st.lists(
    ODD, min_size=1, max_size=4
).map("".join)
HUGE = st.sampled_from(
    [
        "字" * 200_000,
        10**400,
        -(10**30),
        float("inf"),
        float("nan"),
        1e308,
        [[[[[[[[[[[]]]]]]]]]]],
        list(range(5000)),
    ]
)
SCALAR = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | TEXT
    | st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))
)
VALUE = st.recursive(
    SCALAR,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6,
)


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_sample(tmp_path_factory.mktemp("mutated"))


# -- where the YAML is in each kind of file ---------------------------------------------

_HANDBOOK_BLOCK = re.compile(r"^  handbook:\n((?:    .*\n|\s*\n)*)", re.M)


def _split(rel: str, text: str) -> tuple[str, str, str]:
    """The file as (before, YAML, after): the YAML part is what structural mutations change."""
    if rel.endswith(".md"):
        _, front, body = text.split("---\n", 2)
        return "---\n", front, "---\n" + body
    if rel == KINDS["settings"]:
        found = _HANDBOOK_BLOCK.search(text)
        assert found is not None
        block = "\n".join(line[4:] for line in found.group(1).splitlines()) + "\n"
        return text[: found.start(1)], block, text[found.end(1) :]
    return "", text, ""


def _join(rel: str, before: str, data: Any, after: str) -> str:
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)
    if rel == KINDS["settings"]:
        dumped = "".join("    " + line + "\n" for line in dumped.splitlines())
    return before + dumped + after


def _paths(data: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [here]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*here, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += _paths(value, (*here, i))
    return found


def _mutate_at(data: Any, path: tuple[Any, ...], change: Callable[[Any, Any], None]) -> Any:
    if not path:
        holder = [data]
        change(holder, 0)
        return holder[0] if holder else None
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    change(parent, path[-1])
    return data


# -- the mutations ----------------------------------------------------------------------


@st.composite
def byte_mutation(draw: st.DrawFn, original: bytes) -> bytes:
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        what = draw(st.sampled_from(["replace", "insert", "delete", "cut"]))
        byte = draw(st.integers(0, 255))
        if what == "replace" and data:
            data[at] = byte
        elif what == "insert":
            data[at:at] = bytes([byte]) * draw(st.integers(1, 3))
        elif what == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        else:
            del data[at:]
    return bytes(data)


@st.composite
def structural_mutation(draw: st.DrawFn, rel: str, original: str) -> str:
    before, part, after = _split(rel, original)
    data = yaml.safe_load(part)
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(data)
        path = paths[draw(st.integers(0, len(paths) - 1))]
        what = draw(st.sampled_from(["delete", "swap", "huge", "odd", "add"]))
        if what == "delete":
            new = None

            def change(parent: Any, key: Any) -> None:
                del parent[key]

        else:
            new = {
                "swap": VALUE,
                "huge": HUGE,
                "odd": TEXT,
                "add": st.dictionaries(TEXT, VALUE, min_size=1, max_size=2),
            }[what]
            # A copy: HUGE's values are shared objects, and a later mutation of this
            # file may pick a place inside one (a list set into itself never ends).
            value = copy.deepcopy(draw(new))

            def change(parent: Any, key: Any, value: Any = value, what: str = what) -> None:
                if what == "add" and isinstance(parent[key], dict) and isinstance(value, dict):
                    parent[key].update(value)
                else:
                    parent[key] = value

        data = _mutate_at(data, path, change)
    return _join(rel, before, data, after)


def _answer_is_located_or_clean(root: Path) -> None:
    try:
        run(root, AS_OF, render=False)
    except ValidationFailed as failed:
        assert failed.problems
        for problem in failed.problems:
            assert (root / problem.path).exists() or problem.path == "mkdocs.yml", problem
            assert problem.line >= 0 and problem.column >= 0 and problem.message, problem
            str(problem)


def _check(root: Path, rel: str, content: bytes) -> None:
    path = root / rel
    original = path.read_bytes()
    try:
        path.write_bytes(content)
        _answer_is_located_or_clean(root)
    finally:
        path.write_bytes(original)


PROPERTY = settings(
    max_examples=25,  # each kind: 25 byte and 25 structural mutations
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.large_base_example,
    ],
)


@pytest.mark.parametrize("kind", list(KINDS))
def test_mutated_bytes_give_located_problems_or_a_clean_run(root: Path, kind: str) -> None:
    rel = KINDS[kind]
    original = (root / rel).read_bytes()

    @PROPERTY
    @given(byte_mutation(original))
    def property(content: bytes) -> None:
        _check(root, rel, content)

    property()


@pytest.mark.parametrize("kind", list(KINDS))
def test_mutated_structure_gives_located_problems_or_a_clean_run(root: Path, kind: str) -> None:
    rel = KINDS[kind]
    original = (root / rel).read_text(encoding="utf-8")

    @PROPERTY
    @given(structural_mutation(rel, original))
    def property(content: str) -> None:
        _check(root, rel, content.encode("utf-8", "surrogatepass"))

    property()


def test_every_mutated_file_was_put_back(root: Path) -> None:
    for rel in KINDS.values():
        assert (root / rel).read_bytes() == (REPO / rel).read_bytes(), rel
    run(root, AS_OF, render=False)
