"""Demo values for the legally required information (services/legal.py).

None of this is the clinic's real data: numbers carry "(DEMO)", the organisation is flagged
as demo so every page of the section says so, and prices are flagged as demo prices. The
compliance check (clinic_site/checks.py) names each of them until an editor replaces it.
The supervising bodies are the real ones for Moscow Oblast; their phones are left to the
editor to confirm.
"""

from datetime import date
from decimal import Decimal
from typing import Any

from services.demo import translated
from services.legal import (
    LegalText,
    Licence,
    LicensedWork,
    MedicalOrganisation,
    PriceItem,
    SupervisingBody,
    TreatmentCost,
)
from services.models import Treatment

DEMO_PHONE = "+7 (000) 000-00-00 (DEMO)"

ORGANISATION: dict[str, Any] = {
    "full_name": {
        "ru": "Общество с ограниченной ответственностью «Клиника Лядова» (демо-реквизиты)",
        "en": "Lyadov Clinic Limited Liability Company (demo details)",
    },
    "short_name": {"ru": "ООО «Клиника Лядова» (демо)", "en": "Lyadov Clinic LLC (demo)"},
    "legal_form": {"ru": "Общество с ограниченной ответственностью", "en": "Limited liability company"},
    "legal_address": {
        "ru": "141407, Московская область, г. Химки, ул. Панфилова, д. 21, стр. 2 (DEMO)",
        "en": "21/2 Panfilova St., Khimki, Moscow Region, 141407, Russia (DEMO)",
    },
    "postal_address": {
        "ru": "141407, Московская область, г. Химки, ул. Панфилова, д. 21, стр. 2 (DEMO)",
        "en": "21/2 Panfilova St., Khimki, Moscow Region, 141407, Russia (DEMO)",
    },
    "registration_authority": {
        "ru": "Межрайонная ИФНС России по Московской области (DEMO)",
        "en": "Interdistrict Federal Tax Service office, Moscow Region (DEMO)",
    },
    "founders": {"ru": "Учредитель указывается здесь (DEMO)", "en": "The founder is named here (DEMO)"},
    "head_name": {"ru": "Фамилия Имя Отчество (DEMO)", "en": "Full name of the head (DEMO)"},
    "head_position": {"ru": "Генеральный директор", "en": "Chief executive"},
    "head_reception": {
        "ru": "Вторник, 14:00–16:00, по предварительной записи (DEMO)",
        "en": "Tuesdays, 14:00–16:00, by appointment (DEMO)",
    },
    "privacy_officer": {
        "ru": "Фамилия Имя Отчество, юрист (DEMO)",
        "en": "Full name, lawyer (DEMO)",
    },
}
ORGANISATION_PLAIN: dict[str, Any] = {
    "registration_date": date(2010, 1, 1),
    "ogrn": "0000000000000 (DEMO)",
    "inn": "0000000000 (DEMO)",
    "kpp": "000000000 (DEMO)",
    "head_phone": "+7 (499) 460-15-61",
    "head_email": "head@lyadov-clinic.example",
    "prices_effective_from": date(2026, 11, 1),
    "privacy_policy_date": date(2026, 12, 4),
    "privacy_officer_contact": "privacy@lyadov-clinic.example",
    "rkn_registry_number": "00-00-000000 (DEMO)",
    "is_demo": True,
}

LICENCE: dict[str, Any] = {
    "number": "Л041-01137-50/00000000 (DEMO)",
    "issued_on": date(2020, 1, 1),
    "authority": {
        "ru": "Министерство здравоохранения Московской области (DEMO)",
        "en": "Ministry of Health of the Moscow Region (DEMO)",
    },
    "registry_url": "https://roszdravnadzor.gov.ru/services/licenses",
}
LICENSED_WORKS = [
    {"ru": "Онкология", "en": "Oncology"},
    {"ru": "Рентгенэндоваскулярные диагностика и лечение", "en": "Endovascular (interventional) radiology"},
    {"ru": "Радиология", "en": "Radiology"},
    {"ru": "Рентгенология", "en": "X-ray diagnostics"},
    {"ru": "Анестезиология и реаниматология", "en": "Anaesthesiology and intensive care"},
    {"ru": "Медицинская реабилитация", "en": "Medical rehabilitation"},
]

