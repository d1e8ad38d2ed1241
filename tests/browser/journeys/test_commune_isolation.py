"""Journey: an editor of Ia Ko cannot see or edit Ia Pal's pages, images, documents and snippets.

Lists leave them out; opening their addresses directly gives the admin's refusal (translated), never a crash.
"""

import pytest
from playwright.sync_api import expect

from . import admin as admin_steps

pytestmark = pytest.mark.browser

EDITOR = "iako-bientap"


@pytest.fixture
def ia_pal_content(journey_portal):
    """One of each kind of Ia Pal's content, in Ia Pal's collection (as its own editors would upload them)."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    from core.demo import placeholder_image
    from legaldocs.models import LegalDocument
    from news.models import NewsPage

    commune = journey_portal.communes["ia-pal"]
    collection = Collection.objects.get(name=commune.site.site_name)
    image = placeholder_image("Ảnh riêng của xã Ia Pal", colour=(20, 90, 160))
    get_image_model().objects.filter(pk=image.pk).update(collection=collection)
    document = get_document_model().objects.create(
        title="Tài liệu riêng của xã Ia Pal", collection=collection, file=ContentFile(b"%PDF-1.4\n", name="ia-pal.pdf")
    )
    return {
        "page": NewsPage.objects.descendant_of(commune.home).first(),
        "image": image,
        "document": document,
        "legal_document": LegalDocument.objects.filter(site=commune.site).first(),
    }


def test_an_editor_of_ia_ko_cannot_see_or_edit_ia_pal_content(journey, ia_pal_content):
    page_ = ia_pal_content["page"]
    image = ia_pal_content["image"]
    document = ia_pal_content["document"]
    legal = ia_pal_content["legal_document"]
    assert page_ is not None and legal is not None
    admin = journey.as_user(EDITOR)

    # Lists: none of Ia Pal's content is offered.
    admin.goto("/admin/images/")
    expect(admin.locator(f"a[href*='/admin/images/{image.pk}/']")).to_have_count(0)
    admin.goto("/admin/documents/")
    expect(admin.locator(f"a[href*='/admin/documents/edit/{document.pk}/']")).to_have_count(0)
    admin.goto("/admin/snippets/legaldocs/legaldocument/")
    expect(admin.locator(f"a[href*='/legaldocument/edit/{legal.pk}/']")).to_have_count(0)
    expect(admin.locator("body")).not_to_contain_text(legal.number)
    admin.goto(f"/admin/pages/search/?q={page_.title.split()[0]}")
    expect(admin.locator(f"a[href='/admin/pages/{page_.pk}/edit/']")).to_have_count(0)

    # Direct addresses: refused.
    admin_steps.refused(admin, f"/admin/pages/{page_.pk}/edit/")
    admin_steps.refused(admin, f"/admin/images/{image.pk}/")
    admin_steps.refused(admin, f"/admin/documents/edit/{document.pk}/")
    admin_steps.refused(admin, f"/admin/snippets/legaldocs/legaldocument/edit/{legal.pk}/")
