"""Doctors' consultation schedules and the appointments booked in them.

Free slots are never stored: appointments/slots.py computes them from a schedule, its
exceptions and the appointments already booked.
"""

import uuid
from datetime import date, datetime, time

from django.conf import settings
from django.contrib.postgres.fields import DateTimeRangeField, RangeBoundary, RangeOperators
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Func, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from appointments.postgres import PostgresExclusionConstraint
from services.models import OpeningHours


class Kind(models.TextChoices):
    IN_PERSON = "in_person", _("In person at the clinic")
    VIDEO = "video", _("Video call")
    DOCUMENTS = "documents", _("Review of documents without the patient")


# The same days, numbered and named as the clinic's opening hours have them.
Weekday = OpeningHours.Weekday


def clean_period(starts: time | None, ends: time | None) -> None:
    # 00:00 as the end means midnight at the end of the day.
    if starts is not None and ends is not None and ends != time(0) and ends <= starts:
        raise ValidationError(_("The end must be later than the start (00:00 means midnight)."))


class Schedule(models.Model):
    """One doctor's consultation schedule: weekly hours, breaks and exceptions, in Moscow time."""

    doctor = models.OneToOneField(
        "services.Doctor", on_delete=models.CASCADE, related_name="schedule", verbose_name=_("doctor")
    )
    slot_minutes = models.PositiveIntegerField(
        _("slot length, minutes"),
        default=30,
        validators=[MinValueValidator(5)],
        help_text=_("How long one consultation is, unless its weekly hours say otherwise."),
    )
    video_link = models.URLField(
        _("video call link"), blank=True, help_text=_("Sent to patients booked for a video call.")
    )
    is_active = models.BooleanField(
        _("open for booking"), default=True, help_text=_("Off: no free time is offered for this doctor.")
    )

    class Meta:
        ordering = ["doctor__order", "doctor__id"]
        verbose_name = _("consultation schedule")
        verbose_name_plural = _("consultation schedules")
        constraints = [models.CheckConstraint(condition=Q(slot_minutes__gte=5), name="slot_at_least_5_min")]

    def __str__(self) -> str:
        return str(self.doctor)


