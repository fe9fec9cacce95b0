"""Typst source from data: text as Typst strings (never read as markup), and the
sanitised HTML of Markdown fields and pages as Typst content.

Every value an editor wrote lands in the Typst source as a string literal
(`#"…";`), so no character of it is read as Typst markup or code: the same rule
the site follows with HTML escaping.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

from markupsafe import Markup


class Typ(Markup):
    """Typst source that is already safe to place as it is. A kind of `Markup`, so
    that Jinja's autoescape leaves it (and the macros' output) alone; the plain
    values are made Typst strings by `finalize` before that."""

    __slots__ = ()


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_ESCAPE_TABLE = str.maketrans(_ESCAPES)
_CJK = r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]"
_SOFT_BREAK = re.compile(rf"(?<={_CJK})\s*\n\s*(?={_CJK})")
_SPACES = re.compile(r"\s+")


def string(value: object) -> Typ:
    """A value as a Typst string literal, for code: "XX/DJ 001"."""
    text = str(value)
    return Typ('"' + text.translate(_ESCAPE_TABLE) + '"')


def text(value: object) -> Typ:
    """A value as Typst content that shows exactly its characters."""
    if isinstance(value, Typ):
        return value
    if value is None or str(value) == "":
        return Typ("")
    return Typ(f"#{string(value)};")


def label(value: object) -> Typ:
    """A label literal for an id: <s1-shanghao-dangke>."""
    return Typ("label(" + string(value) + ")")


def finalize(value: object) -> object:
    """Jinja's finalize for the print templates: plain values become Typst strings
    (Typst source and what the macros give is left as it is)."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, bool | int | float):
        return str(value)
    return text(value)


_BLOCKS = {"p", "div", "ul", "ol", "li", "table", "blockquote", "pre", "hr", "h1", "h2"}
_BLOCKS |= {"h3", "h4", "h5", "h6", "thead", "tbody", "tr", "th", "td", "section", "img"}
_INLINE_CALLS = {
    "strong": "strong",
    "b": "strong",
    "em": "emph",
    "i": "emph",
    "del": "strike",
    "s": "strike",
    "sup": "super",
    "sub": "sub",
    "u": "underline",
}


class _Node:
    __slots__ = ("attrs", "children", "tag")

    def __init__(self, tag: str, attrs: dict[str, str]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[_Node | str] = []


class _Tree(HTMLParser):
    _VOID = {"br", "img", "hr", "meta", "input", "col", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in self._VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(_Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


class HtmlToTypst:
    """Sanitised HTML (Markdown fields, manual pages) → Typst content.

    `prefix`: put before every in-document target (`#id` → `<prefix + id>`);
    `images`: the folder images may come from (others are left out)."""

    def __init__(self, prefix: str = "", images: Path | None = None) -> None:
        self.prefix = prefix
        self.images = images

    def convert(self, html: str) -> Typ:
        """The Typst content of `html`."""
        tree = _Tree()
        tree.feed(html)
        tree.close()
        return Typ(self._children(tree.root, pre=False).strip())

    def _children(self, node: _Node, pre: bool) -> str:
        return "".join(self._one(child, pre) for child in node.children)

    def _inline(self, data: str) -> str:
        data = _SOFT_BREAK.sub("", data)
        return text(_SPACES.sub(" ", data)) if data.strip() else (" " if data else "")

    def _one(self, node: _Node | str, pre: bool) -> str:
        if isinstance(node, str):
            return text(node) if pre else self._inline(node)
        tag, inner = node.tag, ""
        if tag == "pre":
            return f"\n#raw(block: true, {string(_plain(node))})\n\n"
        if tag == "code":
            return f"#raw({string(_plain(node))});"
        if tag not in {"table", "ul", "ol", "thead", "tbody", "tr"}:
            inner = self._children(node, pre).strip()
        if tag in _INLINE_CALLS:
            return f"#{_INLINE_CALLS[tag]}[{inner}]"
        if tag == "br":
            return "#linebreak();"
        if tag == "a":
            if "cite" in node.attrs.get("class", ""):
                inner = f"#hb-cite[{inner}]"
            return self._link(node.attrs.get("href", ""), inner)
        if tag == "p":
            return f"\n\n{inner}\n\n"
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            level = int(tag[1])
            return f"\n#hb-sub({level}, [{inner}])\n\n"
        if tag in {"ul", "ol"}:
            kind = "list" if tag == "ul" else "enum"
            items = [
                f"[{self._children(li, pre).strip()}]"
                for li in node.children
                if isinstance(li, _Node) and li.tag == "li"
            ]
            return f"\n#{kind}({', '.join(items)})\n\n" if items else ""
        if tag == "table":
            return self._table(node)
        if tag == "blockquote":
            return f"\n#hb-blockquote[{inner}]\n\n"
        if tag == "hr":
            return "\n#line(length: 100%, stroke: 0.5pt)\n\n"
        if tag == "img":
            return self._image(node)
        if tag == "div" and "admonition" in node.attrs.get("class", ""):
            return f"\n#hb-note[{inner}]\n\n"
        if tag == "p" or tag in _BLOCKS:
            return f"\n{inner}\n"
        return inner

    def _link(self, href: str, inner: str) -> str:
        if href.startswith("#"):
            return f"#hb-link({string(self.prefix + href[1:])})[{inner}]"
        if href.startswith(("http://", "https://", "mailto:")):
            return f"#link({string(href)})[{inner}]"
        return inner

    def _image(self, node: _Node) -> str:
        src = node.attrs.get("src", "")
        alt = node.attrs.get("alt", "")
        if self.images is None or not src.startswith("file:"):
            return text(alt)
        path = Path(unquote(urlparse(src).path))
        try:
            rel = path.resolve().relative_to(self.images.resolve())
        except ValueError:
            return text(alt)
        if not _is_image(path):
            return text(alt)
        return f"\n#hb-image({string('/' + rel.as_posix())})\n"

    def _table(self, node: _Node) -> str:
        rows: list[tuple[bool, list[_Node]]] = []
        for part in node.children:
            if not isinstance(part, _Node):
                continue
            trs = [part] if part.tag == "tr" else [c for c in part.children if isinstance(c, _Node)]
            for tr in trs:
                cells = [c for c in tr.children if isinstance(c, _Node) and c.tag in {"td", "th"}]
                rows.append((part.tag == "thead", cells))
        if not rows:
            return ""
        columns = max(len(cells) for _, cells in rows)
        out = []
        for head, cells in rows:
            shown = [f"[{self._children(c, False).strip()}]" for c in cells]
            shown += ["[]"] * (columns - len(cells))
            if head:
                out.append(f"table.header({', '.join(shown)})")
            else:
                out += shown
        return f"\n#hb-table({columns}, {', '.join(out)})\n\n"


def _plain(node: _Node) -> str:
    return "".join(c if isinstance(c, str) else _plain(c) for c in node.children)


def _is_image(path: Path) -> bool:
    """An image Typst can read (a broken one is left out rather than failing the PDF)."""
    try:
        from PIL import Image

        with Image.open(path) as image:
            image.verify()
    except Exception:  # noqa: BLE001  (any unreadable file is simply not shown)
        return False
    return True
