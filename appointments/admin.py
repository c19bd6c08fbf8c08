"""Schedules for content editors and schedulers; appointments for managers (booking during the call)."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from appointments.models import Break, Schedule, ScheduleException, WeeklyHours


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

    @admin.display(description=_("doctor published"), boolean=True)
    def doctor_published(self, schedule: Schedule) -> bool:
        return schedule.doctor.published

    def get_queryset(self, request: HttpRequest) -> QuerySet[Schedule]:
        return super().get_queryset(request).select_related("doctor")
