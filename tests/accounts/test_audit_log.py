"""Wagtail's audit log records sign-ins, failures and permission changes; site admins export their own
commune's log as CSV, never another commune's."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry

from editorial.groups import EDITORS, group_name

from .conftest import sign_in

pytestmark = pytest.mark.django_db


def actions_for(site, prefix="accounts.sign_"):
    return list(
        ModelLogEntry.objects.filter(object_id=str(site.pk), action__startswith=prefix)
        .order_by("pk")
        .values_list("action", "data__username")
    )


def test_sign_ins_and_failures_are_logged_on_the_users_commune(people, two_sites, client):
    site_a, site_b = two_sites[0].site, two_sites[1].site
    sign_in(client, "a-bientap", "sai")
    sign_in(client, "ａ-bientap")
    assert actions_for(site_a) == [("accounts.sign_in_failed", "a-bientap"), ("accounts.sign_in", "a-bientap")]
    assert actions_for(site_b) == []
    entry = ModelLogEntry.objects.filter(action="accounts.sign_in_failed").get()
    assert entry.data["ip"] == "203.0.113.20"
    assert "password" not in str(entry.data) and "sai" not in str(entry.data).split("'")


def test_unknown_usernames_are_logged_on_the_site_signed_into(people, two_sites, client):
    sign_in(client, "khong-ton-tai", "sai")
    assert actions_for(two_sites[0].site) == [("accounts.sign_in_failed", "khong-ton-tai")]


def test_group_membership_changes_are_logged(people, two_sites, client, django_user_model):
    site_b = two_sites[1].site
    newcomer = django_user_model.objects.create_user("b-moi", "m@example.vn", "x")
    newcomer.groups.add(Group.objects.get(name=group_name(site_b, EDITORS)))
    assert ("accounts.groups_changed", "b-moi") in actions_for(site_b, "accounts.groups")
    assert ("accounts.groups_changed", "b-moi") not in actions_for(two_sites[0].site, "accounts.groups")


def csv_rows(response):
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_site_admin_exports_only_their_commune(people, two_sites, client, client_class):
    site_a, site_b = two_sites[0].site, two_sites[1].site
    sign_in(client_class(), "a-bientap")
    sign_in(client_class(), "b-quantri", "sai")
    admin_a = client_class()
    admin_a.force_login(people["site_admin"])
    rows = csv_rows(admin_a.get("/admin/reports/security-log/", {"format": "csv"}, HTTP_HOST="a.gialai.gov.vn"))
    messages = " ".join(row["message"] for row in rows)
    assert "a-bientap" in messages and "b-quantri" not in messages
    forged = csv_rows(
        admin_a.get("/admin/reports/security-log/", {"format": "csv", "site": site_b.pk}, HTTP_HOST="a.gialai.gov.vn")
    )
    assert "b-quantri" not in " ".join(row["message"] for row in forged)
    assert site_a.pk != site_b.pk


def test_editors_and_moderators_cannot_export(people, client):
    for role in ("editor", "moderator"):
        client.force_login(people[role])
        response = client.get("/admin/reports/security-log/", {"format": "csv"}, HTTP_HOST="a.gialai.gov.vn")
        assert response.status_code in (302, 403)
        assert not response.get("Content-Type", "").startswith("text/csv")


def test_permission_changes_are_shown_in_words_not_codenames(people, two_sites):
    from django.contrib.auth.models import Permission
    from django.utils import translation
    from wagtail.models import GroupPagePermission

    site_a = two_sites[0].site
    group = Group.objects.get(name=group_name(site_a, EDITORS))
    GroupPagePermission.objects.filter(group=group, permission__codename="publish_page").delete()
    GroupPagePermission.objects.create(
        group=group, page=two_sites[0].home, permission=Permission.objects.get(codename="publish_page")
    )
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    entries = ModelLogEntry.objects.filter(object_id=str(site_a.pk), action="accounts.group_permissions_changed")
    with translation.override("vi"):
        messages = [entry.message for entry in entries.order_by("pk")]
    assert any("+ xuất bản trang (" in message for message in messages), messages
    assert any("+ vào trang quản trị" in message for message in messages), messages
    assert not any("publish_page" in message or "access_admin" in message for message in messages)
    assert any("publish_page" in entry.data["detail"] for entry in entries)  # the log keeps the codename
