"""Admin for content editors: treatments, doctors, clinic locations, categories.

Russian and English fields sit one under the other (modeltranslation's plain
TranslationAdmin). Its tabbed variant is not used because it loads jQuery UI
from a third-party CDN, which the site's CSP and privacy rules forbid.
"""

from datetime import date, datetime, timedelta
from typing import Any

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline

from services.forms import ClinicLocationAdminForm, DoctorAdminForm, TreatmentAdminForm
from services.images import RENDITIONS_FIELD, make_renditions
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

REVIEW_SOON_DAYS = 30
# Editors paste addresses without a scheme; assume the secure one (Django 6's default).
HTTPS_URL_FIELDS: dict[type, dict[str, Any]] = {models.URLField: {"assume_scheme": "https"}}


def image_preview(renditions: dict[str, Any]) -> SafeString | str:
    if not renditions.get("preview"):
        return "—"
    return format_html('<img src="{}" width="200" alt="" loading="lazy">', renditions["preview"])


def save_renditions_if_needed(
    obj: Treatment | Doctor | ClinicLocation, form: ModelForm, field_name: str
) -> None:
    renditions_field = RENDITIONS_FIELD[field_name]
    image_without_renditions = bool(getattr(obj, field_name)) and not getattr(obj, renditions_field)
    if field_name in form.changed_data or image_without_renditions:
        make_renditions(obj, field_name)


