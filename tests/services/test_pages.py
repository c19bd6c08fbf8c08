import re

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from clinic_site.templatetags.site_tags import minutes
from clinic_site.views import server_error
from services.models import ClinicLocation, Doctor, Treatment
from tests.builders import make_clinic, make_treatment

WARNING = {
    "ru": "Имеются противопоказания. Необходима консультация специалиста.",
    "en": "There are contraindications. Consult a specialist.",
}


@pytest.fixture(autouse=True)
def _no_page_cache(settings: object) -> None:
    settings.PAGE_CACHE_SECONDS = 0  # type: ignore[attr-defined]


@pytest.fixture
def treatment(doctor: Doctor) -> Treatment:
    return make_treatment(doctors=[doctor])


def text_of(response: object) -> str:
    html = response.content.decode()  # type: ignore[attr-defined]
    return re.sub(r"\s+", " ", html)


@pytest.fixture
def site(clinic: ClinicLocation, treatment: Treatment) -> None:
    """A clinic, a treatment and its doctor: enough for every page to show something."""


PAGES = ["/{lang}/", "/{lang}/treatments/", "/{lang}/treatments/radioembolization/", "/{lang}/doctors/"]
PAGES += ["/{lang}/doctors/lyadov/", "/{lang}/contacts/", "/{lang}/privacy/"]


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_answers_in_its_language_with_the_warning_and_licence(
    client: Client, site: None, page: str, lang: str
) -> None:
    response = client.get(page.format(lang=lang))

    assert response.status_code == 200
    html = text_of(response)
    assert f'<html lang="{lang}">' in html
    assert WARNING[lang] in html
    assert "ЛО-50-01-012345" in html
    assert "1234567890123" in html  # OGRN in the footer
    assert 'href="tel:+74994601561"' in html


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_home_shows_treatments_lead_doctor_reasons_contacts_and_the_callback_promise(
    client: Client, site: None, lang: str
) -> None:
    html = text_of(client.get(f"/{lang}/"))

    expected = {
        "ru": [
            "Радиоэмболизация radioembolization",
            "Академик К. В. Лядов lyadov",
            "Почему пациенты выбирают нас",
            "Московская область, г. Химки, ул. Панфилова, 21/2",
            "перезвонит в течение 15 минут",
        ],
        "en": [
            "Radioembolization radioembolization",
            "Academician K. V. Lyadov lyadov",
            "Why patients choose us",
            "21/2 Panfilova St., Khimki, Moscow Region, Russia",
            "call you back within 15 minutes",
        ],
    }[lang]
    for fact in expected:
        assert fact in html


def test_the_callback_minutes_come_from_the_setting(client: Client, site: None, settings: object) -> None:
    settings.BOOKING_CALLBACK_MINUTES = 30  # type: ignore[attr-defined]

    assert "перезвонит в течение 30 минут" in text_of(client.get("/ru/"))
    assert "within 30 minutes" in text_of(client.get("/en/"))


def test_russian_minutes_take_the_right_plural_form(client: Client, site: None, settings: object) -> None:
    settings.BOOKING_CALLBACK_MINUTES = 2  # type: ignore[attr-defined]

    # Genitive after «в течение»: "2 минут", not "2 минуты" (tests/site/test_minutes.py has them all).
    assert "в течение 2 минут." in text_of(client.get("/ru/"))


def test_treatments_are_grouped_under_their_category(client: Client, site: None) -> None:
    html = text_of(client.get("/ru/treatments/"))

    category = html.index("Первичные опухоли печени")
    assert html.index("Радиоэмболизация radioembolization") > category


def test_unpublished_treatment_is_neither_listed_nor_shown(client: Client, site: None) -> None:
    Treatment.objects.update(published=False)

    assert "Радиоэмболизация radioembolization" not in text_of(client.get("/ru/treatments/"))
    assert client.get("/ru/treatments/radioembolization/").status_code == 404


