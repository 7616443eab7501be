"""Fetch-stage speed and politeness against a loopback farm of hosts.

Run ``python -m benchmarks.fetch [--hosts 20] [--pages 40] [--latency 0.02] [--delay 0.05]``.
A child process serves the farm (so its CPU is not counted): each host is a loopback server
on its own port that answers after ``--latency`` seconds with a news-sized page. The fetch
stage (``wiredesk.stages.fetch_pages``) then reads every page with the production client,
and the table shows pages per second, CPU milliseconds per page (target: under 3), and
whether the per-host limits held: at most ``per_host_concurrency`` requests at once on any
host (seen by the server) and never two starts closer than ``--delay`` (seen by the client).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

PAGE_WORDS = 700  # a long news article


def article(host: int, number: int) -> bytes:
    words = " ".join(f"word{(host * 7 + number + i) % 997}" for i in range(PAGE_WORDS))
    paragraphs = "".join(f"<p>{words[i : i + 400]}</p>" for i in range(0, len(words), 400))
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>Story {host}-{number}</title>"
        f"</head><body><nav>home world business</nav><article><h1>Story {host}-{number}</h1>"
        f"{paragraphs}</article><footer>footer</footer></body></html>"
    ).encode()


def serve(hosts: int, pages: int, latency: float) -> None:
    """The farm: print the ports, serve until stdin closes, then print what the servers saw."""
    from wiredesk.fetch import LoopbackServer

    servers = []
    for host in range(hosts):
        server = LoopbackServer(delay_s=latency)
        for number in range(pages):
            body = article(host, number)
            server.routes[f"/story/{number}"] = _counted(server, body, latency)
        servers.append(server)
    print(json.dumps([s.port for s in servers]), flush=True)
    sys.stdin.read()
    print(json.dumps({"peaks": [s.peak for s in servers]}), flush=True)
    for server in servers:
        server.close()


def _counted(server, body: bytes, latency: float):  # noqa: ANN001, ANN202 - route factory
    def route(handler) -> None:  # noqa: ANN001
        with server._lock:
            server.active += 1
            server.peak = max(server.peak, server.active)
        try:
            time.sleep(latency)
            handler.send_body(200, body)
        finally:
            with server._lock:
                server.active -= 1

    return route


def measure(args: argparse.Namespace) -> dict[str, float]:
    from wiredesk.fetch import Fetcher, FetchSettings
    from wiredesk.stages import fetch_pages

    farm = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "benchmarks.fetch",
            "--serve",
            "--hosts",
            str(args.hosts),
            "--pages",
            str(args.pages),
            "--latency",
            str(args.latency),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        ports = json.loads(farm.stdout.readline())
        settings = FetchSettings(
            min_host_delay_s=args.delay,
            per_host_concurrency=args.per_host,
            global_concurrency=args.global_limit,
            allow_networks=tuple(f"127.0.0.1:{port}" for port in ports),
            max_retries=0,
        )
        items = [
            {"item_id": f"{p}-{n}", "source_id": "farm", "url": f"http://127.0.0.1:{p}/story/{n}"}
            for n in range(args.pages)
            for p in ports
        ]
        with Fetcher(settings) as fetcher:
            fetcher.gate.keep_starts = True
            # Warm up: robots.txt of every host and the first connections, not timed.
            fetcher.fetch_all([f"http://127.0.0.1:{p}/story/0" for p in ports])
            fetcher.gate = replace_gate(fetcher)
            cpu0, wall0 = time.process_time(), time.perf_counter()
            pages, log = fetch_pages(items, fetcher, "benchmark")
            cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
            stats = fetcher.gate.stats()
        farm.stdin.close()
        seen = json.loads(farm.stdout.readline())
    finally:
        farm.wait(timeout=30)
    gaps = [s["min_gap_s"] for s in stats.values() if s["requests"] > 1]
    return {
        "hosts": len(ports),
        "pages": len(items),
        "fetched": len(pages),
        "failed": sum(1 for row in log if row["status"] == "error"),
        "wall_s": wall,
        "pages_per_s": len(pages) / wall,
        "cpu_ms_per_page": 1000 * cpu / max(1, len(pages)),
        "client_peak_per_host": max(s["peak"] for s in stats.values()),
        "server_peak_per_host": max(seen["peaks"]),
        "min_gap_s": min(gaps) if gaps else float("nan"),
        "bytes": sum(p["bytes"] for p in pages),
    }


def replace_gate(fetcher):  # noqa: ANN001, ANN201
    """A fresh gate for the timed run (the warm-up's starts are not counted)."""
    from wiredesk.fetch import HostGate

    s = fetcher.settings
    return HostGate(s.per_host_concurrency, s.min_host_delay_s, s.global_concurrency, True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--pages", type=int, default=40, help="pages per host")
    parser.add_argument("--latency", type=float, default=0.02, help="server answer time, s")
    parser.add_argument("--delay", type=float, default=0.05, help="politeness delay, s")
    parser.add_argument("--per-host", type=int, default=2)
    parser.add_argument("--global-limit", type=int, default=16)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        serve(args.hosts, args.pages, args.latency)
        return 0
    result = measure(args)
    held = result["server_peak_per_host"] <= args.per_host and result["min_gap_s"] >= (
        args.delay - 0.002
    )
    rows = [
        ("hosts x pages", f"{result['hosts']} x {args.pages}"),
        ("pages fetched / failed", f"{result['fetched']} / {result['failed']}"),
        ("wall time (s)", f"{result['wall_s']:.2f}"),
        ("pages per second", f"{result['pages_per_s']:.1f}"),
        ("ceiling from politeness (pages/s)", f"{result['hosts'] / args.delay:.1f}"),
        ("CPU ms per page (target < 3)", f"{result['cpu_ms_per_page']:.2f}"),
        (
            "max requests at once on a host",
            f"{result['server_peak_per_host']} (limit {args.per_host})",
        ),
        ("shortest gap between starts (s)", f"{result['min_gap_s']:.3f} (delay {args.delay})"),
        ("per-host limits held", "yes" if held else "NO"),
        ("MB fetched", f"{result['bytes'] / 1e6:.1f}"),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"{'metric'.ljust(width)}  value")
    print(f"{'-' * width}  -----")
    for name, value in rows:
        print(f"{name.ljust(width)}  {value}")
    return 0 if held and result["failed"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