class WeeklyHours(models.Model):
    schedule = models.ForeignKey(Schedule, on_delete=models.CASCADE, related_name="hours")
    weekday = models.PositiveSmallIntegerField(_("day of the week"), choices=Weekday.choices)
    kind = models.CharField(_("kind of consultation"), max_length=12, choices=Kind.choices)
    starts = models.TimeField(_("from"))
    ends = models.TimeField(_("to"), help_text=_("00:00 means midnight."))
    slot_minutes = models.PositiveIntegerField(
        _("slot length, minutes"),
        null=True,
        blank=True,
        validators=[MinValueValidator(5)],
        help_text=_("Empty: the schedule's slot length."),
    )

    class Meta:
        ordering = ["weekday", "starts"]
        verbose_name = _("weekly hours")
        verbose_name_plural = _("weekly hours")
        constraints = [
            models.CheckConstraint(
                condition=Q(slot_minutes__isnull=True) | Q(slot_minutes__gte=5),
                name="hours_slot_at_least_5_min",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.starts:%H:%M}–{self.ends:%H:%M}"

    def clean(self) -> None:
        clean_period(self.starts, self.ends)


class Break(models.Model):
    schedule = models.ForeignKey(Schedule, on_delete=models.CASCADE, related_name="breaks")
    weekday = models.PositiveSmallIntegerField(
        _("day of the week"), choices=Weekday.choices, null=True, blank=True, help_text=_("Empty: every day.")
    )
    starts = models.TimeField(_("from"))
    ends = models.TimeField(_("to"))

    class Meta:
        ordering = ["weekday", "starts"]
        verbose_name = _("break")
        verbose_name_plural = _("breaks")

    def __str__(self) -> str:
        return f"{self.starts:%H:%M}–{self.ends:%H:%M}"

    def clean(self) -> None:
        clean_period(self.starts, self.ends)

    def applies_to(self, day: date) -> bool:
        return self.weekday is None or self.weekday == day.isoweekday()


class ScheduleException(models.Model):
    """Days off (a holiday, leave) or extra hours outside the weekly schedule."""

    class Type(models.TextChoices):
        DAY_OFF = "day_off", _("Day off: holiday or leave")
        EXTRA = "extra", _("Extra hours")

    schedule = models.ForeignKey(Schedule, on_delete=models.CASCADE, related_name="exceptions")
    type = models.CharField(_("type"), max_length=8, choices=Type.choices, default=Type.DAY_OFF)
    first_day = models.DateField(_("first day"))
    last_day = models.DateField(_("last day"), null=True, blank=True, help_text=_("Empty: one day."))
    kind = models.CharField(
        _("kind of consultation"),
        max_length=12,
        choices=Kind.choices,
        blank=True,
        help_text=_("Extra hours only."),
    )
    starts = models.TimeField(_("from"), null=True, blank=True, help_text=_("Extra hours only."))
    ends = models.TimeField(_("to"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["first_day"]
        verbose_name = _("exception")
        verbose_name_plural = _("exceptions: days off and extra hours")

    def __str__(self) -> str:
        return f"{self.get_type_display()} {self.first_day:%d.%m.%Y}"

    @property
    def until(self) -> date:
        return self.last_day or self.first_day

    def covers(self, day: date) -> bool:
        return self.first_day <= day <= self.until

    def clean(self) -> None:
        if self.last_day is not None and self.first_day is not None and self.last_day < self.first_day:
            raise ValidationError({"last_day": _("The last day cannot be before the first.")})
        if self.type == self.Type.EXTRA:
            missing = {
                name: _("Extra hours need this.")
                for name in ("kind", "starts", "ends")
                if getattr(self, name) in (None, "")
            }
            if missing:
                raise ValidationError(missing)
            clean_period(self.starts, self.ends)


class TsTzRange(Func):
    function = "TSTZRANGE"
    output_field = DateTimeRangeField()


def new_uid() -> str:
    return f"{uuid.uuid4()}@appointments.clinic"


class AppointmentStatus(models.TextChoices):
    BOOKED = "booked", _("Booked")
    CANCELLED = "cancelled", _("Cancelled")
    MOVED = "moved", _("Moved to another time")
    ATTENDED = "attended", _("Attended")
    NO_SHOW = "no_show", _("Did not come")


# Appointments that hold their time; a cancelled or moved one has freed it.
ACTIVE_STATUSES = (AppointmentStatus.BOOKED, AppointmentStatus.ATTENDED, AppointmentStatus.NO_SHOW)


class AppointmentQuerySet(models.QuerySet):
    def active(self) -> "AppointmentQuerySet":
        return self.filter(status__in=ACTIVE_STATUSES)

    def upcoming(self, now: datetime | None = None) -> "AppointmentQuerySet":
        return self.filter(status=AppointmentStatus.BOOKED, start__gt=now or timezone.now())


class Appointment(models.Model):
    Status = AppointmentStatus
    ACTIVE_STATUSES = ACTIVE_STATUSES

    request = models.ForeignKey(
        "booking.ConsultationRequest",
        on_delete=models.CASCADE,
        related_name="appointments",
        verbose_name=_("request"),
    )
    doctor = models.ForeignKey(
        "services.Doctor", on_delete=models.PROTECT, related_name="appointments", verbose_name=_("doctor")
    )
    kind = models.CharField(_("kind of consultation"), max_length=12, choices=Kind.choices)
    start = models.DateTimeField(_("starts"), db_index=True)
    end = models.DateTimeField(_("ends"))
    status = models.CharField(
        _("status"), max_length=10, choices=AppointmentStatus.choices, default=AppointmentStatus.BOOKED
    )
    # Nullable so that SQLite adds the column in place: rebuilding the table would try to carry
    # over the PostgreSQL-only exclusion constraint below.
    video_link = models.URLField(  # noqa: DJ001
        _("video call link"), null=True, blank=True, help_text=_("Empty: the link in the doctor's schedule.")
    )
    # A reschedule makes a new row with the same uid and the next sequence number, so the
    # patient's calendar updates the one event it already has (RFC 5545 UID and SEQUENCE).
    uid = models.CharField(_("calendar UID"), max_length=100, default=new_uid, editable=False)
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0, editable=False)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("booked by"),
    )
    created_at = models.DateTimeField(_("booked at"), default=timezone.now)
    changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)

    objects = AppointmentQuerySet.as_manager()

    class Meta:
        ordering = ["start"]
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="appointment_ends_after_start"
            ),
            # The real guarantee, on PostgreSQL: no two active appointments of one doctor overlap.
            # PostgreSQL only: SQLite has no exclusion constraints and gets no SQL for it.
            PostgresExclusionConstraint(
                name="appointment_no_overlap",
                expressions=[
                    (TsTzRange("start", "end", RangeBoundary()), RangeOperators.OVERLAPS),
                    ("doctor", RangeOperators.EQUAL),
                ],
                condition=Q(status__in=ACTIVE_STATUSES),
            ),
            # SQLite's fallback: slots of one schedule start on one grid, so two bookings of the
            # same slot share their start. It cannot catch overlaps after a slot length change;
            # PostgreSQL's exclusion above can.
            models.UniqueConstraint(
                fields=["doctor", "start"],
                condition=Q(status__in=ACTIVE_STATUSES),
                name="appointment_one_per_doctor_start",
            ),
            models.UniqueConstraint(
                fields=["uid"], condition=Q(status__in=ACTIVE_STATUSES), name="appointment_one_active_per_uid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.doctor} {timezone.localtime(self.start):%d.%m.%Y %H:%M}"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE_STATUSES

    @property
    def call_link(self) -> str:
        """The link to join a video consultation: its own, else the doctor's usual one."""
        if self.kind != Kind.VIDEO:
            return ""
        schedule = getattr(self.doctor, "schedule", None)
        return self.video_link or (schedule.video_link if schedule is not None else "")

    @property
    def move_requested(self) -> bool:
        return self.patient_changes.filter(what=PatientChange.What.MOVE_REQUESTED).exists()


class PatientChange(models.Model):
    """The patient cancelled an appointment or asked to move it, by the signed link.

    The managers are told (booking's Delivery rows point here) and their open list announces it.
    """

    class What(models.TextChoices):
        CANCELLED = "cancelled", _("Cancelled by the patient")
        MOVE_REQUESTED = "move_requested", _("The patient asks to move it")

    appointment = models.ForeignKey(
        Appointment, on_delete=models.CASCADE, related_name="patient_changes", verbose_name=_("appointment")
    )
    what = models.CharField(_("what happened"), max_length=16, choices=What.choices)
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("change by the patient")
        verbose_name_plural = _("changes by patients")

    def __str__(self) -> str:
        return f"{self.get_what_display()}: {self.appointment}"


class PatientMessage(models.Model):
    """One message to the patient about an appointment through one channel, and its attempts."""

    class Purpose(models.TextChoices):
        BOOKED = "booked", _("Booking confirmed")
        MOVED = "moved", _("Moved")
        CANCELLED = "cancelled", _("Cancelled")
        REMINDER_DAY = "reminder_24h", _("Reminder a day before")
        REMINDER_HOURS = "reminder_2h", _("Reminder 2 hours before")

    class Channel(models.TextChoices):
        EMAIL = "email", _("E-mail")
        SMS = "sms", _("SMS")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Gave up")
        SKIPPED = "skipped", _("Not sent: no longer relevant")

    appointment = models.ForeignKey(
        Appointment, on_delete=models.CASCADE, related_name="messages", verbose_name=_("appointment")
    )
    purpose = models.CharField(_("purpose"), max_length=14, choices=Purpose.choices)
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    recipient = models.CharField(_("recipient"), max_length=300)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("message to the patient")
        verbose_name_plural = _("messages to patients")
        constraints = [
            models.UniqueConstraint(
                fields=["appointment", "purpose", "channel"], name="one_patient_message_per_purpose"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} → {self.get_channel_display()}"
