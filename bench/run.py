"""`make bench`: the site as production runs it, measured on this machine's loopback only.

For each stack, PostgreSQL with Redis and the default SQLite (with its database cache), on a
scratch database with the demo content: gunicorn (gunicorn.conf.py, DEBUG off), two
`db_worker`s and the sweeper, an SMTP sink. Beside them, for the whole run: a stock
`startproject` project (bench/stock.py) and nginx, both serving the bytes the site's pages
were saved as. Measured:

- pages: requests/s of the site's cached pages, of the stock project's `cache_page` and of
  nginx, taking turns (wrk, 32 connections);
- post: the form POST at a steady BENCH_POST_RATE a second (default 50) for BENCH_POST_SECONDS
  (default 60), open loop (bench/open_loop.py), then every accepted request counted in the
  database;
- notify: submit → first notification e-mail in the sink, one sample after another.

Prints a Markdown table and writes it to bench-results/latest.md; `--readme` also puts it in
bench/README.md. Everything it starts is stopped at the end, whatever happens.

Options (make bench BENCH_ARGS="..."): --stacks postgres,sqlite  --parts pages,post,notify
(also weight, lighthouse) --readme. Variables: BENCH_POSTGRES_URL (a scratch database, its
name containing "bench"; created and dropped; default postgres://postgres@127.0.0.1:5432/clinic_bench),
BENCH_REDIS_URL (default redis://127.0.0.1:6379/0), BENCH_SECONDS (wrk seconds per URL and
server, default 10, in two turns).
"""

import argparse
import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import lighthouse, stack, stock  # noqa: E402
from bench.open_loop import form_body, form_stamp, post_once, run_open_loop  # noqa: E402
from bench.plan import LIGHTHOUSE_PAGES, NOTIFICATION_SAMPLES, PAGES  # noqa: E402
from bench.report import render_report  # noqa: E402
from bench.smtp_sink import Sink, smtp_sink  # noqa: E402
from bench.weight import page_weight  # noqa: E402
from bench.wrk import Throughput, run_wrk  # noqa: E402

RESULTS = stack.BASE / "bench-results"
README = stack.BASE / "bench" / "README.md"
STAMP_VALUE = re.compile(rb'(?<=name="stamp" value=")[^"]*')
REFERENCE = re.compile(r"\b[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}\b")
POST_PHONES = "+79995"
NOTIFY_PHONES = "+79996"
STACKS = ("postgres", "sqlite")
PARTS = ("pages", "post", "notify", "weight", "lighthouse")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stacks", default=",".join(STACKS))
    parser.add_argument("--parts", default="pages,post,notify")
    parser.add_argument("--readme", action="store_true", help="put the table in bench/README.md")
    options = parser.parse_args()
    stacks = [name for name in options.stacks.split(",") if name]
    parts = [name for name in options.parts.split(",") if name]
    if not set(stacks) <= set(STACKS) or not set(parts) <= set(PARTS):
        sys.exit(f"stacks: {', '.join(STACKS)}; parts: {', '.join(PARTS)}")
    stack.stop_on_signals()

    RESULTS.mkdir(exist_ok=True)
    logs = RESULTS / "logs"
    shutil.rmtree(logs, ignore_errors=True)
    logs.mkdir()
    settings = {
        "seconds": int(os.environ.get("BENCH_SECONDS", "10")),
        "post_rate": float(os.environ.get("BENCH_POST_RATE", "50")),
        "post_seconds": float(os.environ.get("BENCH_POST_SECONDS", "60")),
        "workers": int(os.environ.get("WEB_CONCURRENCY", min((os.cpu_count() or 1) * 2 + 1, 9))),
        "load_at_start": os.getloadavg()[0],
        "started": datetime.now(UTC),
    }
    results: dict[str, dict] = {}
    with ExitStack() as running, tempfile.TemporaryDirectory(prefix="clinic-bench-") as scratch:
        saved = Path(scratch) / "html"
        baselines = running.enter_context(baseline_servers(Path(scratch), saved, settings["workers"], logs))
        for name in stacks:
            print(f"\n== {name} ==", flush=True)
            results[name] = measure_stack(name, parts, settings, saved / name, baselines, logs)
    report = render_report(settings, results)
    (RESULTS / "latest.md").write_text(report)
    print("\n" + report)
    if options.readme:
        put_in_readme(report)


