import re
from typing import TypeVar
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from booking import ratelimit
from booking.forms import ConsultationForm, new_form_stamp
from booking.models import ConsultationRequest
from booking.submission import Submission, create_consultation_request
from documents.intake import accepts_documents
from documents.links import upload_path
from services.models import Doctor, Treatment

THANKS_SALT = "booking-thanks"
THANKS_MAX_AGE = 60 * 60 * 24 * 7
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,50}")
# A page the form can be opened from: a treatment or a doctor, given back as the same type.
PublishedPage = TypeVar("PublishedPage", Treatment, Doctor)


# The form is embedded in public pages that are cached for every anonymous visitor, so it
# cannot carry a per-visitor CSRF token. The visitor has no session here to abuse; instead
# the view refuses posts from other sites by their Origin (or Referer) header, and the form
# carries a signed timestamp for the minimum fill time.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def request_consultation(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return never_cache(_submit)(request)
    # The form (templates/booking/includes/form.html) is prefilled with the treatment and doctor
    # the visitor came from.
    treatment = _published(Treatment, request.GET.get("treatment"))
    doctor = _published(Doctor, request.GET.get("doctor"))
    return render(request, "booking/request.html", {"treatment": treatment, "doctor": doctor})


def _submit(request: HttpRequest) -> HttpResponse:
    if not _from_this_site(request):
        return _refuse(request, "origin", status=403)
    form = ConsultationForm(request.POST)
    if form.is_bot:
        return _refuse(request, "bot", status=200)
    if _filled_too_fast(form):
        return _too_fast(request)
    if not form.is_valid():
        return render(request, "booking/request.html", {"booking_form": form})
    data = form.cleaned_data
    address = ratelimit.client_ip(request)
    if not ratelimit.allow_address(address) or not ratelimit.allow_phone(str(data["phone"])):
        return _refuse(request, "rate", status=429)
    submission = create_consultation_request(
        name=data["name"],
        phone=str(data["phone"]),
        email=data["email"],
        channel=data["channel"],
        requester=data["requester"],
        patient_name=data["patient_name"],
        relationship=data["relationship"],
        callback_person=data["callback_person"],
        call_now=data["when"] == ConsultationForm.WHEN_NOW,
        preferred_time=data["preferred_at"],
        treatment=data["treatment"],
        doctor=data["doctor"],
        message=data["message"].strip(),
        language=translation.get_language() or settings.LANGUAGE_CODE,
        source_page=_source_page(data["source"]),
        ip_hash=ratelimit.keyed_hash(address),
    )
    return redirect("booking:thanks", token=thanks_token(submission))


@require_GET
@never_cache
def thanks(request: HttpRequest, token: str) -> HttpResponse:
    try:
        found = signing.loads(token, salt=THANKS_SALT, max_age=THANKS_MAX_AGE)
        consultation = ConsultationRequest.objects.get(reference=str(found["ref"]))
    except (signing.BadSignature, ConsultationRequest.DoesNotExist, KeyError, TypeError, ValueError) as exc:
        raise Http404 from exc
    context = {
        "consultation": consultation,
        "duplicate": bool(found.get("dup")),
        "upload_path": upload_path(consultation) if accepts_documents(consultation) else "",
    }
    return render(request, "booking/thanks.html", context)


@require_GET
def consent(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "booking/consent.html",
        {"version": settings.CONSENT_POLICY_VERSION, "retention_days": settings.BOOKING_RETENTION_DAYS},
    )


def thanks_token(submission: Submission) -> str:
    # Signed, so nobody can walk through other people's requests by changing the URL; it names
    # the random reference, not the row id, which would tell how many requests the clinic gets.
    return signing.dumps(
        {"ref": submission.request.reference, "dup": int(submission.duplicate)}, salt=THANKS_SALT
    )


def _published(model: type[PublishedPage], slug: str | None) -> PublishedPage | None:
    if not slug or not SLUG.fullmatch(slug):
        return None
    return model.objects.published().filter(slug=slug).first()


def _from_this_site(request: HttpRequest) -> bool:
    claimed = request.META.get("HTTP_ORIGIN") or request.META.get("HTTP_REFERER")
    if not claimed:
        # Browsers send Origin with every form POST; a client without it is not a browser
        # that another site could have tricked, and the other spam checks still apply.
        return True
    parts = urlsplit(claimed)
    if f"{parts.scheme}://{parts.netloc}" in settings.CSRF_TRUSTED_ORIGINS:
        return True
    return bool(parts.netloc) and parts.netloc == request.get_host()


def _filled_too_fast(form: ConsultationForm) -> bool:
    minimum = settings.BOOKING_MIN_FILL_SECONDS
    if minimum <= 0:
        return False
    elapsed = form.seconds_to_fill()
    return elapsed is None or elapsed < minimum


def _too_fast(request: HttpRequest) -> HttpResponse:
    # A person with autofill can be quick: keep what they typed and let them press send again.
    data = request.POST.copy()
    data["stamp"] = new_form_stamp()
    form = ConsultationForm(data)
    form.is_valid()
    form.add_error(
        None, translation.gettext("Форма отправлена слишком быстро. Проверьте данные и отправьте её ещё раз.")
    )
    return render(request, "booking/request.html", {"booking_form": form})


def _refuse(request: HttpRequest, reason: str, status: int) -> HttpResponse:
    return render(request, "booking/refused.html", {"reason": reason}, status=status)


def _source_page(claimed: str) -> str:
    path = claimed if claimed.startswith("/") and not claimed.startswith("//") else reverse("booking:request")
    return path[:300]
