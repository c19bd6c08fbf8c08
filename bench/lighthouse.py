"""Lighthouse (bench/package.json) on the local site with Debian's Chromium, mobile settings:
a mid-range phone on a slow 4G connection, simulated. Never reaches beyond 127.0.0.1."""

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

LIGHTHOUSE = Path(__file__).with_name("node_modules") / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --no-first-run --disable-sync "
    "--host-resolver-rules='MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1'"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
}


@dataclass
class Scores:
    categories: dict[str, int]  # 0-100
    metrics: dict[str, str]  # as Lighthouse shows them, e.g. "1.2 s"
    failed_audits: list[str]  # ids of the audits that cost points (score under 0.9)


def missing() -> str | None:
    """Why Lighthouse cannot run here, or None."""
    if not LIGHTHOUSE.exists():
        return "Lighthouse is not installed (npm ci --prefix bench)"
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    return None


def install() -> None:
    """npm ci from bench/package-lock.json, once; make bench calls it when npm is there."""
    if not LIGHTHOUSE.exists() and shutil.which("npm"):
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--prefix", str(LIGHTHOUSE.parent.parent.parent)],
            check=True,
            stdout=subprocess.DEVNULL,
        )


def lighthouse(url: str) -> Scores:
    if not url.startswith("http://127.0.0.1:"):
        raise ValueError("Lighthouse only runs against this machine's loopback")
    for attempt in (1, 2):
        with tempfile.TemporaryDirectory() as scratch:
            report = Path(scratch) / "report.json"
            run = subprocess.run(
                [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}"]
                + [f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
                env=os.environ | {"CHROME_PATH": CHROMIUM, "TMPDIR": scratch},
                timeout=180,
                capture_output=True,
                text=True,
            )
            if run.returncode == 0:
                found = json.loads(report.read_text())
                break
        # Chromium now and then fails to start under load; once more, then give up with its words.
        if attempt == 2:
            raise RuntimeError(f"Lighthouse failed on {url}: {run.stderr.strip()[-2000:]}")
    audits = found["audits"]
    weighted = {
        ref["id"]
        for category in found["categories"].values()
        for ref in category["auditRefs"]
        if ref["weight"]
    }
    return Scores(
        categories={name: round(100 * found["categories"][name]["score"]) for name in CATEGORIES},
        metrics={label: audits[audit]["displayValue"] for audit, label in METRICS.items()},
        failed_audits=sorted(
            audit
            for audit, result in audits.items()
            if audit in weighted and result.get("score") is not None and result["score"] < 0.9
        ),
    )
