"""Run wrk against one URL on loopback and read its figures."""

import re
import subprocess
from dataclasses import dataclass

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass
class Throughput:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int
    requests: int
    # CPU time the server's processes spent per request: unlike requests/s, it hardly
    # depends on what else the machine is doing.
    cpu_ms_per_request: float | None = None

    def row(self) -> list[str]:
        return [f"{self.requests_per_second:,.0f}", f"{self.p50_ms:.2f}", f"{self.p99_ms:.2f}"]


def run_wrk(url: str, seconds: int, connections: int = 32, threads: int = 2) -> Throughput:
    if not url.startswith("http://127.0.0.1:"):
        raise ValueError("the benchmark only loads servers on this machine's loopback")
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    ).stdout
    return parse(output)


def parse(output: str) -> Throughput:
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses:\s+(\d+)", output))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    return Throughput(rate, _percentile(output, "50"), _percentile(output, "99"), errors, requests)


def _percentile(output: str, which: str) -> float:
    value, unit = re.search(rf"^\s+{which}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M).groups()
    return float(value) * UNITS[unit]
