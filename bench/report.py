"""The Markdown table `make bench` prints, writes to bench-results/latest.md and puts in the README."""

import os
import platform
import re
import statistics
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import lighthouse
from bench.plan import DRAIN_SECONDS, PAGES, POST_BURSTS, POST_CLIENTS
from bench.post_load import PostResults
from bench.wrk import PostRun, Throughput


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


def render_report(
    seconds: int,
    env: dict[str, str],
    pages: dict,
    weights: dict,
    scores: dict[str, lighthouse.Scores] | str,
    posts: dict,
    notifications: dict,
    load_at_start: float,
) -> str:
    database = "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite (WAL)"
    cache = "Redis" if env.get("REDIS_URL") else "database cache"
    workers = os.environ.get("WEB_CONCURRENCY", str((os.cpu_count() or 1) * 2 + 1))
    lines = [
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine()}; {database}, {cache}, "
        f"gunicorn with {workers} sync workers, DEBUG off. wrk: 2 threads, 32 connections, "
        f"{seconds} s per URL (two runs of {max(seconds // 2, 3)} s taking turns, the better one), "
        "127.0.0.1 only; wrk shares the cores with the servers. "
        f"Load average at the start: {load_at_start:.1f}, at the end: {os.getloadavg()[0]:.1f}.",
        "",
        "### Public pages (requests/s, latency p50 / p99 in ms)",
        "",
        "| page | cached site | p50 | p99 | ceiling: `cache_page` view | p50 | p99 "
        "| nginx, same HTML | p50 | p99 | site ÷ ceiling | site ÷ nginx | uncached site | p50 | p99 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, row in pages.items():
        site, ceiling, nginx, uncached = (row[k] for k in ("site", "ceiling", "nginx", "uncached"))
        lines.append(
            f"| {name} `{PAGES[name]}` | "
            + " | ".join(site.row() + ceiling.row() + nginx.row())
            + f" | {ratio(site, ceiling)} | {ratio(site, nginx)} | "
            + " | ".join(uncached.row())
            + " |"
        )
    errors = sum(t.errors for row in pages.values() for t in row.values() if isinstance(t, Throughput))
    lines += [
        "",
        f"Errors or non-2xx answers during the page runs: {errors}.",
        "",
        "Server CPU time per request, ms (all processes of each server; it depends little on "
        "what else the machine runs):",
        "",
        "| page | cached site | ceiling | nginx | uncached site |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, row in pages.items():
        cells = [row[k].cpu_ms_per_request for k in ("site", "ceiling", "nginx", "uncached")]
        lines.append(f"| {name} | " + " | ".join(f"{cell:.2f}" for cell in cells) + " |")
    lines.append("")

    lines += post_lines(posts)
    steady, bursts = posts["runs"]["steady"], posts["runs"]["bursts"]
    delays = notifications["delays"]
    lines += [
        "### Submit → first notification e-mail received (local SMTP sink, `db_worker` running)",
        "",
        "| samples | p50 s | p95 s | max s | not delivered in 30 s |",
        "|---:|---:|---:|---:|---:|",
        f"| {len(delays)} | {percentile(delays, 0.5):.2f} | {percentile(delays, 0.95):.2f} "
        f"| {max(delays, default=float('nan')):.2f} | {notifications['missing']} |",
        "",
        "### Page weight (HTML + CSS + JS + icons, before content photos; gzip level 6)",
        "",
        "| page | files | raw KB | gzip KB | under 100 KB |",
        "|---|---:|---:|---:|---|",
    ]
    for path, weight in weights.items():
        missing = f" (missing: {', '.join(weight.missing)})" if weight.missing else ""
        lines.append(
            f"| `{path}` | {weight.files} | {weight.raw / 1024:.1f} | {weight.gzipped / 1024:.1f} "
            f"| {'yes' if weight.raw < 100 * 1024 else 'no'}{missing} |"
        )
    lines += lighthouse_lines(scores)
    render_cpu = statistics.median(row["uncached"].cpu_ms_per_request for row in pages.values())
    lines += [
        "",
        "### Against the targets",
        "",
        f"- cached pages ÷ ceiling: {', '.join(ratio(r['site'], r['ceiling']) for r in pages.values())} "
        "(target ≥ 0.80)",
        f"- Django (cached) ÷ nginx: {', '.join(ratio(r['site'], r['nginx']) for r in pages.values())}",
        f"- form POST p99: {steady.p99_ms:.1f} ms steady, "
        f"{percentile(bursts.latencies_ms, 0.99):.1f} ms in bursts (target < 100 ms); the web alone "
        f"(worker paused): {posts['runs']['worker paused'].p99_ms:.1f} ms; "
        f"stored exactly once: {'yes' if stored_exactly_once(posts['stored']) else 'NO'}",
        f"- submit → notification p95: {percentile(delays, 0.95):.2f} s (target < 5 s)",
        f"- uncached page: median server CPU per request {render_cpu:.1f} ms "
        f"(cached: {statistics.median(r['site'].cpu_ms_per_request for r in pages.values()):.1f} ms)",
        f"- heaviest page: {max(w.raw for w in weights.values()) / 1024:.1f} KB raw (target < 100 KB)",
        f"- Lighthouse, mobile: {lighthouse_summary(scores)}",
        "",
    ]
    return "\n".join(lines)


def lighthouse_lines(scores: dict[str, lighthouse.Scores] | str) -> list[str]:
    lines = ["", "### Lighthouse, mobile (simulated slow 4G and a 4× slower CPU; Debian Chromium)", ""]
    if isinstance(scores, str):
        return [*lines, f"Not measured: {scores}."]
    lines += [
        "| page | performance | accessibility | best practices | SEO "
        "| FCP | LCP | TBT | CLS | audits under 0.9 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for path, found in scores.items():
        cells = [str(found.categories[name]) for name in lighthouse.CATEGORIES]
        cells += [found.metrics[label] for label in lighthouse.METRICS.values()]
        lines.append(f"| `{path}` | " + " | ".join(cells) + f" | {', '.join(found.failed_audits) or '–'} |")
    return lines


def lighthouse_summary(scores: dict[str, lighthouse.Scores] | str) -> str:
    if isinstance(scores, str):
        return f"not measured ({scores})"
    lowest = {
        name: min(found.categories[name] for found in scores.values()) for name in lighthouse.CATEGORIES
    }
    return (
        f"lowest performance {lowest['performance']} (target ≥ 95); lowest accessibility "
        f"{lowest['accessibility']}, best practices {lowest['best-practices']}, SEO {lowest['seo']} "
        "(target 100)"
    )


def post_lines(posts: dict) -> list[str]:
    steady: PostRun = posts["runs"]["steady"]
    bursts: PostResults = posts["runs"]["bursts"]
    alone: PostRun = posts["runs"]["worker paused"]
    stored = posts["stored"]
    lines = [
        f"### Form POST, {POST_CLIENTS} concurrent clients, rate limit off, `db_worker` running",
        "",
        "| how | requests | requests/s | p50 ms | p99 ms | answers |",
        "|---|---:|---:|---:|---:|---|",
        f"| steady (wrk): each client sends again as soon as answered, {steady.seconds:.0f} s "
        f"| {steady.requests:,} | {steady.requests / steady.seconds:,.0f} | {steady.p50_ms:.1f} "
        f"| {steady.p99_ms:.1f} | {answers(steady.statuses, steady.socket_errors)} |",
        f"| bursts: all {POST_CLIENTS} at the same moment, {POST_BURSTS} times "
        f"| {len(bursts.latencies_ms)} | {len(bursts.latencies_ms) / bursts.seconds:,.0f} "
        f"| {percentile(bursts.latencies_ms, 0.5):.1f} | {percentile(bursts.latencies_ms, 0.99):.1f} "
        f"| {answers(bursts.statuses, 0)} |",
        f"| baseline: steady with the worker paused (the web alone), {alone.seconds:.0f} s "
        f"| {alone.requests:,} | {alone.requests / alone.seconds:,.0f} | {alone.p50_ms:.1f} "
        f"| {alone.p99_ms:.1f} | {answers(alone.statuses, alone.socket_errors)} |",
        "",
        (
            f"Steady with the worker ÷ without: {steady.requests / alone.requests:.2f} of the "
            f"requests/s, {steady.p99_ms / alone.p99_ms:.2f}× the p99."
            if alone.requests and alone.p99_ms
            else "The run with the worker paused got no answer: no baseline."
        ),
        "",
        f"Accepted (redirected to the thank-you page): {stored['accepted']:,}; of them found stored: "
        f"{stored['found']:,}; rows the runs stored: {stored['rows']:,} (the rest were in flight when "
        f"wrk stopped: {stored['rows'] - stored['accepted']}); phone numbers stored twice: "
        f"{stored['phones_twice']}; each accepted request stored exactly once: "
        f"{'yes' if stored_exactly_once(stored) else 'NO'}. Server CPU per POST: "
        f"{posts['site_cpu_ms']:.1f} ms; worker CPU per request (notifications): "
        f"{posts['worker_cpu_ms']:.1f} ms; the worker had sent every notification of the runs "
        f"{stored['drained_after_s']:.0f} s after the last POST"
        + (f" (still pending after {DRAIN_SECONDS} s: {stored['pending']})" if stored["pending"] else "")
        + ".",
        "",
    ]
    return lines


def answers(statuses: dict[int, int], socket_errors: int) -> str:
    found = [f"{status}×{count:,}" for status, count in sorted(statuses.items())]
    return ", ".join(found + ([f"socket errors×{socket_errors}"] if socket_errors else []))


def stored_exactly_once(stored: dict[str, Any]) -> bool:
    return (
        stored["found"] == stored["accepted"]
        and stored["answered_twice"] == 0
        and stored["phones_twice"] == 0
        and stored["rows"] >= stored["accepted"]
    )


def ratio(a: Throughput, b: Throughput) -> str:
    return f"{a.requests_per_second / b.requests_per_second:.2f}" if b.requests_per_second else "–"
