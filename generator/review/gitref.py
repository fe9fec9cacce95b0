"""The handbook's files as they were at a git ref, unpacked into a folder."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

from generator.errors import HandbookError
from generator.layout import DATA


def _git(root: Path, *args: str) -> bytes:
    done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    if done.returncode != 0:
        raise HandbookError(
            done.stderr.decode("utf-8", "replace").strip() or f"git {' '.join(args)} failed"
        )
    return done.stdout


def export_ref(root: Path, ref: str, target: Path) -> None:
    """Unpack the handbook's data files at `ref` into `target`."""
    try:
        _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except HandbookError:
        raise HandbookError(
            f"the git ref '{ref}' is not in this clone; in a shallow CI clone fetch it first, "
            f"e.g. git fetch --depth=1 origin {ref}"
        ) from None
    present = _git(root, "ls-tree", "--name-only", ref).decode("utf-8").split()
    paths = [p for p in DATA if p in present]
    if not paths:
        return
    archive = _git(root, "archive", "--format=tar", ref, "--", *paths)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
