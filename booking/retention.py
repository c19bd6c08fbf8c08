"""Erasing the personal data of requests whose work ended long ago.

The figures of the callback report (times, status, manager) stay; the
person behind them goes.
"""

from datetime import datetime

from django.utils import timezone

from booking.models import ConsultationRequest, retention_cutoff

__all__ = ["purge_personal_data", "retention_cutoff"]

BATCH = 500


def purge_personal_data(now: datetime | None = None, dry_run: bool = False) -> int:
    """Erase what is due; return how many requests were (or, dry, would be) erased."""
    now = now or timezone.now()
    ids = list(ConsultationRequest.objects.erasable(now).order_by("id").values_list("id", flat=True))
    if dry_run:
        return len(ids)
    for start in range(0, len(ids), BATCH):
        ConsultationRequest.objects.filter(id__in=ids[start : start + BATCH]).erase_personal_data(now)
    return len(ids)
