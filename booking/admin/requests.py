"""The managers' console: consultation requests in the Django admin."""

import re

import phonenumbers
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import Case, F, ForeignKey, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import OrderBy
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from booking import report_views
from booking.admin import alerts, consent, display
from booking.admin.countdown import labels as countdown_labels
from booking.admin.filters import OverdueFilter
from booking.export import export_requests
from booking.models import ConsultationRequest, staff_name
from booking.roles import MANAGERS, SUPERVISORS

SUBMITTED_FIELDS = (
    "reference",
    "name",
    "phone_display",
    "email",
    "channel",
    "requester",
    "relationship",
    "patient_name",
    "callback_person",
    "treatment",
    "doctor",
    "message",
    "call_now",
    "preferred_time",
    "page_language",
    "source_page",
    "consent",
    "created_at",
    "due_at",
)
# Without JavaScript the list cannot be told of new requests; it reloads itself this often.
NOSCRIPT_REFRESH_SECONDS = 30
TIMES_FIELDS = ("first_contact_at", "escalated_at", "overdue_at", "closed_at", "personal_data_erased_at")


Status = ConsultationRequest.Status
# The status buttons of the request page: where a request can go from its panel.
STATUS_BUTTONS = {
    Status.BOOKED: gettext_lazy("Записан на консультацию"),
    Status.CLOSED: gettext_lazy("Закрыть"),
    Status.SPAM: gettext_lazy("Спам"),
    Status.IN_PROGRESS: gettext_lazy("Вернуть в работу"),
}


class CallAttemptForm(forms.Form):
    outcome = forms.ChoiceField(choices=ConsultationRequest.CallOutcome.choices)


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=[(status.value, status.label) for status in STATUS_BUTTONS])


class StaffChoiceField(forms.ModelChoiceField):
    """Managers listed by the name colleagues know them by."""

    def label_from_instance(self, obj: User) -> str:
        return staff_name(obj)


class NoteForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Заметка"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


