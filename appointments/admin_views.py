"""The managers' booking screens in the admin: pick a slot during the call, move, cancel, outcome."""

from typing import cast

from django import forms
from django.contrib import messages
from django.contrib.admin import ModelAdmin
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from appointments import picker, reservations
from appointments.models import Appointment, Kind
from booking.models import ConsultationRequest
from services.models import Doctor


class VideoLinkForm(forms.Form):
    """The link a video consultation is joined by, typed into the slot picker; empty: the doctor's."""

    video_link = forms.URLField(required=False, max_length=200, assume_scheme="https")

    def clean_video_link(self) -> str:
        link = self.cleaned_data["video_link"]
        if link and not link.startswith("https://"):
            raise forms.ValidationError(_("Ссылка на видеосвязь должна начинаться с https://"))
        return link


def video_link_from_post(request: HttpRequest) -> str | None:
    """The typed link, '' for none, or None (with a message for the manager) if it is no link."""
    form = VideoLinkForm(request.POST)
    if form.is_valid():
        return form.cleaned_data["video_link"]
    messages.error(
        request, _("Ссылка на видеосвязь не похожа на адрес: проверьте её или оставьте поле пустым.")
    )
    return None


def request_page(consultation: ConsultationRequest) -> str:
    return reverse("admin:booking_consultationrequest_change", args=[consultation.pk])


def picker_context(
    model_admin: ModelAdmin, request: HttpRequest, consultation: ConsultationRequest, title: str
) -> dict:
    schedules = picker.candidate_schedules(consultation)
    wanted_doctor = request.GET.get("doctor", "")
    kind = request.GET.get("kind", "")
    if kind not in Kind.values:
        kind = ""
    shown = picker.chosen_schedules(schedules, wanted_doctor, consultation)
    usual_links = {schedule.video_link for schedule in shown if schedule.video_link}
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": title,
        "consultation": consultation,
        "request_url": request_page(consultation),
        "doctors": [schedule.doctor for schedule in schedules],
        "selected_doctor": (
            str(shown[0].doctor_id) if len(shown) == 1 and len(schedules) > 1 else picker.ALL_DOCTORS
        ),
        "all_doctors": picker.ALL_DOCTORS,
        "kinds": Kind.choices,
        "selected_kind": kind,
        "days": picker.free_days(shown, kind),
        "offers_video": kind in ("", Kind.VIDEO),
        "video_link": request.POST.get("video_link", ""),
        "usual_video_link": usual_links.pop() if len(usual_links) == 1 else "",
        "current": Appointment.objects.filter(request=consultation)
        .filter(status=Appointment.Status.BOOKED)
        .select_related("doctor"),
    }


def slot_from_post(request: HttpRequest) -> tuple[Doctor, str, object] | None:
    parsed = picker.parse_slot_key(request.POST.get("slot", ""))
    if parsed is None or parsed[1] not in Kind.values:
        return None
    doctor = Doctor.objects.filter(pk=parsed[0]).first()
    return None if doctor is None else (doctor, parsed[1], parsed[2])


def book_view(model_admin: ModelAdmin, request: HttpRequest, request_id: int) -> HttpResponse:
    if not request.user.has_perm("appointments.add_appointment"):
        raise PermissionDenied
    consultation = get_object_or_404(
        ConsultationRequest.objects.select_related("treatment", "doctor"), pk=request_id
    )
    status = 200
    if request.method == "POST":
        chosen = slot_from_post(request)
        video_link = video_link_from_post(request)
        if chosen is None:
            messages.error(request, _("Не удалось понять, какое время выбрано. Выберите ещё раз."))
            status = 400
        elif video_link is None:
            status = 400
        else:
            doctor, kind, start = chosen
            try:
                reservations.book_appointment(
                    consultation=consultation,
                    doctor=doctor,
                    kind=kind,
                    start=start,  # type: ignore[arg-type]
                    actor=cast(User, request.user),
                    video_link=video_link,
                )
            except reservations.BookingError as error:
                messages.error(request, str(error))
                status = 409
            else:
                messages.success(request, _("Пациент записан. Подтверждение уйдёт ему автоматически."))
                return redirect(request_page(consultation))
    context = picker_context(model_admin, request, consultation, _("Запись на консультацию"))
    context["action"] = "book"
    return TemplateResponse(request, "admin/appointments/appointment/book.html", context, status=status)


def move_view(model_admin: ModelAdmin, request: HttpRequest, appointment_id: int) -> HttpResponse:
    appointment = get_object_or_404(
        Appointment.objects.select_related("request", "doctor"), pk=appointment_id
    )
    if not model_admin.has_change_permission(request, appointment):
        raise PermissionDenied
    consultation = appointment.request
    status = 200
    if appointment.status != Appointment.Status.BOOKED:
        messages.error(request, _("Перенести можно только предстоящий приём."))
        return redirect(request_page(consultation))
    if request.method == "POST":
        chosen = slot_from_post(request)
        video_link = video_link_from_post(request)
        if chosen is None:
            messages.error(request, _("Не удалось понять, какое время выбрано. Выберите ещё раз."))
            status = 400
        elif video_link is None:
            status = 400
        else:
            doctor, kind, start = chosen
            try:
                reservations.move_appointment(
                    appointment,
                    start=start,  # type: ignore[arg-type]
                    kind=kind,
                    doctor=doctor,
                    actor=cast(User, request.user),
                    video_link=video_link,
                )
            except reservations.BookingError as error:
                messages.error(request, str(error))
                status = 409
            else:
                messages.success(request, _("Приём перенесён. Пациент получит новое приглашение."))
                return redirect(request_page(consultation))
    context = picker_context(model_admin, request, consultation, _("Перенос приёма"))
    context["action"] = "move"
    context["moving"] = appointment
    if request.method != "POST":
        context["video_link"] = appointment.video_link or ""
    return TemplateResponse(request, "admin/appointments/appointment/book.html", context, status=status)


def cancel_view(model_admin: ModelAdmin, request: HttpRequest, appointment_id: int) -> HttpResponse:
    appointment = get_object_or_404(
        Appointment.objects.select_related("request", "doctor"), pk=appointment_id
    )
    if not model_admin.has_change_permission(request, appointment):
        raise PermissionDenied
    if request.method == "POST":
        try:
            reservations.cancel_appointment(appointment, actor=cast(User, request.user))
        except reservations.BookingError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Приём отменён. Пациент получит отмену в календарь."))
        return redirect(request_page(appointment.request))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Отменить приём?"),
        "appointment": appointment,
        "consultation": appointment.request,
        "request_url": request_page(appointment.request),
    }
    return TemplateResponse(request, "admin/appointments/appointment/cancel.html", context)


def outcome_view(model_admin: ModelAdmin, request: HttpRequest, appointment_id: int) -> HttpResponse:
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    appointment = get_object_or_404(
        Appointment.objects.select_related("request", "doctor"), pk=appointment_id
    )
    if not model_admin.has_change_permission(request, appointment):
        raise PermissionDenied
    try:
        reservations.record_outcome(
            appointment, request.POST.get("outcome", ""), actor=cast(User, request.user)
        )
    except reservations.BookingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Отмечено."))
    return redirect(reverse("admin:appointments_appointment_change", args=[appointment.pk]))
