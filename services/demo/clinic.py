"""The clinic's main location: contacts, hours, transport. Facts from shared/content-facts.md."""

from datetime import time
from decimal import Decimal

# Legal details are not in the clinic's material; these are visibly marked placeholders.
# The numbers are not translated fields, so their marker must read right in both languages.
CLINIC = {
    "name": {"ru": "Клиника Лядова", "en": "Lyadov Clinic"},
    "address": {
        "ru": "Московская область, г. Химки, ул. Панфилова, 21/2",
        "en": "21/2 Panfilova St., Khimki, Moscow Region, Russia",
    },
    "street_address": {"ru": "ул. Панфилова, 21/2", "en": "21/2 Panfilova St."},
    "locality": {"ru": "Химки", "en": "Khimki"},
    "region": {"ru": "Московская область", "en": "Moscow Region"},
    "legal_name": {
        "ru": "Юридическое лицо клиники (демо-реквизиты, замените на настоящие)",
        "en": "The clinic's legal entity (demo details, replace with the real ones)",
    },
    # The clinic's material says nothing about the drive or parking: the address for a navigator
    # is a fact, the rest is a visibly marked placeholder for the editors.
    "car_directions": {
        "ru": "Адрес для навигатора: Химки, ул. Панфилова, 21/2.\n"
        "Демо-текст: опишите здесь, откуда удобнее подъехать и где повернуть к входу.",
        "en": "Address for a satnav: 21/2 Panfilova St., Khimki.\n"
        "Demo text: describe here the easiest way to drive up and where to turn to the entrance.",
    },
    "parking": {
        "ru": "Демо-текст: где оставить машину, платная ли стоянка, есть ли места для людей "
        "с инвалидностью у самого входа.",
        "en": "Demo text: where to leave the car, whether parking is paid, and whether there are "
        "places for disabled drivers by the entrance.",
    },
    "latitude": Decimal("55.893200"),
    "longitude": Decimal("37.410700"),
    "phone": "+7 (499) 460-15-61",
    "whatsapp_url": "https://wa.me/74994601561",
    "email": "info@lyadov-clinic.example",
    "licence_number": "Л041-01137-50/00000000 (DEMO)",
    "ogrn": "0000000000000 (DEMO)",
    "inn": "0000000000 (DEMO)",
}

# The call centre answers on the main number: listing it again as an extra phone would only
# make a patient wonder which of two identical numbers to call.
EXTRA_PHONES: list[dict[str, object]] = []

HOURS = [
    {
        "label": {"ru": "Амбулаторное отделение", "en": "Outpatient department"},
        "first_day": 1,
        "last_day": 7,
        "opens": time(8, 0),
        "closes": time(20, 0),
        "around_the_clock": False,
    },
    {
        "label": {
            "ru": "Колл-центр: телефон, форма на сайте, WhatsApp",
            "en": "Call centre: phone, the website form, WhatsApp",
        },
        "first_day": 1,
        "last_day": 7,
        "opens": None,
        "closes": None,
        "around_the_clock": True,
    },
]

ROUTES = [
    {
        "station": {"ru": "м. Речной вокзал", "en": "Речной вокзал (Rechnoy Vokzal) metro"},
        "routes": {
            "ru": "автобус 443; маршрутные такси 176м, 662м",
            "en": "bus 443; minibuses 176м, 662м",
        },
        "stop": {
            "ru": "остановка на пересечении Ленинградского шоссе и МКАД",
            "en": "the stop where Leningradskoye shosse crosses the MKAD ring road",
        },
        "walking_note": {
            "ru": "Пешком до комплекса по Куркинскому шоссе.",
            "en": "Walk to the complex along Kurkinskoye shosse (Куркинское шоссе).",
        },
    },
    {
        "station": {"ru": "м. Войковская", "en": "Войковская (Voykovskaya) metro"},
        "routes": {"ru": "маршрутное такси 309", "en": "minibus 309"},
        "stop": {"ru": "Бутаково", "en": "Бутаково (Butakovo)"},
        "walking_note": {"ru": "", "en": ""},
    },
    {
        "station": {"ru": "м. Планерная", "en": "Планерная (Planernaya) metro"},
        "routes": {
            "ru": "автобусы 173, 817; маршрутные такси 176м, 762м",
            "en": "buses 173, 817; minibuses 176м, 762м",
        },
        "stop": {"ru": "Новобутаково", "en": "Новобутаково (Novobutakovo)"},
        "walking_note": {"ru": "", "en": ""},
    },
    {
        "station": {"ru": "м. Беломорская", "en": "Беломорская (Belomorskaya) metro"},
        "routes": {"ru": "автобус 173", "en": "bus 173"},
        "stop": {"ru": "Новобутаково", "en": "Новобутаково (Novobutakovo)"},
        "walking_note": {"ru": "", "en": ""},
    },
]
