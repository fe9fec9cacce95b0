"""The home page as a kind: one page, first in the menu (see `generator/descriptor.py`)."""

from __future__ import annotations

from generator import layout
from generator.content.kind import HOME
from generator.descriptor import Kind, Made, Rendering, index_entry
from generator.notices.kind import SHOWN


def _pages(r: Rendering) -> Made:
    renderer, store = r.renderer, r.build.store
    home = store[HOME]
    page = renderer.page(
        layout.HOME,
        renderer.labels["home"],
        lambda: renderer.render("home.html.j2", layout.HOME, home=home, notices=store[SHOWN]),
        in_nav=True,
        source=layout.HOME_SOURCE if home else None,  # its introduction: 编辑此页
    )
    return Made([page])


KIND = Kind(
    name="home",
    pages=(0, _pages),
    menu=(index_entry(0, "home", layout.HOME),),
)
