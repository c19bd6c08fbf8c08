from datetime import datetime
from typing import Any

from django.contrib import admin
from django.db.models import Field
from django.http import HttpRequest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy

from booking.models import ConsultationRequest, Delivery


def moment(value: datetime | None) -> str:
    # The read-only page would print a bare datetime (or "None"); staff read Moscow time.
    return date_format(timezone.localtime(value), "DATETIME_FORMAT") if value else "—"


def titled(title: str | Promise) -> type[admin.ChoicesFieldListFilter]:
    """A choices filter under a Russian title: Delivery's fields have no verbose names to translate."""

    class TitledFilter(admin.ChoicesFieldListFilter):
        def __init__(
            self, field: Field, request: HttpRequest, params: dict[str, Any], *args: Any, **kwargs: Any
        ) -> None:
            super().__init__(field, request, params, *args, **kwargs)
            self.title = str(title)

    return TitledFilter


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """Read-only: supervisors look here for notifications that did not go out."""

    list_display = (
        "created",
        "consultation",
        "purpose_name",
        "channel_name",
        "recipient_address",
        "state",
        "attempt_count",
        "sent",
    )
    list_filter = (
        ("status", titled(gettext_lazy("состояние"))),
        ("channel", titled(gettext_lazy("канал"))),
        ("purpose", titled(gettext_lazy("зачем"))),
    )
    fields = (
        "consultation",
        "purpose_name",
        "channel_name",
        "recipient_address",
        "state",
        "attempt_count",
        "created",
        "next_attempt",
        "sent",
    )
    readonly_fields = fields
    list_select_related = ("request",)
    search_fields = ("request__reference",)
    show_full_result_count = False

    class Media:
        css = {"all": ["css/admin-booking.css"]}

    # Columns under Russian headings: the model's field names would show as "created at", "recipient"...
    @admin.display(description=gettext_lazy("Создано"), ordering="created_at")
    def created(self, obj: Delivery) -> str:
        return moment(obj.created_at)

    @admin.display(description=gettext_lazy("Заявка"), ordering="request__reference")
    def consultation(self, obj: Delivery) -> ConsultationRequest:
        return obj.request

    @admin.display(description=gettext_lazy("Зачем"), ordering="purpose")
    def purpose_name(self, obj: Delivery) -> str:
        return obj.get_purpose_display()

    @admin.display(description=gettext_lazy("Канал"), ordering="channel")
    def channel_name(self, obj: Delivery) -> str:
        return obj.get_channel_display()

    @admin.display(description=gettext_lazy("Кому"), ordering="recipient")
    def recipient_address(self, obj: Delivery) -> str:
        return obj.recipient

    @admin.display(description=gettext_lazy("Попыток"), ordering="attempts")
    def attempt_count(self, obj: Delivery) -> int:
        return obj.attempts

    @admin.display(description=gettext_lazy("Следующая попытка"), empty_value="—")
    def next_attempt(self, obj: Delivery) -> str:
        return moment(obj.next_attempt_at if obj.status == Delivery.Status.PENDING else None)

    @admin.display(description=gettext_lazy("Отправлено"), ordering="sent_at", empty_value="—")
    def sent(self, obj: Delivery) -> str:
        return moment(obj.sent_at)

    @admin.display(description=gettext_lazy("Состояние"), ordering="status")
    def state(self, obj: Delivery) -> SafeString:
        return format_html(
            '<span class="delivery-status is-{}">{}</span>{}',
            obj.status,
            obj.get_status_display(),
            format_html('<br><span class="delivery-error">{}</span>', obj.last_error)
            if obj.last_error
            else "",
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Delivery | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Delivery | None = None) -> bool:
        return False
