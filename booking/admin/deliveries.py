from django.contrib import admin
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy

from booking.models import Delivery


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """Read-only: supervisors look here for notifications that did not go out."""

    list_display = (
        "created_at",
        "request",
        "purpose",
        "channel",
        "recipient",
        "state",
        "attempts",
        "sent_at",
    )
    list_filter = ("status", "channel", "purpose")
    list_select_related = ("request",)
    search_fields = ("request__reference",)
    show_full_result_count = False

    class Media:
        css = {"all": ["css/admin-booking.css"]}

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
