"""The Doctors group: sees the requests assigned to it for review and their documents.

Managers need no permission of this app: they see on the request's page that documents
arrived (documents/templatetags/documents_admin.py) and ask a doctor to review them.
"""

from django.apps.registry import Apps

from booking.roles import grant

DOCTORS = "Doctors"

DOCTOR_PERMISSIONS = [
    ("documents", "view_document"),
    ("documents", "open_document"),
    ("documents", "view_doctorreview"),
    ("documents", "change_doctorreview"),
]


def ensure_doctors_group(apps: Apps) -> None:
    """Create the group and give it its permissions; safe to run again."""
    grant(apps, {DOCTORS: DOCTOR_PERMISSIONS}, ("documents",))