SUPERVISING_BODIES: list[dict[str, Any]] = [
    {
        "kind": SupervisingBody.Kind.HEALTH_MINISTRY,
        "name": {
            "ru": "Министерство здравоохранения Московской области",
            "en": "Moscow Region Ministry of Health",
        },
        "address": {
            "ru": "143407, Московская область, г. Красногорск, бульвар Строителей, д. 1",
            "en": "1 Stroiteley Blvd., Krasnogorsk, Moscow Region, 143407",
        },
        "website": "https://mz.mosreg.ru",
    },
    {
        "kind": SupervisingBody.Kind.ROSZDRAVNADZOR,
        "name": {
            "ru": "Территориальный орган Росздравнадзора по г. Москве и Московской области",
            "en": "Roszdravnadzor (federal healthcare watchdog), office for Moscow and the Moscow Region",
        },
        "address": {
            "ru": "127206, г. Москва, ул. Вучетича, д. 12А",
            "en": "12A Vuchetich St., Moscow, 127206",
        },
        "website": "https://77reg.roszdravnadzor.gov.ru",
    },
    {
        "kind": SupervisingBody.Kind.ROSPOTREBNADZOR,
        "name": {
            "ru": "Управление Роспотребнадзора по Московской области",
            "en": "Rospotrebnadzor (consumer rights and public health watchdog), Moscow Region office",
        },
        "address": {
            "ru": "141014, Московская область, г. Мытищи, ул. Семашко, д. 2",
            "en": "2 Semashko St., Mytishchi, Moscow Region, 141014",
        },
        "website": "https://50.rospotrebnadzor.ru",
    },
]

