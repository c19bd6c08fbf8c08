"""The one way tests build site content: a clinic, doctors and treatments with every section,
in Russian and English, made with the ORM (no demo loader, so each test shows its data).

Each builder takes field values as keywords to override its defaults; the fixtures in
tests/conftest.py are built with them too."""

from datetime import date, time, timedelta

from django.utils import timezone

from services.models import (
    FAQ,
    ClinicLocation,
    Doctor,
    DoctorEducation,
    DoctorQualification,
    FollowUpItem,
    LegalText,
    Licence,
    LicensedWork,
    MedicalOrganisation,
    OpeningHours,
    PreparationItem,
    PriceItem,
    ProcedureDayItem,
    QuestionToAsk,
    Reference,
    SupervisingBody,
    TransportRoute,
    Treatment,
    TreatmentCategory,
    TreatmentCost,
    TreatmentStep,
    WarningSign,
)


def make_clinic(**fields: object) -> ClinicLocation:
    values: dict[str, object] = {
        "name_ru": "Клиника Лядова",
        "name_en": "Lyadov Clinic",
        "address_ru": "Московская область, г. Химки, ул. Панфилова, 21/2",
        "address_en": "21/2 Panfilova St., Khimki, Moscow Region, Russia",
        "street_address_ru": "ул. Панфилова, 21/2",
        "street_address_en": "21/2 Panfilova St.",
        "locality_ru": "Химки",
        "locality_en": "Khimki",
        "region_ru": "Московская область",
        "region_en": "Moscow Region",
        "postal_code": "141407",
        "latitude": "55.888000",
        "longitude": "37.430000",
        "phone": "+7 (499) 460-15-61",
        "whatsapp_url": "https://wa.me/74994601561",
        "email": "info@clinic.test",
        "licence_number": "ЛО-50-01-012345",
        "legal_name_ru": "ООО «Клиника Лядова»",
        "legal_name_en": "Lyadov Clinic LLC",
        "ogrn": "1234567890123",
        "inn": "5047000000",
        "is_main": True,
    }
    clinic = ClinicLocation.objects.create(**(values | fields))
    OpeningHours.objects.create(
        location=clinic,
        label_ru="Амбулаторное отделение",
        label_en="Outpatient department",
        first_day=1,
        last_day=7,
        opens=time(8),
        closes=time(20),
    )
    OpeningHours.objects.create(
        location=clinic, label_ru="Колл-центр", label_en="Call centre", order=1, around_the_clock=True
    )
    TransportRoute.objects.create(
        location=clinic,
        station_ru="Речной вокзал",
        station_en="Rechnoy Vokzal",
        routes_ru="автобус 443; маршрутки 176м, 662м",
        routes_en="bus 443; minibuses 176m, 662m",
        stop_ru="Пересечение Ленинградского шоссе и МКАД",
        stop_en="Leningradskoye shosse at the MKAD",
        walking_note_ru="пешком по Куркинскому шоссе",
        walking_note_en="walk along Kurkinskoye shosse",
    )
    TransportRoute.objects.create(
        location=clinic,
        order=1,
        station_ru="Войковская",
        station_en="Voykovskaya",
        routes_ru="маршрутка 309",
        routes_en="minibus 309",
        stop_ru="Бутаково",
        stop_en="Butakovo",
    )
    return clinic


