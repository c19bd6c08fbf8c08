"""Demo content of the clinic site in Russian and English, loaded by `manage.py load_demo_content`.

Text fields follow the convention the public templates understand: paragraphs are separated
by an empty line, and lines starting with "- " form a list.
"""

from typing import Any

LANGUAGES = ("ru", "en")


def translated(data: dict[str, Any], *names: str) -> dict[str, str]:
    """{"title": {"ru": a, "en": b}} -> {"title_ru": a, "title_en": b} for the given field names."""
    return {f"{name}_{language}": data[name][language] for name in names for language in LANGUAGES}
