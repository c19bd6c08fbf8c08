"""`make bench`: the site as production runs it, measured on this machine's loopback only.

Starts gunicorn (gunicorn.conf.py, DEBUG off) on a scratch SQLite database under
bench-results/ (or DATABASE_URL), a second gunicorn with the page cache off, a
third serving the framework's ceiling (bench/settings.py), nginx serving the same
saved HTML, the task worker and an SMTP sink; measures them with wrk and a small
asyncio client; prints a Markdown table and writes it to bench-results/latest.md.
Everything it starts is stopped at the end, whatever happens.

BENCH_SECONDS (default 10) sets how long wrk loads each URL; `--readme` (make bench
BENCH_ARGS=--readme) also puts the table in README.md's Performance section.
"""

import fcntl
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))

from bench import lighthouse  # noqa: E402
from bench.plan import (  # noqa: E402
    DRAIN_SECONDS,
    LIGHTHOUSE_PAGES,
    NOTIFICATION_SAMPLES,
    PAGES,
    POST_BURSTS,
    POST_CLIENTS,
)
from bench.post_load import PostResults, form_body, form_stamp, post_burst, post_once  # noqa: E402
from bench.report import lighthouse_lines, post_lines, render_report  # noqa: E402
from bench.smtp_sink import smtp_sink  # noqa: E402
from bench.weight import page_weight  # noqa: E402
from bench.wrk import Throughput, run_wrk, run_wrk_posts  # noqa: E402
from clinic_site.sqlite_backend.base import write_lock_path  # noqa: E402

RESULTS = BASE / "bench-results"
PYTHON = str(BASE / ".venv" / "bin" / "python")
GUNICORN = str(BASE / ".venv" / "bin" / "gunicorn")
STAMP_VALUE = re.compile(rb'(?<=name="stamp" value=")[^"]*')
REFERENCE = re.compile(r"\b[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}\b")
# Phone numbers +7 999 NNN-NN-NN in blocks by their first digit: 5 for the steady POST run
# (wrk's two threads 500,000 apart), 6 for the notification samples, 7 for the bursts, 8 for the
# steady run with the worker paused. Each run starts at a random place in its block: on a kept
# database (DATABASE_URL) the previous run's requests would otherwise count as duplicates of
# this one's.
RUN_OFFSET = random.randrange(400) * 1000
STEADY_FIRST = 5_000_000 + RUN_OFFSET
NOTIFICATION_FIRST = 6_000_000 + RUN_OFFSET
BURST_FIRST = 7_000_000 + RUN_OFFSET
ALONE_FIRST = 8_000_000 + RUN_OFFSET
RUN_PHONES = ("+79995", "+79996", "+79997", "+79998")


def main() -> None:
    seconds = int(os.environ.get("BENCH_SECONDS", "10"))
    load_at_start = os.getloadavg()[0]
    RESULTS.mkdir(exist_ok=True)
    env = bench_environment()
    with ExitStack() as running:
        sink, smtp_port = running.enter_context(smtp_sink())
        env |= {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(smtp_port)}
        prepare_site(env)
        site, uncached, ceiling, nginx = free_ports(4)
        groups = {
            site: running.enter_context(gunicorn("site", site, env)).pid,
            uncached: running.enter_context(
                gunicorn("site-uncached", uncached, env | {"PAGE_CACHE_SECONDS": "0"})
            ).pid,
            ceiling: running.enter_context(
                gunicorn("ceiling", ceiling, env | {"DJANGO_SETTINGS_MODULE": "bench.settings"})
            ).pid,
        }
        save_pages(site)
        groups[nginx] = running.enter_context(nginx_serving_saved_pages(nginx)).pid
        for port in (site, uncached, ceiling, nginx):
            wait_until_serving(port)
        check_same_bytes(site, ceiling, nginx)

        # Niced as in production (bin/run, deploy/systemd): the web requests win the CPU.
        # BENCH_WORKER_NICE=0 (or 10) measures the difference.
        worker_nice = int(os.environ.get("BENCH_WORKER_NICE", "19"))
        worker_argv = [
            "nice",
            "-n",
            str(worker_nice),
            PYTHON,
            "manage.py",
            "db_worker",
        ]
        if "--only-lighthouse" in sys.argv:
            print("\n".join(lighthouse_lines(measure_lighthouse(site))))
            return
        if "--only-post" in sys.argv:
            # A quick look at the form POST alone, while working on it; nothing is written.
            worker = running.enter_context(process("worker", worker_argv, env))
            lower_group_priority(worker.pid, worker_nice)
            print("\n".join(post_lines(measure_posts(site, env, seconds, groups[site], worker.pid))))
            return
        print(f"Measuring pages, {seconds} s per URL and server…", flush=True)
        pages = measure_pages(site, uncached, ceiling, nginx, seconds, groups)
        weights = measure_weights(site)
        print("Lighthouse, mobile…", flush=True)
        scores = measure_lighthouse(site)
        worker = running.enter_context(process("worker", worker_argv, env))
        lower_group_priority(worker.pid, worker_nice)
        print("Measuring the form POST…", flush=True)
        posts = measure_posts(site, env, seconds, groups[site], worker.pid)
        print("Measuring submit → first notification…", flush=True)
        notifications = measure_notifications(site, sink)

    report = render_report(seconds, env, pages, weights, scores, posts, notifications, load_at_start)
    (RESULTS / "latest.md").write_text(report)
    print(report)
    if "--readme" in sys.argv:
        put_in_readme(report)


