"""Write a new handbook: the small one in `scaffold/files/` (the files named
`dot-…` become `.…`, `….tmpl` get this version) with the sample's holiday
calendar, or, with `sample`, the repository's full sample with the same tooling
around it; the JSON Schemas for editors go into `.vscode/schemas/`.

Nothing is written into a folder that has files, unless `force` is given and no
file of the new handbook is there already: an editor's work is never replaced."""

from __future__ import annotations

import importlib.metadata
import json
from pathlib import Path

from generator import layout
from generator.core.memory import file_tree
from generator.core.schema import schema_text
from generator.errors import HandbookError
from generator.kinds import editor_wiring, schemas

DOT = "dot-"  # package data keeps no hidden files: `dot-gitignore` is `.gitignore`
TEMPLATE = ".tmpl"
VERSION_MARK = "@HANDBOOK_VERSION@"


def version() -> str:
    """The installed handbook's version, which the new handbook pins."""
    return importlib.metadata.version("handbook")


def sample_folder() -> Path:
    """The full sample: packaged into the wheel, or the checkout's own top level."""
    for folder in (layout.PACKAGED_SAMPLE, layout.CHECKOUT_SAMPLE):
        if all((folder / name).exists() for name in layout.SAMPLE_FILES):
            return folder
    raise HandbookError("error.new_no_sample", where=layout.PACKAGED_SAMPLE)


def _target_name(rel: str) -> str:
    parts = ["." + p[len(DOT) :] if p.startswith(DOT) else p for p in rel.split("/")]
    name = "/".join(parts)
    return name[: -len(TEMPLATE)] if name.endswith(TEMPLATE) else name


def planned_files(sample: bool = False) -> dict[str, bytes]:
    """Every file of the new handbook: its path → its bytes."""
    files: dict[str, bytes] = {}
    pinned = version()
    for rel, signature in sorted(file_tree(layout.SCAFFOLD).items()):
        if signature is None or "__pycache__" in rel:
            continue
        data = (layout.SCAFFOLD / rel).read_bytes()
        if rel.endswith(TEMPLATE):
            data = data.replace(VERSION_MARK.encode(), pinned.encode())
        files[_target_name(rel)] = data
    # The holiday calendar is the sample's, kept up to date in one place.
    files[layout.CALENDAR] = (sample_folder() / layout.CALENDAR).read_bytes()
    if sample:
        source = sample_folder()
        owned = tuple(layout.SAMPLE_FILES)
        files = {
            rel: data
            for rel, data in files.items()
            if not any(rel == name or rel.startswith(name + "/") for name in owned)
        }
        for name in layout.SAMPLE_FILES:
            path = source / name
            if path.is_file():
                files[name] = path.read_bytes()
                continue
            for rel, signature in sorted(file_tree(path).items()):
                if signature is not None and "__pycache__" not in rel:
                    files[f"{name}/{rel}"] = (path / rel).read_bytes()
    for name, (model, title) in schemas().items():
        files[f"{layout.EDITOR_SCHEMAS}/{name}"] = schema_text(model, title).encode()
    files[layout.EDITOR_SETTINGS] = editor_settings(files[layout.EDITOR_SETTINGS])
    return files


def editor_settings(template: bytes) -> bytes:
    """The editors' settings (`.vscode/settings.json`) with each registered kind's
    schemas wired to its files."""
    data = json.loads(template)
    data["yaml.schemas"] = editor_wiring(layout.EDITOR_SCHEMAS)
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()


def write_handbook(target: Path, *, sample: bool = False, force: bool = False) -> list[str]:
    """Write the new handbook into `target`; return the files written."""
    if target.exists() and not target.is_dir():
        raise HandbookError("error.new_not_folder", target=target)
    files = planned_files(sample)
    if target.is_dir() and any(target.iterdir()):
        if not force:
            raise HandbookError("error.new_not_empty", target=target)
        taken = sorted(rel for rel in files if (target / rel).exists())
        if taken:
            shown = [*taken[:10], *(["……"] if len(taken) > 10 else [])]
            raise HandbookError("error.new_collisions", target=target, names=shown)
    for rel, data in files.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return sorted(files)