@contextmanager
def baseline_servers(scratch: Path, saved: Path, workers: int, logs: Path) -> Iterator[dict[str, object]]:
    """The stock project and nginx, each serving /<stack>/<page> from the saved pages."""
    scratch.chmod(0o755)  # nginx's workers read the saved pages as another user when run by root
    saved.mkdir()
    stock.generate(scratch / "stock", saved)
    stock_port, nginx_port = stack.free_ports(2)
    prefix = scratch / "nginx"
    (prefix / "tmp").mkdir(parents=True)
    conf = prefix / "nginx.conf"
    server = f"""    types {{ text/html html; }}
    charset utf-8;
    server {{
        listen 127.0.0.1:{nginx_port};
        root {saved};
        index index.html;
    }}"""
    conf.write_text(
        stack.nginx_main_config(prefix, server).replace("worker_processes 1;", "worker_processes auto;")
    )
    env = dict(os.environ, PYTHONPATH=str(scratch / "stock"))
    env.pop("DJANGO_SETTINGS_MODULE", None)
    stock_argv = stack.gunicorn_argv(stock_port, "stock.wsgi", config=None) + ["--workers", str(workers)]
    stock_argv += ["--chdir", str(scratch / "stock")]
    nginx_argv = [stack.nginx_binary(), "-p", str(prefix), "-c", str(conf), "-g", "daemon off;"]
    with (
        stack.process("stock", stock_argv, env, logs) as stock_server,
        stack.process("nginx", nginx_argv, dict(os.environ), logs) as nginx,
    ):
        yield {"stock": (stock_port, stock_server.pid), "nginx": (nginx_port, nginx.pid)}


def measure_stack(
    name: str, parts: list[str], settings: dict, saved: Path, baselines: dict, logs: Path
) -> dict[str, object]:
    with ExitStack() as running:
        if name == "postgres":
            url = running.enter_context(
                stack.postgres_database(
                    os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/clinic_bench")
                )
            )
            extra = {"REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")}
        else:
            database = RESULTS / "bench.sqlite3"
            for leftover in RESULTS.glob("bench.sqlite3*"):
                leftover.unlink()
            url, extra = f"sqlite:///{database}", {}
        sink, smtp_port = running.enter_context(smtp_sink())
        env = stack.site_environment(
            url,
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(smtp_port),
            BOOKING_NOTIFY_EMAILS="managers@bench.invalid",
            WEB_CONCURRENCY=str(settings["workers"]),
            **extra,
        )
        print("Preparing the database, demo content and static files…", flush=True)
        stack.prepare_site(env)
        (port,) = stack.free_ports(1)
        site = running.enter_context(stack.process(f"{name}-site", stack.gunicorn_argv(port), env, logs))
        for n in (1, 2):
            running.enter_context(stack.process(f"{name}-worker-{n}", stack.worker_argv(), env, logs))
        sweeper = ["nice", "-n", "19", stack.PYTHON, "manage.py", "booking_sweep", "--loop", "30"]
        running.enter_context(stack.process(f"{name}-sweeper", sweeper, env, logs))
        stack.wait_until_serving(f"http://127.0.0.1:{port}/ru/")

        found: dict[str, object] = {
            "database": url.split(":")[0],
            "cache": "Redis" if extra else "database cache",
        }
        if "pages" in parts:
            save_pages(port, saved, name, baselines)
            servers = {"site": (port, site.pid), **baselines}
            found["pages"] = measure_pages(servers, name, settings["seconds"])
        if "post" in parts:
            found["post"] = measure_post(port, site.pid, env, settings)
        if "notify" in parts:
            found["notify"] = measure_notifications(port, sink)
        if "weight" in parts:
            found["weight"] = {path: page_weight(f"http://127.0.0.1:{port}{path}") for path in PAGES.values()}
        if "lighthouse" in parts:
            found["lighthouse"] = measure_lighthouse(port)
        return found


def put_in_readme(report: str) -> None:
    start, end = "<!-- bench-table: the latest `make bench` result -->", "<!-- /bench-table -->"
    text = README.read_text()
    before, found, rest = text.partition(start)
    if not found or end not in rest:
        sys.exit(f"bench/README.md has no {start} … {end} block to fill")
    README.write_text(f"{before}{start}\n{report.strip()}\n{end}{rest.partition(end)[2]}")
    print("bench/README.md: the table is updated.")


def get(port: int, path: str) -> bytes:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
        return response.read()


def save_pages(port: int, saved: Path, name: str, baselines: dict) -> None:
    """Save each page as the site serves it, and check the baselines serve the same bytes (but
    for the booking form's stamp, which the site makes afresh for each answer)."""
    for path in PAGES.values():
        target = saved / path.strip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(get(port, path))
    for server, (other, _) in baselines.items():
        stack.wait_until_serving(f"http://127.0.0.1:{other}/{name}/ru/")
        for path in PAGES.values():
            if STAMP_VALUE.sub(b"", get(port, path)) != STAMP_VALUE.sub(b"", get(other, f"/{name}{path}")):
                raise RuntimeError(f"{path}: the site and the {server} do not serve the same bytes")