def make_doctor(slug: str = "lyadov", order: int = 0, **fields: object) -> Doctor:
    values: dict[str, object] = {
        "name_ru": f"Академик К. В. Лядов {slug}",
        "name_en": f"Academician K. V. Lyadov {slug}",
        "position_ru": "Руководитель реабилитационного центра",
        "position_en": "Head of the rehabilitation centre",
        "degrees_ru": "Академик, профессор, доктор медицинских наук",
        "degrees_en": "Academician, Professor, Doctor of Medical Sciences",
        "specialty_ru": "Онкология",
        "specialty_en": "Oncology",
        "academic_degree_ru": "Доктор медицинских наук",
        "academic_degree_en": "Doctor of Medical Sciences",
        "academic_degree_awarded_by_ru": "ВАК при Минобрнауки России",
        "academic_degree_awarded_by_en": "the Higher Attestation Commission of Russia",
        "academic_title_ru": "Профессор",
        "academic_title_en": "Professor",
        "practice_since": 1990,
        "clinic_work_ru": "Консультирует пациентов перед радиоэмболизацией.",
        "clinic_work_en": "Sees patients before radioembolization.",
        "reception_schedule_ru": "Вторник и четверг, 10:00–15:00",
        "reception_schedule_en": "Tuesday and Thursday, 10:00–15:00",
        "short_bio_ru": "Руководит командой, которая проводит радиоэмболизацию.",
        "short_bio_en": "Leads the team that performs radioembolization.",
        "bio_ru": "Долгий опыт лечения опухолей печени.\n\nКонсультирует пациентов лично.",
        "bio_en": "Long experience in treating liver tumours.\n\nSees patients in person.",
        "medical_specialty": "Oncologic",
    }
    doctor = Doctor.objects.create(slug=slug, order=order, **(values | fields))
    DoctorEducation.objects.create(
        doctor=doctor,
        institution_ru="Первый МГМУ им. И. М. Сеченова",
        institution_en="Sechenov First Moscow State Medical University",
        year=1985,
        specialty_ru="Лечебное дело",
        specialty_en="General medicine",
    )
    make_qualification(doctor)
    return doctor


def make_qualification(doctor: Doctor, **fields: object) -> DoctorQualification:
    today = timezone.localdate()
    values: dict[str, object] = {
        "kind": DoctorQualification.Kind.ACCREDITATION,
        "specialty_ru": "Онкология",
        "specialty_en": "Oncology",
        "issued": today - timedelta(days=365),
        "valid_until": today + timedelta(days=4 * 365),
    }
    return DoctorQualification.objects.create(doctor=doctor, **(values | fields))


def make_category(slug: str = "primary", **fields: object) -> TreatmentCategory:
    values: dict[str, object] = {"title_ru": "Первичные опухоли печени", "title_en": "Primary liver tumours"}
    return TreatmentCategory.objects.create(slug=slug, **(values | fields))


