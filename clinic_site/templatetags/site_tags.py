import json
import re
from typing import Any
from urllib.parse import quote

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.template.loader import get_template
from django.urls import translate_url
from django.utils import formats, translation
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import npgettext, pgettext

register = template.Library()

_LANGUAGE_PREFIX = re.compile(r"^/[a-z]{2}/")


@register.simple_tag(takes_context=True)
def url_in_language(context: template.Context, language: str) -> str:
    """The current page's path in another language (language switch, hreflang)."""
    request: HttpRequest | None = context.get("request")
    if request is None:
        return f"/{language}/"
    return translate_url(request.path, language)


@register.simple_tag(takes_context=True)
def absolute(context: template.Context, path: str) -> str:
    return f"{settings.SITE_URL}{path}"


@register.simple_tag(takes_context=True)
def x_default_url(context: template.Context) -> str:
    """The page without its language prefix: the site picks the visitor's language from there."""
    request: HttpRequest | None = context.get("request")
    path = request.path if request is not None else "/"
    return f"{settings.SITE_URL}{_LANGUAGE_PREFIX.sub('/', path, count=1)}"


@register.filter
def paragraphs(text: str) -> SafeString:
    """Plain text an editor typed into HTML: blank lines split paragraphs,
    lines starting with '- ' become a list. Everything is escaped first."""
    html: list[str] = []
    for block in (text or "").replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            items = "".join(f"<li>{escape(line[2:].strip())}</li>" for line in lines)
            html.append(f"<ul>{items}</ul>")
        else:
            html.append(f"<p>{'<br>'.join(escape(line) for line in lines)}</p>")
    return mark_safe("".join(html))


def _counted(value: float | int, english: tuple[str, str], russian: tuple[str, str, str]) -> str:
    """'15 минут' / '15 minutes' in the active language, with Russian plural forms."""
    number = int(value) if float(value).is_integer() else value
    if translation.get_language() != "ru":
        return f"{number} {english[0] if number == 1 else english[1]}"
    if not isinstance(number, int):
        return f"{str(number).replace('.', ',')} {russian[1]}"
    if number % 10 == 1 and number % 100 != 11:
        word = russian[0]
    elif 2 <= number % 10 <= 4 and not 12 <= number % 100 <= 14:
        word = russian[1]
    else:
        word = russian[2]
    return f"{number} {word}"


@register.filter
def minutes(value: float | int | str | None) -> str:
    """The callback promise's "N minutes", as it reads after «в течение» / "within".

    The one way the site says it (pages, the form, the thank-you page, e-mail), with the
    catalogues' plural forms: 1 минуты, 2 минут, 5 минут, 11 минут, 21 минуты / 1 minute,
    2 minutes. A fraction (BOOKING_CALLBACK_MINUTES=1.5) takes the form grammar gives a
    fraction: «1,5 минуты» (genitive singular), "1.5 minutes"; no plural rule covers it.
    """
    number = float(settings.BOOKING_CALLBACK_MINUTES if value is None or value == "" else value)
    if number.is_integer():
        whole = int(number)
        phrase = npgettext("в течение N минут", "%(count)s минуты", "%(count)s минут", whole)
        return phrase % {"count": formats.number_format(whole)}
    phrase = pgettext("в течение N минут, дробное число", "%(count)s минуты")
    return phrase % {"count": formats.number_format(round(number, 2))}


@register.filter
def days(value: float | int) -> str:
    return _counted(value, ("day", "days"), ("день", "дня", "дней"))


@register.filter
def years(value: float | int) -> str:
    return _counted(value, ("year", "years"), ("год", "года", "лет"))


@register.filter
def day_range(hours: Any) -> str:
    """'Ежедневно' / 'Every day' for a whole week, else 'Пн–Пт' style."""
    if hours.first_day == 1 and hours.last_day == 7:
        return translation.gettext("Ежедневно")
    first = str(WEEKDAYS_ABBR[hours.first_day - 1])
    if hours.first_day == hours.last_day:
        return first
    return f"{first}–{WEEKDAYS_ABBR[hours.last_day - 1]}"


