import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipelines.cli import main
from tests.fixtures import HTML

ARTICLE = (
    "GENEVA, Nov 16 (Testwire) - Foreign Minister Amara Oyelaran said on Monday that the "
    "talks had made progress.\n\n"
    "\u201cWe are close,\u201d Oyelaran said, \u201cbut not there yet.\u201d\n\n"
    "The United Nations said it would keep its monitors in place."
)


def run_cli(
    args: list[str],
    capsys: pytest.CaptureFixture,
    stdin: str | None = None,
    monkeypatch: pytest.MonkeyPatch | None = None,
) -> tuple[int, str, str]:
    if stdin is not None:
        import io

        fake = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
        monkeypatch.setattr(sys, "stdin", fake)
    try:
        status = main(args)
    except SystemExit as exc:
        status = exc.code
    out, err = capsys.readouterr()
    return status, out, err


def test_analyze_text_file(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    status, out, _ = run_cli(["analyze", str(path)], capsys)
    result = json.loads(out)
    assert status == 0
    assert set(result) >= {"title", "published", "language", "text", "quotes", "entities"}
    assert result["language"] == "en"
    quote = next(q for q in result["quotes"] if q["kind"] == "direct")
    assert quote["speaker"] == "Amara Oyelaran"
    assert result["text"][quote["start_char"] : quote["end_char"]].startswith("\u201cWe are close")
    people = [e for e in result["entities"] if e["type"] == "PERSON"]
    assert people[0]["name"] == "Amara Oyelaran" and len(people[0]["mentions"]) == 2
    for mention in people[0]["mentions"]:
        assert result["text"][mention["start_char"] : mention["end_char"]] == mention["text"]


def test_analyze_html_from_stdin(capsys, monkeypatch) -> None:
    status, out, _ = run_cli(["analyze", "-", "--html"], capsys, HTML, monkeypatch)
    result = json.loads(out)
    assert status == 0
    assert result["title"] == "Bridge reopens after repairs"
    assert result["published"].startswith("2026-11-16T07:45")
    assert any(q["speaker"] and "Holm" in q["speaker"] for q in result["quotes"])


def test_analyze_jsonl_batch_keeps_going_after_bad_lines(capsys, monkeypatch) -> None:
    lines = "\n".join(
        [
            json.dumps({"id": "a", "text": ARTICLE}),
            "{not json",
            json.dumps({"id": "b", "html": HTML, "url": "https://www.t.example/b"}),
            json.dumps({"id": "c"}),
        ]
    )
    status, out, err = run_cli(["analyze", "--jsonl"], capsys, lines, monkeypatch)
    records = [json.loads(line) for line in out.splitlines()]
    assert [r.get("id") for r in records] == ["a", None, "b", "c"]
    assert records[0]["quotes"] and records[2]["title"]
    assert "error" in records[1] and "error" in records[3]
    assert status == 1
    assert "line 2" in err and "Traceback" not in err


def test_analyze_jsonl_reads_the_file_named_and_names_it_in_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    german = (
        "BERLIN (dpa) - \u201eWir sind bereit\u201c, sagte Bundeskanzler Friedrich Merz am "
        "Montag. Die Lage sei ernst, sagte er."
    )
    path = tmp_path / "batch.jsonl"
    lines = [{"id": "en", "text": ARTICLE}, {"id": "de", "text": german}]
    path.write_text("\n".join([*map(json.dumps, lines), "{not json"]) + "\n", encoding="utf-8")
    status, out, err = run_cli(["analyze", "--jsonl", str(path)], capsys)
    records = {r.get("id"): r for r in map(json.loads, out.splitlines())}
    assert status == 1 and err.startswith(f"wiredesk: {path} line 3: not a JSON object")
    assert records["de"]["language"] == "de" and "entities" in records["de"]["analysis"]
    speakers = {q["kind"]: q["speaker"] for q in records["de"]["quotes"]}
    assert speakers == {"direct": "Friedrich Merz", "indirect": "Friedrich Merz"}
    status, _, err = run_cli(["analyze", "--jsonl", str(tmp_path / "none.jsonl")], capsys)
    assert status == 2 and err.strip() == f"wiredesk: {tmp_path / 'none.jsonl'}: no such file"


def test_missing_file_is_one_line_error(capsys) -> None:
    status, out, err = run_cli(["analyze", "/nonexistent/story.txt"], capsys)
    assert status == 2 and out == ""
    assert err.strip() == "wiredesk: /nonexistent/story.txt: no such file"


def test_sql_without_warehouse_and_bad_query(tmp_path: Path, capsys) -> None:
    status, _, err = run_cli(["sql", "SELECT 1", "--home", str(tmp_path)], capsys)
    assert status == 2 and "no warehouse yet" in err and len(err.strip().splitlines()) == 1
    from wiredesk.store.warehouse import ensure_warehouse

    ensure_warehouse(tmp_path)
    status, out, _ = run_cli(
        ["sql", "SELECT count(*) AS n FROM articles", "--home", str(tmp_path)], capsys
    )
    assert status == 0 and "n" in out and "0" in out
    status, _, err = run_cli(["sql", "SELEC nonsense", "--home", str(tmp_path)], capsys)
    assert status == 2 and err.startswith("wiredesk: query failed:")


def test_ingest_bad_sources_file_and_days(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "sources.yaml"
    bad.write_text("sources: [ {id: X Y, kind: feed} ]", encoding="utf-8")
    status, _, err = run_cli(["ingest", "--sources", str(bad)], capsys)
    assert status == 2 and "sources[0]" in err
    status, _, err = run_cli(["ingest", "--sources", str(tmp_path / "none.yaml")], capsys)
    assert status == 2 and "not found" in err


def test_every_command_has_help() -> None:
    for command in ([], ["analyze"], ["ingest"], ["sql"]):
        done = subprocess.run(
            [sys.executable, "-m", "pipelines.cli", *command, "--help"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0 and "usage: wiredesk" in done.stdout


def test_the_script_ends_with_main_s_status_and_all_its_output(tmp_path: Path) -> None:
    """The script skips the interpreter's teardown: output must still be whole, piped or not,
    and the status the command's own."""
    script = str(Path(sys.executable).parent / "wiredesk")
    lines = "\n".join(json.dumps({"id": n, "text": ARTICLE}) for n in range(3)) + "\n"
    done = subprocess.run(
        [script, "analyze", "--jsonl"], input=lines, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == [0, 1, 2]
    done = subprocess.run(
        [script, "ingest", "--sources", str(tmp_path / "none.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip().endswith("none.yaml: sources file not found")
    (tmp_path / "wiredesk.yaml").write_text("workers:\n  processes: 1\n")
    done = subprocess.run(
        [script, "config", "--json"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "WIREDESK_CONFIG": str(tmp_path / "wiredesk.yaml")},
    )
    assert done.returncode == 0 and json.loads(done.stdout)["settings"]
