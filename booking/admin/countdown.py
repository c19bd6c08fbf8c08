"""The time left before a request's call-back deadline, in words.

The same templates go to static/js/admin-countdown.js through data
attributes, so the live countdown says exactly what the server said.
"""

from datetime import datetime

from django.utils.translation import gettext as _


def labels() -> dict[str, str]:
    return {
        "left": _("осталось {time}"),
        "overdue": _("просрочено на {time}"),
        "seconds": _("{s} с"),
        "minutes": _("{m} мин"),
        "hours": _("{h} ч {m} мин"),
        "days": _("{d} дн {h} ч"),
    }


def duration_words(seconds: int, words: dict[str, str]) -> str:
    seconds = abs(seconds)
    if seconds < 60:
        return words["seconds"].format(s=seconds)
    minutes = seconds // 60
    if minutes < 60:
        return words["minutes"].format(m=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return words["hours"].format(h=hours, m=minutes)
    days, hours = divmod(hours, 24)
    return words["days"].format(d=days, h=hours)


def time_left(due_at: datetime, now: datetime) -> tuple[str, bool]:
    """(words, overdue) for a deadline seen at `now`."""
    words = labels()
    seconds = int((due_at - now).total_seconds())
    if seconds < 0:
        return words["overdue"].format(time=duration_words(seconds, words)), True
    return words["left"].format(time=duration_words(seconds, words)), False
