"""Speed per language, in the path a user runs: ``wiredesk analyze --jsonl`` on plain text.

    python -m benchmarks.languages [--words 40000] [--workers N] [--repeat N] [--lang en de ...]

Each language reads about the same number of words (``--words``; its texts are taken in
turn until there are enough), as ``{"id","text"}`` lines on stdin of a process started as a
user starts it, so start-up and model loading count, as in ``benchmarks.realpages``. A
one-article run of the same command measures the start-up (importing, loading that
language's models, one article). The table gives, per language, the start-up, the whole
run, and the steady state (the whole run less the one-article run: its other words over
its other seconds); then the ratio of each language's words/s to English's, with the
start-up and in the steady state, by wall time (what a user waits) and by CPU time (the
steadier figure on a busy machine). With ``--repeat N`` each command runs N times and
the least wall and the least CPU time of each are kept (other work on the machine only
ever adds to them). The languages with a recogniser of their own (de, fr,
ru) run it, Spanish and Italian only the quote rules, so a language path slower than half
the English one shows.

The texts: English, the sample's agency copy (Northwire, Capital Press, Meridian); German,
the sample's ALP stories and the articles of ``../shared/eval/quotes-de/dev`` (measuring
only); French, the sample's ALP stories and ``benchmarks/entities_fr_key.txt``; Russian,
``../shared/eval/factrueval/devset``; Spanish and Italian, ``benchmarks/texts/``. Stories
shorter than 150 words are joined into news-in-brief articles, so every language reads news
copy of one to three hundred words and per-article costs weigh alike.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from benchmarks.realpages import EVAL, Usage, measure, wiredesk_command

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent / "samples" / "drop"
LANGUAGES = ("en", "de", "fr", "ru", "es", "it")
#: Shorter stories are joined into news-in-brief articles of at least this many words.
MIN_ARTICLE_WORDS = 150
#: A name marked in the French entity key: "[Paris](LOC)".
_MARKED = re.compile(r"\[([^\]]+)\]\((?:PER|ORG|LOC|MISC)\)")


@dataclass(frozen=True)
class Run:
    """One language's measurement: what went in and what it cost, whole and for one article."""

    lang: str
    articles: int
    words: int
    usage: Usage
    startup: Usage
    startup_words: int
    load_average: float

    @property
    def steady_words(self) -> int:
        return self.words - self.startup_words

    @property
    def rates(self) -> dict[str, float]:
        """Words per wall and per CPU second, with the start-up and in the steady state."""
        steady_wall = self.usage.wall - self.startup.wall
        steady_cpu = self.usage.cpu - self.startup.cpu
        return {
            "wall": self.words / self.usage.wall,
            "cpu": self.words / self.usage.cpu,
            "steady wall": self.steady_words / steady_wall if steady_wall > 0 else float("nan"),
            "steady cpu": self.steady_words / steady_cpu if steady_cpu > 0 else float("nan"),
        }


def _paragraphs(path: Path) -> str:
    """The body paragraphs of a NewsML-G2 or NITF file, as the text an agency sends."""
    root = etree.parse(str(path)).getroot()
    body = [
        el
        for el in root.iter()
        if isinstance(el.tag, str)
        and etree.QName(el).localname == "p"
        and any(etree.QName(a).localname in ("body", "body.content") for a in el.iterancestors())
        and not any(etree.QName(a).localname == "abstract" for a in el.iterancestors())
    ]
    return "\n\n".join(" ".join("".join(p.itertext()).split()) for p in body)


def _sample(folder: str, pattern: str) -> list[str]:
    texts = []
    for path in sorted((SAMPLES / folder).glob(pattern)):
        try:
            text = _paragraphs(path) if path.suffix == ".xml" else path.read_text("utf-8")
        except etree.XMLSyntaxError:
            continue  # the sample's truncated file
        texts.append(text)
    return texts


