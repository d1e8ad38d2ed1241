"""The admin screen: a commune's site admin runs an import of their own site and reads the report; another
commune's source and report answer 403, and their sources are not listed."""

import pytest

from importer.models import ImportRun, ImportSource
from news.models import NewsPage
from tests.factories.editorial import commune_user
from tests.factories.news import make_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def sources(commune, two_sites, make_source, old_portal):
    own = make_source("urls", old_portal.url("cong-a/ngay-hoi-dai-doan-ket.html"), name="Cổng cũ Ia Ko")
    other_site = two_sites[1]
    other = ImportSource.objects.create(
        site=other_site.site,
        name="Cổng cũ xã B",
        kind="urls",
        location=old_portal.url("cong-b/tiem-chung-mo-rong.html"),
        section=make_index(other_site.home),
        delay=0,
    )
    return own, other


def test_site_admin_runs_and_reads_the_report(client, commune, sources):
    own, other = sources
    client.force_login(commune_user("quantri", commune.site, "site_admins"))
    listing = client.get("/admin/snippets/importer/importsource/")
    assert listing.status_code == 200
    assert "Cổng cũ Ia Ko" in listing.content.decode() and "Cổng cũ xã B" not in listing.content.decode()

    response = client.post(f"/admin/importer/{own.pk}/", {"dry_run": "1"})
    assert response.status_code == 302 and NewsPage.objects.count() == 0
    response = client.post(f"/admin/importer/{own.pk}/", {})
    assert response.status_code == 302 and NewsPage.objects.count() == 1

    run = ImportRun.objects.filter(dry_run=False).get()
    page = client.get(f"/admin/importer/{own.pk}/").content.decode()
    assert f"/admin/importer/run/{run.pk}/" in page
    report = client.get(f"/admin/importer/run/{run.pk}/").content.decode()
    assert "ngay-hoi-dai-doan-ket.html" in report and "Ngày hội Đại đoàn kết toàn dân tộc ở làng Ia Ko" in report

    assert client.get(f"/admin/importer/{other.pk}/").status_code == 403
    assert client.post(f"/admin/importer/{other.pk}/", {}).status_code == 403
    refused = client.get(f"/admin/snippets/importer/importsource/edit/{other.pk}/")  # Wagtail: back to the dashboard
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")


def test_editors_cannot_import(client, commune, sources):
    own, _other = sources
    client.force_login(commune_user("bientap", commune.site, "editors"))
    assert client.get(f"/admin/importer/{own.pk}/").status_code == 403


def test_a_source_cannot_point_at_another_communes_section(commune, two_sites, sources):
    from django.core.exceptions import ValidationError

    own, other = sources
    own.section = other.section
    with pytest.raises(ValidationError) as error:
        own.full_clean()
    assert "section" in error.value.message_dict
