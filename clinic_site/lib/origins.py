"""Find references that would make a browser load something from another origin.

Shared by the compliance check (templates and static files) and the tests
(rendered pages). A link a visitor follows (<a href>) is a navigation, not a
load, so it is allowed; everything a page pulls in by itself is not.
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

# rel values of <link> that make the browser fetch or connect.
LOADING_RELS = {
    "stylesheet",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "apple-touch-icon-precomposed",
    "mask-icon",
    "preload",
    "prefetch",
    "modulepreload",
    "manifest",
    "preconnect",
    "dns-prefetch",
    "prerender",
}
LOADING_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "object": ("data",),
    "form": ("action",),
    "button": ("formaction",),
    "input": ("src", "formaction"),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "feimage": ("href", "xlink:href"),
}
# Namespace names look like URLs but are never fetched.
NAMESPACE_PREFIXES = ("http://www.w3.org/", "https://www.w3.org/")
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""", re.IGNORECASE)
CSS_IMPORT = re.compile(r"""@import\s+['"]([^'"]+)['"]""", re.IGNORECASE)
JS_URL = re.compile(r"""["'`]((?:https?:)?//[^"'`\s]+)""")
SCANNED_STATIC_SUFFIXES = {".css", ".js", ".mjs", ".svg", ".html", ".webmanifest"}


@dataclass(frozen=True)
class ExternalReference:
    where: str
    element: str
    url: str

    def __str__(self) -> str:
        return f"{self.where}: <{self.element}> loads {self.url}"


def is_external(url: str, own_origins: Iterable[str] = ()) -> bool:
    url = url.strip()
    if not url or "{{" in url or "{%" in url:
        return False
    if url.startswith(NAMESPACE_PREFIXES):
        return False
    parts = urlsplit(url)
    if parts.scheme in ("", "data", "blob") and not url.startswith("//"):
        return False
    if parts.scheme in ("mailto", "tel"):
        return False
    origin = f"{parts.scheme or 'https'}://{parts.netloc}".lower()
    return origin not in {o.rstrip("/").lower() for o in own_origins}


def _srcset_urls(value: str) -> list[str]:
    return [candidate.strip().split()[0] for candidate in value.split(",") if candidate.strip()]


class _LoadCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.loads: list[tuple[str, str]] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        tag = tag.lower()
        if "style" in values:
            self.loads += [(tag, url) for url in css_urls(values["style"])]
        if tag == "link":
            rels = set(values.get("rel", "").lower().split())
            if rels & LOADING_RELS:
                self.loads.append((tag, values.get("href", "")))
                self.loads += [(tag, url) for url in _srcset_urls(values.get("imagesrcset", ""))]
            return
        for attribute in LOADING_ATTRIBUTES.get(tag, ()):
            value = values.get(attribute)
            if value is None:
                continue
            urls = _srcset_urls(value) if attribute.endswith("srcset") else [value]
            self.loads += [(tag, url) for url in urls]
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.loads.append((tag, values.get("content", "").partition("url=")[2]))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.loads += [("style", url) for url in css_urls(data)]


def css_urls(css: str) -> list[str]:
    return CSS_URL.findall(css) + CSS_IMPORT.findall(css)


def html_loads(html: str) -> list[tuple[str, str]]:
    """(element, url) for everything the markup makes a browser fetch."""
    collector = _LoadCollector()
    collector.feed(html)
    collector.close()
    return collector.loads


def external_loads_in_html(html: str, where: str, own_origins: Iterable[str] = ()) -> list[ExternalReference]:
    own = list(own_origins)
    return [
        ExternalReference(where, element, url) for element, url in html_loads(html) if is_external(url, own)
    ]


def external_loads_in_file(
    path: Path, where: str, own_origins: Iterable[str] = ()
) -> list[ExternalReference]:
    own = list(own_origins)
    text = path.read_text(encoding="utf-8", errors="replace")
    suffix = path.suffix.lower()
    if suffix in (".html", ".svg"):
        return external_loads_in_html(text, where, own)
    if suffix == ".css":
        return [ExternalReference(where, "css", url) for url in css_urls(text) if is_external(url, own)]
    if suffix in (".js", ".mjs", ".webmanifest"):
        return [
            ExternalReference(where, "script", url) for url in JS_URL.findall(text) if is_external(url, own)
        ]
    return []


def files_to_scan(root: Path, suffixes: Iterable[str]) -> Iterator[Path]:
    wanted = set(suffixes)
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix.lower() in wanted:
            yield path


def external_loads_in_tree(
    root: Path, suffixes: Iterable[str], own_origins: Iterable[str] = (), skip: Iterable[str] = ()
) -> list[ExternalReference]:
    skipped = tuple(skip)
    found: list[ExternalReference] = []
    for path in files_to_scan(root, suffixes):
        relative = path.relative_to(root).as_posix()
        if relative.startswith(skipped):
            continue
        found += external_loads_in_file(path, f"{root.name}/{relative}", own_origins)
    return found
