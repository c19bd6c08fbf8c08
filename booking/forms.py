from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField

from booking.models import ConsultationRequest
from services.models import Doctor, Treatment

STAMP_SALT = "booking-form"
MOSCOW = ZoneInfo("Europe/Moscow")
FARTHEST_DAYS_AHEAD = 14
NAME_MAX_LENGTH = 120
RELATIONSHIP_MAX_LENGTH = 60
MESSAGE_MAX_LENGTH = 1000
EMAIL_MAX_LENGTH = 254
# Every message a patient can see, in the page's language: Django's own (English-worded) texts never
# show, even past the browser's maxlength (pasted text, a browser that ignores it, a robot).
NOT_IN_LIST = _("Такого варианта нет в списке. Выберите из списка.")


def new_form_stamp() -> str:
    """A signed 'form shown at' time; it survives page caching because it carries no visitor data."""
    return signing.dumps(timezone.now().timestamp(), salt=STAMP_SALT)


def seconds_since_stamp(stamp: str) -> float | None:
    try:
        shown_at = float(signing.loads(stamp, salt=STAMP_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return timezone.now().timestamp() - shown_at


def _consent_label() -> SafeString:
    # A new tab, said out loud: what the patient typed stays in this one.
    return format_html(
        '{} <a href="{}" target="_blank" rel="noopener">{}</a> <span class="form-text-inline">{}</span>',
        _("Я даю"),
        reverse("booking:consent"),
        _("согласие на обработку персональных данных"),
        _("(текст согласия откроется в новой вкладке)"),
    )


class ConsultationForm(forms.Form):
    WHEN_NOW = "now"
    WHEN_LATER = "later"

    name = forms.CharField(
        label=_("Как к вам обращаться"),
        max_length=NAME_MAX_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={
            "required": _("Напишите, пожалуйста, как к вам обращаться."),
            "max_length": _(
                "Имя получилось длиннее %(limit_value)d знаков. Сократите его, пожалуйста: "
                "достаточно имени и отчества."
            ),
        },
    )
    phone = PhoneNumberField(
        label=_("Телефон"),
        region="RU",
        help_text=_("Например, 8 (999) 123-45-67. Номер другой страны — с кодом страны через «+»."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel", "type": "tel"}),
        error_messages={
            "required": _("Укажите номер телефона, чтобы менеджер мог вам перезвонить."),
            "invalid": _("Похоже, в номере ошибка. Проверьте цифры, например: 8 (999) 123-45-67."),
        },
    )
    channel = forms.ChoiceField(
        label=_("Как с вами связаться"),
        choices=[
            (ConsultationRequest.Channel.CALL, _("Позвонить по телефону")),
            (ConsultationRequest.Channel.WHATSAPP, _("Написать в WhatsApp")),
            (ConsultationRequest.Channel.TELEGRAM, _("Написать в Telegram")),
        ],
        initial=ConsultationRequest.Channel.CALL,
        widget=forms.RadioSelect,
        error_messages={"required": _("Выберите, как с вами связаться."), "invalid_choice": NOT_IN_LIST},
    )
    when = forms.ChoiceField(
        label=_("Когда связаться"),
        choices=[(WHEN_NOW, _("Как можно скорее")), (WHEN_LATER, _("В выбранный день и час"))],
        initial=WHEN_NOW,
        widget=forms.RadioSelect,
        error_messages={"required": _("Выберите, когда с вами связаться."), "invalid_choice": NOT_IN_LIST},
    )
    preferred_date = forms.DateField(
        label=_("День"),
        required=False,
        input_formats=["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Выберите день, когда вам удобно поговорить."),
            "invalid": _("Укажите день в виде ДД.ММ.ГГГГ, например 05.12.2026."),
        },
    )
    preferred_time = forms.TimeField(
        label=_("Время"),
        required=False,
        input_formats=["%H:%M", "%H.%M", "%H:%M:%S"],
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("Колл-центр работает круглосуточно. Время московское; не дальше чем на 14 дней вперёд."),
        error_messages={
            "required": _("Выберите время, когда вам удобно поговорить."),
            "invalid": _("Укажите время в виде ЧЧ:ММ, например 14:30."),
        },
    )
    treatment = forms.ModelChoiceField(
        label=_("Лечение"),
        queryset=Treatment.objects.published(),
        to_field_name="slug",
        required=False,
        empty_label=_("Пока не знаю / другое"),
        # Radio buttons: a long name ("Радиоэмболизация опухолей печени") wraps instead of being
        # cut off in a narrow drop-down, and there are only a few treatments to choose from.
        widget=forms.RadioSelect,
        blank=True,  # keeps "not sure yet" as the first radio button
        error_messages={"invalid_choice": NOT_IN_LIST},
    )
    doctor = forms.ModelChoiceField(
        label=_("Врач"),
        queryset=Doctor.objects.published(),
        to_field_name="slug",
        required=False,
        empty_label=_("Любой врач"),
        error_messages={"invalid_choice": NOT_IN_LIST},
    )
    message = forms.CharField(
        label=_("Коротко о вопросе (необязательно)"),
        max_length=MESSAGE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Одной-двумя фразами, например «метастазы в печени, хочу узнать о радиоэмболизации». "
            "Подробную историю болезни и документы здесь не пишите: врач спросит о них сам."
        ),
        error_messages={
            "max_length": _(
                "Сообщение длиннее %(limit_value)d знаков (сейчас %(show_value)d). Оставьте главное: "
                "подробности менеджер спросит по телефону."
            )
        },
    )
    requester = forms.ChoiceField(
        label=_("Кто обращается"),
        choices=[
            (ConsultationRequest.Requester.PATIENT, _("Я пациент")),
            (ConsultationRequest.Requester.RELATIVE, _("Я родственник или близкий пациента")),
        ],
        initial=ConsultationRequest.Requester.PATIENT,
        widget=forms.RadioSelect,
        error_messages={"required": _("Укажите, кто обращается."), "invalid_choice": NOT_IN_LIST},
    )
    patient_name = forms.CharField(
        label=_("Имя пациента (необязательно)"),
        max_length=NAME_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={
            "max_length": _(
                "Имя пациента получилось длиннее %(limit_value)d знаков. Сократите его, пожалуйста."
            )
        },
    )
    relationship = forms.CharField(
        label=_("Кем вы приходитесь пациенту"),
        max_length=RELATIONSHIP_MAX_LENGTH,
        required=False,
        help_text=_("Например: дочь, муж, друг семьи."),
        error_messages={
            "max_length": _("Напишите короче, не больше %(limit_value)d знаков: например, «дочь» или «муж».")
        },
    )
    callback_person = forms.ChoiceField(
        label=_("Кому перезвонить"),
        choices=[
            (ConsultationRequest.CallbackPerson.REQUESTER, _("Мне")),
            (ConsultationRequest.CallbackPerson.PATIENT, _("Пациенту")),
        ],
        initial=ConsultationRequest.CallbackPerson.REQUESTER,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Телефон в начале формы — того, кому перезвонить."),
        error_messages={"invalid_choice": NOT_IN_LIST},
    )
    email = forms.EmailField(
        label=_("Электронная почта (необязательно)"),
        required=False,
        max_length=EMAIL_MAX_LENGTH,
        help_text=_("Пришлём подтверждение с номером заявки."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "invalid": _("Проверьте адрес почты, например: name@example.ru."),
            "max_length": _("Адрес почты длиннее %(limit_value)d знаков. Проверьте его, пожалуйста."),
        },
    )
    consent = forms.BooleanField(
        # Built when shown, in the language and under the address prefix of that request.
        label=lazy(_consent_label, SafeString)(),
        required=True,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
        error_messages={
            "required": _("Без согласия на обработку персональных данных мы не можем принять заявку.")
        },
    )
    # A trap for bots: hidden from people and screen readers, so only a robot fills it.
    website = forms.CharField(
        label=_("Оставьте это поле пустым"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    stamp = forms.CharField(required=False, widget=forms.HiddenInput)
    source = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("stamp", new_form_stamp())

    def full_clean(self) -> None:
        super().full_clean()
        self._link_errors_to_fields()

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if not any(ch.isalpha() for ch in name):
            raise forms.ValidationError(_("Напишите имя буквами."))
        return name

    def clean(self) -> dict[str, Any]:
        super().clean()  # Django's Form.clean() only hands back self.cleaned_data
        cleaned = self.cleaned_data
        if cleaned.get("when") == self.WHEN_LATER:
            cleaned["preferred_at"] = self._preferred_moment(cleaned)
        else:
            cleaned["preferred_at"] = None
        self._clean_relative(cleaned)
        return cleaned

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def seconds_to_fill(self) -> float | None:
        return seconds_since_stamp(str(self.data.get("stamp", "")))

    def _clean_relative(self, cleaned: dict[str, Any]) -> None:
        # Fields a patient filled before switching back to "I am the patient" are not kept.
        if cleaned.get("requester") != ConsultationRequest.Requester.RELATIVE:
            cleaned["patient_name"] = ""
            cleaned["relationship"] = ""
            cleaned["callback_person"] = ConsultationRequest.CallbackPerson.REQUESTER
            return
        cleaned["patient_name"] = cleaned.get("patient_name", "").strip()
        cleaned["relationship"] = cleaned.get("relationship", "").strip()
        if not cleaned["relationship"] and "relationship" not in self.errors:
            self.add_error("relationship", _("Напишите, кем вы приходитесь пациенту: например, «дочь»."))
        if not cleaned.get("callback_person"):
            cleaned["callback_person"] = ConsultationRequest.CallbackPerson.REQUESTER

    def _preferred_moment(self, cleaned: dict[str, Any]) -> datetime | None:
        day: date | None = cleaned.get("preferred_date")
        at: time | None = cleaned.get("preferred_time")
        if day is None and "preferred_date" not in self.errors:
            self.add_error("preferred_date", _("Выберите день, когда вам удобно поговорить."))
        if at is None and "preferred_time" not in self.errors:
            self.add_error("preferred_time", _("Выберите время, когда вам удобно поговорить."))
        if day is None or at is None:
            return None
        today = timezone.now().astimezone(MOSCOW).date()
        # Checked before combining: a far-off year would overflow the time-zone arithmetic.
        if day < today:
            self.add_error(
                "preferred_date", _("Этот день уже прошёл. Выберите сегодняшний или более поздний.")
            )
            return None
        if day > today + timedelta(days=FARTHEST_DAYS_AHEAD):
            self.add_error("preferred_date", _("Выберите день в ближайшие 14 дней."))
            return None
        moment = datetime.combine(day, at.replace(second=0, microsecond=0), tzinfo=MOSCOW)
        if moment < timezone.now():
            self.add_error("preferred_time", _("Это время уже прошло. Выберите более позднее."))
            return None
        return moment

    def _link_errors_to_fields(self) -> None:
        # Screen readers announce the error with the field only if the field points at it.
        for name in self.errors:
            if name not in self.fields:
                continue
            bound = self[name]
            described = [f"{bound.auto_id}_error"]
            if self.fields[name].help_text:
                described.append(f"{bound.auto_id}_helptext")
            self.fields[name].widget.attrs["aria-describedby"] = " ".join(described)
        if "consent" in self.errors:
            self.fields["consent"].widget.attrs["class"] = "form-check-input is-invalid"

    def error_summary(self) -> list[tuple[str, str]]:
        """(anchor, message) pairs for the list at the top of the form."""
        summary = [("", str(error)) for error in self.non_field_errors()]
        for name, errors in self.errors.items():
            if name in self.fields:
                anchor = self[name].id_for_label or f"div_{self[name].auto_id}"
                summary.extend((anchor, str(error)) for error in errors)
        return summary


def prefill(treatment: Treatment | None = None, doctor: Doctor | None = None, source: str = "") -> dict:
    initial: dict[str, object] = {"source": source[:300]}
    if treatment is not None:
        initial["treatment"] = treatment.slug
    if doctor is not None:
        initial["doctor"] = doctor.slug
    return initial


def form_for_page(
    treatment: Treatment | None = None, doctor: Doctor | None = None, source: str = ""
) -> ConsultationForm:
    return ConsultationForm(initial=prefill(treatment, doctor, source))
