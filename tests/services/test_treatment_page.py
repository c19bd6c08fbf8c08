"""The treatment page's patient guide: aims, alternatives, the day of the procedure, when to call,
questions for the doctor, the warning next to every call to book, and a printable version."""

import re

import pytest
from django.test import Client

from services.models import Doctor, Treatment
from tests.builders import make_treatment

WARNING = "Имеются противопоказания. Необходима консультация специалиста."


@pytest.fixture(autouse=True)
def _no_page_cache(settings: object) -> None:
    settings.PAGE_CACHE_SECONDS = 0  # type: ignore[attr-defined]


@pytest.fixture
def treatment(clinic: object, doctor: Doctor) -> Treatment:
    return make_treatment(
        doctors=[doctor],
        aims_ru="Обычно лечение сдерживает опухоль, а не излечивает.",
        aims_en="Usually it controls the tumour rather than curing it.",
        alternatives_ru="- операция\n- абляция",
        alternatives_en="- surgery\n- ablation",
        microspheres_ru="TheraSphere (стеклянные микросферы)",
        microspheres_en="TheraSphere (glass microspheres)",
    )


def text_of(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "ru",
            [
                "Чего можно ожидать от лечения",
                "Обычно лечение сдерживает опухоль, а не излечивает.",
                "Другие варианты лечения",
                "<li>абляция</li>",
                "Какие микросферы используют в клинике:</strong> TheraSphere (стеклянные микросферы)",
                "День процедуры по часам",
                "<dt>8:00</dt><dd>Приезд в клинику</dd>",
                "Когда сразу звонить нам",
                "<td>Кровотечение в месте прокола</td><td>первые часы и дни</td>",
                "Что спросить у врача на консультации",
                "<li>Какова цель лечения?</li>",
            ],
        ),
        (
            "en",
            [
                "What the treatment can achieve",
                "Usually it controls the tumour rather than curing it.",
                "Other treatment options",
                "<li>ablation</li>",
                "Microspheres used at the clinic:</strong> TheraSphere (glass microspheres)",
                "The day of the procedure, hour by hour",
                "<dt>8:00</dt><dd>Arrive at the clinic</dd>",
                "When to call us at once",
                "<td>Bleeding at the puncture site</td><td>the first hours and days</td>",
                "Questions to ask your doctor",
                "<li>What is the aim of the treatment?</li>",
            ],
        ),
    ],
)
def test_the_patient_guide_sections_render_in_both_languages(
    client: Client, treatment: Treatment, lang: str, expected: list[str]
) -> None:
    html = text_of(client, f"/{lang}/treatments/radioembolization/")

    for fact in expected:
        assert fact in html, fact


def test_the_call_us_section_gives_the_clinic_phone(client: Client, treatment: Treatment) -> None:
    html = text_of(client, "/ru/treatments/radioembolization/")
    section = html[html.index('id="call-us"') : html.index('id="follow-up"')]

    assert 'href="tel:+74994601561"' in section


def test_sections_an_editor_left_empty_do_not_appear(client: Client, treatment: Treatment) -> None:
    Treatment.objects.update(
        aims_ru="", aims_en="", alternatives_ru="", alternatives_en="", microspheres_ru="", microspheres_en=""
    )
    treatment.procedure_day.all().delete()
    treatment.warning_signs.all().delete()
    treatment.questions_to_ask.all().delete()

    html = text_of(client, "/ru/treatments/radioembolization/")

    for heading in (
        "Чего можно ожидать",
        "Другие варианты лечения",
        "Какие микросферы",
        "День процедуры",
        "Когда сразу звонить нам",
        "Что спросить у врача",
    ):
        assert heading not in html, heading


def test_the_warning_stands_next_to_the_hero_and_the_booking_form(
    client: Client, treatment: Treatment
) -> None:
    for lang, warning in (("ru", WARNING), ("en", "There are contraindications. Consult a specialist.")):
        html = text_of(client, f"/{lang}/treatments/radioembolization/")
        hero = html[html.index('class="page-head"') : html.index('class="toc"')]
        consultation = html[html.index('id="consultation" aria') : html.index("<form")]

        assert warning in hero, lang
        assert warning in consultation, lang


def test_a_reviewer_is_named_only_when_an_editor_set_one(client: Client, treatment: Treatment) -> None:
    assert "Медицинский редактор:" in text_of(client, "/ru/treatments/radioembolization/")

    Treatment.objects.update(reviewer=None)
    html = text_of(client, "/ru/treatments/radioembolization/")

    assert "Медицинский редактор:" not in html
    assert "Проверил" not in html and "Последняя проверка" not in html
    assert "Источники" in html  # the references stay
    assert "reviewedBy" not in html


def test_the_page_links_a_print_stylesheet_that_keeps_answers_and_the_phone(
    client: Client, treatment: Treatment
) -> None:
    html = text_of(client, "/ru/treatments/radioembolization/")

    stylesheet = re.search(
        r'<link rel="stylesheet" href="(/static/css/print\.[^"]*css)" media="print">', html
    )
    assert stylesheet, "no print stylesheet"
    assert '<p class="print-only">Клиника Лядова · +7 (499) 460-15-61</p>' in html
    css = "".join(
        chunk.decode()
        for chunk in client.get(stylesheet.group(1)).streaming_content  # type: ignore[attr-defined]
    )
    assert "::details-content" in css  # FAQ answers open on paper
    assert ".print-only { display: block" in css
    assert re.search(r"\.main-nav[^{]*\{ display: none", css.replace("\n", " "))