def _stories(path: Path) -> list[str]:
    """Stories separated by lines of three dashes, comment lines left out."""
    lines = [line for line in path.read_text("utf-8").splitlines() if not line.startswith("#")]
    stories = "\n".join(lines).split("\n---\n")
    return [_MARKED.sub(r"\1", s).strip().strip("-").strip() for s in stories if s.strip("-\n ")]


def texts_for(lang: str, root: Path = EVAL) -> list[str]:
    """The news texts one language is measured on (see the module's docstring)."""
    if lang == "en":
        return [
            *_sample("northwire", "*/*.xml"),
            *_sample("capital-press", "*/*.xml"),
            *_sample("meridian", "*/*.txt"),
        ]
    if lang == "de":
        gold = sorted((root / "quotes-de" / "dev").glob("*.json"))
        return [*_sample("alp-de", "*/*.xml")] + [
            json.loads(p.read_text("utf-8"))["originalText"] for p in gold
        ]
    if lang == "fr":
        return [*_sample("alp-fr", "*/*.xml"), *_stories(HERE / "entities_fr_key.txt")]
    if lang == "ru":
        devset = sorted((root / "factrueval" / "devset").glob("*.txt"))
        return [p.read_text("utf-8") for p in devset]
    return _stories(HERE / "texts" / f"{lang}.txt")


def briefs(texts: Sequence[str], least: int = MIN_ARTICLE_WORDS) -> list[str]:
    """Short stories joined in turn into articles of at least ``least`` words, as agencies
    send news in brief, so per-article costs weigh alike in every language."""
    joined: list[str] = []
    current: list[str] = []
    for text in texts:
        current.append(text)
        if sum(len(t.split()) for t in current) >= least:
            joined.append("\n\n".join(current))
            current = []
    if current:
        joined.append("\n\n".join(current))
    return joined


def take_words(texts: Sequence[str], words: int) -> Iterator[str]:
    """Texts in turn, from the start again if needed, until ``words`` words are given."""
    if not texts:
        raise SystemExit("no texts")
    total, i = 0, 0
    while total < words:
        text = texts[i % len(texts)]
        total += len(text.split())
        i += 1
        yield text


def write_jsonl(lang: str, texts: Sequence[str], path: Path) -> tuple[int, int]:
    """The texts as ``analyze --jsonl`` reads them; returns (articles, words)."""
    with path.open("w", encoding="utf-8") as out:
        for number, text in enumerate(texts):
            out.write(json.dumps({"id": f"{lang}-{number}", "text": text}) + "\n")
    return len(texts), sum(len(t.split()) for t in texts)


def fastest(command: Sequence[str], stdin: Path, env: dict, repeat: int, **kw) -> Usage:
    """The command run ``repeat`` times: its least wall and least CPU time, its peak memory."""
    runs = [measure(command, stdin=stdin, env=env, **kw) for _ in range(repeat)]
    return Usage(
        wall=min(r.wall for r in runs),
        cpu=min(r.cpu for r in runs),
        peak_mb=max(r.peak_mb for r in runs),
        returncode=max(r.returncode for r in runs),
    )


def measure_language(lang: str, words: int, scratch: Path, env: dict, repeat: int = 1) -> Run:
    """Analyse about ``words`` words of ``lang``, and one article alone for the start-up."""
    texts = briefs(texts_for(lang))
    batch = scratch / f"{lang}.jsonl"
    articles, counted = write_jsonl(lang, list(take_words(texts, words)), batch)
    single = scratch / f"{lang}-one.jsonl"
    _, single_words = write_jsonl(lang, texts[:1], single)
    command = [wiredesk_command(), "analyze", "--jsonl"]
    output = scratch / f"{lang}.out"
    startup = fastest(command, single, env, repeat)
    usage = fastest(command, batch, env, repeat, stdout=output)
    languages = [json.loads(line).get("language") for line in output.read_text().splitlines()]
    if languages.count(lang) < len(languages) * 0.9:
        raise SystemExit(f"{lang}: read as {sorted(set(map(str, languages)))}")
    return Run(lang, articles, counted, usage, startup, single_words, os.getloadavg()[0])


