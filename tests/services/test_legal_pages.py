"""The section "Сведения о медицинской организации": what a patient reads, in both languages,
and what it leaves out when an editor has not entered something."""

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from clinic_site.cache import VERSION_KEY
from clinic_site.sitemaps import LEGAL_PAGES
from services.legal import LegalText, Licence, MedicalOrganisation, PriceItem, SupervisingBody, TreatmentCost
from services.models import ClinicLocation, Treatment
from tests.builders import make_legal_information, make_organisation, make_price, make_treatment
from tests.site.pages import public_page_urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def complete(clinic: ClinicLocation, treatment: Treatment) -> MedicalOrganisation:
    return make_legal_information(treatment)


def page(url: str) -> str:
    response = Client().get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def text_of(html: str) -> str:
    """The words a reader sees in the main part of the page, without tags or repeated spaces."""
    main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", main).replace("&nbsp;", " ").split())


def headings(html: str) -> list[str]:
    """The section headings under the page's title (h2 and below)."""
    main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    found = re.findall(r"<h([2-6])[^>]*>(.*?)</h\1>", main, flags=re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", inner).split()) for _level, inner in found]


def url(name: str, language: str, *args: str) -> str:
    with translation.override(language):
        return reverse(name, args=args)


def treatment_page(treatment: Treatment, language: str = "ru") -> str:
    return page(url("services:treatment", language, treatment.slug))


def test_the_index_shows_the_organisation_in_russian(complete: MedicalOrganisation) -> None:
    shown = text_of(page(url("services:legal", "ru")))
    assert "Общество с ограниченной ответственностью «Клиника Лядова»" in shown
    assert "ОГРН 1115047000123" in shown
    assert "ИНН 5047123456" in shown
    assert "КПП 504701001" in shown
    assert "14 марта 2011" in shown
    assert "Смирнова Елена Викторовна" in shown
    assert "Четверг, 15:00–17:00, по записи" in shown
    assert "Московская область, г. Химки, ул. Панфилова, 21/2" in shown  # the site's address
    assert "№ Л041-01137-50/00123456 от 17 мая 2021" in shown
    assert "Текст guarantees." in shown and "Текст accessibility." in shown


def test_the_index_shows_the_organisation_in_english(complete: MedicalOrganisation) -> None:
    shown = text_of(page(url("services:legal", "en")))
    assert "Information about the medical organisation" in shown
    assert "Lyadov Clinic Limited Liability Company" in shown
    assert "Date of state registration 14 March 2011" in shown
    assert "Elena V. Smirnova" in shown
    assert "Thursdays, 15:00–17:00, by appointment" in shown
    assert "No. Л041-01137-50/00123456 of 17 May 2021" in shown
    assert "Text structure." in shown


@pytest.mark.parametrize(
    ("name", "russian", "english"),
    [
        ("services:legal_licences", ["Рентгенэндоваскулярная хирургия"], ["Interventional radiology"]),
        (
            "services:legal_prices",
            ["от 950 000 ₽", "микросферы и день в стационаре", "Прейскурант действует с 1 октября 2026"],
            ["from 950,000 ₽", "the microspheres and a day in hospital", "in force since 1 October 2026"],
        ),
        ("services:legal_paid_services", ["Текст paid_services.", "Текст payment."], ["Text contract."]),
        ("services:legal_patients", ["Текст rights.", "Текст duties.", "Текст rules."], ["Text rights."]),
        (
            "services:legal_supervision",
            ["Роспотребнадзор по Московской области", "+7 (495) 000-11-22"],
            ["Rospotrebnadzor, Moscow Region"],
        ),
    ],
)
def test_each_sub_page_shows_its_data_in_both_languages(
    complete: MedicalOrganisation, name: str, russian: list[str], english: list[str]
) -> None:
    shown_ru = text_of(page(url(name, "ru")))
    shown_en = text_of(page(url(name, "en")))
    for words in russian:
        assert words in shown_ru
    for words in english:
        assert words in shown_en


def test_every_page_of_the_section_links_to_every_other(complete: MedicalOrganisation) -> None:
    for language in ("ru", "en"):
        for name in LEGAL_PAGES:
            html = page(url(name, language))
            for other in LEGAL_PAGES:
                assert f'href="{url(other, language)}"' in html, (name, other)
            menu = html.split('<nav class="legal-menu"', 1)[1].split("</nav>", 1)[0]
            assert menu.count('aria-current="page"') == 1


def test_with_nothing_entered_no_page_shows_an_empty_heading(clinic: ClinicLocation) -> None:
    for name in LEGAL_PAGES:
        html = page(url(name, "ru"))
        shown = headings(html)
        assert not {"Организация", "Лицензии", "Руководитель и приём граждан", "Права пациента"} & set(shown)
        assert "Стоимость" not in shown and "Способы оплаты" not in shown
        if name != "services:legal":  # the index still shows the clinic's address from its location
            assert "Клиника ещё не опубликовала эти сведения на сайте." in text_of(html), name


def test_a_part_left_empty_leaves_out_its_heading(clinic: ClinicLocation) -> None:
    make_organisation(head_name_ru="", head_name_en="", kpp="", founders_ru="", founders_en="")
    html = page(url("services:legal", "ru"))
    assert "Организация" in headings(html)
    assert "Руководитель и приём граждан" not in headings(html)
    assert "Лицензии" not in headings(html) and "Структура и органы управления" not in headings(html)
    assert "КПП" not in text_of(html) and "Учредител" not in text_of(html)


def test_a_demo_organisation_is_marked_as_demo_on_every_page(complete: MedicalOrganisation) -> None:
    MedicalOrganisation.objects.update(is_demo=True)
    for name in LEGAL_PAGES:
        assert "Демонстрационные данные" in text_of(page(url(name, "ru")))
        assert "Demo data" in text_of(page(url(name, "en")))


def test_the_real_organisation_is_not_marked_as_demo(complete: MedicalOrganisation) -> None:
    assert "Демонстрационные данные" not in page(url("services:legal", "ru"))


def test_prices_are_grouped_by_treatment_with_the_other_services_last(
    complete: MedicalOrganisation, treatment: Treatment
) -> None:
    make_price(
        "Приём онколога",
        price="6000",
        price_is_from=False,
        code="B01.027.001",
        includes_ru="",
        service_en="Oncologist",
    )
    shown = text_of(page(url("services:legal_prices", "ru")))
    assert (
        shown.index("Радиоэмболизация печени") < shown.index("Другие услуги") < shown.index("Приём онколога")
    )
    assert "Приём онколога B01.027.001 6 000 ₽" in shown
    assert "Код услуги" in shown


def test_the_code_column_is_left_out_when_no_price_has_a_code(complete: MedicalOrganisation) -> None:
    assert "Код услуги" not in page(url("services:legal_prices", "ru"))


def test_demo_prices_are_marked_as_demo(complete: MedicalOrganisation, treatment: Treatment) -> None:
    PriceItem.objects.update(is_demo=True)
    assert "Цены демонстрационные" in text_of(page(url("services:legal_prices", "ru")))
    assert "Демонстрационная цена" in text_of(treatment_page(treatment))


def test_an_unpublished_price_is_not_shown(complete: MedicalOrganisation, treatment: Treatment) -> None:
    PriceItem.objects.update(published=False)
    assert "950 000" not in page(url("services:legal_prices", "ru"))
    assert "950 000" not in treatment_page(treatment)


def test_the_contract_template_is_offered_for_download(
    complete: MedicalOrganisation, media_root: Path
) -> None:
    complete.contract_template.save("dogovor.pdf", ContentFile(b"%PDF-1.4 sample"))
    html = page(url("services:legal_paid_services", "ru"))
    assert "Скачать образец договора" in html
    response = Client().get(reverse("services:legal_contract"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 sample"


def test_without_a_contract_template_there_is_nothing_to_download(complete: MedicalOrganisation) -> None:
    assert "Скачать образец договора" not in page(url("services:legal_paid_services", "ru"))
    assert Client().get(reverse("services:legal_contract")).status_code == 404


def test_the_footer_of_every_public_page_links_to_the_section(complete: MedicalOrganisation) -> None:
    for language in ("ru", "en"):
        link = f'href="{url("services:legal", language)}"'
        for address in public_page_urls(language):
            html = page(address)
            footer = html.split('<footer class="site-footer">', 1)[1]
            assert link in footer, address


def test_the_section_is_in_the_sitemap_in_both_languages(complete: MedicalOrganisation) -> None:
    sitemap = Client().get("/sitemap.xml").content.decode()
    for name in LEGAL_PAGES:
        for language in ("ru", "en"):
            assert f"{url(name, language)}</loc>" in sitemap


def test_the_section_is_cached_and_an_edit_shows_at_once(
    complete: MedicalOrganisation, django_assert_max_num_queries: Callable
) -> None:
    address = url("services:legal_supervision", "ru")
    page(address)
    with django_assert_max_num_queries(1):
        page(address)
    body = SupervisingBody.objects.get(kind="rospotrebnadzor")
    body.phone = "+7 (495) 999-88-77"
    body.save()
    assert "+7 (495) 999-88-77" in page(address)


def test_saving_or_deleting_any_legal_row_makes_cached_pages_stale(complete: MedicalOrganisation) -> None:
    for model in [MedicalOrganisation, LegalText, Licence, SupervisingBody, PriceItem, TreatmentCost]:
        before = cache.get(VERSION_KEY)
        model.objects.first().save()  # type: ignore[attr-defined]
        assert cache.get(VERSION_KEY) != before, model.__name__
        before = cache.get(VERSION_KEY)
        model.objects.first().delete()  # type: ignore[attr-defined]
        assert cache.get(VERSION_KEY) != before, model.__name__


# --- The cost section of a treatment page ------------------------------------------------


def test_a_treatment_page_shows_its_cost_in_russian(
    complete: MedicalOrganisation, treatment: Treatment
) -> None:
    shown = text_of(treatment_page(treatment))
    section = shown[shown.index("Стоимость") :]
    assert "Радиоэмболизация от 950 000 ₽" in section
    assert "Входит: микросферы и день в стационаре" in section
    assert "От чего зависит цена число микросфер" in section
    assert "ОМС и квоты на высокотехнологичную помощь По квоте на ВМП — бесплатно." in section


def test_a_treatment_page_shows_its_cost_in_english(
    complete: MedicalOrganisation, treatment: Treatment
) -> None:
    shown = text_of(treatment_page(treatment, "en"))
    section = shown[shown.index("Cost") :]
    assert "Radioembolization from 950,000 ₽" in section
    assert "What the price depends on the number of microspheres" in section
    assert "Free under a VMP quota." in section


def test_a_treatment_without_prices_or_a_cost_note_has_no_cost_heading(
    clinic: ClinicLocation, treatment: Treatment
) -> None:
    make_legal_information(make_treatment("chemoembolization"))  # prices of another treatment
    html = treatment_page(treatment)
    assert "Стоимость" not in headings(html)
    assert 'id="cost"' not in html
    assert 'href="#cost"' not in html  # no entry in "on this page" pointing nowhere


def test_a_cost_note_without_prices_still_explains_oms_and_vmp(
    clinic: ClinicLocation, treatment: Treatment
) -> None:
    TreatmentCost.objects.create(treatment=treatment, state_funding_ru="Только платно.")
    html = treatment_page(treatment)
    shown = headings(html)
    assert "Стоимость" in shown and "ОМС и квоты на высокотехнологичную помощь" in shown
    assert '<a href="#cost">Стоимость</a>' in html  # listed under "on this page"
    assert "От чего зависит цена" not in shown


def test_the_english_pages_carry_no_russian_headings_or_labels(complete: MedicalOrganisation) -> None:
    for name in LEGAL_PAGES:
        html = page(url(name, "en"))
        main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
        labels = re.findall(
            r"<(?:h[1-6]|dt|th|caption)[^>]*>(.*?)</(?:h[1-6]|dt|th|caption)>", main, flags=re.S
        )
        # A licence number is written in Cyrillic in any language; nothing else may be.
        russian = [label for label in labels if re.search("[а-яё]", re.sub(r"<[^>]+>|Л041\S*", "", label))]
        assert russian == [], name
