"""Figures of the callback promise for a date range.

Computed in Python from one query of the columns that are not personal data
(times, status, manager), so they are the same on SQLite and PostgreSQL and
survive the erasure of personal data.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from math import ceil, floor

from django.utils import timezone
from django.utils.translation import gettext as _

from booking.models import ConsultationRequest, staff_name

Status = ConsultationRequest.Status


@dataclass
class Tally:
    """Counts of one group of requests (a day, a manager, the whole range)."""

    requests: int = 0
    contacted: int = 0
    within_promise: int = 0
    overdue: int = 0
    minutes_to_contact: list[float] = field(default_factory=list)

    @property
    def judged(self) -> int:
        """Requests whose promise is settled: kept or broken, not still running."""
        return self.within_promise + self.overdue

    @property
    def share_within_promise(self) -> float | None:
        return self.within_promise / self.judged if self.judged else None

    @property
    def share_percent(self) -> float | None:
        share = self.share_within_promise
        return None if share is None else share * 100

    @property
    def median_minutes(self) -> float | None:
        return percentile(self.minutes_to_contact, 0.5)

    @property
    def p90_minutes(self) -> float | None:
        return percentile(self.minutes_to_contact, 0.9)

    def add(
        self, created_at: datetime, due_at: datetime, first_contact_at: datetime | None, now: datetime
    ) -> None:
        self.requests += 1
        if first_contact_at is not None:
            self.contacted += 1
            self.minutes_to_contact.append((first_contact_at - created_at).total_seconds() / 60)
            if first_contact_at <= due_at:
                self.within_promise += 1
            else:
                self.overdue += 1
        elif due_at < now:
            self.overdue += 1


@dataclass
class ManagerRow:
    name: str
    tally: Tally


@dataclass
class CallbackReport:
    start: date
    end: date
    total: Tally
    days: list[tuple[date, Tally]]
    managers: list[ManagerRow]
    spam: int

    @property
    def days_with_requests(self) -> list[tuple[date, Tally]]:
        """The daily table's rows: a month of quiet days would bury the busy ones."""
        return [(day, tally) for day, tally in self.days if tally.requests]

    @property
    def quiet_days(self) -> int:
        return len(self.days) - len(self.days_with_requests)


def percentile(values: list[float], fraction: float) -> float | None:
    """Linear interpolation between the closest ranks (PostgreSQL's percentile_cont)."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low, high = ordered[floor(position)], ordered[ceil(position)]
    return low + (high - low) * (position - floor(position))


def local_day_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """From the start of `start` to the end of `end`, in the clinic's time zone."""
    zone = timezone.get_current_timezone()
    return (
        datetime.combine(start, time.min, tzinfo=zone),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone),
    )


def build_report(start: date, end: date, now: datetime | None = None) -> CallbackReport:
    now = now or timezone.now()
    since, until = local_day_bounds(start, end)
    rows = (
        ConsultationRequest.objects.filter(created_at__gte=since, created_at__lt=until)
        .select_related("assigned_to")
        .only(
            "created_at",
            "due_at",
            "first_contact_at",
            "status",
            "assigned_to__first_name",
            "assigned_to__last_name",
            "assigned_to__username",
        )
        .order_by()
    )
    unassigned = _("Не назначен")
    total = Tally()
    per_day: dict[date, Tally] = defaultdict(Tally)
    per_manager: dict[str, Tally] = defaultdict(Tally)
    spam = 0
    for row in rows:
        if row.status == Status.SPAM:
            spam += 1
            continue
        day = timezone.localtime(row.created_at).date()
        manager = staff_name(row.assigned_to) or unassigned
        for tally in (total, per_day[day], per_manager[manager]):
            tally.add(row.created_at, row.due_at, row.first_contact_at, now)
    days = [
        (start + timedelta(days=n), per_day[start + timedelta(days=n)]) for n in range((end - start).days + 1)
    ]
    # People by name, then the requests nobody took.
    order = sorted(per_manager, key=lambda name: (name == unassigned, name))
    managers = [ManagerRow(name, per_manager[name]) for name in order]
    return CallbackReport(start=start, end=end, total=total, days=days, managers=managers, spam=spam)
