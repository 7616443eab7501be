"""What a worker loads before its first batch, per kind of worker.

A module that imports none of the project at its top: a command names one of these
functions when it starts its workers (``wiredesk.workers``), and can do so before it has
imported the storage (DuckDB, Arrow) or the models, so the workers start loading while it
goes on setting up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable


def warm_up_extracting_worker() -> None:
    """What a worker that extracts loads before its first batch (a step's own for the
    articles stage, ``workers.step_workers``): the first extraction's libraries and the
    MinHash library it signs each text with."""
    from wiredesk.articles import warm_up_extraction
    from wiredesk.syndication import prepare_signatures

    warm_up_extraction()
    prepare_signatures()


def warm_up_recognising_worker() -> None:
    """What a worker that recognises entities loads (a step's own for the entity_mentions
    stage): the English recogniser (other languages load when their first article comes)."""
    from wiredesk.entities import find_mentions

    find_mentions([""])


def warm_up_quoting_worker() -> None:
    """What a step's own worker for the quotes stage loads: the English quotation rules."""
    from wiredesk.quotes import find_quotes

    find_quotes("", [], "en")


def warm_up_worker() -> None:
    """What an ``analyze`` worker loads before its first batch: the first extraction's
    libraries and the English recogniser."""
    from wiredesk.articles import warm_up_extraction

    warm_up_extraction()
    warm_up_recognising_worker()


def warm_up_stage_worker() -> None:
    """What a run's stage worker loads, as it extracts, signs and reads ahead
    (``wiredesk.work_ahead``): ``warm_up_extracting_worker`` and the recogniser."""
    warm_up_extracting_worker()
    warm_up_recognising_worker()


def import_per_article_work() -> None:
    """Import what extraction, recognition and quotes are written with (trafilatura,
    htmldate, dateparser, spaCy), loading no model: about a CPU second, which workers forked
    after it need not spend."""
    from wiredesk.articles import extract
    from wiredesk.entities import find_mentions
    from wiredesk.quotes import find_quotes

    del extract, find_mentions, find_quotes  # imported for their modules' sake


#: The stages whose work is per article, done by stage workers.
PER_ARTICLE_STAGES = frozenset({"articles", "entity_mentions", "quotes"})


def warm_up_for(stages: Iterable[str]) -> Callable[[], None] | None:
    """The workers' warm-up when ``stages`` include per-article work, else None (a run that
    only aggregates loads no model)."""
    return warm_up_stage_worker if PER_ARTICLE_STAGES & set(stages) else None
