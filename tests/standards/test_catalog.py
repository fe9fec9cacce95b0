"""Status by date, the edition in force, and replacements."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.standards.catalog import Catalog, build_catalog
from generator.standards.load import load_standards
from generator.standards.model import StandardEdition
from generator.standards.status import edition_status

BASE = {
    "id": "demo",
    "code": "X-1",
    "title": "示例",
    "edition": "2020",
    "issuer": "委员会",
    "issued": dt.date(2020, 1, 10),
    "effective": dt.date(2020, 2, 1),
    "sections": [
        {
            "id": "s",
            "number": "1",
            "title": "一",
            "clauses": [{"id": "c", "number": "1.1", "text": "文"}],
        }
    ],
}


def edition(**changes: object) -> StandardEdition:
    return StandardEdition.model_validate({**BASE, **changes})


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (dt.date(2020, 1, 31), "即将实施"),
        (dt.date(2020, 2, 1), "现行"),
        (dt.date(2020, 2, 2), "现行"),
    ],
)
def test_effective_date_boundary(as_of: dt.date, expected: str) -> None:
    assert edition_status(edition(), [], as_of) == expected


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (dt.date(2024, 12, 30), "现行"),
        (dt.date(2024, 12, 31), "废止"),
        (dt.date(2025, 1, 1), "废止"),
    ],
)
def test_repeal_date_boundary(as_of: dt.date, expected: str) -> None:
    assert edition_status(edition(repealed=dt.date(2024, 12, 31)), [], as_of) == expected


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [(dt.date(2023, 6, 30), "现行"), (dt.date(2023, 7, 1), "被代替")],
)
def test_superseded_when_the_replacement_takes_effect(as_of: dt.date, expected: str) -> None:
    newer = edition(edition="2023", effective=dt.date(2023, 7, 1))
    assert edition_status(edition(), [newer], as_of) == expected


REPO = Path(__file__).resolve().parents[2]


def sample_catalog(as_of: dt.date) -> Catalog:
    editions, problems = load_standards(REPO)
    assert problems == []
    return build_catalog(editions, as_of)


def test_sample_statuses_on_a_day() -> None:
    catalog = sample_catalog(dt.date(2026, 11, 22))
    statuses = {ref: info.status for ref, info in catalog.editions.items()}
    assert statuses == {
        "dangyuan-jifen/2019": "废止",
        "jiguan-zhibu-gongzuo/2017": "被代替",
        "kaoping-banfa/2024": "现行",
        "liuhua-24/2019": "被代替",
        "liuhua-24/2023": "现行",
        "shuzhi-pingyi/2024": "现行",
        "wuhao-dangzhibu/2020": "现行",
        "wuhao-dangzhibu/2026": "即将实施",
    }
    wuhao = catalog.standard("wuhao-dangzhibu")
    assert wuhao.current.ref == "wuhao-dangzhibu/2020"
    assert [u.ref for u in wuhao.upcoming] == ["wuhao-dangzhibu/2026"]
    liuhua = catalog.standard("liuhua-24")
    assert liuhua.editions[1].replaces == ("liuhua-24/2019",)
    assert catalog.editions["liuhua-24/2019"].replaces == ("jiguan-zhibu-gongzuo/2017",)
    assert catalog.editions["liuhua-24/2019"].replaced_by == ("liuhua-24/2023",)


def test_the_edition_in_force_moves_with_the_date() -> None:
    before = sample_catalog(dt.date(2023, 6, 30)).standard("liuhua-24")
    after = sample_catalog(dt.date(2023, 7, 1)).standard("liuhua-24")
    assert before.current.ref == "liuhua-24/2019"
    assert [u.ref for u in before.upcoming] == ["liuhua-24/2023"]
    assert after.current.ref == "liuhua-24/2023"
    assert after.upcoming == ()
    later = sample_catalog(dt.date(2027, 1, 1)).standard("wuhao-dangzhibu")
    assert later.current.ref == "wuhao-dangzhibu/2026"
