"""README's maps name real files: the paths of its layout table, and the modules
its map of `generator/` (under "How it works") names, so that a module renamed or
removed cannot leave a reader looking for it."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

_ENTRY = re.compile(r"^  (?P<name>[\w.]+/?)\s")  # a line of the map naming a package or module
_MODULE = re.compile(r"(?<![\w./-])(?P<path>[\w/]+\.py)\b")
_CELL = re.compile(r"`([^`]+)`")


def _section(readme: str, title: str) -> str:
    start = readme.index(f"\n## {title}\n")
    end = readme.find("\n## ", start + 1)
    return readme[start : end if end >= 0 else len(readme)]


def layout_paths(readme: str) -> list[str]:
    """The paths in the first column of the layout table."""
    rows = _section(readme, "Layout").splitlines()
    cells = [row.split("|")[1] for row in rows if row.startswith("| `")]
    return [path for cell in cells for path in _CELL.findall(cell)]


def map_modules(readme: str) -> list[str]:
    """The modules the map of generator/ names, as paths inside generator/: a
    name in a package's entry is that package's module unless it spells its folder."""
    block = _section(readme, "How it works").split("```text\n", 1)[1].split("```", 1)[0]
    found: list[str] = []
    package = ""
    for line in block.splitlines()[1:]:  # the first line is `generator/`
        entry = _ENTRY.match(line)
        if entry:
            name = entry["name"]
            package = name if name.endswith("/") else ""
            line = line[entry.end() :]
            if not package:
                found.append(name)
        for match in _MODULE.finditer(line):
            path = match["path"]
            found.append(path if "/" in path else package + path)
    return found


def missing(readme: str, repo: Path = REPO) -> list[str]:
    """What README's maps name that is not in the repository."""
    gone = [path for path in layout_paths(readme) if not (repo / path).exists()]
    gone += [
        f"generator/{path}"
        for path in map_modules(readme)
        if not (repo / "generator" / path).exists()
    ]
    return gone


def unmapped(readme: str, package: Path = REPO / "generator") -> list[str]:
    """The packages and top-level modules of generator/ that the map leaves out."""
    block = _section(readme, "How it works").split("```text\n", 1)[1].split("```", 1)[0]
    named = {entry["name"] for line in block.splitlines() if (entry := _ENTRY.match(line))}
    rooms = {f"{p.name}/" for p in package.iterdir() if p.is_dir() and p.name != "__pycache__"}
    rooms |= {p.name for p in package.glob("*.py") if p.name not in ("__init__.py", "__main__.py")}
    return sorted(rooms - named)


def test_readmes_maps_name_files_that_exist() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert len(layout_paths(readme)) > 10
    assert "core/documents.py" in map_modules(readme)
    assert missing(readme) == []


def test_the_map_has_every_package() -> None:
    assert unmapped((REPO / "README.md").read_text(encoding="utf-8")) == []


def test_a_stale_name_in_the_map_is_found() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    stale = readme.replace("facets.py     what search", "search_facets.py what search", 1)
    stale = stale.replace("serve_search.py (the preview", "serve_hooks.py (the preview", 1)
    stale = stale.replace("| `benchmarks/` |", "| `bench/` |", 1)
    assert missing(stale) == [
        "bench/",
        "generator/search_facets.py",
        "generator/engine/serve_hooks.py",
    ]
    assert unmapped(stale) == ["facets.py"]
