"""The wheel carries the repository's sample handbook for `handbook new --sample`.

The sample (standards/, content/, site_templates/, mkdocs.yml, CODEOWNERS) stays at the top of the
repository, where it is edited; building the wheel copies it into
generator/scaffold/sample/. An editable install reads it from the checkout.
Everything else is declared in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
SAMPLE = ("standards", "content", "site_templates", "mkdocs.yml", "CODEOWNERS")  # as layout.py


class BuildWithSample(build_py):
    """build_py, plus the sample copied beside the scaffold."""

    def run(self) -> None:
        """Build as usual, then copy the sample handbook beside the scaffold."""
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "generator" / "scaffold" / "sample"
        shutil.rmtree(target, ignore_errors=True)
        for name in SAMPLE:
            source = HERE / name
            if source.is_dir():
                shutil.copytree(source, target / name)
            else:
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / name)


setup(cmdclass={"build_py": BuildWithSample})
