"""The request page's "patient withdrew consent" step: a confirmation page, then the erasure."""

from functools import partial

from django.contrib import messages
from django.contrib.admin import ModelAdmin
from django.contrib.admin.utils import unquote
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from booking.consent import AlreadyErased, withdraw_consent
from booking.models import ConsultationRequest


def url(model_admin: ModelAdmin) -> URLPattern:
    return path(
        "<path:object_id>/withdraw-consent/",
        model_admin.admin_site.admin_view(partial(withdraw_consent_view, model_admin)),
        name="booking_consultationrequest_withdraw_consent",
    )


def withdraw_consent_view(model_admin: ModelAdmin, request: HttpRequest, object_id: str) -> HttpResponse:
    consultation = get_object_or_404(model_admin.get_queryset(request), pk=unquote(object_id))
    if not model_admin.has_change_permission(request, consultation) or not isinstance(request.user, User):
        raise PermissionDenied
    request_url = reverse("admin:booking_consultationrequest_change", args=[consultation.pk])
    if consultation.personal_data_erased_at is not None:
        messages.info(request, _("Персональные данные этой заявки уже удалены."))
        return HttpResponseRedirect(request_url)
    if request.method == "POST":
        try:
            withdraw_consent(consultation, request.user)
        except AlreadyErased:
            messages.info(request, _("Персональные данные этой заявки уже удалены."))
        else:
            messages.success(
                request, _("Отзыв согласия записан: персональные данные и документы пациента удалены.")
            )
        return HttpResponseRedirect(request_url)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Пациент отозвал согласие на обработку данных?"),
        "consultation": consultation,
        "request_url": request_url,
        "documents_count": consultation.documents.count(),  # type: ignore[attr-defined]
        "appointments_count": upcoming_appointments(consultation),
    }
    return TemplateResponse(request, "admin/booking/consultationrequest/withdraw_consent.html", context)


def upcoming_appointments(consultation: ConsultationRequest) -> int:
    return consultation.appointments.upcoming(timezone.now()).count()  # type: ignore[attr-defined]
