import re

import pytest
from django.core import mail

from tests.factories.news import make_category, make_index

HOST_A = {"HTTP_HOST": "a.gialai.gov.vn"}
HOST_B = {"HTTP_HOST": "b.gialai.gov.vn"}
SUBSCRIBE = "/dang-ky-nhan-tin/"


@pytest.fixture
def commune_a(two_sites):
    """Commune A with a news section and two categories."""
    commune = two_sites[0]
    commune.news = make_index(commune.home)
    commune.farming = make_category(commune.site, "nong-nghiep", "Nông nghiệp")
    commune.digital = make_category(commune.site, "chuyen-doi-so", "Chuyển đổi số")
    return commune


def links_in(text):
    return re.findall(r"https?://\S+", text)


def link_to(message_body, part):
    found = [link for link in links_in(message_body) if part in link]
    assert found, f"no link with {part!r} in:\n{message_body}"
    return found[0]


def outbox_to(address):
    return [message for message in mail.outbox if address in message.to]