# (topic, [(heading, text), ...]) with the text in both languages.
TEXTS: list[tuple[str, list[dict[str, dict[str, str]]]]] = [
    (
        LegalText.Topic.STRUCTURE,
        [
            {
                "heading": {"ru": "Органы управления", "en": "Management"},
                "text": {
                    "ru": "- Общее собрание участников (DEMO)\n- Генеральный директор\n- Главный врач",
                    "en": "- General meeting of members (DEMO)\n- Chief executive\n- Medical director",
                },
            },
            {
                "heading": {"ru": "Подразделения", "en": "Departments"},
                "text": {
                    "ru": "- Амбулаторно-поликлиническое отделение\n"
                    "- Отделение рентгенохирургических методов диагностики и лечения\n"
                    "- Дневной стационар\n- Реабилитационный центр (DEMO)",
                    "en": "- Outpatient department\n- Interventional radiology department\n"
                    "- Day hospital\n- Rehabilitation centre (DEMO)",
                },
            },
        ],
    ),
    (
        LegalText.Topic.RIGHTS,
        [
            {
                "heading": {"ru": "", "en": ""},
                "text": {
                    "ru": "По статье 19 Федерального закона № 323-ФЗ вы вправе:\n\n"
                    "- выбрать врача и медицинскую организацию;\n"
                    "- получать помощь в условиях, которые отвечают санитарным требованиям;\n"
                    "- получать консультации других специалистов;\n"
                    "- на облегчение боли, вызванной заболеванием или вмешательством;\n"
                    "- знать о состоянии своего здоровья, в том числе о рисках и вариантах лечения;\n"
                    "- дать или не дать согласие на вмешательство, отказаться от него;\n"
                    "- на врачебную тайну;\n"
                    "- получить копии медицинских документов и выписки из них;\n"
                    "- на возмещение вреда, причинённого здоровью при оказании помощи;\n"
                    "- на допуск адвоката, законного представителя или священнослужителя.",
                    "en": "Under article 19 of Federal Law No. 323-FZ you have the right:\n\n"
                    "- to choose your doctor and medical organisation;\n"
                    "- to be treated in conditions that meet sanitary standards;\n"
                    "- to see other specialists for advice;\n"
                    "- to relief of pain caused by the illness or by a procedure;\n"
                    "- to know the state of your health, including the risks and the options;\n"
                    "- to give or refuse consent to any procedure, and to stop it;\n"
                    "- to medical confidentiality;\n"
                    "- to copies of your medical records and extracts from them;\n"
                    "- to compensation for harm to your health caused by the care;\n"
                    "- to be visited by a lawyer, a legal representative or a priest.",
                },
            },
        ],
    ),
    (
        LegalText.Topic.DUTIES,
        [
            {
                "heading": {"ru": "", "en": ""},
                "text": {
                    "ru": "По статье 27 Федерального закона № 323-ФЗ пациент обязан заботиться о своём "
                    "здоровье, выполнять назначения врача на время лечения и соблюдать правила "
                    "клиники для пациентов.",
                    "en": "Under article 27 of Federal Law No. 323-FZ a patient must take care of their "
                    "health, follow the doctor's instructions during treatment and keep to the "
                    "clinic's rules for patients.",
                },
            },
        ],
    ),
    (
        LegalText.Topic.RULES,
        [
            {
                "heading": {"ru": "Перед визитом", "en": "Before your visit"},
                "text": {
                    "ru": "- Приходите за 15 минут до назначенного времени.\n"
                    "- Возьмите паспорт, полис ОМС, СНИЛС и медицинские документы: выписки, "
                    "результаты исследований, диски с КТ и МРТ.\n"
                    "- Если не можете прийти, предупредите нас по телефону.",
                    "en": "- Come 15 minutes before your appointment.\n"
                    "- Bring your passport, OMS policy, SNILS and medical documents: discharge "
                    "summaries, test results, CT and MRI discs.\n"
                    "- If you cannot come, please tell us by phone.",
                },
            },
            {
                "heading": {"ru": "В клинике", "en": "In the clinic"},
                "text": {
                    "ru": "- В клинике нельзя курить и распивать спиртные напитки.\n"
                    "- Снимать на фото и видео других пациентов и сотрудников можно только с их "
                    "согласия.\n"
                    "- Посещения в стационаре — ежедневно с 16:00 до 19:00 (DEMO).",
                    "en": "- Smoking and drinking alcohol are not allowed in the clinic.\n"
                    "- Photos and videos of other patients and staff only with their consent.\n"
                    "- Visiting hours in the hospital: daily, 16:00–19:00 (DEMO).",
                },
            },
        ],
    ),
    (
        LegalText.Topic.GUARANTEES,
        [
            {
                "heading": {
                    "ru": "Программа государственных гарантий",
                    "en": "The state guarantees programme",
                },
                "text": {
                    "ru": "Бесплатную медицинскую помощь в России оказывают по программе государственных "
                    "гарантий и территориальной программе Московской области. Клиника Лядова "
                    "(демо-сведения) не участвует в системе ОМС: все услуги на этом сайте платные.",
                    "en": "Free medical care in Russia is given under the state guarantees programme and "
                    "the Moscow Region's territorial programme. Lyadov Clinic (demo information) does "
                    "not take part in OMS, the compulsory health insurance: every service on this site "
                    "is paid for.",
                },
            },
            {
                "heading": {
                    "ru": "Как получить квоту на ВМП",
                    "en": "How to get a high-tech care (VMP) quota",
                },
                "text": {
                    "ru": "Высокотехнологичную медицинскую помощь (ВМП) по квоте оказывают бесплатно. "
                    "Направление на неё оформляет лечащий врач, обычно онколог по месту жительства; "
                    "документы рассматривает комиссия регионального минздрава и выдаёт талон на ВМП. "
                    "Мы поможем собрать выписки и результаты исследований для комиссии.",
                    "en": "High-tech medical care (VMP) under a quota is free. Your treating doctor, usually "
                    "the oncologist where you live, writes the referral; a board of the regional health "
                    "ministry reviews the documents and issues a VMP voucher. We can help you gather the "
                    "records and test results the board asks for.",
                },
            },
        ],
    ),
    (
        LegalText.Topic.ACCESSIBILITY,
        [
            {
                "heading": {"ru": "", "en": ""},
                "text": {
                    "ru": "- У входа — пандус и кнопка вызова сотрудника (DEMO).\n"
                    "- Лифт на все этажи, широкие двери, туалет для маломобильных посетителей.\n"
                    "- Места на парковке для людей с инвалидностью у главного входа.\n"
                    "- Сотрудник встретит и проводит, если предупредить нас при записи.\n"
                    "- Можно прийти с собакой-проводником.",
                    "en": "- A ramp and a call button for staff at the entrance (DEMO).\n"
                    "- A lift to every floor, wide doors, an accessible toilet.\n"
                    "- Disabled parking spaces by the main entrance.\n"
                    "- A member of staff will meet and accompany you if you tell us when booking.\n"
                    "- Guide dogs are welcome.",
                },
            },
        ],
    ),
    (
        LegalText.Topic.PAID_SERVICES,
        [
            {
                "heading": {"ru": "До начала лечения", "en": "Before treatment starts"},
                "text": {
                    "ru": "Врач объясняет, какое лечение вам нужно и есть ли возможность получить его "
                    "бесплатно по программе государственных гарантий. Платные услуги оказывают только по "
                    "письменному договору. По вашей просьбе к договору составляют смету.",
                    "en": "The doctor explains which treatment you need and whether you can have it free "
                    "under the state guarantees programme. Paid services are given only under a written "
                    "contract. On request, an estimate is attached to it.",
                },
            },
            {
                "heading": {"ru": "Если нужно что-то ещё", "en": "If more is needed"},
                "text": {
                    "ru": "Дополнительные услуги, которых нет в договоре, оказывают только с вашего "
                    "согласия. Экстренную помощь, когда под угрозой жизнь, оказывают бесплатно. "
                    "Вы можете отказаться от лечения до его начала и оплатите только то, что уже сделано.",
                    "en": "Services beyond the contract are given only with your consent. "
                    "Emergency care when life is at risk is given free. You may refuse treatment before "
                    "it starts and pay only for what has already been done.",
                },
            },
            {
                "heading": {"ru": "Сроки и документы", "en": "Dates and documents"},
                "text": {
                    "ru": "Сроки оказания услуг указываются в договоре. После лечения вы получаете выписку, "
                    "кассовый чек и, по запросу, справку для налогового вычета.",
                    "en": "The contract states when the services are given. After treatment you receive a "
                    "discharge summary, a receipt and, on request, a certificate for a tax deduction.",
                },
            },
        ],
    ),
    (
        LegalText.Topic.CONTRACT,
        [
            {
                "heading": {"ru": "Что написано в договоре", "en": "What the contract says"},
                "text": {
                    "ru": "- стороны договора и лицензия клиники;\n- перечень услуг, их цена и сроки;\n"
                    "- порядок оплаты;\n- права и ответственность сторон;\n"
                    "- порядок изменения и расторжения договора.\n\n"
                    "Образец договора (DEMO) можно получить в регистратуре или по электронной почте.",
                    "en": "- the parties and the clinic's licence;\n- the services, their price and dates;\n"
                    "- how payment is made;\n- the rights and liability of each party;\n"
                    "- how the contract is changed or ended.\n\n"
                    "A sample contract (DEMO) is available at the reception desk or by e-mail.",
                },
            },
        ],
    ),
    (
        LegalText.Topic.PAYMENT,
        [
            {
                "heading": {"ru": "", "en": ""},
                "text": {
                    "ru": "- Банковской картой, в том числе картой «Мир».\n"
                    "- Через Систему быстрых платежей (СБП).\n- Наличными в кассе клиники.\n"
                    "- Банковским переводом по счёту, в том числе от страховой компании по полису ДМС.",
                    "en": "- By bank card, including Mir cards.\n"
                    "- Through the Faster Payments System (SBP).\n"
                    "- In cash at the clinic's cash desk.\n"
                    "- By bank transfer against an invoice, including from a voluntary health insurer.",
                },
            },
        ],
    ),
]

