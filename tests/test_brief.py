"""The daily brief renders in headless Chromium with its four charts, offline."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from pathlib import Path

import pytest

from pipelines.cli import main
from tests import system
from wiredesk.aggregates.brief import gather, render_brief
from wiredesk.store.warehouse import connect_readonly

DAY = dt.date(2026, 11, 19)
CHARTS = {"volume", "entities", "risers", "cooccurrence"}
#: Added to a copy of the page by the test only: writes each chart's laid-out size.
PROBE = """<script>
const found = [...document.querySelectorAll('svg.chart')].map(svg => {
  const box = svg.getBoundingClientRect();
  return {chart: svg.dataset.chart, width: box.width, height: box.height,
          marks: svg.querySelectorAll('rect.bar, rect.cell').length};
});
const out = document.createElement('pre'); out.id = 'layout';
out.textContent = JSON.stringify(found); document.body.appendChild(out);
</script>"""


@pytest.fixture(scope="module")
def chromium() -> str:
    return system.chromium()


def _chromium(binary: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return system.run_chromium(tmp_path / "chromium-profile", *args, window="1400,1600")


@pytest.fixture(scope="module")
def brief_html(sample_warehouse: Path) -> str:
    con = connect_readonly(sample_warehouse)
    try:
        return render_brief(gather(con, DAY))
    finally:
        con.close()


def test_brief_is_self_contained(brief_html: str) -> None:
    assert "<script" not in brief_html.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", brief_html)
    assert "<link" not in brief_html.lower()
    assert {m for m in re.findall(r'data-chart="(\w+)"', brief_html)} == CHARTS


def test_brief_shows_the_day_s_facts(brief_html: str) -> None:
    assert "Thursday 19 November 2026" in brief_html
    for source in ["northwire", "capital-press", "meridian", "harbor-times", "lakeside-post"]:
        assert source in brief_html
    # Quote of the day: an attributed direct quote with its outlets.
    section = brief_html.split('id="quote-of-the-day"')[1].split("</section>")[0]
    assert "<blockquote>" in section and "Carried by" in section


def test_brief_renders_in_headless_chromium(chromium: str, brief_html: str, tmp_path: Path) -> None:
    page = tmp_path / "brief.html"
    page.write_text(brief_html, encoding="utf-8")
    shot = tmp_path / "brief.png"
    _chromium(chromium, tmp_path, f"--screenshot={shot}", page.as_uri())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a blank page is a few kB

    probed = tmp_path / "probed.html"
    probed.write_text(brief_html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = _chromium(chromium, tmp_path, "--dump-dom", probed.as_uri()).stdout
    layout = json.loads(re.search(r'<pre id="layout">(.*?)</pre>', dom, re.S).group(1))
    charts = {item["chart"]: item for item in layout}
    assert set(charts) == CHARTS
    for item in layout:
        assert item["width"] > 100 and item["height"] > 20, item
    # 16 to 19 November: five sources a day, and ALP's two services on three days each
    assert charts["volume"]["marks"] == 4 * 5 + 3 + 3
    assert charts["entities"]["marks"] >= 5
    assert charts["risers"]["marks"] >= 1
    assert charts["cooccurrence"]["marks"] >= 16


def test_cli_writes_the_brief(sample_warehouse: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out" / "brief.html"
    assert (
        main(["brief", "--home", str(sample_warehouse), "--day", "2026-11-20", "--out", str(out)])
        == 0
    )
    assert "Friday 20 November 2026" in out.read_text(encoding="utf-8")
    assert str(out.resolve()) in capsys.readouterr().out


def test_cli_brief_without_warehouse_is_one_line(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["brief", "--home", str(tmp_path / "nothing")])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("wiredesk: ") and "no warehouse yet" in err and "\n" not in err


def test_sample_names_no_entity_twice_as_acronym_and_expansion(sample_warehouse: Path) -> None:
    from wiredesk.entities.acronyms import abbreviates, is_acronym

    con = connect_readonly(sample_warehouse)
    try:
        rows = con.execute(
            "SELECT entity_id, name, aliases FROM entities WHERE type <> 'PERSON'"
        ).fetchall()
    finally:
        con.close()
    split = [
        (acronym, expansion)
        for entity_id, name, aliases in rows
        for acronym in {name, *aliases}
        if is_acronym(acronym)
        for other_id, expansion, _ in rows
        if other_id != entity_id and abbreviates(acronym, expansion)
    ]
    assert not split
    united = [aliases for _, name, aliases in rows if name == "United Nations"]
    assert united and {"U.N.", "UN"} <= set(united[0])


def test_no_source_agency_among_the_brief_s_top_entities(sample_warehouse: Path) -> None:
    con = connect_readonly(sample_warehouse)
    try:
        names = {n for (n,) in con.execute("SELECT name FROM sources").fetchall()}
        agencies = {
            n for (n,) in con.execute("SELECT name FROM entities WHERE is_source").fetchall()
        }
        days = [
            d for (d,) in con.execute("SELECT DISTINCT day FROM articles ORDER BY 1").fetchall()
        ]
        assert {"Northwire", "Meridian", "Capital Press Agency"} <= agencies
        shown, with_sources = set(), set()
        for day in days:
            data = gather(con, day)
            shown |= {e["name"] for e in data.top_entities} | {r["name"] for r in data.risers}
            everything = gather(con, day, include_sources=True)
            with_sources |= {e["name"] for e in everything.top_entities}
    finally:
        con.close()
    assert not shown & (agencies | names)
    assert with_sources & agencies  # the filter is what keeps them out
