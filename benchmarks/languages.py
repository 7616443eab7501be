"""Speed per language, in the path a user runs: ``wiredesk analyze --jsonl`` on plain text.

    python -m benchmarks.languages [--words 40000] [--workers N] [--lang en de ...]

Each language reads about the same number of words (``--words``; its texts are taken in
turn until there are enough), as ``{"id","text"}`` lines on stdin of a process started as a
user starts it, so start-up and model loading count, as in ``benchmarks.realpages``. Per
language it prints articles/s, words/s, CPU seconds per 1,000 words, the CPU of a
one-article run (start-up and loading that language's models), the CPU per 1,000 words
without it, and the ratios to English of words/s and of that net CPU (the steadier figure
on a busy machine). The languages with a recogniser of their own (de, fr, ru) run it,
Spanish and Italian only the quote rules, so a language path slower than half the English
one shows.

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
    """One language's measurement: what went in and what it cost."""

    lang: str
    articles: int
    words: int
    usage: Usage
    startup: Usage

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.usage.wall

    @property
    def words_per_s(self) -> float:
        return self.words / self.usage.wall

    @property
    def cpu_per_1000_words(self) -> float:
        return self.usage.cpu / self.words * 1000

    @property
    def net_cpu_per_1000_words(self) -> float:
        """CPU per 1,000 words once started: the one-article run's CPU taken off."""
        return max(0.0, self.usage.cpu - self.startup.cpu) / self.words * 1000


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


def measure_language(lang: str, words: int, scratch: Path, env: dict) -> Run:
    """Analyse about ``words`` words of ``lang``, and one article alone for the start-up."""
    texts = briefs(texts_for(lang))
    batch = scratch / f"{lang}.jsonl"
    articles, counted = write_jsonl(lang, list(take_words(texts, words)), batch)
    single = scratch / f"{lang}-one.jsonl"
    write_jsonl(lang, texts[:1], single)
    command = [wiredesk_command(), "analyze", "--jsonl"]
    output = scratch / f"{lang}.out"
    startup = measure(command, stdin=single, env=env)
    usage = measure(command, stdin=batch, stdout=output, env=env)
    languages = [json.loads(line).get("language") for line in output.read_text().splitlines()]
    if languages.count(lang) < len(languages) * 0.9:
        raise SystemExit(f"{lang}: read as {sorted(set(map(str, languages)))}")
    return Run(lang, articles, counted, usage, startup)


def print_table(runs: Sequence[Run], workers: int | None) -> None:
    english = next((r for r in runs if r.lang == "en"), None)
    print(
        f"\nwiredesk analyze --jsonl per language: {dt.date.today()}, "
        f"{len(os.sched_getaffinity(0))} core(s), workers {workers or 'default'}, "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    header = (
        f"{'lang':<6}{'articles':>9}{'words':>8}{'wall s':>8}{'cpu s':>8}{'art/s':>8}"
        f"{'words/s':>9}{'cpu/1k w':>10}{'start cpu':>10}{'net/1k w':>10}"
        f"{'vs en':>7}{'net vs en':>10}"
    )
    print(header)
    for r in runs:
        speed = r.words_per_s / english.words_per_s if english else float("nan")
        net = (
            english.net_cpu_per_1000_words / r.net_cpu_per_1000_words
            if english and r.net_cpu_per_1000_words
            else float("nan")
        )
        print(
            f"{r.lang:<6}{r.articles:>9}{r.words:>8}{r.usage.wall:>8.1f}{r.usage.cpu:>8.1f}"
            f"{r.articles_per_s:>8.1f}{r.words_per_s:>9.0f}{r.cpu_per_1000_words:>10.3f}"
            f"{r.startup.cpu:>10.1f}{r.net_cpu_per_1000_words:>10.3f}{speed:>7.2f}{net:>10.2f}"
        )
    print(
        "\nvs en: words/s over English's (wall time, start-up included); net vs en: English's"
        "\nCPU per 1,000 words over the language's, each less its one-article run's CPU."
    )
    slow = [r.lang for r in runs if english and r.words_per_s < english.words_per_s / 2]
    print(f"slower than half of English (words/s): {', '.join(slow) or 'none'}")


def main(argv: Sequence[str] | None = None) -> list[Run]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=40000, help="words per language")
    parser.add_argument("--workers", type=int, help="WIREDESK_WORKERS for analyze")
    parser.add_argument("--lang", nargs="+", choices=LANGUAGES, default=list(LANGUAGES))
    args = parser.parse_args(argv)
    env = dict(os.environ)
    if args.workers:
        env["WIREDESK_WORKERS"] = str(args.workers)
    langs = ["en", *[lang for lang in args.lang if lang != "en"]]  # the yardstick first
    with tempfile.TemporaryDirectory(prefix="wiredesk-languages-") as scratch:
        runs = [measure_language(lang, args.words, Path(scratch), env) for lang in langs]
    print_table(runs, args.workers)
    return runs


if __name__ == "__main__":
    main()
