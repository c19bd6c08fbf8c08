import pytest
from django.core.management import call_command


@pytest.fixture(scope="session", autouse=True)
def _collected_static() -> None:
    # Pages link hashed static names from the manifest, as in production.
    call_command("collectstatic", interactive=False, verbosity=0)


@pytest.fixture(scope="session", autouse=True)
def _compiled_messages() -> None:
    # The English catalogue is built from per-area parts (bin/build-messages).
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "bin" / "build-messages"
    subprocess.run([sys.executable, str(script)], check=True, capture_output=True)
