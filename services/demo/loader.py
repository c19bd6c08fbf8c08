"""Writes the demo content into the database. Safe to run again: rows are matched by slug,
and inline rows (stages, checklist, hours, routes...) are replaced, never duplicated."""

import hashlib
from typing import Any

from django.core.files.base import ContentFile
from django.db import models, transaction

from appointments.demo import load_demo_schedules
from services.demo import chemoembolization, pictures, radioembolization, radioembolization_rows, translated
from services.demo.clinic import CLINIC, EXTRA_PHONES, HOURS, ROUTES
from services.demo.doctors import DOCTORS
from services.demo.legal import load_legal_information
from services.images import clean_uploaded_image, make_renditions
from services.models import (
    FAQ,
    ClinicLocation,
    Doctor,
    DoctorEducation,
    DoctorQualification,
    ExtraPhone,
    FollowUpItem,
    OpeningHours,
    PreparationItem,
    ProcedureDayItem,
    QuestionToAsk,
    Reference,
    TransportRoute,
    Treatment,
    TreatmentCategory,
    TreatmentStep,
    WarningSign,
)
from services.translation import DoctorTranslation

CATEGORY = {
    "slug": "liver-tumours",
    "title": {"ru": "Лечение опухолей печени", "en": "Liver tumour treatment"},
}
TREATMENT_DOCTORS = {
    "radioembolization": ["lyadov", "demo-interventional-radiologist", "demo-nuclear-medicine-specialist"],
    # The clinic's material links Academician Lyadov with radioembolization only.
    "chemoembolization": ["demo-interventional-radiologist"],
}


@transaction.atomic
def load_demo_content() -> None:
    category = load_category()
    doctors = {str(data["slug"]): load_doctor(data) for data in DOCTORS}
    radio = radioembolization_rows
    load_treatment(
        radioembolization.RADIOEMBOLIZATION,
        category,
        doctors,
        steps=radio.STEPS,
        preparation=radio.PREPARATION,
        follow_up=radio.FOLLOW_UP,
        faqs=radio.FAQS,
        references=radio.REFERENCES,
        procedure_day=radio.PROCEDURE_DAY,
        warning_signs=radio.WARNING_SIGNS,
        questions=radio.QUESTIONS_TO_ASK,
    )
    chemo = chemoembolization
    load_treatment(
        chemo.CHEMOEMBOLIZATION,
        category,
        doctors,
        steps=chemo.STEPS,
        preparation=chemo.PREPARATION,
        follow_up=chemo.FOLLOW_UP,
        faqs=chemo.FAQS,
        references=chemo.REFERENCES,
        procedure_day=chemo.PROCEDURE_DAY,
        warning_signs=chemo.WARNING_SIGNS,
        questions=chemo.QUESTIONS_TO_ASK,
    )
    load_clinic()
    load_legal_information()
    load_demo_schedules()


def load_category() -> TreatmentCategory:
    category, _ = TreatmentCategory.objects.update_or_create(
        slug=CATEGORY["slug"], defaults={**translated(CATEGORY, "title"), "order": 1}
    )
    return category


def load_doctor(data: dict[str, Any]) -> Doctor:
    doctor, _ = Doctor.objects.update_or_create(
        slug=data["slug"],
        defaults={
            **translated(data, *DoctorTranslation.fields),
            "practice_since": data["practice_since"],
            "is_demo_profile": data["is_demo_profile"],
            "medical_specialty": data["medical_specialty"],
            "order": data["order"],
            "published": True,
        },
    )
    replace_rows(
        doctor.education,
        DoctorEducation,
        "doctor",
        data["education"],
        ("institution", "specialty"),
        plain=("year",),
    )
    replace_rows(
        doctor.qualifications,
        DoctorQualification,
        "doctor",
        data["qualifications"],
        ("specialty",),
        plain=("kind", "issued", "valid_until"),
    )
    attach_picture(doctor, "photo", pictures.portrait(data["palette"]), data["slug"])
    return doctor


