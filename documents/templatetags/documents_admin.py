"""The documents part of a consultation request's admin page, and of a doctor's review page.

On the request's page: `{% load documents_admin %}{% request_documents original %}`.
"""

from typing import Any

from django import template
from django.http import HttpRequest

from booking.models import ConsultationRequest
from documents import access, links, sending
from documents.admin import doctors
from documents.intake import accepts_documents
from documents.models import DoctorReview, Document

register = template.Library()


def rows(request: HttpRequest, documents: Any) -> list[tuple[Document, bool]]:
    return [(document, access.can_open(request.user, document)) for document in documents]


@register.inclusion_tag("documents/admin/request_documents.html", takes_context=True)
def request_documents(context: template.Context, consultation: ConsultationRequest) -> dict[str, Any]:
    """What a manager sees: which documents arrived, the patient's link, who reviews them."""
    request = context["request"]
    user = request.user
    if not (user.is_superuser or user.has_perm("booking.view_consultationrequest")):
        return {"shown": False}
    documents = Document.objects.filter(request=consultation).exclude(status=Document.Status.REJECTED)
    accepts = accepts_documents(consultation)
    can_change = user.has_perm("booking.change_consultationrequest")
    return {
        "shown": True,
        "consultation": consultation,
        "rows": rows(request, documents),
        "upload_url": links.upload_url(consultation) if accepts else "",
        "can_send": accepts and can_change,
        "link_channels": sending.link_channels(consultation) if accepts and can_change else [],
        "link_deliveries": sending.link_deliveries(consultation),
        "reviews": DoctorReview.objects.filter(request=consultation).select_related("doctor"),
        "doctors": doctors() if can_change else [],
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("documents/admin/documents_table.html", takes_context=True)
def review_documents(context: template.Context, consultation: ConsultationRequest) -> dict[str, Any]:
    request = context["request"]
    documents = access.visible_documents(request.user).filter(request=consultation)
    return {"rows": rows(request, documents)}
