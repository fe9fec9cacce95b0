"""活动 as a kind: everything it is, in its own files."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from pydantic import Field

from generator.core.documents import Document
from generator.core.files import yaml_files
from generator.core.model import Date, Model, Slug, Text
from generator.core.typed import load_typed
from generator.descriptor import (
    Build,
    Kind,
    Made,
    Phase,
    Rendering,
    SchemaFile,
    Search,
    Slot,
    Store,
    index_entry,
)
from generator.errors import Problem
from generator.render.feeds import FeedEntry, moment, stable_id

SOURCES = "content/events"
INDEX = "events/index.md"


class Event(Model):
    """One event (活动): `content/events/<id>.yml`."""

    id: Slug = Field(description="活动的 id（文件名）。")
    title: Text = Field(description="活动名称。")
    date: Date = Field(description="活动日期。")
    place: Text = Field(description="活动地点。")


EVENTS: Slot[list[tuple[Document, Event]]] = Slot("events.all")


def _load(build: Build) -> list[Problem]:
    found, problems = [], []
    for path, rel in yaml_files(build.root, SOURCES):
        doc, model, more = load_typed(path, rel, Event, build.memory)
        problems += more
        if doc is not None and model is not None:
            found.append((doc, model))
    build.store[EVENTS] = sorted(found, key=lambda e: (e[1].date, e[1].id))
    return problems


def _path(event: Event) -> str:
    return f"events/{event.id}/index.md"


def _pages(r: Rendering) -> Made:
    renderer, events = r.renderer, r.build.store[EVENTS]
    made = Made()
    if not events:
        return made
    made.pages.append(
        renderer.page(
            INDEX,
            renderer.labels["events"],
            lambda: renderer.render(
                "events_index.html.j2", INDEX, events=[(_path(m), m) for _, m in events]
            ),
        )
    )
    for doc, m in events:
        made.pages.append(
            renderer.page(
                _path(m),
                m.title,
                lambda m=m: renderer.render("event.html.j2", _path(m), event=m),
                deps=[doc.path],
                source=doc.path,
            )
        )
    return made


def _diff(base: Store | None, head: Store, L: Mapping[str, str]) -> list[str]:
    old = {m.id: m for _, m in base[EVENTS]} if base is not None else {}
    lines = []
    for _, m in head[EVENTS]:
        if m.id not in old:
            lines.append(f"- {L['event_added']}：{m.title}（{m.date}）")
        elif old[m.id] != m:
            lines.append(f"- {L['event_changed']}：{m.title}")
    return lines


def _feed(build: Build, labels: Mapping[str, str]) -> list[FeedEntry]:
    return [
        FeedEntry(
            day=m.date,
            key=m.id,
            id=stable_id(f"handbook-event:{m.id}"),
            title=f"【{labels['kind_event']}】{m.title}",
            page=_path(m),
            published=moment(m.date),
            updated=moment(m.date),
            description=f"{labels['event_place']}：{m.place}",
            category=labels["kind_event"],
        )
        for _, m in build.store[EVENTS]
    ]


KIND = Kind(
    name="events",
    steps={Phase.LOAD: _load},
    pages=(45, _pages),
    menu=(index_entry(40, "events", INDEX),),
    search=Search(section="events", kinds=((50, "kind_event"),), weights={"event": 0.6}),
    diff=((35, "events", _diff),),
    feed=_feed,
    feed_sources=lambda build: [doc.path for doc, _ in build.store[EVENTS]],
    schemas=(
        SchemaFile(
            "event.schema.json", Event, "活动（content/events/<活动>.yml）", f"{SOURCES}/*.yml"
        ),
    ),
    labels={
        "zh": {
            "events": "活动",
            "kind_event": "活动",
            "event_place": "地点",
            "event_added": "新增活动",
            "event_changed": "修改活动",
        }
    },
    templates=Path(__file__).with_name("templates"),
    not_in_nav="/events/*/index.md\n",
)
