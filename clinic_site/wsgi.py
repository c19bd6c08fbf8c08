import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings")
application = get_wsgi_application()

# What every worker's first requests would otherwise load; with gunicorn's preload_app this runs
# once, in the arbiter, before the workers are forked.
from clinic_site.warmup import warm_up  # noqa: E402 (needs the settings configured above)

warm_up()
