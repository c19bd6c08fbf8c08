from modeltranslation.translator import TranslationOptions, register

from services import models


@register(models.TreatmentCategory)
class TreatmentCategoryTranslation(TranslationOptions):
    fields = ("title",)


@register(models.Doctor)
class DoctorTranslation(TranslationOptions):
    fields = (
        "name",
        "position",
        "specialty",
        "degrees",
        "academic_degree",
        "academic_degree_awarded_by",
        "academic_title",
        "academic_title_awarded_by",
        "clinic_work",
        "reception_schedule",
        "short_bio",
        "bio",
    )


@register(models.DoctorEducation)
class DoctorEducationTranslation(TranslationOptions):
    fields = ("institution", "specialty")


@register(models.DoctorQualification)
class DoctorQualificationTranslation(TranslationOptions):
    fields = ("specialty",)


@register(models.WarningSign)
class WarningSignTranslation(TranslationOptions):
    fields = ("symptom", "timing")


@register(models.QuestionToAsk)
class QuestionToAskTranslation(TranslationOptions):
    fields = ("text",)


@register(models.ProcedureDayItem)
class ProcedureDayItemTranslation(TranslationOptions):
    fields = ("time", "what")


@register(models.Treatment)
class TreatmentTranslation(TranslationOptions):
    fields = (
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


@register(models.TreatmentStep)
class TreatmentStepTranslation(TranslationOptions):
    fields = ("title", "description", "duration")


@register(models.PreparationItem)
class PreparationItemTranslation(TranslationOptions):
    fields = ("text",)


@register(models.FollowUpItem)
class FollowUpItemTranslation(TranslationOptions):
    fields = ("when", "what")


@register(models.FAQ)
class FAQTranslation(TranslationOptions):
    fields = ("question", "answer")


@register(models.Reference)
class ReferenceTranslation(TranslationOptions):
    fields = ("title",)


@register(models.ClinicLocation)
class ClinicLocationTranslation(TranslationOptions):
    fields = (
        "name",
        "address",
        "street_address",
        "locality",
        "region",
        "legal_name",
        "car_directions",
        "parking",
        "map_image_alt",
        "entrance_photo_alt",
    )


@register(models.ExtraPhone)
class ExtraPhoneTranslation(TranslationOptions):
    fields = ("label",)


@register(models.OpeningHours)
class OpeningHoursTranslation(TranslationOptions):
    fields = ("label",)


@register(models.TransportRoute)
class TransportRouteTranslation(TranslationOptions):
    fields = ("station", "routes", "stop", "walking_note")


@register(models.MedicalOrganisation)
class MedicalOrganisationTranslation(TranslationOptions):
    fields = (
        "full_name",
        "short_name",
        "legal_form",
        "legal_address",
        "postal_address",
        "registration_authority",
        "founders",
        "head_name",
        "head_position",
        "head_reception",
        "privacy_officer",
    )


@register(models.LegalText)
class LegalTextTranslation(TranslationOptions):
    fields = ("heading", "text")


@register(models.Licence)
class LicenceTranslation(TranslationOptions):
    fields = ("authority",)


@register(models.LicensedWork)
class LicensedWorkTranslation(TranslationOptions):
    fields = ("text",)


@register(models.SupervisingBody)
class SupervisingBodyTranslation(TranslationOptions):
    fields = ("name", "address")


@register(models.PriceItem)
class PriceItemTranslation(TranslationOptions):
    fields = ("service", "includes")


@register(models.TreatmentCost)
class TreatmentCostTranslation(TranslationOptions):
    fields = ("price_factors", "state_funding")
