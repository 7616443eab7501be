"""The settings: file, environment and defaults in one model; clear errors; generated docs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pipelines.cli import main
from pipelines.resources import WiredeskResource, configured_resource
from wiredesk.settings import (
    Settings,
    SettingsError,
    current_settings,
    example_file,
    load_settings,
    readme_table,
)
from wiredesk.settings.cron import cron_problem
from wiredesk.settings.render import TABLE_END, TABLE_START

REPO = Path(__file__).resolve().parent.parent


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file(tmp_path: Path) -> None:
    loaded = load_settings(environ={"WIREDESK_SOURCES": str(tmp_path / "sources.yaml")})
    assert loaded.path == tmp_path / "wiredesk.yaml" and not loaded.file_found
    assert loaded.settings.model_copy(update={"home": Settings().home}) == Settings()
    assert loaded.settings.home.sources == str(tmp_path / "sources.yaml")
    assert loaded.origin("fetch.contact").kind == "default"


def test_the_file_then_the_environment_with_each_origin(tmp_path: Path) -> None:
    config = write(
        tmp_path / "wiredesk.yaml",
        "fetch:\n  contact: desk@example.org\n  min_host_delay_s: 2.5\n"
        "checks:\n  max_fetch_error_rate: 0.4\n",
    )
    environ = {
        "WIREDESK_CONFIG": str(config),
        "WIREDESK_FETCH__MIN_HOST_DELAY_S": "0.5",
        "WIREDESK_TREND_MIN_SOURCES": "3",  # an older name still works
        "WIREDESK_FETCH__ALLOW_NETWORKS": "127.0.0.1:8080, 10.0.0.0/8",
    }
    loaded = load_settings(environ=environ)
    fetch = loaded.settings.fetch
    assert fetch.contact == "desk@example.org"
    assert fetch.min_host_delay_s == 0.5
    assert fetch.allow_networks == ["127.0.0.1:8080", "10.0.0.0/8"]
    assert loaded.settings.checks.max_fetch_error_rate == 0.4
    assert loaded.settings.trends.min_sources == 3
    assert str(loaded.origin("fetch.contact")) == f"file {config}"
    assert str(loaded.origin("fetch.min_host_delay_s")) == "env WIREDESK_FETCH__MIN_HOST_DELAY_S"
    assert str(loaded.origin("trends.min_sources")) == "env WIREDESK_TREND_MIN_SOURCES"
    assert loaded.origin("fetch.deadline_s").kind == "default"


def test_the_new_name_wins_over_the_older_one() -> None:
    environ = {"WIREDESK_POLL_MINUTES": "5", "WIREDESK_SCHEDULE__POLL_MINUTES": "7"}
    assert load_settings(environ=environ).settings.schedule.poll_minutes == 7


def test_the_hash_follows_the_values(tmp_path: Path) -> None:
    base = load_settings(environ={"WIREDESK_SOURCES": str(tmp_path / "s.yaml")})
    changed = load_settings(
        environ={"WIREDESK_SOURCES": str(tmp_path / "s.yaml"), "WIREDESK_FETCH__CONTACT": "x"}
    )
    assert len(base.hash) == 12 and base.hash != changed.hash


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fetch:\n  contcat: x\n", r"fetch\.contcat: unknown key \(expected one of: contact,"),
        ("fetchh:\n  contact: x\n", r"fetchh: unknown key \(expected one of: home, fetch,"),
        ("fetch:\n  min_host_delay_s: -1\n", r"fetch\.min_host_delay_s: expected greater than"),
        ("fetch:\n  per_host_concurrency: two\n", r"per_host_concurrency: expected a valid int"),
        ("schedule:\n  poll_cron: '*/15 * * *'\n", r"poll_cron: expected a cron expression"),
        ("checks:\n  max_duplicate_rate: 1.5\n", r"max_duplicate_rate: expected less than or"),
        ("workers:\n  executor: pigeon\n", r"workers\.executor: expected 'multiprocess'"),
        ("fetch: [1, 2]\n", r"fetch: expected a valid dictionary"),
        ("fetch:\n  contact: [x\n", r"not valid YAML \(line \d\)"),
        ("- just a list\n", r"expected sections"),
    ],
)
def test_a_bad_file_is_one_line_naming_it_the_key_and_what_is_expected(
    tmp_path: Path, text: str, expected: str
) -> None:
    config = write(tmp_path / "wiredesk.yaml", text)
    with pytest.raises(SettingsError, match=expected) as caught:
        load_settings(config)
    message = str(caught.value)
    assert message.startswith(f"{config}: ") and "\n" not in message


def test_a_bad_variable_is_named_instead_of_the_file(tmp_path: Path) -> None:
    environ = {"WIREDESK_SOURCES": str(tmp_path / "s.yaml"), "WIREDESK_NER_PROCESSES": "-2"}
    with pytest.raises(SettingsError, match=r"^environment WIREDESK_NER_PROCESSES: workers\."):
        load_settings(environ=environ)
    with pytest.raises(SettingsError, match=r"WIREDESK_FETCH__CONTCAT: fetch.contcat: unknown"):
        load_settings(environ={"WIREDESK_FETCH__CONTCAT": "x"})


def test_a_named_file_must_exist(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="no such settings file"):
        load_settings(environ={"WIREDESK_CONFIG": str(tmp_path / "missing.yaml")})


def test_the_freshness_windows_must_be_in_order(tmp_path: Path) -> None:
    config = write(tmp_path / "w.yaml", "checks:\n  freshness_fail_hours: 0.5\n")
    with pytest.raises(SettingsError, match=r"w\.yaml: checks: expected freshness_fail_hours >="):
        load_settings(config)


@pytest.mark.parametrize(
    ("expression", "valid"),
    [
        ("*/15 * * * *", True),
        ("30 0 * * mon-fri", True),
        ("0 6,18 1-15/2 jan,jul 0", True),
        ("61 * * * *", False),
        ("* * * *", False),
        ("*/0 * * * *", False),
        ("5-2 * * * *", False),
        ("* * * foo *", False),
    ],
)
def test_cron_expressions(expression: str, valid: bool) -> None:
    assert (cron_problem(expression) is None) is valid


def test_the_readme_table_is_generated_from_the_model() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start, end = readme.index(TABLE_START), readme.index(TABLE_END) + len(TABLE_END)
    assert readme[start:end] + "\n" == readme_table()


def test_the_example_file_is_generated_and_holds_the_defaults() -> None:
    example = REPO / "wiredesk.example.yaml"
    assert example.read_text(encoding="utf-8") == example_file()
    loaded = load_settings(example, environ={})
    home = loaded.settings.home  # its relative paths are read from the file's folder
    assert (home.path, home.sources) == (str(REPO / "data"), str(REPO / "sources.yaml"))
    assert loaded.settings.model_copy(update={"home": Settings().home}) == Settings()
    assert all(origin.kind == "file" for origin in loaded.origins.values())
    assert len(loaded.origins) == len(readme_table().splitlines()) - 4  # every setting


def test_the_resource_takes_its_defaults_and_values_from_the_settings(tmp_path: Path) -> None:
    defaults = WiredeskResource()
    assert defaults.http_timeout_s == Settings().fetch.deadline_s
    assert defaults.max_mentions_per_article == Settings().checks.max_mentions_per_article
    config = write(
        tmp_path / "wiredesk.yaml",
        "fetch:\n  contact: ops@example.org\n  deadline_s: 7\nchecks:\n  min_speaker_share: 0.25\n",
    )
    resource = configured_resource(load_settings(config, environ={}).settings)
    assert resource.contact == "ops@example.org"
    assert resource.fetch_settings().timeout_s == 7.0
    assert "ops@example.org" in resource.fetch_settings().user_agent
    assert resource.min_speaker_share == 0.25


def test_settings_are_read_again_when_a_variable_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIREDESK_TRENDS__MIN_ARTICLES", "4")
    assert current_settings().trends.min_articles == 4
    monkeypatch.setenv("WIREDESK_TRENDS__MIN_ARTICLES", "5")
    assert current_settings().trends.min_articles == 5


def _accessors() -> list[tuple[str, str, object]]:
    """Each library setting, a value for it, and the code that uses it (what it returns)."""
    from wiredesk.aggregates.crossday import CROSS_DAY_AGGREGATES
    from wiredesk.entities.conll import eval_dir
    from wiredesk.entities.curated import entities_file
    from wiredesk.entities.recognise import model_name, ner_processes
    from wiredesk.sources.polling import default_poll_minutes
    from wiredesk.store import local_home, sources_file, sql_dir
    from wiredesk.store.snapshot import retention_seconds

    trending = CROSS_DAY_AGGREGATES["trending_entities"]
    day = dt.date(2026, 1, 2)
    return [
        ("WIREDESK_STORAGE__SNAPSHOT_RETENTION_HOURS", "2", lambda: retention_seconds() == 7200),
        ("WIREDESK_SNAPSHOT_RETENTION_HOURS", "0", lambda: retention_seconds() == 0),
        ("WIREDESK_SCHEDULE__POLL_MINUTES", "9", lambda: default_poll_minutes() == 9),
        ("WIREDESK_TREND_MIN_ARTICLES", "6", lambda: trending.params(day)["min_articles"] == 6),
        ("WIREDESK_TRENDS__MIN_SOURCES", "4", lambda: trending.params(day)["min_sources"] == 4),
        ("WIREDESK_SPACY_MODEL", "en_other", lambda: model_name() == "en_other"),
        ("WIREDESK_WORKERS__NER_PROCESSES", "3", lambda: ner_processes() == 3),
        ("WIREDESK_MODELS__ENTITY_MODEL_DE", "/m/de", lambda: model_name("de") == "/m/de"),
        ("WIREDESK_MODELS__ENTITY_MODEL_FR", "fr_other", lambda: model_name("fr") == "fr_other"),
        ("WIREDESK_MODELS__ENTITY_MODEL_RU", "/m/ru", lambda: model_name("ru-RU") == "/m/ru"),
        (
            "WIREDESK_MODELS__ALIAS_FILE",
            "/x/aliases.yaml",
            lambda: str(entities_file()) == "/x/aliases.yaml",
        ),
        ("WIREDESK_EVAL_DIR", "/gold", lambda: str(eval_dir()) == "/gold"),
        ("WIREDESK_STORAGE__SQL_DIR", "/q", lambda: str(sql_dir()) == "/q"),
        ("WIREDESK_HOME__SOURCES", "/s/src.yaml", lambda: str(sources_file()) == "/s/src.yaml"),
        ("WIREDESK_LOCAL_HOME", "/l", lambda: str(local_home("s3://b/p")) == "/l"),
    ]


@pytest.mark.parametrize("index", range(15))
def test_each_library_setting_reaches_the_code_that_uses_it(
    index: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    variable, value, check = _accessors()[index]
    assert not check(), f"{variable} already gives {value!r} by default"
    monkeypatch.setenv(variable, value)
    assert check(), variable


def test_the_home_from_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wiredesk.store import home_dir

    config = write(tmp_path / "wiredesk.yaml", f"home:\n  path: {tmp_path / 'lake-home'}\n")
    monkeypatch.delenv("WIREDESK_HOME")
    monkeypatch.setenv("WIREDESK_CONFIG", str(config))
    assert home_dir() == tmp_path / "lake-home"
    monkeypatch.setenv("WIREDESK_HOME", str(tmp_path / "env-wins"))
    assert home_dir() == tmp_path / "env-wins"


def run_cli(args: list[str], capsys: pytest.CaptureFixture) -> tuple[int, str, str]:
    try:
        status = main(args)
    except SystemExit as exc:
        status = exc.code
    out, err = capsys.readouterr()
    return status, out, err


def test_config_command_prints_values_and_origins(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = write(tmp_path / "wiredesk.yaml", "fetch:\n  contact: desk@example.org\n")
    monkeypatch.setenv("WIREDESK_CONFIG", str(config))
    monkeypatch.setenv("WIREDESK_FETCH__MAX_RETRIES", "4")
    status, out, _ = run_cli(["config", "--json"], capsys)
    assert status == 0
    report = json.loads(out)
    rows = {row["key"]: row for row in report["settings"]}
    assert report["file"] == str(config) and report["file_found"] is True
    assert rows["fetch.contact"] == {
        "key": "fetch.contact",
        "value": "desk@example.org",
        "source": "file",
        "where": str(config),
    }
    assert rows["fetch.max_retries"]["value"] == 4
    assert rows["fetch.max_retries"]["where"] == "WIREDESK_FETCH__MAX_RETRIES"
    assert rows["fetch.deadline_s"]["source"] == "default"
    assert report["hash"] == load_settings(config).hash
    status, out, _ = run_cli(["config"], capsys)
    assert status == 0
    assert out.splitlines()[0] == f"settings file: {config}"
    table = {line.split()[0]: line.split()[1:] for line in out.splitlines()[3:-1] if line}
    assert table["fetch.contact"] == ['"desk@example.org"', "file"]
    assert table["fetch.max_retries"] == ["4", "env", "WIREDESK_FETCH__MAX_RETRIES"]
    assert table["fetch.deadline_s"][-1] == "default"


def test_a_bad_file_stops_every_command_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = write(tmp_path / "wiredesk.yaml", "fetch:\n  min_host_delay_s: -1\n")
    for args in (["--config", str(config), "config"], ["--config", str(config), "sql", "1"]):
        monkeypatch.setenv("WIREDESK_CONFIG", "")  # restored after the test
        status, out, err = run_cli(args, capsys)
        assert status == 2 and out == ""
        assert err.strip().splitlines() == [
            f"wiredesk: {config}: fetch.min_host_delay_s: expected greater than or equal to 0, "
            "got -1"
        ]


def test_relative_paths_in_the_file_are_read_from_its_folder(tmp_path: Path) -> None:
    desk = tmp_path / "desk"
    (desk / "models" / "ner").mkdir(parents=True)
    config = write(
        desk / "wiredesk.yaml",
        "home:\n  path: lake-home\n  sources: feeds/sources.yaml\n"
        "storage:\n  sql_dir: ../shared-sql\n"
        "models:\n  entity_model: models/ner\n  alias_file: /etc/desk/entities.yaml\n",
    )
    loaded = load_settings(config, environ={})
    assert loaded.settings.home.path == str(desk / "lake-home")
    assert loaded.settings.home.sources == str(desk / "feeds" / "sources.yaml")
    assert loaded.settings.storage.sql_dir == str(tmp_path / "shared-sql")
    assert loaded.settings.models.entity_model == str(desk / "models" / "ner")
    assert loaded.settings.models.alias_file == "/etc/desk/entities.yaml"


def test_names_urls_and_variables_are_not_paths_of_the_file(tmp_path: Path) -> None:
    config = write(
        tmp_path / "wiredesk.yaml",
        "home:\n  path: s3://bucket/desk\nmodels:\n  entity_model: en_core_web_lg\n",
    )
    loaded = load_settings(config, environ={"WIREDESK_SOURCES": "conf/sources.yaml"})
    assert loaded.settings.home.path == "s3://bucket/desk"
    assert loaded.settings.models.entity_model == "en_core_web_lg"  # no such folder: a package
    assert loaded.settings.home.sources == "conf/sources.yaml"  # a variable: from the cwd
