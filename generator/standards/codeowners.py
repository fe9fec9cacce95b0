"""The CODEOWNERS file, kept in step with the owners declared on standards.

GitHub, Gitea and Forgejo read `CODEOWNERS` at the repository root and ask the
listed owners to review pull requests that touch their files. The generator
owns the block between the two marker lines; the rest of the file is the
committee's."""

from __future__ import annotations

from pathlib import Path

from generator import layout
from generator.errors import Problem
from generator.standards.load import LoadedEdition

FILE = layout.CODEOWNERS
BEGIN = "# BEGIN handbook: generated from `owners` in standards/*/*.yml by `handbook codeowners`"
END = "# END handbook"


def expected_block(editions: list[LoadedEdition]) -> list[str]:
    """The generated block: each standard's folder and the owners its editions declare."""
    owners: dict[str, list[str]] = {}
    for item in sorted(editions, key=lambda e: (e.model.id, e.model.effective)):
        names = owners.setdefault(item.model.id, [])
        names += [o for o in item.model.owners if o not in names]
    return [
        BEGIN,
        *(
            f"/{layout.STANDARDS_DIR}/{sid}/ {' '.join(names)}"
            for sid, names in sorted(owners.items())
            if names
        ),
        END,
    ]


def _split(text: str) -> tuple[list[str], list[str] | None, list[str], int]:
    lines = text.splitlines()
    if BEGIN in lines and END in lines[lines.index(BEGIN) :]:
        start = lines.index(BEGIN)
        end = lines.index(END, start)
        return lines[:start], lines[start : end + 1], lines[end + 1 :], start + 1
    return lines, None, [], 0


def drift(root: Path, editions: list[LoadedEdition]) -> list[Problem]:
    """A problem when CODEOWNERS does not say what the standards declare."""
    block = expected_block(editions)
    path = root / FILE
    if len(block) == 2 and not path.exists():
        return []  # no owners declared, no file: nothing to keep in step
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    _, found, _, line = _split(current)
    if found == block:
        return []
    return [
        Problem(
            FILE,
            line or 1,
            1,
            "",
            "the owners declared on standards have changed; run `handbook codeowners` to update this file",
        )
    ]


def write(root: Path, editions: list[LoadedEdition]) -> Path:
    """Write the generated block into CODEOWNERS (the rest of the file stays); return its path."""
    path = root / FILE
    before, _, after, _ = _split(path.read_text(encoding="utf-8") if path.exists() else "")
    lines = [*before, *expected_block(editions), *after]
    path.write_text("\n".join(lines).strip("\n") + "\n", encoding="utf-8")
    return path
