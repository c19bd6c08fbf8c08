"""Structured data (schema.org JSON-LD) built from the content models.

Every builder returns a plain dict; `graph()` wraps them for one
<script type="application/ld+json"> block per page.
"""

from collections.abc import Iterable

from django.conf import settings
from django.utils.translation import get_language

from services.models import ClinicLocation, Doctor, OpeningHours, Treatment, TreatmentStep

SCHEMA = "https://schema.org"
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

Breadcrumbs = list[tuple[str, str]]  # (visible name, path)


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def graph(*nodes: dict | None) -> dict:
    return {"@context": SCHEMA, "@graph": [node for node in nodes if node]}


def clinic_data(clinic: ClinicLocation | None) -> dict | None:
    if clinic is None:
        return None
    data: dict = {
        "@type": "MedicalClinic",
        "@id": absolute_url("/#clinic"),
        "name": clinic.name,
        "url": absolute_url(clinic.get_absolute_url()),
        "telephone": clinic.phone,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": clinic.street_address or clinic.address,
            "addressLocality": clinic.locality,
            "addressRegion": clinic.region,
            "postalCode": clinic.postal_code,
            "addressCountry": "RU",
        },
        "openingHoursSpecification": [_opening_hours(row) for row in clinic.hours.all()],
        "medicalSpecialty": [f"{SCHEMA}/Oncologic", f"{SCHEMA}/Radiology"],
        "isAcceptingNewPatients": True,
    }
    if clinic.latitude is not None and clinic.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(clinic.latitude),
            "longitude": float(clinic.longitude),
        }
    if clinic.email:
        data["email"] = clinic.email
    if clinic.legal_name:
        data["legalName"] = clinic.legal_name
    if clinic.inn:
        data["taxID"] = clinic.inn
    return data


def _opening_hours(row: OpeningHours) -> dict:
    days = [f"{SCHEMA}/{_DAYS[number - 1]}" for number in row.days]
    if row.around_the_clock:
        opens, closes = "00:00", "23:59"
    else:
        opens, closes = f"{row.opens:%H:%M}", f"{row.closes:%H:%M}"
    return {
        "@type": "OpeningHoursSpecification",
        "name": row.label,
        "dayOfWeek": days,
        "opens": opens,
        "closes": closes,
    }


def _physician_reference(doctor: Doctor) -> dict:
    return {"@type": "Physician", "name": doctor.name, "url": absolute_url(doctor.get_absolute_url())}


def physician_data(doctor: Doctor, clinic: ClinicLocation | None) -> dict:
    data: dict = {
        **_physician_reference(doctor),
        # Also a Person: schema.org's Physician is an organisation type, and the job title,
        # degrees and credentials belong to the person.
        "@type": ["Physician", "Person"],
        "@id": absolute_url(doctor.get_absolute_url()) + "#physician",
        "jobTitle": doctor.position,
        "description": doctor.short_bio,
    }
    if doctor.degrees:
        data["honorificSuffix"] = doctor.degrees
    if doctor.medical_specialty:
        data["medicalSpecialty"] = f"{SCHEMA}/{doctor.medical_specialty}"
    credentials = [
        {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": qualification.get_kind_display(),
            "name": qualification.specialty,
            **({"expires": qualification.valid_until.isoformat()} if qualification.valid_until else {}),
        }
        for qualification in doctor.qualifications.all()
        if not qualification.expired
    ]
    if credentials:
        data["hasCredential"] = credentials
    schools = [
        {"@type": "EducationalOrganization", "name": row.institution} for row in doctor.education.all()
    ]
    if schools:
        data["alumniOf"] = schools
    if clinic is not None:
        data["parentOrganization"] = {"@id": absolute_url("/#clinic"), "name": clinic.name}
        data["telephone"] = clinic.phone
        data["address"] = clinic.address
    return data


def procedure_data(treatment: Treatment) -> dict:
    data: dict = {
        "@type": "MedicalProcedure",
        "@id": absolute_url(treatment.get_absolute_url()) + "#procedure",
        "name": treatment.title,
        "description": treatment.summary,
        "url": absolute_url(treatment.get_absolute_url()),
        "procedureType": f"{SCHEMA}/{treatment.procedure_type}",
        # Stage titles with their durations: the full descriptions are on the page itself.
        "howPerformed": _join(_stage(step) for step in treatment.steps.all()),
        "preparation": _join(item.text for item in treatment.preparation.all()),
        "followup": _join(f"{item.when}: {item.what}" for item in treatment.follow_up.all()),
    }
    if treatment.alternate_name:
        data["alternateName"] = treatment.alternate_name
    if treatment.body_location:
        data["bodyLocation"] = treatment.body_location
    return data


def _stage(step: TreatmentStep) -> str:
    return f"{step.title} ({step.duration})" if step.duration else step.title


def _join(parts: Iterable[str]) -> str:
    return " ".join(part.strip().rstrip(".") + "." for part in parts if part.strip())


def faq_data(treatment: Treatment) -> dict | None:
    faqs = list(treatment.faqs.all())
    if not faqs:
        return None
    return {
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": faq.question,
                "acceptedAnswer": {"@type": "Answer", "text": faq.answer},
            }
            for faq in faqs
        ],
    }


def medical_web_page_data(treatment: Treatment) -> dict:
    data: dict = {
        "@type": "MedicalWebPage",
        "name": treatment.seo_title or treatment.title,
        "url": absolute_url(treatment.get_absolute_url()),
        "inLanguage": get_language(),
        "about": {"@id": absolute_url(treatment.get_absolute_url()) + "#procedure"},
        "audience": f"{SCHEMA}/Patient",
    }
    if treatment.last_reviewed:
        data["lastReviewed"] = treatment.last_reviewed.isoformat()
    if treatment.reviewer is not None:
        data["reviewedBy"] = _physician_reference(treatment.reviewer)
    return data


def breadcrumbs_data(breadcrumbs: Breadcrumbs) -> dict | None:
    if len(breadcrumbs) < 2:
        return None
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": absolute_url(path)}
            for position, (name, path) in enumerate(breadcrumbs, start=1)
        ],
    }