class ReviewDueFilter(admin.SimpleListFilter):
    title = _("проверка текста врачом")
    parameter_name = "review"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, Any]]:
        return [
            ("overdue", _("просрочена")),
            ("soon", _("в ближайшие 30 дней")),
            ("missing", _("дата не задана")),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        today = date.today()
        if self.value() == "overdue":
            return queryset.filter(next_review__lt=today)
        if self.value() == "soon":
            return queryset.filter(
                next_review__gte=today, next_review__lte=today + timedelta(REVIEW_SOON_DAYS)
            )
        if self.value() == "missing":
            return queryset.filter(next_review__isnull=True)
        return queryset


class TreatmentStepInline(TranslationStackedInline):
    model = TreatmentStep
    extra = 0
    fields = ("order", "title", "duration", "description")


class PreparationItemInline(TranslationTabularInline):
    model = PreparationItem
    extra = 0


class FollowUpItemInline(TranslationTabularInline):
    model = FollowUpItem
    extra = 0


class FAQInline(TranslationStackedInline):
    model = FAQ
    extra = 0


class ProcedureDayItemInline(TranslationTabularInline):
    model = ProcedureDayItem
    extra = 0


class WarningSignInline(TranslationTabularInline):
    model = WarningSign
    extra = 0


class QuestionToAskInline(TranslationTabularInline):
    model = QuestionToAsk
    extra = 0


class DoctorEducationInline(TranslationTabularInline):
    model = DoctorEducation
    extra = 0


class DoctorQualificationInline(TranslationTabularInline):
    model = DoctorQualification
    extra = 0


class ReferenceInline(TranslationTabularInline):
    model = Reference
    extra = 0
    formfield_overrides = HTTPS_URL_FIELDS


@admin.register(TreatmentCategory)
class TreatmentCategoryAdmin(TranslationAdmin):
    list_display = ("title", "slug", "order")
    list_editable = ("order",)
    search_fields = ("title_ru", "title_en", "slug")
    prepopulated_fields = {"slug": ("title_en",)}


@admin.register(Treatment)
class TreatmentAdmin(TranslationAdmin):
    form = TreatmentAdminForm
    list_display = ("title", "category", "published", "order", "last_reviewed", "review_due")
    list_editable = ("published", "order")
    list_filter = ("published", "category", ReviewDueFilter, "reviewer")
    list_select_related = ("category",)
    search_fields = ("title_ru", "title_en", "alternate_name_ru", "alternate_name_en", "slug")
    prepopulated_fields = {"slug": ("title_en",)}
    filter_horizontal = ("doctors",)
    readonly_fields = ("hero_preview", "last_saved")
    inlines = (
        TreatmentStepInline,
        PreparationItemInline,
        ProcedureDayItemInline,
        FollowUpItemInline,
        WarningSignInline,
        QuestionToAskInline,
        FAQInline,
        ReferenceInline,
    )
    fieldsets = (
        (None, {"fields": ("title", "slug", "category", "alternate_name", "summary", "published", "order")}),
        (
            _("Разделы страницы"),
            {
                "fields": (
                    "what_it_is",
                    "aims",
                    "who_for",
                    "who_not_for",
                    "alternatives",
                    "decision",
                    "microspheres",
                    "after_procedure",
                    "risks",
                )
            },
        ),
        (_("Врачи и проверка текста"), {"fields": ("doctors", "reviewer", "last_reviewed", "next_review")}),
        (_("Главное изображение"), {"fields": ("hero_image", "hero_preview", "hero_image_alt")}),
        (
            _("Для поисковых систем"),
            {"fields": ("seo_title", "seo_description", "procedure_type", "body_location", "last_saved")},
        ),
    )

    @admin.display(description=_("следующая проверка"), ordering="next_review")
    def review_due(self, obj: Treatment) -> SafeString | str:
        if obj.next_review is None:
            return "—"
        shown = date_format(obj.next_review)
        if obj.review_overdue:
            return format_html("<strong>⚠ {} ({})</strong>", shown, _("просрочена"))
        return shown

    @admin.display(description=_("превью"))
    def hero_preview(self, obj: Treatment) -> SafeString | str:
        return image_preview(obj.hero_renditions)

    @admin.display(description=_("последнее изменение"))
    def last_saved(self, obj: Treatment) -> datetime | None:
        return obj.updated_at  # under a Russian label: the model field has no verbose name

    def save_model(self, request: HttpRequest, obj: Treatment, form: ModelForm, change: bool) -> None:
        super().save_model(request, obj, form, change)
        save_renditions_if_needed(obj, form, "hero_image")


@admin.register(Doctor)
class DoctorAdmin(TranslationAdmin):
    form = DoctorAdminForm
    list_display = ("name", "position", "is_demo_profile", "published", "order")
    list_editable = ("published", "order")
    list_filter = ("published", "is_demo_profile")
    search_fields = ("name_ru", "name_en", "position_ru", "position_en", "slug")
    prepopulated_fields = {"slug": ("name_en",)}
    readonly_fields = ("photo_preview", "last_saved")
    inlines = (DoctorEducationInline, DoctorQualificationInline)
    fieldsets = (
        (
            None,
            {"fields": ("name", "slug", "position", "specialty", "is_demo_profile", "published", "order")},
        ),
        (
            _("Учёная степень и звание"),
            {
                "fields": (
                    "degrees",
                    "academic_degree",
                    "academic_degree_awarded_by",
                    "academic_title",
                    "academic_title_awarded_by",
                )
            },
        ),
        (
            _("Работа в клинике"),
            {"fields": ("clinic_work", "reception_schedule", "practice_since")},
        ),
        (_("О враче"), {"fields": ("short_bio", "bio", "medical_specialty")}),
        (_("Фотография"), {"fields": ("photo", "photo_preview")}),
        (_("Служебное"), {"fields": ("last_saved",)}),
    )

    @admin.display(description=_("превью"))
    def photo_preview(self, obj: Doctor) -> SafeString | str:
        return image_preview(obj.photo_renditions)

    @admin.display(description=_("последнее изменение"))
    def last_saved(self, obj: Doctor) -> datetime | None:
        return obj.updated_at  # under a Russian label: the model field has no verbose name

    def save_model(self, request: HttpRequest, obj: Doctor, form: ModelForm, change: bool) -> None:
        super().save_model(request, obj, form, change)
        save_renditions_if_needed(obj, form, "photo")


class ExtraPhoneInline(TranslationTabularInline):
    model = ExtraPhone
    extra = 0


class OpeningHoursInline(TranslationTabularInline):
    model = OpeningHours
    extra = 0


class TransportRouteInline(TranslationStackedInline):
    model = TransportRoute
    extra = 0


@admin.register(ClinicLocation)
class ClinicLocationAdmin(TranslationAdmin):
    form = ClinicLocationAdminForm
    formfield_overrides = HTTPS_URL_FIELDS
    list_display = ("name", "address", "phone", "is_main", "order")
    search_fields = ("name_ru", "name_en", "address_ru", "address_en")
    inlines = (ExtraPhoneInline, OpeningHoursInline, TransportRouteInline)
    fieldsets = (
        (None, {"fields": ("name", "is_main", "order")}),
        (_("Как связаться"), {"fields": ("phone", "whatsapp_url", "telegram", "email")}),
        (
            _("Адрес"),
            {
                "fields": (
                    "address",
                    "street_address",
                    "locality",
                    "region",
                    "postal_code",
                    "latitude",
                    "longitude",
                )
            },
        ),
        (_("Как добраться на машине"), {"fields": ("car_directions", "parking")}),
        (
            _("Карта и вход"),
            {
                "fields": (
                    "map_image",
                    "map_preview",
                    "map_image_alt",
                    "entrance_photo",
                    "entrance_preview",
                    "entrance_photo_alt",
                )
            },
        ),
        (_("Юридические сведения"), {"fields": ("legal_name", "licence_number", "ogrn", "inn")}),
    )
    readonly_fields = ("map_preview", "entrance_preview")

    @admin.display(description=_("превью"))
    def map_preview(self, obj: ClinicLocation) -> SafeString | str:
        return image_preview(obj.map_renditions)

    @admin.display(description=_("превью"))
    def entrance_preview(self, obj: ClinicLocation) -> SafeString | str:
        return image_preview(obj.entrance_renditions)

    def save_model(self, request: HttpRequest, obj: ClinicLocation, form: ModelForm, change: bool) -> None:
        super().save_model(request, obj, form, change)
        save_renditions_if_needed(obj, form, "map_image")
        save_renditions_if_needed(obj, form, "entrance_photo")


# The legally required information has an admin module of its own.
import services.legal_admin  # noqa: E402, F401
