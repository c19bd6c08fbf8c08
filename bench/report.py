"""The Markdown table `make bench` prints, writes to bench-results/latest.md and, with
--readme, puts in bench/README.md."""

import os
import platform
import re
from pathlib import Path

from bench import lighthouse
from bench.open_loop import OpenLoopRun
from bench.plan import PAGES
from bench.wrk import Throughput

TARGETS = {"ratio": 0.8, "post_p99_ms": 100.0, "notify_p95_s": 2.0}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else float("nan")


def machine() -> str:
    model = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    memory_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    return f"{os.cpu_count()} cores ({model}), {memory_kb / 1024 / 1024:.0f} GiB, {platform.system()}"


def render_report(settings: dict, results: dict[str, dict]) -> str:
    lines = [
        f"Measured {settings['started']:%Y-%m-%d %H:%M} UTC on {machine()}. gunicorn with "
        f"{settings['workers']} sync workers for the site and for the stock project, DEBUG off; two "
        f"`db_worker`s and the sweeper running beside the site. wrk: 2 threads, 32 connections, "
        f"{settings['seconds']} s per URL and server in two turns (the better one), 127.0.0.1 only; "
        "every client shares the two cores with the servers. Load average at the start: "
        f"{settings['load_at_start']:.1f}, at the end: {os.getloadavg()[0]:.1f}.",
        "",
    ]
    summary = [
        "### Against the targets",
        "",
        "| stack | cached pages ÷ stock project (≥ 0.80) "
        "| form POST p99 at 50/s (< 100 ms) | stored exactly once | notification p95 (< 2 s) |",
        "|---|---|---:|---|---:|",
    ]
    for name, found in results.items():
        title = f"{'PostgreSQL' if name == 'postgres' else 'SQLite'}, {found['cache']}"
        cells = [title]
        if "pages" in found:
            lines += page_lines(title, found["pages"])
            cells.append(", ".join(ratio(row["site"], row["stock"]) for row in found["pages"].values()))
        else:
            cells.append("–")
        if "post" in found:
            lines += post_lines(title, found["post"])
            run: OpenLoopRun = found["post"]["run"]
            cells += [
                f"{percentile(run.latencies_ms, 0.99):.0f} ms",
                "yes" if stored_once(found["post"]) else "NO",
            ]
        else:
            cells += ["–", "–"]
        if "notify" in found:
            lines += notify_lines(title, found["notify"])
            cells.append(f"{percentile(found['notify']['delays'], 0.95):.2f} s")
        else:
            cells.append("–")
        if "weight" in found:
            lines += weight_lines(title, found["weight"])
        if "lighthouse" in found:
            lines += lighthouse_lines(found["lighthouse"])
        summary.append("| " + " | ".join(cells) + " |")
    return "\n".join(summary + [""] + lines)


def page_lines(title: str, pages: dict[str, dict[str, Throughput]]) -> list[str]:
    lines = [
        f"### Cached public pages, {title} (requests/s; latency p50 / p99 in ms)",
        "",
        "| page | site | p50 | p99 | stock project, `cache_page` | p50 | p99 | nginx, same bytes | p50 | p99 "
        "| site ÷ stock | site ÷ nginx |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, row in pages.items():
        site, baseline, nginx = row["site"], row["stock"], row["nginx"]
        lines.append(
            f"| {name} `{PAGES[name]}` | "
            + " | ".join(site.row() + baseline.row() + nginx.row())
            + f" | {ratio(site, baseline)} | {ratio(site, nginx)} |"
        )
    errors = sum(t.errors for row in pages.values() for t in row.values())
    cpu = " | ".join(
        f"{sum(row[k].cpu_ms_per_request or 0 for row in pages.values()) / len(pages):.2f}"
        for k in ("site", "stock", "nginx")
    )
    lines += [
        "",
        f"Server CPU time per request, ms, the mean over the pages (site | stock | nginx): {cpu}. "
        f"Errors or non-2xx answers: {errors}.",
        "",
    ]
    return lines


def post_lines(title: str, post: dict) -> list[str]:
    run: OpenLoopRun = post["run"]
    stored = post["stored"]
    sent = sum(run.statuses.values())
    answers = ", ".join(f"{status}×{count:,}" for status, count in sorted(run.statuses.items()))
    return [
        f"### Form POST, {title}: open loop, {run.rate:.0f} a second for {run.seconds:.0f} s",
        "",
        "| sent | answers | p50 ms | p90 ms | p99 ms | max ms | accepted | stored exactly once | rows |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
        f"| {sent:,} | {answers} | "
        + " | ".join(f"{percentile(run.latencies_ms, share):.1f}" for share in (0.5, 0.9, 0.99, 1.0))
        + " "
        f"| {stored['accepted']:,} | {stored['stored_once']:,} | {stored['rows']:,} |",
        "",
        f"Each time counts from the request's planned moment; the client itself was at worst "
        f"{run.worst_send_lag_ms:.0f} ms late sending one. Server CPU time per POST (gunicorn's "
        f"processes): {post['site_cpu_ms']:.1f} ms.",
        "",
    ]


def notify_lines(title: str, notify: dict) -> list[str]:
    delays = notify["delays"]
    return [
        f"### Submit → first notification e-mail in the SMTP sink, {title} (two `db_worker`s)",
        "",
        "| samples | p50 s | p95 s | max s | not delivered in 30 s |",
        "|---:|---:|---:|---:|---:|",
        f"| {len(delays)} | {percentile(delays, 0.5):.2f} | {percentile(delays, 0.95):.2f} "
        f"| {max(delays, default=float('nan')):.2f} | {notify['missing']} |",
        "",
    ]


def weight_lines(title: str, weights: dict) -> list[str]:
    lines = [
        f"### Page weight, {title} (HTML + CSS + JS + icons, before content photos; gzip level 6)",
        "",
        "| page | files | raw KB | gzip KB |",
        "|---|---:|---:|---:|",
    ]
    for path, weight in weights.items():
        lines.append(f"| `{path}` | {weight.files} | {weight.raw / 1024:.1f} | {weight.gzipped / 1024:.1f} |")
    return [*lines, ""]


def lighthouse_lines(scores: dict[str, lighthouse.Scores] | str) -> list[str]:
    lines = ["### Lighthouse, mobile (simulated slow 4G and a 4× slower CPU; Debian Chromium)", ""]
    if isinstance(scores, str):
        return [*lines, f"Not measured: {scores}.", ""]
    lines += [
        "| page | performance | accessibility | best practices | SEO "
        "| FCP | LCP | TBT | CLS | audits under 0.9 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for path, found in scores.items():
        cells = [str(found.categories[name]) for name in lighthouse.CATEGORIES]
        cells += [found.metrics[label] for label in lighthouse.METRICS.values()]
        lines.append(f"| `{path}` | " + " | ".join(cells) + f" | {', '.join(found.failed_audits) or '–'} |")
    return [*lines, ""]


def stored_once(post: dict) -> bool:
    stored = post["stored"]
    return stored["accepted"] > 0 and stored["stored_once"] == stored["accepted"]


def ratio(a: Throughput, b: Throughput) -> str:
    return f"{a.requests_per_second / b.requests_per_second:.2f}" if b.requests_per_second else "–"
