"""What changed in the request list since a manager's page last asked: the alerts' feed.

The open list asks every few seconds (static/js/admin-alerts.js) rather than holding a
server-sent event stream: a stream would keep one gunicorn worker busy per open tab for the
whole shift, while a poll is answered in four indexed queries and returns at once, so many
managers online cost a few small requests a second. The answer names requests only by their
reference and link: the list already shows more, and nothing else is needed to alert.
"""

from datetime import datetime, timedelta

from django.db.models import QuerySet
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from appointments.models import PatientChange
from booking.models import ConsultationRequest

# A request is stamped when it is built and becomes visible at its commit a moment later;
# looking this far back catches one committed just after the previous answer. The page
# remembers what it has announced, so nothing is announced twice.
LOOK_BACK = timedelta(seconds=30)
MOST_ITEMS = 20


def _since(request: HttpRequest, now: datetime) -> datetime:
    since = parse_datetime(request.GET.get("since", "")) if len(request.GET.get("since", "")) < 40 else None
    if since is None or timezone.is_naive(since) or since > now:
        return now
    return max(since, now - timedelta(hours=1)) - LOOK_BACK


def _items(requests: QuerySet[ConsultationRequest]) -> list[dict[str, str]]:
    return [
        {
            "reference": reference,
            "url": reverse("admin:booking_consultationrequest_change", args=[pk]),
        }
        for pk, reference in requests.values_list("pk", "reference")[:MOST_ITEMS]
    ]


def _changes(since: datetime) -> list[dict[str, str]]:
    """Appointments a patient cancelled or asked to move by the link, latest first."""
    changes = PatientChange.objects.filter(at__gt=since).order_by("-at")
    return [
        {
            "reference": reference,
            "url": reverse("admin:booking_consultationrequest_change", args=[request_id]),
            "what": what,
        }
        for request_id, reference, what in changes.values_list(
            "appointment__request_id", "appointment__request__reference", "what"
        )[:MOST_ITEMS]
    ]


def waiting() -> QuerySet[ConsultationRequest]:
    """The requests nobody has taken yet: their number is in the list's tab title."""
    return ConsultationRequest.objects.filter(status=ConsultationRequest.Status.NEW)


def updates(request: HttpRequest) -> JsonResponse:
    """New requests, requests gone overdue and appointments changed by patients since the cursor,
    and how many requests wait for a manager."""
    now = timezone.now()
    since = _since(request, now)
    requests = ConsultationRequest.objects.all()
    new = requests.filter(created_at__gt=since).order_by("-created_at")
    overdue = requests.awaiting_first_contact().filter(due_at__gt=since, due_at__lte=now).order_by("due_at")
    # The admin's view wrapper marks the answer never to be cached.
    return JsonResponse(
        {
            "cursor": now.isoformat(),
            "new": _items(new),
            "overdue": _items(overdue),
            "changed": _changes(since),
            "waiting": waiting().count(),
        }
    )
