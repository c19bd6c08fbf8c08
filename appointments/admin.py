"""Schedules for content editors and schedulers; appointments for managers (booking during the call)."""

from collections.abc import Callable
from functools import partial

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from appointments import admin_views
from appointments.models import Appointment, Break, PatientMessage, Schedule, ScheduleException, WeeklyHours
from services.admin import HTTPS_URL_FIELDS


class WeeklyHoursInline(admin.TabularInline):
    model = WeeklyHours
    extra = 0


class BreakInline(admin.TabularInline):
    model = Break
    extra = 0


class ScheduleExceptionInline(admin.TabularInline):
    model = ScheduleException
    extra = 0


@admin.register(Schedule)
class ScheduleAdmin(admin.ModelAdmin):
    list_display = ["doctor", "slot_minutes", "is_active", "doctor_published"]
    list_filter = ["is_active"]
    list_select_related = ["doctor"]
    inlines = [WeeklyHoursInline, BreakInline, ScheduleExceptionInline]
    fields = ["doctor", "slot_minutes", "video_link", "is_active"]
    formfield_overrides = HTTPS_URL_FIELDS

    @admin.display(description=_("doctor published"), boolean=True)
    def doctor_published(self, schedule: Schedule) -> bool:
        return schedule.doctor.published

    def get_queryset(self, request: HttpRequest) -> QuerySet[Schedule]:
        return super().get_queryset(request).select_related("doctor")


class PatientMessageInline(admin.TabularInline):
    model = PatientMessage
    extra = 0
    can_delete = False
    readonly_fields = ("purpose", "channel", "recipient", "status", "attempts", "last_error", "sent_at")
    fields = readonly_fields

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Appointment)
class AppointmentAdmin(admin.ModelAdmin):
    """Appointments are made from a request (the slot picker), never typed in by hand."""

    list_display = ["start_local", "doctor", "kind", "status", "request_link"]
    list_filter = ["status", "kind", "doctor"]
    list_select_related = ["doctor", "request"]
    date_hierarchy = "start"
    search_fields = ["request__reference", "request__name"]
    readonly_fields = (
        "request_link",
        "doctor",
        "kind",
        "start",
        "end",
        "status",
        "video_link",
        "booked_by",
        "created_at",
        "changed_at",
        "uid",
        "sequence",
    )
    fields = readonly_fields
    change_form_template = "admin/appointments/appointment/change_form.html"
    inlines = [PatientMessageInline]

    @admin.display(description=_("starts"), ordering="start")
    def start_local(self, appointment: Appointment) -> str:
        return f"{timezone.localtime(appointment.start):%d.%m.%Y %H:%M}"

    @admin.display(description=_("request"))
    def request_link(self, appointment: Appointment) -> SafeString:
        url = reverse("admin:booking_consultationrequest_change", args=[appointment.request_id])
        return format_html('<a href="{}">{}</a>', url, appointment.request.reference)

    def has_delete_permission(self, request: HttpRequest, obj: Appointment | None = None) -> bool:
        # The history of a patient's appointments stays; cancel instead.
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Booking starts from a request, in the slot picker (admin_views.book_view checks the add
        # right itself); there is no blank form to type an appointment into.
        return False

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict | None = None
    ) -> HttpResponse:
        appointment = self.get_object(request, object_id)
        extra = {
            "appointment": appointment,
            "has_started": appointment is not None and appointment.start <= timezone.now(),
            "outcomes": [
                (Appointment.Status.ATTENDED, _("Пациент пришёл")),
                (Appointment.Status.NO_SHOW, _("Пациент не пришёл")),
            ],
            "show_save": False,
            "show_save_and_continue": False,
        }
        return super().change_view(request, object_id, form_url, {**extra, **(extra_context or {})})

    def get_urls(self) -> list[URLPattern]:
        def wrap(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
            return self.admin_site.admin_view(partial(view, self))

        return [
            path("book/<int:request_id>/", wrap(admin_views.book_view), name="appointments_appointment_book"),
            path(
                "<int:appointment_id>/move/",
                wrap(admin_views.move_view),
                name="appointments_appointment_move",
            ),
            path(
                "<int:appointment_id>/cancel/",
                wrap(admin_views.cancel_view),
                name="appointments_appointment_cancel",
            ),
            path(
                "<int:appointment_id>/outcome/",
                wrap(admin_views.outcome_view),
                name="appointments_appointment_outcome",
            ),
            *super().get_urls(),
        ]


@admin.register(PatientMessage)
class PatientMessageAdmin(admin.ModelAdmin):
    """The log of what patients were sent, for finding a failed one; written by the worker only."""

    list_display = ["created_at", "purpose", "channel", "status", "attempts", "appointment"]
    list_filter = ["status", "channel", "purpose"]
    list_select_related = ["appointment__doctor"]
    readonly_fields = [field.name for field in PatientMessage._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: PatientMessage | None = None) -> bool:
        return False
