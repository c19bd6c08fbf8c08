"""The supervisors' callback report in the admin: a page with a chart, and its CSV."""

import csv
from datetime import date, timedelta

from django import forms
from django.contrib.admin import AdminSite
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from appointments.report import booking_figures
from booking.export import safe_cell
from booking.models import ConsultationRequest
from booking.report import CallbackReport, Tally, build_report
from booking.report_chart import bar_chart

DEFAULT_DAYS = 30
MAX_DAYS = 3 * 366
MAX_DAYS_AHEAD = 366


class ReportRangeForm(forms.Form):
    # A date input wants ISO dates whatever the page's language.
    start = forms.DateField(
        label=gettext_lazy("С"), widget=forms.DateInput({"type": "date"}, format="%Y-%m-%d")
    )
    end = forms.DateField(
        label=gettext_lazy("По"), widget=forms.DateInput({"type": "date"}, format="%Y-%m-%d")
    )

    def clean(self) -> dict:
        super().clean()
        cleaned = self.cleaned_data
        start, end = cleaned.get("start"), cleaned.get("end")
        if end and end > timezone.localdate() + timedelta(days=MAX_DAYS_AHEAD):
            raise forms.ValidationError(_("Конец периода слишком далеко в будущем."))
        if start and end:
            if start > end:
                raise forms.ValidationError(_("Начало периода позже его конца. Поменяйте даты местами."))
            if (end - start).days >= MAX_DAYS:
                raise forms.ValidationError(_("Период слишком длинный: выберите не больше трёх лет."))
        return cleaned


def default_range(today: date) -> dict[str, str]:
    return {"start": (today - timedelta(days=DEFAULT_DAYS - 1)).isoformat(), "end": today.isoformat()}


def _bound_form(request: HttpRequest) -> ReportRangeForm:
    if "start" in request.GET or "end" in request.GET:
        return ReportRangeForm(request.GET)
    return ReportRangeForm(default_range(timezone.localdate()))


def _require_report_permission(request: HttpRequest) -> None:
    if not request.user.has_perm("booking.view_report"):
        raise PermissionDenied


def callback_report(request: HttpRequest, admin_site: AdminSite) -> TemplateResponse:
    _require_report_permission(request)
    form = _bound_form(request)
    report = build_report(form.cleaned_data["start"], form.cleaned_data["end"]) if form.is_valid() else None
    context = {
        **admin_site.each_context(request),
        "title": _("Отчёт о перезвонах"),
        "opts": ConsultationRequest._meta,
        "form": form,
        "report": report,
        "chart": bar_chart(report.days) if report else None,
        "booking": booking_figures(report.start, report.end) if report else None,
    }
    return TemplateResponse(request, "admin/booking/report.html", context)


def _minutes(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def _share(tally: Tally) -> str:
    share = tally.share_within_promise
    return "" if share is None else f"{share * 100:.1f}"


def write_report_csv(report: CallbackReport, out: HttpResponse) -> None:
    writer = csv.writer(out)
    headers = [
        _("Заявок"),
        _("Связались"),
        _("В срок"),
        _("Просрочено"),
        _("Доля в срок, %"),
        _("Медиана до контакта, мин"),
        _("90-й процентиль до контакта, мин"),
    ]

    def figures(tally: Tally) -> list[str | int]:
        return [
            tally.requests,
            tally.contacted,
            tally.within_promise,
            tally.overdue,
            _share(tally),
            _minutes(tally.median_minutes),
            _minutes(tally.p90_minutes),
        ]

    writer.writerow([_("Период"), *headers])
    writer.writerow([f"{report.start.isoformat()} — {report.end.isoformat()}", *figures(report.total)])
    writer.writerow([])
    writer.writerow([_("День"), *headers])
    for day, tally in report.days:
        writer.writerow([day.isoformat(), *figures(tally)])
    writer.writerow([])
    writer.writerow([_("Менеджер"), *headers])
    for row in report.managers:
        # Manager names are typed by staff; keep a spreadsheet from running them.
        writer.writerow([safe_cell(row.name), *figures(row.tally)])


def callback_report_csv(request: HttpRequest) -> HttpResponse:
    _require_report_permission(request)
    form = _bound_form(request)
    if not form.is_valid():
        return HttpResponse(
            " ".join(str(error) for errors in form.errors.values() for error in errors),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    report = build_report(form.cleaned_data["start"], form.cleaned_data["end"])
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"callback-report-{report.start.isoformat()}-{report.end.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.write("\ufeff")
    write_report_csv(report, response)
    return response
