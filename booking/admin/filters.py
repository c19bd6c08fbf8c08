from django.contrib import admin
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from booking.models import ConsultationRequest


def overdue_q() -> Q:
    return Q(
        status__in=ConsultationRequest.OPEN_STATUSES,
        first_contact_at__isnull=True,
        due_at__lt=timezone.now(),
    )


class OverdueFilter(admin.SimpleListFilter):
    title = _("срок звонка")
    parameter_name = "overdue"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("yes", gettext("Просрочены")), ("no", gettext("Не просрочены"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "yes":
            return queryset.filter(overdue_q())
        if self.value() == "no":
            return queryset.exclude(overdue_q())
        return queryset
