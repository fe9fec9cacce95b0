"""The hand-written pages in the site's menu, in the committee's order."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import escape

from generator.content.load import ContentPage


@dataclass
class _Folder:
    index: ContentPage | None = None
    pages: list[ContentPage] = field(default_factory=list)
    folders: dict[str, _Folder] = field(default_factory=dict)


def content_nav(content: list[ContentPage]) -> list[object]:
    """Hand-written pages in the committee's order; a folder with an index.md is a section."""
    root = _Folder()
    for page in content:
        folder = root
        for part in page.path.split("/")[:-1]:
            folder = folder.folders.setdefault(part, _Folder())
        if page.is_index:
            folder.index = page
        else:
            folder.pages.append(page)
    return _entries(root)


def _entries(folder: _Folder) -> list[object]:
    # The theme prints nav titles as HTML: editors' titles are escaped here.
    items: list[tuple[int, str, object]] = [
        (p.meta.order, p.meta.title, {str(escape(p.meta.title)): p.path}) for p in folder.pages
    ]
    for name, sub in folder.folders.items():
        children = ([sub.index.path] if sub.index else []) + _entries(sub)
        title = sub.index.meta.title if sub.index else name
        order = sub.index.meta.order if sub.index else 100
        items.append((order, title, {str(escape(title)): children}))
    return [entry for _, _, entry in sorted(items, key=lambda item: (item[0], item[1]))]
