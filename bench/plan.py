"""What `make bench` measures: the pages, the clients, the samples."""

PAGES = {
    "home": "/ru/",
    "treatment": "/ru/treatments/radioembolization/",
    "doctor": "/ru/doctors/lyadov/",
    "contacts": "/ru/contacts/",
}
LIGHTHOUSE_PAGES = [*PAGES.values(), "/ru/consultation/", "/en/"]
POST_CLIENTS = 32
POST_BURSTS = 5
# How long the worker may take to send the notifications of the POST runs before the
# submit → notification measurement starts on an empty queue.
DRAIN_SECONDS = 300
NOTIFICATION_SAMPLES = 20
