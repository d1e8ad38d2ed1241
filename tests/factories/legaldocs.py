"""Builders for documents, and an editor limited to one site (groups built here, not by editorial)."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from legaldocs.models import DocumentsIndexPage, DocumentType, LegalDocument
from tests.factories.core import add_page


def documents_page(home, slug="van-ban", title="Văn bản"):
    return add_page(home, DocumentsIndexPage(title=title, slug=slug))


def make_document(site, number="1/QĐ-UBND", **fields):
    values = {
        "doc_type": DocumentType.DECISION,
        "abstract": "Quyết định về việc kiện toàn Ban Chỉ đạo",
        "issuer": "UBND xã",
        "issue_date": datetime.date(2026, 3, 1),
    }
    values.update(fields)
    return LegalDocument.objects.create(site=site, number=number, **values)


def bulk_documents(site, count):
    """Many documents at once (bulk_create skips save(), so the search column is filled here)."""
    documents = []
    for number in range(count):
        document = LegalDocument(
            site=site,
            number=f"{number}/TB-UBND",
            doc_type=DocumentType.NOTICE,
            abstract=f"Thông báo số {number} về lịch tiếp công dân",
            issuer="UBND xã" if number % 2 else "HĐND xã",
            field="Hành chính" if number % 3 else "Đất đai",
            issue_date=datetime.date(2020 + number % 7, 1 + number % 12, 1 + number % 28),
        )
        document.search_text = document.build_search_text()
        documents.append(document)
    LegalDocument.objects.bulk_create(documents, batch_size=2000)


def site_editor(username, home, *model_permissions):
    """A user whose group may edit pages under `home` only, plus the given app.codename permissions."""
    group = Group.objects.create(name=f"Biên tập {username}")
    GroupPagePermission.objects.create(
        group=group, page=home, permission=Permission.objects.get(codename="change_page")
    )
    for name in ("wagtailadmin.access_admin", *model_permissions):
        app_label, codename = name.split(".")
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    user = get_user_model().objects.create_user(username, f"{username}@example.vn", "pw")
    user.groups.add(group)
    return user