@pytest.mark.parametrize(
    ("lang", "facts"),
    [
        (
            "ru",
            [
                "Катетер доставляет микросферы",
                "<li>Гепатоцеллюлярная карцинома</li>",
                "<li>Печёночная недостаточность</li>",
                "Решение принимает консилиум.",
                "Картирование",
                "2–3 часа",
                "Не есть 6–8 часов",
                "Обычно домой через 1–2 дня.",
                "Через 3 месяца",
                "Кровотечение в месте прокола.",
                "<summary>Это больно?</summary>",
                "1 октября 2026",
                "1 октября 2027",
                "Клинические рекомендации",
            ],
        ),
        (
            "en",
            [
                "A catheter delivers microspheres",
                "<li>Hepatocellular carcinoma</li>",
                "<li>Liver failure</li>",
                "A tumour board decides.",
                "Mapping",
                "2–3 hours",
                "No food for 6–8 hours",
                "Usually home within 1–2 days.",
                "At 3 months",
                "Bleeding at the puncture site.",
                "<summary>Does it hurt?</summary>",
                "Clinical guidelines",
            ],
        ),
    ],
)
def test_treatment_page_has_every_section(client: Client, site: None, lang: str, facts: list[str]) -> None:
    html = text_of(client.get(f"/{lang}/treatments/radioembolization/"))

    for fact in facts:
        assert fact in html


def test_treatment_page_shows_stages_in_order_as_a_timeline(client: Client, site: None) -> None:
    html = text_of(client.get("/ru/treatments/radioembolization/"))

    timeline = html[html.index('class="timeline"') :]
    assert timeline.index("Картирование") < timeline.index("Лечение</h3>")


def test_treatment_page_names_its_reviewer_doctors_and_a_call_to_action(client: Client, site: None) -> None:
    html = text_of(client.get("/ru/treatments/radioembolization/"))

    assert 'href="/ru/doctors/lyadov/"' in html
    assert "Медицинский редактор:" in html
    consultation = html[html.index('id="consultation"') :]
    assert '<form class="booking-form" method="post" action="/ru/consultation/"' in consultation


def test_treatment_uses_its_seo_title_and_description_when_set(client: Client, site: None) -> None:
    Treatment.objects.update(seo_title_ru="Радиоэмболизация печени в Химках", seo_description_ru="Коротко.")

    html = text_of(client.get("/ru/treatments/radioembolization/"))

    assert "<title>Радиоэмболизация печени в Химках — Клиника Лядова</title>" in html
    assert '<meta name="description" content="Коротко.">' in html


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_doctor_profile_shows_titles_accreditations_treatments_and_booking(
    client: Client, site: None, lang: str
) -> None:
    html = text_of(client.get(f"/{lang}/doctors/lyadov/"))

    expected = {
        "ru": [
            "Академик, профессор, доктор медицинских наук",
            "Аккредитация специалиста",
            "Записаться на консультацию",
        ],
        "en": [
            "Academician, Professor, Doctor of Medical Sciences",
            "Specialist accreditation",
            "Book a consultation",
        ],
    }[lang]
    for fact in expected:
        assert fact in html
    assert f'href="/{lang}/treatments/radioembolization/"' in html
    consultation = html[html.index('id="consultation"') :]
    assert f'<form class="booking-form" method="post" action="/{lang}/consultation/"' in consultation


def test_doctor_list_marks_a_demo_profile(client: Client, site: None) -> None:
    Doctor.objects.update(is_demo_profile=True)

    assert "Пример профиля" in text_of(client.get("/ru/doctors/"))
    assert "Example profile" in text_of(client.get("/en/doctors/"))


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_contacts_page_has_phones_whatsapp_hours_routes_map_link_and_legal_details(
    client: Client, site: None, lang: str
) -> None:
    html = text_of(client.get(f"/{lang}/contacts/"))

    assert 'href="tel:+74994601561"' in html
    assert 'href="https://wa.me/74994601561"' in html
    assert "08:00–20:00" in html
    assert ("Ежедневно" if lang == "ru" else "Every day") in html
    assert ("Речной вокзал" if lang == "ru" else "Rechnoy Vokzal") in html
    assert ("Бутаково" if lang == "ru" else "Butakovo") in html
    assert re.search(r'href="https://yandex\.ru/maps/\?text=[^"]+" rel="noopener noreferrer"', html)
    assert "<iframe" not in html
    assert "ЛО-50-01-012345" in html
    assert "5047000000" in html