# (treatment slug or None, rows)
PRICES: list[dict[str, Any]] = [
    {
        "treatment": "radioembolization",
        "service": {
            "ru": "Картирование: ангиография печени и пробное введение с ОФЭКТ/КТ",
            "en": "Mapping: liver angiography and a trial injection with SPECT/CT",
        },
        "code": "",
        "price": Decimal("250000"),
        "price_is_from": True,
        "includes": {
            "ru": "ангиография, перекрытие сосудов к желудку и кишечнику при необходимости, "
            "исследование ОФЭКТ/КТ, расчёт дозы, день в стационаре",
            "en": "angiography, closing off vessels to the stomach and bowel where needed, "
            "the SPECT/CT scan, dose planning, a day in hospital",
        },
    },
    {
        "treatment": "radioembolization",
        "service": {"ru": "Радиоэмболизация иттрием-90", "en": "Radioembolization with yttrium-90"},
        "code": "",
        "price": Decimal("1200000"),
        "price_is_from": True,
        "includes": {
            "ru": "микросферы с иттрием-90, процедура, наблюдение в стационаре, выписка с рекомендациями",
            "en": "the yttrium-90 microspheres, the procedure, the hospital stay, a discharge summary "
            "with advice",
        },
    },
    {
        "treatment": "chemoembolization",
        "service": {"ru": "Химиоэмболизация печени", "en": "Liver chemoembolization"},
        "code": "",
        "price": Decimal("180000"),
        "price_is_from": True,
        "includes": {
            "ru": "процедура, препарат и эмболизирующий материал, ночь в стационаре",
            "en": "the procedure, the drug and the embolic agent, one night in hospital",
        },
    },
    {
        "treatment": None,
        "service": {
            "ru": "Приём врача-онколога первичный",
            "en": "First appointment with an oncologist",
        },
        "code": "B01.027.001",
        "price": Decimal("6000"),
        "price_is_from": False,
        "includes": {
            "ru": "осмотр, разбор исследований, план обследования",
            "en": "examination, review of your scans and tests, a plan of further tests",
        },
    },
]