def print_table(runs: Sequence[Run], workers: int | None, repeat: int = 1) -> None:
    english = next((r for r in runs if r.lang == "en"), None)
    print(
        f"\nwiredesk analyze --jsonl per language: {dt.date.today()}, "
        f"{len(os.sched_getaffinity(0))} core(s), workers {workers or 'default'}, "
        f"fastest of {repeat} run(s) each"
    )
    print(
        f"{'':<6}{'':>9}{'':>8}{'start-up (1 article)':>22}{'whole run':>27}"
        f"{'steady state':>20}{'load':>7}"
    )
    print(
        f"{'lang':<6}{'articles':>9}{'words':>8}{'wall s':>8}{'cpu s':>7}{'MB':>7}"
        f"{'wall s':>8}{'cpu s':>7}{'MB':>7}{'words/s':>9}{'w/cpu s':>9}"
        f"{'words/s':>9}{'w/cpu s':>9}{'avg':>7}"
    )
    for r in runs:
        rate = r.rates
        print(
            f"{r.lang:<6}{r.articles:>9}{r.words:>8}"
            f"{r.startup.wall:>8.1f}{r.startup.cpu:>7.1f}{r.startup.peak_mb:>7.0f}"
            f"{r.usage.wall:>8.1f}{r.usage.cpu:>7.1f}{r.usage.peak_mb:>7.0f}"
            f"{rate['wall']:>9.0f}{rate['cpu']:>9.0f}"
            f"{rate['steady wall']:>9.0f}{rate['steady cpu']:>9.0f}{r.load_average:>7.2f}"
        )
    if english is None:
        return
    print(f"\nwords/s over English's{'with start-up':>18}{'steady state':>17}")
    print(f"{'lang':<6}{'':>16}{'wall':>8}{'cpu':>8}{'wall':>9}{'cpu':>8}")
    for r in runs:
        ratio = {k: v / english.rates[k] for k, v in r.rates.items()}
        print(
            f"{r.lang:<6}{'':>16}{ratio['wall']:>8.2f}{ratio['cpu']:>8.2f}"
            f"{ratio['steady wall']:>9.2f}{ratio['steady cpu']:>8.2f}"
        )
    print(
        "\nstart-up: the one-article run; steady state: the whole run less it (its other"
        "\nwords over its other seconds); w/cpu s: words per CPU second of the process tree;"
        "\nMB: peak memory of the tree; load avg: the machine's, after the language's runs."
    )
    for kind in ("wall", "cpu"):
        slow = [r.lang for r in runs if r.rates[kind] < english.rates[kind] / 2]
        print(
            f"slower than half of English, start-up included ({kind}): {', '.join(slow) or 'none'}"
        )


def main(argv: Sequence[str] | None = None) -> list[Run]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=40000, help="words per language")
    parser.add_argument("--workers", type=int, help="WIREDESK_WORKERS for analyze")
    parser.add_argument("--repeat", type=int, default=1, help="runs per command, fastest kept")
    parser.add_argument("--lang", nargs="+", choices=LANGUAGES, default=list(LANGUAGES))
    args = parser.parse_args(argv)
    env = dict(os.environ)
    if args.workers:
        env["WIREDESK_WORKERS"] = str(args.workers)
    langs = ["en", *[lang for lang in args.lang if lang != "en"]]  # the yardstick first
    with tempfile.TemporaryDirectory(prefix="wiredesk-languages-") as scratch:
        runs = [
            measure_language(lang, args.words, Path(scratch), env, args.repeat) for lang in langs
        ]
    print_table(runs, args.workers, args.repeat)
    return runs


if __name__ == "__main__":
    main()