@admin.register(ConsultationRequest)
class ConsultationRequestAdmin(admin.ModelAdmin):
    # Seven narrow columns fit a 1366-pixel laptop beside the filters: what is asked and
    # by whom, how to reach them, the deadline, and who has it.
    list_display = (
        "request_column",
        "time_left",
        "status",
        "asker",
        "contact",
        "treatment_column",
        "manager",
    )
    list_display_links = ("request_column",)
    list_filter = (
        "status",
        OverdueFilter,
        "treatment",
        "channel",
        ("created_at", admin.DateFieldListFilter),
    )
    list_select_related = ("treatment", "assigned_to")
    list_per_page = 50
    show_full_result_count = False
    search_fields = ("reference", "name", "phone", "email")
    search_help_text = gettext_lazy("Номер заявки, имя или телефон в любом виде: 8 (499) 460-15-61, +7 499…")
    actions = ("claim_selected", "export_selected")
    fieldsets = (
        (gettext_lazy("Что прислал пациент"), {"fields": SUBMITTED_FIELDS}),
        (gettext_lazy("Работа с заявкой"), {"fields": ("status", "assigned_to")}),
        (gettext_lazy("Отметки времени"), {"fields": TIMES_FIELDS}),
    )
    readonly_fields = (*SUBMITTED_FIELDS, *TIMES_FIELDS)

    class Media:
        css = {"all": ["css/admin-booking.css"]}
        js = ["js/admin-countdown.js", "js/admin-alerts.js"]

    # --- who may do what -------------------------------------------------

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # requests come from patients, through the site

    def has_delete_permission(self, request: HttpRequest, obj: ConsultationRequest | None = None) -> bool:
        return False  # the timeline proves the promise was kept; retention erases, never deletes

    # --- the list --------------------------------------------------------

    # Django orders by expressions too; django-stubs types get_ordering() as strings only.
    def get_ordering(self, request: HttpRequest) -> tuple[OrderBy | str, ...]:  # type: ignore[override]
        # Open requests first, the nearest deadline on top; handled ones newest first.
        waiting = Q(status__in=ConsultationRequest.OPEN_STATUSES)
        open_first = Case(When(waiting, then=Value(0)), default=Value(1), output_field=IntegerField())
        open_deadline = Case(When(waiting, then=F("due_at")))
        return (open_first.asc(), open_deadline.asc(), "-created_at")

    @admin.display(description=gettext_lazy("Перезвонить"), ordering="due_at")
    def time_left(self, obj: ConsultationRequest) -> SafeString | str:
        return display.countdown(obj)

    @admin.display(description=gettext_lazy("Заявка"), ordering="created_at")
    def request_column(self, obj: ConsultationRequest) -> SafeString:
        return display.reference_and_time(obj)

    @admin.display(description=gettext_lazy("Кто обращается"), ordering="name")
    def asker(self, obj: ConsultationRequest) -> SafeString:
        return display.asker(obj)

    @admin.display(description=gettext_lazy("Связь"), ordering="channel")
    def contact(self, obj: ConsultationRequest) -> SafeString:
        return display.contact(obj)

    @admin.display(description=gettext_lazy("Лечение"), ordering="treatment")
    def treatment_column(self, obj: ConsultationRequest) -> str:
        return str(obj.treatment) if obj.treatment else "—"

    @admin.display(description=gettext_lazy("Менеджер"), ordering="assigned_to")
    def manager(self, obj: ConsultationRequest) -> str:
        return staff_name(obj.assigned_to) or "—"

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[ConsultationRequest], search_term: str
    ) -> tuple[QuerySet[ConsultationRequest], bool]:
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        extra = _phone_and_reference_matches(search_term.strip())
        if extra is not None:
            found = found | queryset.filter(extra)
        return found, may_have_duplicates

    def changelist_view(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        extra_context = {
            **(extra_context or {}),
            "countdown_labels": countdown_labels(),
            "server_now": timezone.now().isoformat(),
            "can_view_report": request.user.has_perm("booking.view_report"),
            "updates_url": reverse("admin:booking_consultationrequest_updates"),
            "waiting_count": alerts.waiting().count(),
            "noscript_refresh_seconds": NOSCRIPT_REFRESH_SECONDS,
        }
        return super().changelist_view(request, extra_context)

    # --- actions on the list ----------------------------------------------

    @admin.action(description=gettext_lazy("Взять себе"), permissions=["change"])
    def claim_selected(self, request: HttpRequest, queryset: QuerySet[ConsultationRequest]) -> None:
        manager = staff_user(request)
        claimed = sum(consultation.claim(manager) for consultation in queryset)
        skipped = queryset.count() - claimed
        if claimed:
            self.message_user(request, _("Взято заявок: {count}.").format(count=claimed))
        if skipped:
            self.message_user(
                request, _("Уже у других менеджеров: {count}.").format(count=skipped), messages.WARNING
            )

    @admin.action(description=gettext_lazy("Скачать CSV"), permissions=["view"])
    def export_selected(self, request: HttpRequest, queryset: QuerySet[ConsultationRequest]) -> HttpResponse:
        return export_requests(queryset, staff_user(request))

    def export_filtered_view(self, request: HttpRequest) -> HttpResponse:
        """CSV of the list as filtered and searched (the query string of the list)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            changelist = self.get_changelist_instance(request)
        except IncorrectLookupParameters:
            return HttpResponseRedirect(reverse("admin:booking_consultationrequest_changelist") + "?e=1")
        return export_requests(changelist.get_queryset(request), staff_user(request))

    # --- the change page ---------------------------------------------------

    @admin.display(description=gettext_lazy("Телефон"))
    def phone_display(self, obj: ConsultationRequest) -> SafeString | str:
        return display.phone_link(obj)

    @admin.display(description=gettext_lazy("Язык страницы"))
    def page_language(self, obj: ConsultationRequest) -> str:
        # "Русский" or "English" rather than the code: the manager may answer in that language.
        names = dict(settings.LANGUAGES)
        return str(names.get(obj.language, obj.language))

    @admin.display(description=gettext_lazy("Согласие на обработку данных"))
    def consent(self, obj: ConsultationRequest) -> str:
        moment = timezone.localtime(obj.consent_at).strftime("%d.%m.%Y %H:%M")
        return _("{time}, версия документа {version}").format(time=moment, version=obj.consent_version)

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict | None = None
    ) -> HttpResponse:
        consultation = self.get_object(request, unquote(object_id))
        if consultation is not None and self.has_view_permission(request, consultation):
            if request.method == "GET":
                consultation.record_view(staff_user(request))
            extra_context = {**(extra_context or {}), **self._handling_context(request, consultation)}
        return super().change_view(request, object_id, form_url, extra_context)

    def _handling_context(self, request: HttpRequest, consultation: ConsultationRequest) -> dict:
        events = consultation.events.select_related("actor").order_by("-at", "-id")
        return {
            "consultation": consultation,
            "countdown": display.countdown(consultation),
            "countdown_labels": countdown_labels(),
            "server_now": timezone.now().isoformat(),
            "timeline": [(event, staff_name(event.actor), display.describe(event)) for event in events],
            "assigned_name": staff_name(consultation.assigned_to),
            "deliveries": consultation.deliveries.all(),
            "call_outcomes": ConsultationRequest.CallOutcome.choices,
            "status_buttons": _status_buttons(consultation),
            "note_form": NoteForm(),
            "can_handle": self.has_change_permission(request, consultation),
            "is_mine": consultation.assigned_to_id == request.user.pk,
            "handle_url": reverse("admin:booking_consultationrequest_handle", args=[consultation.pk]),
        }

    def formfield_for_foreignkey(
        self, db_field: ForeignKey, request: HttpRequest, **kwargs: object
    ) -> forms.ModelChoiceField | None:
        if db_field.name == "assigned_to":
            # Only the people who call patients back, by the name colleagues know them by.
            kwargs["queryset"] = (
                get_user_model()
                .objects.filter(is_active=True, groups__name__in=[MANAGERS, SUPERVISORS])
                .distinct()
                .order_by("first_name", "last_name", "username")
            )
            kwargs["form_class"] = StaffChoiceField
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(
        self, request: HttpRequest, obj: ConsultationRequest, form: forms.ModelForm, change: bool
    ) -> None:
        # Write only what the manager changed: the worker may have marked the
        # request escalated or overdue while the form was being saved.
        if "assigned_to" in form.changed_data:
            obj.save(update_fields=["assigned_to"])
            previous = form.initial.get("assigned_to")
            previous_user = (
                get_user_model()._default_manager.filter(pk=previous).first() if previous else None
            )
            obj.record_assignment(staff_user(request), previous_user)
        if "status" in form.changed_data:
            new_status = obj.status
            obj.status = form.initial["status"]
            obj.change_status(new_status, staff_user(request))

    # --- buttons on the change page: claim, call attempt, status, note ------

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view
        return [
            path("report/", view(self.report_view), name="booking_consultationrequest_report"),
            path(
                "report/csv/",
                view(report_views.callback_report_csv),
                name="booking_consultationrequest_report_csv",
            ),
            path("export/", view(self.export_filtered_view), name="booking_consultationrequest_export"),
            path("updates/", view(self.updates_view), name="booking_consultationrequest_updates"),
            path(
                "<path:object_id>/handle/", view(self.handle_view), name="booking_consultationrequest_handle"
            ),
            consent.url(self),
            *super().get_urls(),
        ]

    def updates_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        return alerts.updates(request)

    def report_view(self, request: HttpRequest) -> TemplateResponse:
        return report_views.callback_report(request, self.admin_site)

    @staticmethod
    def _handle(request: HttpRequest, consultation: ConsultationRequest) -> None:
        action = request.POST.get("action")
        manager = staff_user(request)
        if action == "claim":
            if consultation.claim(manager):
                messages.success(request, _("Заявка ваша."))
            else:
                messages.warning(request, _("Заявку уже взял другой менеджер."))
            return
        if action == "call":
            call_form = CallAttemptForm(request.POST)
            if call_form.is_valid() and not consultation.is_finished:
                consultation.record_call_attempt(call_form.cleaned_data["outcome"], manager)
                messages.success(request, _("Звонок записан."))
                return
        if action == "status":
            status_form = StatusForm(request.POST)
            if status_form.is_valid():
                consultation.change_status(status_form.cleaned_data["status"], manager)
                messages.success(
                    request,
                    _("Статус заявки: {status}.").format(status=consultation.get_status_display().lower()),
                )
                return
        if action == "note":
            note_form = NoteForm(request.POST)
            if note_form.is_valid():
                consultation.add_note(note_form.cleaned_data["text"], manager)
                messages.success(request, _("Заметка добавлена."))
                return
        messages.error(request, _("Не получилось: проверьте, что выбрано или написано."))

    def handle_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        return require_POST(self._handle_post)(request, object_id)

    def _handle_post(self, request: HttpRequest, object_id: str) -> HttpResponse:
        consultation = get_object_or_404(self.get_queryset(request), pk=unquote(object_id))
        if not self.has_change_permission(request, consultation):
            raise PermissionDenied
        self._handle(request, consultation)
        return HttpResponseRedirect(
            reverse("admin:booking_consultationrequest_change", args=[consultation.pk])
        )


def _status_buttons(consultation: ConsultationRequest) -> list[tuple[str, str]]:
    """The statuses the panel offers: the ones a request may go to from where it is."""
    if consultation.is_finished:
        offered = [Status.IN_PROGRESS]
    elif consultation.status == Status.CONTACTED:
        offered = [Status.BOOKED, Status.CLOSED]
    else:
        offered = [Status.BOOKED, Status.CLOSED, Status.SPAM]
    return [(status.value, str(STATUS_BUTTONS[status])) for status in offered]


def staff_user(request: HttpRequest) -> User:
    """The signed-in staff member; the admin site lets no anonymous visitor this far."""
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


def _phone_and_reference_matches(term: str) -> Q | None:
    """Find what people type: a phone in any common form, a reference without its dash."""
    matches = Q()
    digits = re.sub(r"\D", "", term)
    if len(digits) >= 5:
        matches |= Q(phone__contains=digits)
        try:
            number = phonenumbers.parse(term, settings.PHONENUMBER_DEFAULT_REGION)
        except phonenumbers.NumberParseException:
            number = None
        if number is not None and phonenumbers.is_possible_number(number):
            matches |= Q(phone=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
    compact = re.sub(r"[^0-9A-Za-z]", "", term).upper()
    if len(compact) == 6:
        matches |= Q(reference=f"{compact[:3]}-{compact[3:]}")
    return matches or None