COSTS: dict[str, dict[str, dict[str, str]]] = {
    "radioembolization": {
        "price_factors": {
            "ru": "- сколько микросфер нужно: это зависит от объёма опухоли и печени;\n"
            "- нужно ли перекрывать сосуды к желудку и кишечнику на этапе картирования;\n"
            "- лечат ли одну долю печени или обе (тогда процедур две);\n"
            "- сколько дней в стационаре понадобится.",
            "en": "- how many microspheres are needed, which depends on the size of the tumour and liver;\n"
            "- whether vessels to the stomach and bowel must be closed off at mapping;\n"
            "- whether one lobe of the liver is treated or both (then there are two procedures);\n"
            "- how many days in hospital you need.",
        },
        "state_funding": {
            "ru": "В клинике радиоэмболизация платная: клиника не работает по ОМС (демо-сведения). "
            "Радиоэмболизация может входить в перечень высокотехнологичной помощи: спросите своего "
            "онколога о направлении на квоту.",
            "en": "At the clinic radioembolization is paid for: the clinic does not work under OMS (demo "
            "information). Radioembolization may be part of high-tech care (VMP): ask your oncologist "
            "about a referral for a quota.",
        },
    },
    "chemoembolization": {
        "price_factors": {
            "ru": "- препарат и вид эмболизирующего материала (в том числе микросферы с лекарством);\n"
            "- сколько сосудов нужно обработать;\n- сколько ночей в стационаре понадобится.\n\n"
            "Процедуру часто повторяют через 4–8 недель; каждый сеанс оплачивается отдельно.",
            "en": "- the drug and the embolic agent (including drug-loaded beads);\n"
            "- how many vessels are treated;\n- how many nights in hospital you need.\n\n"
            "The procedure is often repeated after 4–8 weeks; each session is paid for separately.",
        },
        "state_funding": {
            "ru": "Химиоэмболизацию оказывают и бесплатно — по ОМС или по квоте на высокотехнологичную "
            "помощь в больницах, которые в этом участвуют. Наша клиника в ОМС не участвует "
            "(демо-сведения); направление на квоту оформляет лечащий онколог.",
            "en": "Chemoembolization is also given free, under OMS or a high-tech care quota, in "
            "hospitals that take part. Our clinic does not take part in OMS (demo information); "
            "your treating oncologist writes the referral for a quota.",
        },
    },
}


def load_legal_information() -> None:
    """Write the demo legal information; safe to run again (everything is replaced)."""
    defaults = {**translated(ORGANISATION, *ORGANISATION), **ORGANISATION_PLAIN}
    organisation = MedicalOrganisation.objects.first()
    if organisation is None:
        MedicalOrganisation.objects.create(**defaults)
    else:
        for name, value in defaults.items():
            setattr(organisation, name, value)
        organisation.save()

    Licence.objects.all().delete()
    licence = Licence.objects.create(
        **translated(LICENCE, "authority"),
        number=LICENCE["number"],
        issued_on=LICENCE["issued_on"],
        registry_url=LICENCE["registry_url"],
    )
    for order, work in enumerate(LICENSED_WORKS, start=1):
        LicensedWork.objects.create(licence=licence, order=order, text_ru=work["ru"], text_en=work["en"])

    SupervisingBody.objects.all().delete()
    for order, body in enumerate(SUPERVISING_BODIES, start=1):
        SupervisingBody.objects.create(
            **translated(body, "name", "address"),
            kind=body["kind"],
            order=order,
            phone=DEMO_PHONE,
            website=body["website"],
        )

    LegalText.objects.all().delete()
    for topic, rows in TEXTS:
        for order, row in enumerate(rows, start=1):
            LegalText.objects.create(topic=topic, order=order, **translated(row, "heading", "text"))

    treatments = {treatment.slug: treatment for treatment in Treatment.objects.all()}
    PriceItem.objects.all().delete()
    for order, price in enumerate(PRICES, start=1):
        PriceItem.objects.create(
            **translated(price, "service", "includes"),
            treatment=treatments.get(price["treatment"]) if price["treatment"] else None,
            order=order,
            code=price["code"],
            price=price["price"],
            price_is_from=price["price_is_from"],
            is_demo=True,
        )
    for slug, cost in COSTS.items():
        if slug in treatments:
            TreatmentCost.objects.update_or_create(
                treatment=treatments[slug], defaults=translated(cost, "price_factors", "state_funding")
            )