def make_treatment(
    slug: str = "radioembolization",
    category: TreatmentCategory | None = None,
    doctors: list[Doctor] | None = None,
    order: int = 0,
    **fields: object,
) -> Treatment:
    values: dict[str, object] = {
        "title_ru": f"Радиоэмболизация {slug}",
        "title_en": f"Radioembolization {slug}",
        "alternate_name_ru": "TARE, SIRT",
        "alternate_name_en": "TARE, SIRT",
        "summary_ru": "Микросферы с иттрием-90 облучают опухоль изнутри.",
        "summary_en": "Microspheres carrying yttrium-90 irradiate the tumour from inside.",
        "what_it_is_ru": "Катетер доставляет микросферы в артерию опухоли.",
        "what_it_is_en": "A catheter delivers microspheres into the tumour's artery.",
        "who_for_ru": "- Гепатоцеллюлярная карцинома\n- Метастазы колоректального рака",
        "who_for_en": "- Hepatocellular carcinoma\n- Colorectal cancer metastases",
        "who_not_for_ru": "- Печёночная недостаточность",
        "who_not_for_en": "- Liver failure",
        "decision_ru": "Решение принимает консилиум.",
        "decision_en": "A tumour board decides.",
        "after_procedure_ru": "Обычно домой через 1–2 дня.",
        "after_procedure_en": "Usually home within 1–2 days.",
        "risks_ru": "Кровотечение в месте прокола.",
        "risks_en": "Bleeding at the puncture site.",
        "procedure_type": "PercutaneousProcedure",
        "body_location_ru": "Печень",
        "body_location_en": "Liver",
        "seo_title_ru": "",
        "seo_title_en": "",
        "last_reviewed": date(2026, 10, 1),
        "next_review": date(2027, 10, 1),
        "reviewer": (doctors or [None])[0],
    }
    treatment = Treatment.objects.create(
        slug=slug, order=order, category=category or make_category(f"cat-{slug}"), **(values | fields)
    )
    if doctors:
        treatment.doctors.set(doctors)
    TreatmentStep.objects.create(
        treatment=treatment,
        order=0,
        title_ru="Картирование",
        title_en="Mapping",
        description_ru="Ангиография и пробная доза.",
        description_en="Angiography and a trial dose.",
        duration_ru="2–3 часа",
        duration_en="2–3 hours",
    )
    TreatmentStep.objects.create(
        treatment=treatment,
        order=1,
        title_ru="Лечение",
        title_en="Treatment",
        description_ru="Введение микросфер.",
        description_en="Delivering the microspheres.",
        duration_ru="через 7–10 дней",
        duration_en="7–10 days later",
    )
    PreparationItem.objects.create(
        treatment=treatment, text_ru="Не есть 6–8 часов", text_en="No food for 6–8 hours"
    )
    FollowUpItem.objects.create(
        treatment=treatment,
        when_ru="Через 3 месяца",
        when_en="At 3 months",
        what_ru="КТ и анализы",
        what_en="Scans and blood tests",
    )
    FAQ.objects.create(
        treatment=treatment,
        question_ru="Это больно?",
        question_en="Does it hurt?",
        answer_ru="Под местной анестезией.",
        answer_en="It is done under local anaesthesia.",
    )
    ProcedureDayItem.objects.create(
        treatment=treatment,
        time_ru="8:00",
        time_en="8:00",
        what_ru="Приезд в клинику",
        what_en="Arrive at the clinic",
    )
    WarningSign.objects.create(
        treatment=treatment,
        symptom_ru="Кровотечение в месте прокола",
        symptom_en="Bleeding at the puncture site",
        timing_ru="первые часы и дни",
        timing_en="the first hours and days",
    )
    QuestionToAsk.objects.create(
        treatment=treatment, text_ru="Какова цель лечения?", text_en="What is the aim of the treatment?"
    )
    Reference.objects.create(
        treatment=treatment,
        title_ru="Клинические рекомендации",
        title_en="Clinical guidelines",
        source="EASL 2025",
        url="https://example.org/guidelines",
    )
    return treatment


def make_site() -> list[Treatment]:
    """A whole small site as visitors see it: the clinic, two doctors, two treatments in two
    categories, each with every section, and the legally required information; returns the
    treatments."""
    make_clinic()
    lyadov, petrova = make_doctor("lyadov"), make_doctor("petrova", order=1)
    treatments = [
        make_treatment("radioembolization", category=make_category("primary"), doctors=[lyadov, petrova]),
        make_treatment(
            "chemoembolization",
            category=make_category(
                "secondary", title_ru="Метастазы в печени", title_en="Liver metastases", order=1
            ),
            doctors=[petrova],
            order=1,
        ),
    ]
    make_legal_information(treatments[0])
    return treatments


