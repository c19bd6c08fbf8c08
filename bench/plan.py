"""What `make bench` measures: the pages and the samples."""

PAGES = {
    "home": "/ru/",
    "treatment": "/ru/treatments/radioembolization/",
    "doctor": "/ru/doctors/lyadov/",
    "contacts": "/ru/contacts/",
}
LIGHTHOUSE_PAGES = [*PAGES.values(), "/ru/consultation/", "/en/"]
NOTIFICATION_SAMPLES = 20
