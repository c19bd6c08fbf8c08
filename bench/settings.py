"""The framework's ceiling for `make bench`: the site's settings with a one-view URLconf.

The view returns the bytes of a page the real site rendered, through Django's own
`cache_page`, behind the same middleware (less the site's page cache).
"""

from clinic_site.settings import *  # noqa: F403
from clinic_site.settings import MIDDLEWARE

ROOT_URLCONF = "bench.ceiling_urls"
MIDDLEWARE = [name for name in MIDDLEWARE if name != "clinic_site.cache.PageCacheMiddleware"]
