"""Public pages show content from every model of this app (the footer shows the clinic,
the home page the treatments and doctors), so any change to any of them makes every
cached page stale. Signals are fine here: they only touch the cache, nothing is sent.
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from clinic_site.cache import replace_content_version


def pages_are_stale(sender: type, **kwargs: object) -> None:
    if kwargs.get("raw"):
        return  # loaddata: the fixture's rows are saved again without it
    replace_content_version()


def connect_page_cache_invalidation() -> None:
    for model in apps.get_app_config("services").get_models():
        post_save.connect(pages_are_stale, sender=model, dispatch_uid=f"page-cache-save-{model._meta.label}")
        post_delete.connect(
            pages_are_stale, sender=model, dispatch_uid=f"page-cache-delete-{model._meta.label}"
        )
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                pages_are_stale, sender=field.remote_field.through, dispatch_uid=f"page-cache-m2m-{field}"
            )
