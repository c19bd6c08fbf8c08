import pytest
from django.core.management import call_command


@pytest.fixture(scope="session", autouse=True)
def _collected_static() -> None:
    # Pages link hashed static names from the manifest, as in production.
    call_command("collectstatic", interactive=False, verbosity=0)
