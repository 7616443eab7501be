import datetime as dt

from dagster import AssetKey, Backoff, Definitions, Jitter

from pipelines.definitions import all_assets, defs

STAGES = {
    "feed_items",
    "raw_pages",
    "articles",
    "quotes",
    "entity_mentions",
    "entities",
    "daily_source_volume",
    "daily_entity_mentions",
    "daily_speaker_quotes",
    "daily_entity_pairs",
}


def test_definitions_load() -> None:
    Definitions.validate_loadable(defs)


def test_every_stage_is_an_asset_with_schema_description_and_owner() -> None:
    keys = {a.key.to_user_string() for a in all_assets}
    assert STAGES <= keys
    for asset in all_assets:
        spec = asset.specs_by_key[asset.key]
        assert spec.description, asset.key
        assert "dagster/column_schema" in spec.metadata, asset.key
        assert spec.owners, asset.key
        assert spec.kinds, asset.key


def test_job_schedule_sensor_and_checks_are_registered() -> None:
    repo = defs.get_repository_def()
    for job in (
        "daily_ingest",
        "ingest_stages",
        "link_and_aggregate",
        "poll_feeds",
        "process_new_items",
    ):
        assert repo.has_job(job), job
    assert {s.name for s in repo.schedule_defs} == {"daily_ingest_schedule", "feed_poll_schedule"}
    assert {s.name for s in repo.sensor_defs} == {
        "drop_folder_sensor",
        "new_items_sensor",
        "record_run_failure",
        "default_automation_condition_sensor",  # evaluates the assets' automation conditions
    }
    in_asset = {(k.asset_key.to_user_string(), k.name) for a in all_assets for k in a.check_keys}
    assert ("articles", "text_null_rate") in in_asset
    assert ("quotes", "speaker_resolved_share") in in_asset
    separate = {(k.asset_key, k.name) for k in repo.asset_checks_defs_by_key}
    assert (AssetKey("entities"), "aliases_resolve") in separate


def test_partitioned_stages_share_daily_partitions() -> None:
    partitioned = {a.key.to_user_string() for a in all_assets if a.partitions_def}
    assert STAGES - {"entities"} <= partitioned and "entities" not in partitioned


def test_network_facing_assets_retry_and_have_freshness() -> None:
    by_key = {a.key.to_user_string(): a for a in all_assets}
    for name in ("feed_items", "raw_pages"):
        spec = by_key[name].specs_by_key[by_key[name].key]
        retry = by_key[name].op.retry_policy
        # No step retries under test (tests/conftest.py sets WIREDESK_STEP_RETRIES=0); 30 s,
        # doubled each time, with jitter, otherwise.
        assert (retry.max_retries, retry.delay) == (0, 30), name
        assert (retry.backoff, retry.jitter) == (Backoff.EXPONENTIAL, Jitter.PLUS_MINUS), name
        freshness = spec.freshness_policy
        assert freshness.warn_window.to_timedelta() == dt.timedelta(hours=1), name
        assert freshness.fail_window.to_timedelta() == dt.timedelta(hours=26), name


def test_cross_day_and_aggregate_assets_follow_their_inputs() -> None:
    by_key = {a.key.to_user_string(): a for a in all_assets}
    for name in ("entities", "syndication", "daily_source_volume", "trending_entities"):
        spec = by_key[name].specs_by_key[by_key[name].key]
        assert spec.automation_condition is not None, name
    assert by_key["articles"].specs_by_key[by_key["articles"].key].automation_condition is None
