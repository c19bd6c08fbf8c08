"""Page weight: the HTML and everything it makes the browser load from /static/ (CSS, JS,
icons), raw and gzipped. Content photos (/media/) are left out, as the target says."""

import gzip
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

LOADED_URL = re.compile(r"""(?:src|href|srcset|imagesrcset)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""", re.IGNORECASE)


@dataclass
class Weight:
    files: int
    raw: int
    gzipped: int
    missing: list[str]


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def static_urls(text: str, base: str) -> set[str]:
    urls = set()
    for value in LOADED_URL.findall(text) + CSS_URL.findall(text):
        if value.startswith("data:"):
            continue  # inline, already counted in its file (and its commas are not srcset's)
        for candidate in value.split(","):
            url = urljoin(base, candidate.strip().split(" ")[0].split("#")[0])
            if urlsplit(url).path.startswith("/static/"):
                urls.add(url)
    return urls


def page_weight(url: str) -> Weight:
    html = fetch(url)
    bodies = [html]
    seen: set[str] = set()
    missing = []
    pending = static_urls(html.decode("utf-8", "replace"), url)
    while pending:
        asset = pending.pop()
        seen.add(asset)
        try:
            body = fetch(asset)
        except urllib.error.HTTPError:
            missing.append(urlsplit(asset).path)
            continue
        bodies.append(body)
        if asset.endswith(".css"):
            pending |= static_urls(body.decode("utf-8", "replace"), asset) - seen
    return Weight(
        files=len(bodies),
        raw=sum(len(body) for body in bodies),
        gzipped=sum(len(gzip.compress(body, compresslevel=6)) for body in bodies),
        missing=missing,
    )
