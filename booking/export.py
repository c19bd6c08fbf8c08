"""CSV of consultation requests for managers, recorded in each request's timeline."""

import csv
from collections.abc import Callable, Iterable
from datetime import datetime

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from booking.models import ConsultationRequest, RequestEvent, staff_name

# A spreadsheet runs a cell that starts with one of these as a formula
# (OWASP "CSV injection"); a leading quote makes it plain text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def _local(moment: datetime | None) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def _columns() -> list[tuple[str, Callable[[ConsultationRequest], object]]]:
    return [
        (_("Номер"), lambda r: r.reference),
        (_("Получена"), lambda r: _local(r.created_at)),
        (_("Перезвонить до"), lambda r: _local(r.due_at)),
        (_("Первый контакт"), lambda r: _local(r.first_contact_at)),
        (_("Статус"), lambda r: r.get_status_display()),
        (_("Способ связи"), lambda r: r.get_channel_display()),
        (_("Кто обращается"), lambda r: r.get_requester_display()),
        (_("Кем приходится пациенту"), lambda r: r.relationship),
        (_("Имя пациента"), lambda r: r.patient_name),
        (_("Кому перезвонить"), lambda r: r.get_callback_person_display()),
        (_("Имя"), lambda r: r.name),
        (_("Телефон"), lambda r: r.phone.as_e164 if r.phone else ""),
        (_("Эл. почта"), lambda r: r.email),
        (_("Лечение"), lambda r: r.treatment or ""),
        (_("Врач"), lambda r: r.doctor or ""),
        (_("Сообщение"), lambda r: r.message),
        (_("Менеджер"), lambda r: staff_name(r.assigned_to)),
    ]


def write_requests_csv(requests: Iterable[ConsultationRequest], out: HttpResponse) -> None:
    columns = _columns()
    writer = csv.writer(out)
    writer.writerow([header for header, _value in columns])
    for consultation in requests:
        writer.writerow([safe_cell(value(consultation)) for _header, value in columns])


def export_requests(queryset: QuerySet[ConsultationRequest], actor: User) -> HttpResponse:
    requests = list(queryset.select_related("treatment", "doctor", "assigned_to"))
    stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="requests-{stamp}.csv"'
    # The byte-order mark makes spreadsheet programs read the file as UTF-8.
    response.write("\ufeff")
    write_requests_csv(requests, response)
    now = timezone.now()
    RequestEvent.objects.bulk_create(
        RequestEvent(request=r, kind=RequestEvent.Kind.EXPORTED, actor=actor, text="CSV", at=now)
        for r in requests
    )
    return response
