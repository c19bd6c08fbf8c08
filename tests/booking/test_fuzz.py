"""No input of any size or alphabet makes the booking form answer with a server error."""

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.booking.submitting import form_data, request_url

FIELDS = list(form_data())
anything = st.one_of(
    st.text(max_size=50),
    st.text(min_size=1000, max_size=5000),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    st.sampled_from(["\x00", "now", "later", "call", "9999-12-31", "0001-01-01", "23:59", "+", "8" * 200]),
)


@pytest.mark.django_db
@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(overrides=st.dictionaries(st.sampled_from(FIELDS), anything, max_size=len(FIELDS)))
def test_any_input_to_any_field_never_gives_a_server_error(client, settings, overrides):
    settings.BOOKING_RATE_LIMIT = 0
    cache.clear()

    response = client.post(request_url(), form_data(**overrides))

    assert response.status_code < 500


@pytest.mark.django_db
@hypothesis_settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(treatment=st.text(max_size=300), doctor=st.text(max_size=300))
def test_any_prefill_in_the_address_never_gives_a_server_error(client, treatment, doctor):
    response = client.get(request_url(), {"treatment": treatment, "doctor": doctor})

    assert response.status_code < 500


@pytest.mark.django_db
@hypothesis_settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    token=st.text(alphabet=st.characters(blacklist_characters="/?#", codec="utf-8"), min_size=1, max_size=300)
)
def test_any_thanks_token_never_gives_a_server_error(client, token):
    response = client.get(f"/ru/consultation/thanks/{token}/")

    assert response.status_code < 500
