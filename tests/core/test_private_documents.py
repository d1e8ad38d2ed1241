"""Documents per commune: own collection in the admin, own host when served, public only once a public page
or a published legal document links them (Wagtail's reference index decides)."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from core.documents import site_collection
from editorial.groups import EDITORS, setup_site
from legaldocs.models import LegalDocument
from tests.factories.legaldocs import documents_page, make_document
from tests.factories.news import make_article, make_index

pytestmark = pytest.mark.django_db
HOST_A = {"HTTP_HOST": "a.gialai.gov.vn"}
HOST_B = {"HTTP_HOST": "b.gialai.gov.vn"}


def upload(site, title):
    document = get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4 test", name=f"{title}.pdf"), collection=site_collection(site)
    )
    return document


def image(site, title):
    buffer = io.BytesIO()
    PILImage.new("RGB", (20, 20), (200, 0, 0)).save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"{title}.png"), collection=site_collection(site)
    )


def doc_link(document):
    return [("paragraph", f'<p>Xem <a linktype="document" id="{document.pk}">văn bản</a>.</p>')]


def editor_of(commune, username):
    user = get_user_model().objects.create_user(username, f"{username}@example.vn", "pw")
    user.groups.add(setup_site(commune.site)[EDITORS])
    return user


def test_another_communes_document_answers_404_on_this_host(client, two_sites):
    a, b = two_sites
    documents_page(b.home)
    file_b = upload(b.site, "quyet-dinh-b")
    make_document(b.site, number="14/QĐ-UBND", file=file_b)
    own = client.get(file_b.url, **HOST_B)
    assert own.status_code == 200 and b"".join(own.streaming_content) == b"%PDF-1.4 test"
    assert "public" in own["Cache-Control"] and "max-age=300" in own["Cache-Control"]
    assert client.get(file_b.url, **HOST_A).status_code == 404
    assert not file_b.url.startswith("/media/")


def test_a_file_of_an_unpublished_legal_document_is_served_once_published(client, two_sites):
    a, _ = two_sites
    index = documents_page(a.home)
    draft_file = upload(a.site, "du-thao")
    entry = make_document(a.site, number="20/QĐ-UBND", file=draft_file, published=False)
    assert client.get(draft_file.url, **HOST_A).status_code == 404
    listing = client.get(index.url_path.replace(a.home.url_path, "/"), **HOST_A).content.decode()
    assert "20/QĐ-UBND" not in listing  # the legal-documents database shows published entries only
    assert client.get(f"/van-ban/{entry.pk}/", **HOST_A).status_code == 404
    entry.published = True
    entry.save()
    response = client.get(draft_file.url, **HOST_A)
    assert response.status_code == 200 and "public" in response["Cache-Control"]
    assert client.get(f"/van-ban/{entry.pk}/", **HOST_A).status_code == 200


def test_a_drafts_attachment_answers_404_anonymously_and_200_once_published(client, two_sites):
    a, _ = two_sites
    index = make_index(a.home)
    attachment = upload(a.site, "bao-cao")
    article = make_article(index, "Bài nháp", body=doc_link(attachment), publish=False)
    assert not article.live
    assert client.get(attachment.url, **HOST_A).status_code == 404
    article.save_revision().publish()
    response = client.get(attachment.url, **HOST_A)
    assert response.status_code == 200 and "public" in response["Cache-Control"]
    # A new draft that drops the link does not withdraw the published page's file ...
    article = article.specific_class.objects.get(pk=article.pk)
    article.body = [("paragraph", "<p>Không còn liên kết.</p>")]
    article.save_revision()
    assert client.get(attachment.url, **HOST_A).status_code == 200
    # ... but unpublishing does.
    article.refresh_from_db()
    article.unpublish()
    assert not article.specific_class.objects.get(pk=article.pk).live
    assert client.get(attachment.url, **HOST_A).status_code == 404


def test_a_private_pages_attachment_is_not_public(client, two_sites):
    a, _ = two_sites
    index = make_index(a.home)
    attachment = upload(a.site, "noi-bo")
    article = make_article(index, "Nội bộ", body=doc_link(attachment))
    PageViewRestriction.objects.create(page=article, restriction_type="password", password="x")
    assert client.get(attachment.url, **HOST_A).status_code == 404


def test_editors_may_fetch_their_communes_unpublished_file_never_cached(client, two_sites):
    a, b = two_sites
    draft_file = upload(a.site, "du-thao-2")
    client.force_login(editor_of(a, "bientap_a"))
    response = client.get(draft_file.url, **HOST_A)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    client.force_login(editor_of(b, "bientap_b"))
    assert client.get(draft_file.url, **HOST_B).status_code == 404


def test_an_editor_of_a_never_sees_bs_documents_or_images(client, two_sites):
    a, b = two_sites
    upload(a.site, "van-ban-cua-a")
    theirs = upload(b.site, "van-ban-cua-b")
    image(a.site, "anh-cua-a")
    their_image = image(b.site, "anh-cua-b")
    client.force_login(editor_of(a, "bientap_a"))
    for name in ("wagtaildocs:index", "wagtaildocs_chooser:choose"):
        html = client.get(reverse(name)).content.decode()
        assert "van-ban-cua-a" in html and "van-ban-cua-b" not in html, name
    for name in ("wagtailimages:index", "wagtailimages_chooser:choose"):
        html = client.get(reverse(name)).content.decode()
        assert "anh-cua-a" in html and "anh-cua-b" not in html, name
    # Searching the chooser does not reach them either, nor do their edit pages.
    html = client.get(reverse("wagtaildocs_chooser:choose_results"), {"q": "van-ban"}).content.decode()
    assert "van-ban-cua-b" not in html
    assert client.get(reverse("wagtaildocs:edit", args=[theirs.pk])).status_code in (302, 403)
    assert client.get(reverse("wagtailimages:edit", args=[their_image.pk])).status_code in (302, 403)
    # Uploads go into the commune's own collection: the only one offered.
    add = client.get(reverse("wagtaildocs:add")).content.decode()
    assert b.site.site_name not in add


def test_the_groups_get_their_communes_collection(two_sites):
    a, b = two_sites
    groups = setup_site(a.site)
    permissions = groups[EDITORS].collection_permissions.select_related("collection", "permission")
    assert {p.collection for p in permissions} == {site_collection(a.site)}
    assert {p.permission.codename for p in permissions} >= {"add_document", "choose_document", "choose_image"}
    assert site_collection(a.site) != site_collection(b.site)
    assert LegalDocument._meta.get_field("published").default is True
