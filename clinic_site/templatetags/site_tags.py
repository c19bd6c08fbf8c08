from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


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
