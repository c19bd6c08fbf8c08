from datetime import time
from io import BytesIO, StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from modeltranslation.translator import translator

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

CONTENT_MODELS = (
    TreatmentCategory,
    Doctor,
    DoctorEducation,
    DoctorQualification,
    Treatment,
    TreatmentStep,
    ProcedureDayItem,
    WarningSign,
    QuestionToAsk,
    PreparationItem,
    FollowUpItem,
    FAQ,
    Reference,
    ClinicLocation,
    ExtraPhone,
    OpeningHours,
    TransportRoute,
)


@pytest.fixture
def demo(db: None, media_root: Path) -> Path:
    call_command("load_demo_content", stdout=StringIO())
    return media_root


def page_text(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in CONTENT_MODELS}


def test_loading_twice_creates_no_duplicate_rows_or_files(demo: Path) -> None:
    counts_after_first = row_counts()
    files_after_first = sorted(path for path in demo.rglob("*") if path.is_file())

    call_command("load_demo_content", stdout=StringIO())

    assert row_counts() == counts_after_first
    assert sorted(path for path in demo.rglob("*") if path.is_file()) == files_after_first
    assert counts_after_first["Treatment"] == 2
    assert counts_after_first["TransportRoute"] == 4


def test_every_translated_field_is_filled_in_both_languages_or_in_neither(demo: Path) -> None:
    for model in CONTENT_MODELS:
        fields = translator.get_options_for_model(model).fields
        for obj in model.objects.all():
            for field in fields:
                russian, english = getattr(obj, f"{field}_ru"), getattr(obj, f"{field}_en")
                assert bool(russian) == bool(english), f"{model.__name__}.{field} of {obj.pk}"


def test_every_demo_row_passes_model_validation(demo: Path) -> None:
    # Lengths matter on PostgreSQL; SQLite would silently accept a too-long title.
    for model in CONTENT_MODELS:
        for obj in model.objects.all():
            obj.full_clean()


def test_radioembolization_page_carries_the_key_facts_in_russian(demo: Path, client: Client) -> None:
    html = page_text(client, "/ru/treatments/radioembolization/")

    for fact in (
        "64,1 часа",
        "2,5 мм",
        "11 мм",
        "20–30 микрометров",
        "20–60 микрометров",
        "TheraSphere",
        "SIR-Spheres",
        "печёночной артерии",
        "воротной вены",
        "технецием-99m",
        "ОФЭКТ/КТ",
        "лёгочн",
        "7–10 дней",
        "2–3 часа",
        "6–8 часов",
        "постэмболизационным синдромом",
        "лучевой пневмонит",
        "каждые 3, 6 или 12 месяцев",
        "Лядов К. В.",
        "Cancer Research UK",
        "это две разные процедуры",
    ):
        assert fact in html, fact


def test_radioembolization_page_carries_the_key_facts_in_english(demo: Path, client: Client) -> None:
    html = page_text(client, "/en/treatments/radioembolization/")

    for fact in (
        "64.1 hours",
        "2.5 mm",
        "11 mm",
        "20–30 micrometres",
        "20–60 micrometres",
        "hepatic artery",
        "portal vein",
        "technetium-99m macroaggregated albumin",
        "SPECT/CT",
        "lung shunt",
        "7–10 days",
        "2–3 hours",
        "6–8 hours",
        "post-embolization syndrome",
        "radiation pneumonitis",
        "every 3, 6 or 12 months",
        "K. V. Lyadov",
        "are two different procedures",
    ):
        assert fact in html, fact


def test_radioembolization_has_two_stages_a_full_checklist_and_enough_answers(demo: Path) -> None:
    treatment = Treatment.objects.get(slug="radioembolization")

    durations = [step.duration_en for step in treatment.steps.all()]
    assert durations[1].startswith("the procedure takes 2–3 hours") and durations[3] == durations[1]
    assert treatment.preparation.count() >= 6
    assert [row.when_en for row in treatment.follow_up.all()] == [
        "End of week 2",
        "End of week 4",
        "At 3 months",
        "After that",
    ]
    assert treatment.faqs.count() >= 6
    assert treatment.reviewer is None  # nobody is named as reviewer until an editor says who checked it
    assert treatment.body_location_ru == "Печень" and treatment.body_location_en == "Liver"
    assert all(
        reference.url.startswith("https://") or not reference.url for reference in treatment.references.all()
    )


def test_radioembolization_and_chemoembolization_are_different_pages(demo: Path, client: Client) -> None:
    radio = page_text(client, "/ru/treatments/radioembolization/")
    chemo = page_text(client, "/ru/treatments/chemoembolization/")

    assert "иттрием-90" in radio and "64,1" in radio
    assert "доксорубицин" in chemo and "каждые 4–8 недель" in chemo
    assert "64,1" not in chemo
    assert "TACE" in chemo and "это две разные процедуры" in chemo.lower()