def make_organisation(**fields: object) -> MedicalOrganisation:
    values: dict[str, object] = {
        "full_name_ru": "Общество с ограниченной ответственностью «Клиника Лядова»",
        "full_name_en": "Lyadov Clinic Limited Liability Company",
        "short_name_ru": "ООО «Клиника Лядова»",
        "short_name_en": "Lyadov Clinic LLC",
        "legal_form_ru": "Общество с ограниченной ответственностью",
        "legal_form_en": "Limited liability company",
        "legal_address_ru": "141407, Московская область, г. Химки, ул. Панфилова, д. 21, стр. 2",
        "legal_address_en": "21/2 Panfilova St., Khimki, Moscow Region, 141407",
        "postal_address_ru": "141407, Московская область, г. Химки, а/я 15",
        "postal_address_en": "PO Box 15, Khimki, Moscow Region, 141407",
        "registration_date": date(2011, 3, 14),
        "registration_authority_ru": "ИФНС России по г. Химки",
        "registration_authority_en": "Federal Tax Service office, Khimki",
        "ogrn": "1115047000123",
        "inn": "5047123456",
        "kpp": "504701001",
        "founders_ru": "Иванов Пётр Сергеевич",
        "founders_en": "Pyotr S. Ivanov",
        "head_name_ru": "Смирнова Елена Викторовна",
        "head_name_en": "Elena V. Smirnova",
        "head_position_ru": "Главный врач",
        "head_position_en": "Medical director",
        "head_reception_ru": "Четверг, 15:00–17:00, по записи",
        "head_reception_en": "Thursdays, 15:00–17:00, by appointment",
        "head_phone": "+7 (499) 460-15-62",
        "head_email": "head@clinic.test",
        "prices_effective_from": date(2026, 10, 1),
        "privacy_policy_date": date(2026, 11, 20),
        "privacy_officer_ru": "Петрова Анна Ивановна, юрист",
        "privacy_officer_en": "Anna I. Petrova, lawyer",
        "privacy_officer_contact": "privacy@clinic.test",
        "rkn_registry_number": "50-21-012345",
    }
    return MedicalOrganisation.objects.create(**(values | fields))


def make_licence(number: str = "Л041-01137-50/00123456", **fields: object) -> Licence:
    values: dict[str, object] = {
        "issued_on": date(2021, 5, 17),
        "authority_ru": "Министерство здравоохранения Московской области",
        "authority_en": "Moscow Region Ministry of Health",
    }
    licence = Licence.objects.create(number=number, **(values | fields))
    LicensedWork.objects.create(licence=licence, text_ru="Онкология", text_en="Oncology")
    LicensedWork.objects.create(
        licence=licence,
        order=1,
        text_ru="Рентгенэндоваскулярная хирургия",
        text_en="Interventional radiology",
    )
    return licence


def make_price(
    service: str = "Радиоэмболизация",
    treatment: Treatment | None = None,
    service_en: str = "Radioembolization",
    **fields: object,
) -> PriceItem:
    values: dict[str, object] = {
        "service_en": service_en,
        "price": "950000",
        "price_is_from": True,
        "includes_ru": "микросферы и день в стационаре",
        "includes_en": "the microspheres and a day in hospital",
    }
    return PriceItem.objects.create(service_ru=service, treatment=treatment, **(values | fields))


def make_legal_information(treatment: Treatment | None = None) -> MedicalOrganisation:
    """A complete, real-looking set: the organisation, a licence, the three supervising bodies,
    every long text, a price (of `treatment` when given) and its cost note."""
    organisation = make_organisation()
    make_licence()
    bodies = [
        (
            "health_ministry",
            "Министерство здравоохранения Московской области",
            "Moscow Region Ministry of Health",
        ),
        ("roszdravnadzor", "Росздравнадзор по Москве и Московской области", "Roszdravnadzor, Moscow"),
        ("rospotrebnadzor", "Роспотребнадзор по Московской области", "Rospotrebnadzor, Moscow Region"),
    ]
    for order, (kind, name, english_name) in enumerate(bodies):
        SupervisingBody.objects.create(
            kind=kind,
            order=order,
            name_ru=name,
            name_en=english_name,
            address_ru="Москва, ул. Примерная, 1",
            address_en="1 Primernaya St., Moscow",
            phone="+7 (495) 000-11-22",
            website="https://example.org",
        )
    for topic in LegalText.Topic.values:
        LegalText.objects.create(
            topic=topic,
            heading_ru=f"Заголовок {topic}",
            heading_en=f"Heading {topic}",
            text_ru=f"Текст {topic}.",
            text_en=f"Text {topic}.",
        )
    make_price(treatment=treatment)
    if treatment is not None:
        TreatmentCost.objects.create(
            treatment=treatment,
            price_factors_ru="- число микросфер",
            price_factors_en="- the number of microspheres",
            state_funding_ru="По квоте на ВМП — бесплатно.",
            state_funding_en="Free under a VMP quota.",
        )
    return organisation