@register.filter
def time_range(hours: Any) -> str:
    if hours.around_the_clock:
        return translation.gettext("круглосуточно")
    return f"{hours.opens:%H:%M}–{hours.closes:%H:%M}"


@register.filter
def map_url(address: str) -> str:
    return f"https://yandex.ru/maps/?text={quote(address)}"


@register.filter
def tel_href(number: str) -> str:
    digits = "".join(ch for ch in number if ch.isdigit())
    return f"tel:+{digits}" if number.strip().startswith("+") else f"tel:{digits}"


@register.filter
def initials(name: str) -> str:
    words = [word for word in (name or "").replace(".", " ").split() if word[:1].isalpha()]
    return "".join(word[0] for word in words[:2]).upper()


@register.filter
def ld_json(data: object) -> SafeString:
    """JSON-LD as a data block. Escapes <, > and & like json_script so that no text
    from the database can close the script element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag
def picture(renditions: dict, alt: str, sizes: str, eager: bool = False) -> str:
    """Render an image through includes/picture.html (written with the image renditions),
    or nothing while that partial is not there."""
    if not renditions:
        return ""
    try:
        partial = get_template("includes/picture.html")
    except template.TemplateDoesNotExist:
        return ""
    # Without the request: the partial needs nothing else, and a request would run every
    # context processor again for each picture of the page.
    return partial.render({"renditions": renditions, "alt": alt, "sizes": sizes, "eager": eager})


_ICONS = {
    "phone": (
        '<path d="M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2'
        'A16 16 0 0 1 3 6a2 2 0 0 1 2-2"/>'
    ),
    "clock": '<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>',
    "pin": (
        '<path d="M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21z"/>'
        '<circle cx="12" cy="9.5" r="2.5"/>'
    ),
    "check": '<path d="m5 12.5 4.5 4.5L19 7.5"/>',
    "cross": '<path d="M7 7l10 10M17 7 7 17"/>',
    "chat": '<path d="M4 20l1.3-3.9A8 8 0 1 1 8 19.1z"/>',
    "mail": '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="m3 7 9 6 9-6"/>',
    "arrow": '<path d="M5 12h14M13 6l6 6-6 6"/>',
    "shield": '<path d="M12 3 5 6v5c0 4.5 3 8.3 7 10 4-1.7 7-5.5 7-10V6z"/><path d="m9 12 2 2 4-4"/>',
    "user": '<circle cx="12" cy="8" r="4"/><path d="M4 21a8 8 0 0 1 16 0"/>',
    "home": '<path d="M4 11 12 4l8 7M6 10v10h12V10"/>',
    "heart": '<path d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z"/>',
    "route": (
        '<circle cx="6" cy="18" r="2"/><circle cx="18" cy="6" r="2"/>'
        '<path d="M8 18h7a3 3 0 0 0 0-6H9a3 3 0 0 1 0-6h7"/>'
    ),
    "doc": '<path d="M7 3h7l5 5v13H7z"/><path d="M14 3v5h5M10 13h6M10 17h6"/>',
    "send": '<path d="M21 4 3 11.5l6.5 2.5L12 20.5l3.5-4.5L21 4z"/><path d="m9.5 14 11-10"/>',
    "car": (
        '<path d="M4 17v-5l2.2-5h11.6l2.2 5v5z"/><path d="M4 12h16"/>'
        '<circle cx="7.5" cy="17.5" r="1.5"/><circle cx="16.5" cy="17.5" r="1.5"/>'
    ),
}


@register.simple_tag
def icon(name: str, css_class: str = "icon") -> SafeString:
    """A small decorative line icon, inline so that it costs no request."""
    return format_html(
        # Stroke and fill come from the .icon rule in site.css: shorter pages.
        '<svg class="{}" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">{}</svg>',
        css_class,
        mark_safe(_ICONS[name]),
    )
