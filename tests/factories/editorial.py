"""Builders for the editorial tests: users in a commune's groups, and admin actions done as a user would."""

from datetime import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.blocks.base import BlockWidget
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from editorial.groups import group_name, setup_site


def make_user(username, *groups, superuser=False):
    User = get_user_model()
    if superuser:
        return User.objects.create_superuser(username, f"{username}@example.vn", "pw")
    user = User.objects.create_user(username, f"{username}@example.vn", "pw")
    user.groups.add(*groups)
    return user


def commune_user(username, site, role):
    """A user in one of the commune's groups (the groups are created by setup_site, idempotently)."""
    setup_site(site)
    return make_user(username, Group.objects.get(name=group_name(site, role)))


def admin_add_locale(client, code):
    """The admin's Settings -> Locales -> Add a locale form."""
    response = client.post("/admin/locales/new/", {"language_code": code})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Locale.objects.get(language_code=code)


def admin_translate(client, page, locales, subtree=False):
    """The page's "Translate" action: wagtail-localize's submit-translation form."""
    data = {"locales": [locale.pk for locale in locales]}
    if subtree:
        data["include_subtree"] = "on"
    response = client.post(f"/admin/localize/submit/page/{page.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def news_page_form(page, action=None, **changes):
    """The page edit form as the admin posts it: the current values of every field of the page's
    edit form (read from the model's own edit handler, so new fields need no change here), empty
    StreamFields and inline formsets (test pages have none), then `changes` on top."""
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, for_user=None, parent_page=page.get_parent())
    values = {}
    for name, bound in form._bound_items():
        field = bound.field
        if isinstance(field.widget, BlockWidget):
            values[name] = streamfield([])
            continue
        value = bound.value()
        if isinstance(field, forms.BooleanField):
            if value:
                values[name] = "on"
        elif value is None:
            values[name] = ""
        elif isinstance(value, (list, tuple)):
            values[name] = [str(v) for v in value]
        elif isinstance(value, datetime):
            values[name] = (timezone.localtime(value) if timezone.is_aware(value) else value).strftime("%Y-%m-%d %H:%M")
        else:
            values[name] = str(value)
    for name in form.formsets:
        values[name] = inline_formset([])
    values.update(changes)
    data = nested_form_data(values)
    if action:
        data[action] = action
    return data
