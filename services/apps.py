from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = _("Clinic content")

    def ready(self) -> None:
        from services.cache import connect_page_cache_invalidation

        connect_page_cache_invalidation()