def load_treatment(
    data: dict[str, Any],
    category: TreatmentCategory,
    doctors: dict[str, Doctor],
    *,
    steps: list[dict[str, Any]],
    preparation: list[dict[str, str]],
    follow_up: list[dict[str, Any]],
    faqs: list[dict[str, Any]],
    references: list[dict[str, Any]],
    procedure_day: list[dict[str, Any]],
    warning_signs: list[dict[str, Any]],
    questions: list[dict[str, str]],
) -> Treatment:
    text_fields = (
        "title",
        "alternate_name",
        "summary",
        "what_it_is",
        "who_for",
        "who_not_for",
        "decision",
        "after_procedure",
        "risks",
        "aims",
        "alternatives",
        "microspheres",
        "body_location",
        "hero_image_alt",
        "seo_title",
        "seo_description",
    )
    treatment, _ = Treatment.objects.update_or_create(
        slug=data["slug"],
        defaults={
            **translated(data, *text_fields),
            "category": category,
            "procedure_type": data["procedure_type"],
            # No doctor is named as the reviewer of the demo text: only an editor can say who checked it.
            "reviewer": None,
            "last_reviewed": data["last_reviewed"],
            "next_review": data["next_review"],
            "published": True,
            "order": data["order"],
        },
    )
    treatment.doctors.set([doctors[slug] for slug in TREATMENT_DOCTORS[data["slug"]]])
    replace_rows(treatment.steps, TreatmentStep, "treatment", steps, ("title", "description", "duration"))
    replace_rows(
        treatment.preparation,
        PreparationItem,
        "treatment",
        [{"text": item} for item in preparation],
        ("text",),
    )
    replace_rows(treatment.follow_up, FollowUpItem, "treatment", follow_up, ("when", "what"))
    replace_rows(treatment.faqs, FAQ, "treatment", faqs, ("question", "answer"))
    replace_rows(
        treatment.references, Reference, "treatment", references, ("title",), plain=("source", "url")
    )
    replace_rows(treatment.procedure_day, ProcedureDayItem, "treatment", procedure_day, ("time", "what"))
    replace_rows(treatment.warning_signs, WarningSign, "treatment", warning_signs, ("symptom", "timing"))
    replace_rows(
        treatment.questions_to_ask,
        QuestionToAsk,
        "treatment",
        [{"text": item} for item in questions],
        ("text",),
    )
    hero = data["hero"]
    attach_picture(treatment, "hero_image", pictures.hero(hero["seed"], hero["palette"]), data["slug"])
    return treatment


def load_clinic() -> ClinicLocation:
    fields = (
        "name",
        "address",
        "street_address",
        "locality",
        "region",
        "legal_name",
        "car_directions",
        "parking",
    )
    plain = ("latitude", "longitude", "phone", "whatsapp_url", "email", "licence_number", "ogrn", "inn")
    defaults = {**translated(CLINIC, *fields), **{name: CLINIC[name] for name in plain}, "order": 0}
    clinic = ClinicLocation.objects.filter(is_main=True).first()
    if clinic is None:
        clinic = ClinicLocation.objects.create(is_main=True, **defaults)
    else:
        ClinicLocation.objects.filter(pk=clinic.pk).update(**defaults)
        clinic.refresh_from_db()
        clinic.save()  # keeps updated_at (auto_now) honest, which .update() skips
    replace_rows(clinic.extra_phones, ExtraPhone, "location", EXTRA_PHONES, ("label",), plain=("number",))
    replace_rows(
        clinic.hours,
        OpeningHours,
        "location",
        HOURS,
        ("label",),
        plain=("first_day", "last_day", "opens", "closes", "around_the_clock"),
    )
    replace_rows(
        clinic.routes, TransportRoute, "location", ROUTES, ("station", "routes", "stop", "walking_note")
    )
    return clinic


def replace_rows(
    related: models.Manager,
    model: type[Any],
    parent_field: str,
    rows: list[dict[str, Any]],
    translated_fields: tuple[str, ...],
    plain: tuple[str, ...] = (),
) -> None:
    related.all().delete()
    parent = related.instance  # type: ignore[attr-defined]
    for order, row in enumerate(rows, start=1):
        model.objects.create(
            **{parent_field: parent, "order": order},
            **translated(row, *translated_fields),
            **{name: row[name] for name in plain},
        )


def attach_picture(instance: Doctor | Treatment, field_name: str, drawn: bytes, stem: str) -> None:
    """Store a drawn picture through the same cleaning and rendition steps as an admin upload."""
    cleaned = clean_uploaded_image(ContentFile(drawn, name=f"{stem}.jpg"))
    data = cleaned.read()
    digest = hashlib.sha256(data).hexdigest()[:12]
    field = instance._meta.get_field(field_name)
    assert isinstance(field, models.FileField)
    wanted = f"{str(field.upload_to).rstrip('/')}/{stem}-{digest}.jpg"
    current = getattr(instance, field_name)
    if current.name != wanted:
        if field.storage.exists(wanted):
            setattr(instance, field_name, wanted)
            instance.save(update_fields=[field_name])
        else:
            current.save(f"{stem}-{digest}.jpg", ContentFile(data), save=False)
            instance.save(update_fields=[field_name])
    make_renditions(instance, field_name)
