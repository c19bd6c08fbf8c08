import json
import re

import pytest
from django.test import Client

from services.models import ClinicLocation, Doctor, Treatment
from tests.builders import make_treatment

SITE = "https://clinic.example"


@pytest.fixture(autouse=True)
def _public_address(settings: object) -> None:
    settings.SITE_URL = SITE  # type: ignore[attr-defined]
    settings.PAGE_CACHE_SECONDS = 0  # type: ignore[attr-defined]


@pytest.fixture
def treatment(clinic: ClinicLocation, doctor: Doctor) -> Treatment:
    return make_treatment(doctors=[doctor])


def structured_data(client: Client, path: str) -> dict[str, dict]:
    """The page's JSON-LD nodes by @type; fails unless there is exactly one valid block."""
    html = client.get(path).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org"
    nodes = {}
    for node in data["@graph"]:
        for kind in node["@type"] if isinstance(node["@type"], list) else [node["@type"]]:
            nodes[kind] = node
    return nodes


def head_of(client: Client, path: str) -> str:
    html = client.get(path).content.decode()
    return html[: html.index("</head>")]


@pytest.mark.parametrize("path", ["/ru/", "/en/contacts/"])
def test_home_and_contacts_describe_the_clinic(client: Client, clinic: ClinicLocation, path: str) -> None:
    node = structured_data(client, path)["MedicalClinic"]

    assert node["telephone"] == "+7 (499) 460-15-61"
    assert node["address"]["@type"] == "PostalAddress"
    assert node["address"]["addressLocality"] in ("Химки", "Khimki")
    assert node["address"]["addressCountry"] == "RU"
    assert node["geo"] == {"@type": "GeoCoordinates", "latitude": 55.888, "longitude": 37.43}
    hours = node["openingHoursSpecification"]
    assert hours[0]["dayOfWeek"][0] == "https://schema.org/Monday"
    assert len(hours[0]["dayOfWeek"]) == 7
    assert (hours[0]["opens"], hours[0]["closes"]) == ("08:00", "20:00")
    assert (hours[1]["opens"], hours[1]["closes"]) == ("00:00", "23:59")


def test_doctor_page_describes_the_physician(client: Client, clinic: ClinicLocation, doctor: Doctor) -> None:
    nodes = structured_data(client, "/en/doctors/lyadov/")

    physician = nodes["Physician"]
    assert nodes["Person"] is physician
    assert physician["jobTitle"] == "Head of the rehabilitation centre"
    assert physician["name"] == "Academician K. V. Lyadov lyadov"
    assert physician["url"] == f"{SITE}/en/doctors/lyadov/"
    assert physician["medicalSpecialty"] == "https://schema.org/Oncologic"
    assert physician["hasCredential"][0]["name"] == "Oncology"
    assert physician["hasCredential"][0]["credentialCategory"] == "Specialist accreditation"
    assert physician["alumniOf"] == [
        {"@type": "EducationalOrganization", "name": "Sechenov First Moscow State Medical University"}
    ]
    assert [item["item"] for item in nodes["BreadcrumbList"]["itemListElement"]] == [
        f"{SITE}/en/",
        f"{SITE}/en/doctors/",
        f"{SITE}/en/doctors/lyadov/",
    ]


def test_treatment_page_describes_the_procedure(client: Client, treatment: Treatment) -> None:
    procedure = structured_data(client, "/ru/treatments/radioembolization/")["MedicalProcedure"]

    assert procedure["name"] == "Радиоэмболизация radioembolization"
    assert procedure["procedureType"] == "https://schema.org/PercutaneousProcedure"
    assert procedure["bodyLocation"] == "Печень"
    assert "Не есть 6–8 часов" in procedure["preparation"]
    assert "Через 3 месяца: КТ и анализы" in procedure["followup"]
    assert procedure["howPerformed"].index("Картирование") < procedure["howPerformed"].index("Лечение")


def test_treatment_page_carries_its_questions_as_faq(client: Client, treatment: Treatment) -> None:
    faq = structured_data(client, "/en/treatments/radioembolization/")["FAQPage"]

    assert faq["mainEntity"] == [
        {
            "@type": "Question",
            "name": "Does it hurt?",
            "acceptedAnswer": {"@type": "Answer", "text": "It is done under local anaesthesia."},
        }
    ]


def test_treatment_page_says_who_reviewed_it_and_when(client: Client, treatment: Treatment) -> None:
    nodes = structured_data(client, "/ru/treatments/radioembolization/")

    page = nodes["MedicalWebPage"]
    assert page["lastReviewed"] == "2026-10-01"
    assert page["reviewedBy"]["@type"] == "Physician"
    assert page["reviewedBy"]["url"] == f"{SITE}/ru/doctors/lyadov/"
    assert len(nodes["BreadcrumbList"]["itemListElement"]) == 3


def test_text_from_the_database_cannot_break_out_of_the_json_ld_block(
    client: Client, treatment: Treatment
) -> None:
    Treatment.objects.update(title_ru="</script><script>alert(1)</script>")

    html = client.get("/ru/treatments/radioembolization/").content.decode()

    assert "<script>alert(1)" not in html
    assert structured_data(client, "/ru/treatments/radioembolization/")["MedicalProcedure"]["name"] == (
        "</script><script>alert(1)</script>"
    )


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_pages_name_their_canonical_address_and_both_languages(
    client: Client, treatment: Treatment, lang: str
) -> None:
    head = head_of(client, f"/{lang}/treatments/radioembolization/")

    assert f'<link rel="canonical" href="{SITE}/{lang}/treatments/radioembolization/">' in head
    assert f'<link rel="alternate" hreflang="ru" href="{SITE}/ru/treatments/radioembolization/">' in head
    assert f'<link rel="alternate" hreflang="en" href="{SITE}/en/treatments/radioembolization/">' in head
    assert f'<link rel="alternate" hreflang="x-default" href="{SITE}/treatments/radioembolization/">' in head


def test_x_default_address_leads_to_a_language_version(client: Client, treatment: Treatment) -> None:
    response = client.get("/treatments/radioembolization/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 302
    assert response["Location"] == "/en/treatments/radioembolization/"


def test_pages_carry_open_graph_tags(client: Client, treatment: Treatment) -> None:
    head = head_of(client, "/en/treatments/radioembolization/")

    assert '<meta property="og:title" content="Radioembolization radioembolization">' in head
    assert '<meta property="og:description" content="Microspheres carrying yttrium-90' in head
    assert f'<meta property="og:url" content="{SITE}/en/treatments/radioembolization/">' in head
    assert '<meta property="og:locale" content="en_US">' in head
    assert '<meta property="og:type" content="article">' in head


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/ru/", "<title>Лечение опухолей печени в Химках — Клиника Лядова</title>"),
        ("/en/doctors/", "<title>Our doctors — Lyadov Clinic</title>"),
        ("/ru/contacts/", "<title>Контакты и как добраться — Клиника Лядова</title>"),
        ("/en/privacy/", "<title>Personal data policy — Lyadov Clinic</title>"),
    ],
)
def test_each_page_has_its_own_title_and_description(
    client: Client, treatment: Treatment, path: str, title: str
) -> None:
    head = head_of(client, path)

    assert title in head
    assert re.search(r'<meta name="description" content="[^"]{40,}">', head)
