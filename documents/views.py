from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from booking.models import ConsultationRequest
from documents import links, tus
from documents.forms import UploadForm
from documents.intake import accepts_documents, closed_message, take_document
from documents.models import Document
from documents.recognition import Refusal, human_size


# Anyone holding the link may send files; nobody signs in. The page is the patient's own,
# so it is never cached, and its form carries a CSRF token like any form with a session.
@never_cache
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest, token: str) -> HttpResponse:
    try:
        link = links.open_link(token)
    except links.LinkExpired:
        return link_problem(request, "expired", status=410)
    except links.LinkInvalid:
        return link_problem(request, "invalid", status=404)
    consultation = link.consultation

    refusals: list[tuple[str, str]] = []
    form = UploadForm()
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if not accepts_documents(consultation):
            refusals.append(("", closed_message()))
        elif form.is_valid():
            taken = 0
            for uploaded in form.cleaned_data["uploads"]:
                try:
                    take_document(consultation, uploaded, uploaded.name or "", uploaded.size or 0)
                except Refusal as refusal:
                    refusals.append((uploaded.name or "", refusal.message))
                else:
                    taken += 1
            if not refusals:
                return redirect(f"{request.path}?sent={taken}")
    return render(
        request,
        "documents/upload.html",
        upload_context(link, token, form, refusals, sent=request.GET.get("sent", "")),
        status=400 if refusals or form.errors else 200,
    )


def link_problem(request: HttpRequest, reason: str, status: int) -> HttpResponse:
    return render(request, "documents/link_problem.html", {"reason": reason, "noindex": True}, status=status)


def upload_context(
    link: links.Link, token: str, form: UploadForm, refusals: list[tuple[str, str]], sent: str
) -> dict[str, object]:
    consultation = link.consultation
    return {
        "consultation": consultation,
        "expires_at": link.expires_at,
        "tus_endpoint": reverse("documents:tus", kwargs={"token": token}),
        "max_size": human_size(settings.DOCUMENT_MAX_MB),
        "documents": Document.objects.filter(request=consultation).exclude(status=Document.Status.REJECTED),
        "form": form,
        "refusals": refusals,
        "sent": int(sent) if sent.isdigit() else 0,
        "open": accepts_documents(consultation),
        "noindex": True,
    }


# The tus endpoints behind the page's progress bars (static/js/documents-upload.js): the same
# link, the same checks; the script sends the page's CSRF token in the X-CSRFToken header.
@never_cache
@require_http_methods(["OPTIONS", "POST"])
def tus_create(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "OPTIONS":
        return tus.options()
    consultation = tus_link(request, token)
    if isinstance(consultation, HttpResponse):
        return consultation  # a refusal
    return tus.create(request, consultation, location_prefix=request.path)


@never_cache
@require_http_methods(["OPTIONS", "HEAD", "PATCH", "DELETE"])
def tus_upload(request: HttpRequest, token: str, upload_id: str) -> HttpResponse:
    if request.method == "OPTIONS":
        return tus.options()
    consultation = tus_link(request, token)
    if isinstance(consultation, HttpResponse):
        return consultation  # a refusal
    upload = tus.find(consultation, upload_id, timezone.now())
    if upload is None:
        return tus.tus_response(404, "No such upload, or it has expired")
    if request.method == "HEAD":
        return tus.head(upload)
    if request.method == "DELETE":
        return tus.terminate(upload)
    return tus.patch(request, upload)


def tus_link(request: HttpRequest, token: str) -> ConsultationRequest | HttpResponse:
    """The link's request, or the tus answer refusing it."""
    refused = tus.version_refused(request)
    if refused is not None:
        return refused
    try:
        return links.open_link(token).consultation
    except links.LinkExpired:
        return tus.tus_response(410, gettext("Срок действия ссылки истёк"))
    except links.LinkInvalid:
        return tus.tus_response(404, gettext("Ссылка не работает"))
