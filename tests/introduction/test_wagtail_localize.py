"""The new page types and the alert snippet go through wagtail-localize's own translation machinery."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from core.demo import translate_page
from services.models import OnlineServicesPage
from tests.factories.alerts import make_alert
from tests.factories.contact import make_contact_page
from tests.factories.core import add_page, url_of
from tests.factories.introduction import make_organisation

pytestmark = pytest.mark.django_db


def translate_with_localize(instance, locale, replacements):
    """What "Translate" in the admin does: extract segments, translate some strings, create the copy."""
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation = Translation.objects.create(source=source, target_locale=locale)
    for segment in source.stringsegment_set.select_related("string"):
        text = segment.string.data
        if text in replacements:
            StringTranslation.objects.create(
                translation_of=segment.string, locale=locale, context=segment.context, data=replacements[text]
            )
    translation.save_target(publish=True)
    translated = instance.get_translation(locale)
    if not translated.live:  # the test client is anonymous: make sure the copy is public
        translated.save_revision().publish()
        translated.refresh_from_db()
    return translated


@pytest.fixture
def english_site(two_sites):
    english = Locale.objects.get_or_create(language_code="en")[0]
    translate_page(two_sites[0].home, english, title="Home")
    return two_sites[0], english


def test_organisation_page_translates_units_and_leaders(client, english_site):
    commune, english = english_site
    page = make_organisation(commune.home, leaders=2, with_photos=False)
    translated = translate_with_localize(
        page,
        english,
        {"Cơ cấu tổ chức": "Organisation", "Phó Chủ tịch": "Vice-Chairman", "Sinh năm 1980.": "Born 1980."},
    )
    html = client.get(url_of(translated), HTTP_HOST="a.gialai.gov.vn").content.decode()
    assert "<h1>Organisation</h1>" in html and "Vice-Chairman" in html and "Born 1980." in html
    assert "Phó Chủ tịch" in client.get(url_of(page), HTTP_HOST="a.gialai.gov.vn").content.decode()


def test_contact_and_services_pages_translate(client, english_site):
    commune, english = english_site
    contact = make_contact_page(commune.home)
    translated = translate_with_localize(contact, english, {"Liên hệ": "Contact", "Nội dung": "Message"})
    html = client.get(url_of(translated), HTTP_HOST="a.gialai.gov.vn").content.decode()
    assert "<h1>Contact</h1>" in html and ">Message</label>" in html
    services = add_page(
        commune.home,
        OnlineServicesPage(
            title="Dịch vụ công",
            slug="dvc",
            groups=[("group", {"field": "Hộ tịch", "description": "", "procedures": []})],
        ),
    )
    translated = translate_with_localize(
        services, english, {"Dịch vụ công": "Public services", "Hộ tịch": "Civil status"}
    )
    html = client.get(url_of(translated), HTTP_HOST="a.gialai.gov.vn").content.decode()
    assert "<h1>Public services</h1>" in html and "Civil status" in html


def test_alert_banner_translates_and_keeps_its_section(english_site):
    commune, english = english_site
    alert = make_alert(commune.site, title="Bảo trì", message="Tạm ngừng.", section=commune.home)
    source, _ = TranslationSource.get_or_create_from_instance(alert)
    translation = Translation.objects.create(source=source, target_locale=english)
    for segment in source.stringsegment_set.select_related("string"):
        StringTranslation.objects.create(
            translation_of=segment.string, locale=english, context=segment.context, data=f"EN {segment.string.data}"
        )
    translation.save_target()
    translated = alert.get_translation(english)
    assert translated.title == "EN Bảo trì" and translated.section_id == alert.section_id