def test_contacts_page_lists_all_four_stations_the_hours_and_the_phone(demo: Path, client: Client) -> None:
    russian = page_text(client, "/ru/contacts/")
    english = page_text(client, "/en/contacts/")

    for fact in ("Речной вокзал", "Войковская", "Планерная", "Беломорская", "443", "176м", "662м", "309"):
        assert fact in russian, fact
    for fact in ("817", "762м", "Бутаково", "Новобутаково", "Куркинскому шоссе", "+7 (499) 460-15-61"):
        assert fact in russian, fact
    for fact in ("Rechnoy Vokzal", "Voykovskaya", "Planernaya", "Belomorskaya", "Бутаково (Butakovo)"):
        assert fact in english, fact
    assert "Новобутаково (Novobutakovo)" in english
    assert "Kurkinskoye shosse" in english
    outpatient = OpeningHours.objects.get(label_en="Outpatient department")
    assert (outpatient.opens, outpatient.closes, outpatient.first_day, outpatient.last_day) == (
        time(8, 0),
        time(20, 0),
        1,
        7,
    )
    assert OpeningHours.objects.filter(around_the_clock=True).exists()
    assert "08:00" in russian and "20:00" in russian


def test_only_academician_lyadov_is_a_real_profile(demo: Path) -> None:
    assert list(Doctor.objects.filter(is_demo_profile=False).values_list("slug", flat=True)) == ["lyadov"]
    for demo_doctor in Doctor.objects.filter(is_demo_profile=True):
        assert demo_doctor.name_ru.startswith("Демо-профиль")
        assert demo_doctor.name_en.startswith("Demo profile")
    radiologist = Doctor.objects.get(slug="demo-interventional-radiologist")
    assert "EBIR" in radiologist.bio_en
    assert all("(example)" in row.specialty_en for row in radiologist.qualifications.all())


def test_demo_pictures_have_webp_and_jpeg_renditions_on_disk(demo: Path) -> None:
    pictures = [doctor.photo_renditions for doctor in Doctor.objects.all()]
    pictures += [treatment.hero_renditions for treatment in Treatment.objects.all()]

    assert len(pictures) == 5
    for renditions in pictures:
        assert [width for width, _ in renditions["webp"]] == [400, 800, 1200]
        assert [width for width, _ in renditions["jpeg"]] == [400, 800, 1200]
        for name in renditions["files"]:
            assert (demo / name).is_file()


def test_english_pages_mark_the_demo_legal_details_in_words_an_english_reader_understands(
    demo: Path, client: Client
) -> None:
    english = page_text(client, "/en/contacts/")

    assert "демо" not in english.lower()
    assert "0000000000 (DEMO)" in english


def test_no_transport_note_repeats_the_then_column_label(demo: Path, client: Client) -> None:
    for route in TransportRoute.objects.all():
        assert not route.walking_note_ru.lower().startswith("дальше"), route.walking_note_ru
        assert not route.walking_note_en.lower().startswith("then"), route.walking_note_en
    assert "Walk to the complex along Kurkinskoye shosse" in page_text(client, "/en/contacts/")


def test_the_contacts_page_gives_the_clinic_number_once_in_the_phones_panel(
    demo: Path, client: Client
) -> None:
    html = page_text(client, "/ru/contacts/")
    panel = html[html.index("Телефоны") : html.index("Часы работы")]

    assert panel.count("+7 (499) 460-15-61</a>") == 1
    assert "круглосуточно" in panel


def test_demo_portraits_are_the_same_picture_for_both_languages_and_carry_no_letters(demo: Path) -> None:
    from PIL import Image

    from services.demo import pictures

    portrait = Image.open(BytesIO(pictures.portrait(((222, 235, 247), (120, 150, 185))))).convert("L")
    # Initials were white text on the head; the silhouette has no pure white pixel anywhere.
    assert portrait.getextrema()[1] < 250


PUBLIC_PAGES = [
    "/{lang}/",
    "/{lang}/treatments/",
    "/{lang}/treatments/radioembolization/",
    "/{lang}/treatments/chemoembolization/",
    "/{lang}/doctors/",
    "/{lang}/doctors/lyadov/",
    "/{lang}/doctors/demo-interventional-radiologist/",
    "/{lang}/doctors/demo-nuclear-medicine-specialist/",
]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_no_page_claims_an_individual_cirse_accreditation_or_promises_to_take_every_case(
    demo: Path, client: Client, lang: str
) -> None:
    for url in PUBLIC_PAGES:
        html = page_text(client, url.format(lang=lang)).lower()
        for claim in (
            "cirse accreditation",
            "аккредитация cirse",
            "аккредитацию cirse",
            "берёмся",
            "когда другие отказали",
            "others have said no",
            "turned down",
            "ведущих производителей",
        ):
            assert claim not in html, (url, claim)


