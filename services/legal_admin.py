"""Admin for the legally required information (services/legal.py), for content editors."""

from typing import Any

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from services.legal import (
    LegalText,
    Licence,
    LicensedWork,
    MedicalOrganisation,
    PriceItem,
    SupervisingBody,
    TreatmentCost,
)

# Editors paste addresses without a scheme; assume the secure one (as services/admin.py does).
HTTPS_URL_FIELDS: dict[type, dict[str, Any]] = {models.URLField: {"assume_scheme": "https"}}


@admin.register(MedicalOrganisation)
class MedicalOrganisationAdmin(TranslationAdmin):
    list_display = ("short_name", "ogrn", "inn", "is_demo")
    fieldsets = (
        (None, {"fields": ("full_name", "short_name", "legal_form", "is_demo")}),
        (_("Адреса"), {"fields": ("legal_address", "postal_address")}),
        (
            _("Регистрация"),
            {"fields": ("registration_date", "registration_authority", "ogrn", "inn", "kpp", "founders")},
        ),
        (
            _("Руководитель и приём граждан"),
            {"fields": ("head_name", "head_position", "head_reception", "head_phone", "head_email")},
        ),
        (_("Платные услуги"), {"fields": ("prices_effective_from", "contract_template")}),
        (
            _("Персональные данные"),
            {
                "fields": (
                    "privacy_policy_date",
                    "privacy_officer",
                    "privacy_officer_contact",
                    "rkn_registry_number",
                )
            },
        ),
    )


@admin.register(LegalText)
class LegalTextAdmin(TranslationAdmin):
    list_display = ("topic", "order", "heading")
    list_display_links = ("heading",)
    list_editable = ("order",)
    list_filter = ("topic",)
    search_fields = ("heading_ru", "heading_en", "text_ru", "text_en")
    fields = ("topic", "order", "heading", "text")


class LicensedWorkInline(TranslationTabularInline):
    model = LicensedWork
    extra = 0


@admin.register(Licence)
class LicenceAdmin(TranslationAdmin):
    list_display = ("number", "issued_on", "authority", "order")
    list_editable = ("order",)
    inlines = (LicensedWorkInline,)
    fields = ("number", "issued_on", "authority", "registry_url", "order")
    formfield_overrides = HTTPS_URL_FIELDS


@admin.register(SupervisingBody)
class SupervisingBodyAdmin(TranslationAdmin):
    list_display = ("name", "kind", "phone", "order")
    list_editable = ("order",)
    list_filter = ("kind",)
    fields = ("kind", "order", "name", "address", "phone", "email", "website")
    formfield_overrides = HTTPS_URL_FIELDS


@admin.register(PriceItem)
class PriceItemAdmin(TranslationAdmin):
    list_display = ("service", "code", "price", "price_is_from", "treatment", "is_demo", "published", "order")
    list_editable = ("price", "price_is_from", "published", "order")
    list_filter = ("treatment", "published", "is_demo")
    list_select_related = ("treatment",)
    search_fields = ("service_ru", "service_en", "code")
    fields = (
        "service",
        "code",
        "treatment",
        "price",
        "price_is_from",
        "includes",
        "is_demo",
        "published",
        "order",
    )


@admin.register(TreatmentCost)
class TreatmentCostAdmin(TranslationAdmin):
    list_display = ("treatment",)
    list_select_related = ("treatment",)
    fields = ("treatment", "price_factors", "state_funding")