def cpu_seconds(group: int) -> float:
    """User and system CPU time of a process group, its reaped children included."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process has just ended
        if int(fields[2]) == group:
            ticks += sum(int(value) for value in fields[11:15])
    return ticks / os.sysconf("SC_CLK_TCK")


def measure_pages(servers: dict[str, tuple[int, int]], name: str, seconds: int) -> dict[str, dict]:
    """Each server twice for half the time, taking turns, and the better run of the two: a
    burst of other work on this small machine during one run then costs a ratio nothing."""
    results = {}
    for page, path in PAGES.items():
        row: dict[str, Throughput] = {}
        for _ in range(2):
            for server, (port, group) in servers.items():
                url_path = path if server == "site" else f"/{name}{path}"
                get(port, url_path)  # stored before the run
                before = cpu_seconds(group)
                found = run_wrk(f"http://127.0.0.1:{port}{url_path}", max(seconds // 2, 3))
                found.cpu_ms_per_request = 1000 * (cpu_seconds(group) - before) / max(found.requests, 1)
                if server not in row or found.requests_per_second > row[server].requests_per_second:
                    row[server] = found
        results[page] = row
        ratio = row["site"].requests_per_second / max(row["stock"].requests_per_second, 1)
        print(
            f"  {page}: {row['site'].requests_per_second:,.0f} req/s, {ratio:.2f} of the stock project",
            flush=True,
        )
    return results


def measure_post(port: int, group: int, env: dict[str, str], settings: dict) -> dict[str, object]:
    rate, seconds = settings["post_rate"], settings["post_seconds"]
    print(f"Form POST, open loop, {rate:.0f}/s for {seconds:.0f} s…", flush=True)
    stamp = form_stamp(get(port, "/ru/consultation/").decode())
    phones = [f"{POST_PHONES}{n:06d}" for n in range(round(rate * seconds))]
    cpu_before = cpu_seconds(group)
    run = run_open_loop(port, "/ru/consultation/", stamp, phones, rate)
    site_cpu_ms = 1000 * (cpu_seconds(group) - cpu_before) / max(len(phones), 1)
    asked = json.dumps({"prefix": POST_PHONES, "phones": run.accepted_phones})
    output = subprocess.run(
        [stack.PYTHON, "bench/stored.py"],
        input=asked,
        env=env,
        cwd=stack.BASE,
        capture_output=True,
        text=True,
    )
    if output.returncode != 0:
        raise RuntimeError(f"bench/stored.py failed:\n{output.stderr}")
    return {
        "run": run,
        "stored": json.loads(output.stdout.strip().splitlines()[-1]),
        "site_cpu_ms": site_cpu_ms,
    }


def measure_notifications(port: int, sink: Sink) -> dict[str, object]:
    """One request at a time, a second apart: from the POST until the e-mail is in the sink."""
    print(f"Submit → first notification, {NOTIFICATION_SAMPLES} samples…", flush=True)
    time.sleep(5)  # the POST run's last notifications
    stamp = form_stamp(get(port, "/ru/consultation/").decode())
    delays, missing = [], 0
    for n in range(NOTIFICATION_SAMPLES):
        sent_at = time.monotonic()
        status, location = asyncio.run(
            post_once(port, "/ru/consultation/", form_body(f"{NOTIFY_PHONES}{n:06d}", stamp))
        )
        reference = REFERENCE.search(get(port, location).decode()) if status in (302, 303) else None
        arrived_at = sink.wait_for(reference.group(0), timeout=30, since=sent_at) if reference else None
        if arrived_at is None:
            missing += 1
        else:
            delays.append(arrived_at - sent_at)
        time.sleep(1)
    return {"delays": delays, "missing": missing}


def measure_lighthouse(port: int) -> dict[str, lighthouse.Scores] | str:
    """Scores per page, or why Lighthouse could not run."""
    try:
        lighthouse.install()
    except (OSError, subprocess.CalledProcessError) as exc:
        return f"npm ci failed: {exc}"
    reason = lighthouse.missing()
    if reason:
        return reason
    return {path: lighthouse.lighthouse(f"http://127.0.0.1:{port}{path}") for path in LIGHTHOUSE_PAGES}


if __name__ == "__main__":
    main()