def test_contacts_transport_table_labels_every_cell_for_phones(client: Client, site: None) -> None:
    html = text_of(client.get("/ru/contacts/"))

    assert '<th scope="row" data-label="От метро или станции">Речной вокзал</th>' in html
    assert '<td data-label="Выйти на остановке">Бутаково</td>' in html


@pytest.mark.parametrize(
    ("lang", "facts"),
    [
        ("ru", ["152-ФЗ", "Оператор персональных данных", "365 дней", "Российской Федерации", "Ваши права"]),
        (
            "en",
            ["152-FZ", "The operator of your personal data", "365 days", "Russian Federation", "Your rights"],
        ),
    ],
)
def test_privacy_policy_covers_operator_data_basis_retention_storage_and_rights(
    client: Client, site: None, lang: str, facts: list[str]
) -> None:
    html = text_of(client.get(f"/{lang}/privacy/"))

    for fact in facts:
        assert fact in html
    assert "ООО «Клиника Лядова»" in html or "Lyadov Clinic LLC" in html


def test_privacy_policy_states_the_configured_retention(client: Client, site: None, settings: object) -> None:
    settings.BOOKING_RETENTION_DAYS = 91  # type: ignore[attr-defined]

    assert "хранятся 91 день" in text_of(client.get("/ru/privacy/"))


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_language_switch_leads_to_the_same_page_in_the_other_language(
    client: Client, site: None, lang: str
) -> None:
    other = "en" if lang == "ru" else "ru"

    html = text_of(client.get(f"/{lang}/treatments/radioembolization/"))

    assert f'<a href="/{other}/treatments/radioembolization/" hreflang="{other}" lang="{other}">' in html


def test_english_navigation_names_the_sections(client: Client, site: None) -> None:
    html = text_of(client.get("/en/"))

    nav = html[html.index('class="main-nav"') : html.index("</nav>")]
    for label in ("Treatments", "Doctors", "Contacts"):
        assert f">{label}</a>" in nav


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_unknown_page_is_a_404_in_the_site_design(client: Client, site: None, lang: str) -> None:
    response = client.get(f"/{lang}/no-such-page/")

    assert response.status_code == 404
    html = text_of(response)
    assert ("Страница не найдена" if lang == "ru" else "Page not found") in html
    assert 'class="site-header"' in html
    assert WARNING[lang] in html
    assert '<meta name="robots" content="noindex">' in html


def test_server_error_page_is_designed_and_reads_nothing_from_the_database(db: None) -> None:
    request = RequestFactory().get("/ru/")
    with translation.override("ru"), CaptureQueriesContext(connection) as queries:
        response = server_error(request)

    assert response.status_code == 500
    html = text_of(response)
    assert len(queries) == 0
    assert "Что-то пошло не так" in html
    assert 'class="site-header"' in html
    assert WARNING["ru"] in html
    assert 'href="tel:+74994601561"' in html


def test_pages_work_before_any_content_exists(client: Client, db: None) -> None:
    for page in PAGES:
        path = page.format(lang="ru")
        if path.count("/") > 3:
            continue  # detail pages of content that does not exist are 404
        assert client.get(path).status_code == 200, path


def test_root_sends_a_visitor_to_their_language(client: Client, db: None) -> None:
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")

    assert response.status_code == 302
    assert response["Location"] == "/en/"


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        # After «в течение», the genitive.
        (15, "ru", "15 минут"),
        (1, "ru", "1 минуты"),
        (21, "ru", "21 минуты"),
        (3, "ru", "3 минут"),
        (12, "ru", "12 минут"),
        (0.5, "ru", "0,5 минуты"),
        (15.0, "en", "15 minutes"),
        (1, "en", "1 minute"),
    ],
)
def test_callback_minutes_read_naturally_in_both_languages(value: float, lang: str, text: str) -> None:
    with translation.override(lang):
        assert minutes(value) == text


@pytest.mark.django_db
def test_where_the_home_page_says_patients_can_write_it_links_the_clinics_messengers(client: Client) -> None:
    make_clinic(telegram="lyadov_clinic")
    make_treatment()

    html = client.get("/ru/").content.decode()

    assert 'href="https://wa.me/74994601561"' in html
    assert 'href="https://t.me/lyadov_clinic"' in html
