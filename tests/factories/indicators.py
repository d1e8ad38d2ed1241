"""Builders for indicators: an indicator of a site with observations, and a user allowed to edit them."""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from indicators.models import Indicator, Observation
from indicators.periods import parse_period
from tests.factories.core import vi

INDICATOR_PERMISSIONS = [
    f"{action}_{model}" for action in ("add", "change", "delete", "view") for model in ("indicator", "observation")
]


def make_indicator(site, code="ho-ngheo", name="Tỷ lệ hộ nghèo", values=(), **fields):
    """An indicator of `site` in Vietnamese; values are (period, value[, rank, rank_of]) tuples."""
    fields.setdefault("unit", "%")
    fields.setdefault("decimal_places", 1)
    indicator = Indicator.objects.create(site=site, locale=vi(), code=code, name=name, **fields)
    for period, value, *rank in values:
        kind, start = parse_period(period)
        Observation.objects.create(
            indicator=indicator,
            period_kind=kind,
            period_start=start,
            value=Decimal(str(value)),
            rank=rank[0] if rank else None,
            rank_of=rank[1] if len(rank) > 1 else None,
        )
    return indicator


def indicator_editor(username, site):
    """A user whose group edits pages of `site` (so core.permissions gives them the site) and indicators."""
    group = Group.objects.create(name=f"Indicators {username}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="indicators", codename__in=INDICATOR_PERMISSIONS),
    )
    GroupPagePermission.objects.create(group=group, page=site.root_page, permission_type="change")
    user = get_user_model().objects.create_user(username, f"{username}@example.vn", "pw")
    user.groups.add(group)
    return user
