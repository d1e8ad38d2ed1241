import time

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.groups import EDITORS, MODERATORS, SITE_ADMINS
from tests.factories.editorial import commune_user

PASSWORD = "mot-cau-mat-khau-dai-2026"
HOST = "a.gialai.gov.vn"


@pytest.fixture
def client_class():
    """Another browser: each Client has its own cookies (session)."""
    from django.test import Client

    return Client


@pytest.fixture
def enforced(settings):
    settings.ACCOUNTS_2FA_ENFORCED = True
    return settings


@pytest.fixture
def people(two_sites):
    """An editor, a moderator and a site admin of commune A, and a site admin of commune B."""
    site_a, site_b = two_sites[0].site, two_sites[1].site
    users = {
        "editor": commune_user("a-bientap", site_a, EDITORS),
        "moderator": commune_user("a-kiemduyet", site_a, MODERATORS),
        "site_admin": commune_user("a-quantri", site_a, SITE_ADMINS),
        "site_admin_b": commune_user("b-quantri", site_b, SITE_ADMINS),
    }
    for user in users.values():
        user.set_password(PASSWORD)
        user.save()
    return users


def sign_in(client, username, password=PASSWORD, ip="203.0.113.20", **extra):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, HTTP_HOST=HOST, REMOTE_ADDR=ip, **extra
    )


def admin_get(client, path, **extra):
    return client.get(path, HTTP_HOST=HOST, **extra)


def totp_code(user, steps_ahead=0):
    """The code the user's phone shows now (or `steps_ahead` periods of 30 s later)."""
    device = TOTPDevice.objects.filter(user=user).order_by("-pk").first()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"