def put_in_readme(report: str) -> None:
    readme = BASE / "README.md"
    start, end = "<!-- bench-table: the latest `make bench` result -->", "<!-- /bench-table -->"
    text = readme.read_text()
    before, found, rest = text.partition(start)
    if not found or end not in rest:
        sys.exit(f"README.md has no {start} … {end} block to fill")
    readme.write_text(f"{before}{start}\n{report.strip()}\n{end}{rest.partition(end)[2]}")
    print("README.md: the Performance table is updated.")


def bench_environment() -> dict[str, str]:
    env = dict(os.environ)
    if not env.get("DJANGO_SECRET_KEY"):
        sys.exit("DJANGO_SECRET_KEY is required (make bench sets it from .secret_key)")
    if not env.get("DATABASE_URL"):
        database = RESULTS / "bench.sqlite3"
        for leftover in RESULTS.glob("bench.sqlite3*"):
            leftover.unlink()
        env["DATABASE_URL"] = f"sqlite:///{database}"
    env |= {
        "DJANGO_DEBUG": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": "http://127.0.0.1:8000",
        "BOOKING_RATE_LIMIT": "0",
        "BOOKING_MIN_FILL_SECONDS": "0",
        "BOOKING_NOTIFY_EMAILS": "managers@bench.invalid",
        "STAFF_2FA_REQUIRED": "false",
        "PYTHONPATH": str(BASE),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


def prepare_site(env: dict[str, str]) -> None:
    print("Preparing the database, demo content and static files…", flush=True)
    for command in (
        [PYTHON, "manage.py", "migrate", "--noinput", "-v0"],
        [PYTHON, "manage.py", "load_demo_content"],
        [PYTHON, "bin/build-messages"],
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
    ):
        subprocess.run(command, env=env, cwd=BASE, check=True, stdout=subprocess.DEVNULL)


def free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    for sock in sockets:
        sock.bind(("127.0.0.1", 0))
    ports = [sock.getsockname()[1] for sock in sockets]
    for sock in sockets:
        sock.close()
    return ports


@contextmanager
def process(name: str, argv: list[str], env: dict[str, str]) -> Iterator[subprocess.Popen]:
    with open(RESULTS / f"{name}.log", "wb") as log:
        child = subprocess.Popen(
            argv, env=env, cwd=BASE, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            yield child
        finally:
            stop(child)


def stop(child: subprocess.Popen) -> None:
    if child.poll() is not None:
        return
    os.killpg(child.pid, signal.SIGTERM)
    try:
        child.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()


def gunicorn(name: str, port: int, env: dict[str, str]) -> AbstractContextManager[subprocess.Popen]:
    argv = [GUNICORN, "clinic_site.wsgi", "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"]
    return process(name, argv, env)


def wait_until_serving(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/ru/", timeout=5).close()
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"nothing answers on 127.0.0.1:{port}; see {RESULTS}/*.log")


def get(port: int, path: str) -> bytes:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
        return response.read()


def save_pages(port: int) -> None:
    wait_until_serving(port)
    html = RESULTS / "html"
    shutil.rmtree(html, ignore_errors=True)
    for path in PAGES.values():
        target = html / path.strip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(get(port, path))


@contextmanager
def nginx_serving_saved_pages(port: int) -> Iterator[subprocess.Popen]:
    prefix = RESULTS / "nginx"
    shutil.rmtree(prefix, ignore_errors=True)
    (prefix / "tmp").mkdir(parents=True)
    conf = prefix / "nginx.conf"
    temp_paths = "\n".join(
        f"    {kind}_temp_path {prefix}/tmp/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    conf.write_text(
        f"""worker_processes auto;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log {prefix}/access.log;
{temp_paths}
    types {{ text/html html; }}
    charset utf-8;
    server {{
        listen 127.0.0.1:{port};
        root {RESULTS / "html"};
        index index.html;
    }}
}}
"""
    )
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    argv = [nginx, "-p", str(prefix), "-c", str(conf), "-g", "daemon off;"]
    with process("nginx", argv, dict(os.environ)) as child:
        yield child


def check_same_bytes(site: int, ceiling: int, nginx: int) -> None:
    # The same but for the booking form's stamp, which the site makes fresh for each answer.
    for path in PAGES.values():
        served = {STAMP_VALUE.sub(b"", get(port, path)) for port in (site, ceiling, nginx)}
        if len(served) != 1:
            raise RuntimeError(f"{path}: the site, the ceiling view and nginx do not serve the same bytes")


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


def measure_pages(
    site: int, uncached: int, ceiling: int, nginx: int, seconds: int, groups: dict[int, int]
) -> dict[str, dict]:
    """Each server twice for half the time, taking turns, and the better run of the two: a
    burst of other work on this small machine during one run then costs a ratio nothing."""
    servers = (("site", site), ("ceiling", ceiling), ("nginx", nginx), ("uncached", uncached))
    results = {}
    for name, path in PAGES.items():
        row: dict[str, Throughput] = {}
        for _ in range(2):
            for server, port in servers:
                get(port, path)  # warm the cache
                before = cpu_seconds(groups[port])
                found = run_wrk(f"http://127.0.0.1:{port}{path}", max(seconds // 2, 3))
                found.cpu_ms_per_request = (
                    1000 * (cpu_seconds(groups[port]) - before) / max(found.requests, 1)
                )
                if server not in row or found.requests_per_second > row[server].requests_per_second:
                    row[server] = found
        results[name] = row
        print(f"  {name}: {row['site'].requests_per_second:,.0f} req/s cached", flush=True)
    return results


def measure_weights(port: int) -> dict[str, object]:
    sitemap = get(port, "/sitemap.xml").decode()
    paths = sorted(
        {re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)}
    )
    paths += [p for p in ("/ru/consultation/", "/en/consultation/") if p not in paths]
    return {path: page_weight(f"http://127.0.0.1:{port}{path}") for path in paths}


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


def measure_posts(
    port: int, env: dict[str, str], seconds: int, site_group: int, worker_group: int
) -> dict[str, object]:
    """Two ways to be 32 clients: each sends its next form as soon as the last one is answered
    (steady, wrk), or all 32 press "send" at the same moment, a few times over (bursts)."""
    stamp = form_stamp(get(port, "/ru/consultation/").decode())
    before_phone, after_phone = form_body("PHONE", stamp).decode().split("PHONE")
    cpu_before = cpu_seconds(site_group), cpu_seconds(worker_group)
    since = datetime.now(UTC).isoformat()
    # The bursts first, each when the worker has sent the last one's notifications: after the
    # steady run it would be busy for a while with a backlog of thousands.
    bursts = PostResults()
    for burst in range(POST_BURSTS):
        time.sleep(2)
        first = BURST_FIRST + burst * POST_CLIENTS
        phones = [f"+7999{first + n:07d}" for n in range(POST_CLIENTS)]
        post_burst(port, "/ru/consultation/", stamp, phones, bursts)
    site_cpu = cpu_seconds(site_group)
    steady = run_wrk_posts(
        f"http://127.0.0.1:{port}/ru/consultation/",
        seconds,
        (before_phone, after_phone),
        STEADY_FIRST,
        connections=POST_CLIENTS,
    )
    site_cpu = cpu_seconds(site_group) - site_cpu
    # The baseline of the same run: the web alone, the worker stopped (its backlog waits).
    with paused(worker_group, env):
        alone = run_wrk_posts(
            f"http://127.0.0.1:{port}/ru/consultation/",
            seconds,
            (before_phone, after_phone),
            ALONE_FIRST,
            connections=POST_CLIENTS,
        )
    stored = stored_requests(env, since, steady.redirects + alone.redirects, bursts.accepted_phones)
    worker_cpu = cpu_seconds(worker_group) - cpu_before[1]
    return {
        "runs": {"steady": steady, "bursts": bursts, "worker paused": alone},
        "stored": stored,
        "site_cpu_ms": 1000 * site_cpu / max(steady.requests, 1),
        "worker_cpu_ms": 1000 * worker_cpu / max(stored["rows"], 1),
    }


def lower_group_priority(pid: int, nice: int) -> None:
    """Give a process started in a session of its own the CPU share that systemd's CPUWeight
    gives the worker's unit in production (deploy/systemd). With the kernel's autogroups, each
    session is scheduled as one group, and a process's own nice value weighs only within it."""
    autogroup = Path(f"/proc/{pid}/autogroup")
    if autogroup.exists():
        autogroup.write_text(str(nice))


@contextmanager
def paused(group: int, env: dict[str, str]) -> Iterator[None]:
    """Stops the worker, never in the middle of a write: on an SQLite file it is stopped while the
    bench holds the write lock every writer queues on (clinic_site/sqlite_backend), so it cannot be
    holding it, and every POST would wait for it until the end."""
    with write_lock(env):
        os.killpg(group, signal.SIGSTOP)
        # The signal is delivered asynchronously: let go of the lock only once it has stopped,
        # or the worker could take it in the meantime and stop holding it.
        stat = Path(f"/proc/{group}/stat")
        deadline = time.monotonic() + 10
        while stat.read_text().rpartition(")")[2].split()[0] != "T" and time.monotonic() < deadline:
            time.sleep(0.001)
    try:
        yield
    finally:
        os.killpg(group, signal.SIGCONT)


@contextmanager
def write_lock(env: dict[str, str]) -> Iterator[None]:
    url = env["DATABASE_URL"]
    if not url.startswith("sqlite:///"):
        yield
        return
    path = write_lock_path(url.removeprefix("sqlite:///"))
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def stored_requests(
    env: dict[str, str], since: str, redirects: list[str], phones: list[str]
) -> dict[str, Any]:
    """Waits for the worker to send the runs' notifications, then checks what was stored."""
    asked = {
        "redirects": redirects,
        "phones": phones,
        "prefixes": RUN_PHONES,
        "since": since,
        "drain_seconds": DRAIN_SECONDS,
    }
    output = subprocess.run(
        [PYTHON, "bench/stored.py"],
        input=json.dumps(asked),
        env=env,
        cwd=BASE,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def measure_notifications(port: int, sink: object) -> dict[str, object]:
    import asyncio

    stamp = form_stamp(get(port, "/ru/consultation/").decode())
    delays, missing = [], 0
    for n in range(NOTIFICATION_SAMPLES):
        body = form_body(f"+7999{NOTIFICATION_FIRST + n:07d}", stamp)
        sent_at = time.monotonic()
        status, location, _ = asyncio.run(post_once(port, "/ru/consultation/", body))
        reference = REFERENCE.search(get(port, location).decode()) if status in (302, 303) else None
        arrived_at = sink.wait_for(reference.group(0), timeout=30, since=sent_at) if reference else None
        if arrived_at is None:
            missing += 1
        else:
            delays.append(arrived_at - sent_at)
        time.sleep(0.3)
    return {"delays": delays, "missing": missing}


if __name__ == "__main__":
    main()