def test_the_demo_names_no_reviewer_and_no_real_doctor_performing_chemoembolization(demo: Path) -> None:
    assert not Treatment.objects.filter(reviewer__isnull=False).exists()
    lyadov = Doctor.objects.get(slug="lyadov")
    assert [treatment.slug for treatment in lyadov.treatments.all()] == ["radioembolization"]
    assert not lyadov.qualifications.exists() and not lyadov.education.exists()
    assert lyadov.practice_since is None  # nothing invented about a real person


@pytest.mark.parametrize(
    ("lang", "facts"),
    [
        (
            "ru",
            [
                "не излечивает рак сама по себе",
                "пересадк",
                "Другие варианты лечения",
                "абляция",
                "стереотаксическая лучевая терапия",
                "два отдельных визита",
                "Умеренный лёгочный шунт — не причина отказа: врачи просто уменьшают дозу.",
                "эти сосуды не удаётся перекрыть",
                "высокий билирубин",
                "асцит",
                "кормит грудью",
                "Клинические рекомендации «Рак печени (гепатоцеллюлярный)», 2022 год",
                "Когда сразу звонить нам",
                "через 1–6 месяцев",
                "обычно через 1–2 месяца",
                "Что спросить у врача на консультации",
                "День процедуры по часам",
                "Примерный распорядок",
            ],
        ),
        (
            "en",
            [
                "usually does not cure cancer on its own",
                "transplant",
                "Other treatment options",
                "ablation",
                "stereotactic radiotherapy",
                "two separate visits",
                "A moderate lung shunt does not rule treatment out: the doctors simply lower the dose.",
                "these vessels cannot be closed off",
                "high bilirubin",
                "ascites",
                "breastfeeding",
                "Clinical guidelines “Liver cancer (hepatocellular)”, 2022",
                "When to call us at once",
                "1–6 months after",
                "usually 1–2 months after",
                "Questions to ask your doctor",
                "The day of the procedure, hour by hour",
            ],
        ),
    ],
)
def test_radioembolization_states_its_aims_limits_and_the_two_clinic_days(
    demo: Path, client: Client, lang: str, facts: list[str]
) -> None:
    html = page_text(client, f"/{lang}/treatments/radioembolization/")

    for fact in facts:
        assert fact in html, fact
    assert "product-note" not in html  # which microspheres the clinic uses is for the clinic to say


@pytest.mark.parametrize(
    ("lang", "facts"),
    [
        (
            "ru",
            [
                "печёночной недостаточности",
                "абсцесс печени",
                "воспаление желчного пузыря",
                "в желудок, кишечник или поджелудочную железу",
                "снижение числа клеток крови",
                "тошнота",
                "цирроз в стадии декомпенсации",
                "главный ствол воротной вены перекрыт опухолью",
                "Не ешьте 6–8 часов перед процедурой.",
                "не излечивает рак",
            ],
        ),
        (
            "en",
            [
                "liver failure",
                "a liver abscess",
                "inflammation of the gall bladder",
                "the stomach, bowel or pancreas",
                "low blood counts",
                "nausea",
                "decompensated cirrhosis",
                "the main portal vein is blocked by tumour",
                "Do not eat for 6–8 hours before the procedure.",
                "usually does not cure cancer",
            ],
        ),
    ],
)
def test_chemoembolization_names_its_full_risks_contraindications_and_fasting(
    demo: Path, client: Client, lang: str, facts: list[str]
) -> None:
    html = page_text(client, f"/{lang}/treatments/chemoembolization/")

    for fact in facts:
        assert fact in html, fact


def test_every_stage_of_both_treatments_has_a_duration(demo: Path) -> None:
    for step in TreatmentStep.objects.all():
        assert step.duration_ru and step.duration_en, step.title_en


def test_demo_profiles_mark_their_example_credentials_and_name_ebir_not_cirse(demo: Path) -> None:
    radiologist = Doctor.objects.get(slug="demo-interventional-radiologist")

    assert "EBIR" in radiologist.bio_ru and "EBIR" in radiologist.bio_en
    assert "CIRSE" not in radiologist.bio_ru + radiologist.bio_en
    assert all("(пример)" in row.specialty_ru for row in radiologist.qualifications.all())
    assert all(row.institution_ru.startswith("Пример") for row in radiologist.education.all())
    assert radiologist.clinic_work_ru.startswith("Пример")
