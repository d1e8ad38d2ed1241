"""Who must use two-factor authentication, and the user's devices (django-otp TOTP + recovery codes).

Required for superusers and for anyone who can publish or administer a commune: a group with the
"publish" page permission (moderators, site admins) or a per-site settings permission (site admins), as
the per-commune groups of editorial/ grant them. Editors (access to the admin only) must enrol when
ACCOUNTS_2FA_REQUIRED_FOR_EDITORS is on. ACCOUNTS_2FA_ENFORCED = False (local demo only) asks nobody to
enrol, but an account with a device still has to give its code.
"""

import segno
from django.conf import settings
from django.db import transaction
from django_otp import devices_for_user, verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import GroupPagePermission, GroupSitePermission

AUTHENTICATOR_NAME = "authenticator"
RECOVERY_NAME = "recovery"


def can_publish_or_administer(user):
    return (
        GroupPagePermission.objects.filter(group__user=user, permission__codename="publish_page").exists()
        or GroupSitePermission.objects.filter(group__user=user).exists()
    )


def is_required(user):
    if not getattr(settings, "ACCOUNTS_2FA_ENFORCED", True) or not user.is_authenticated:
        return False
    if user.is_superuser or can_publish_or_administer(user):
        return True
    return getattr(settings, "ACCOUNTS_2FA_REQUIRED_FOR_EDITORS", False) and user.has_perm("wagtailadmin.access_admin")


def has_device(user):
    return any(True for _ in devices_for_user(user, confirmed=True))


def confirmed_authenticator(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_authenticator(user):
    """The unconfirmed authenticator being enrolled (one per user; a new secret only when none is pending)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)


def qr_code_svg(device):
    """The otpauth:// URL as an inline SVG QR code (no image request, works under the admin's CSP)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=5, border=2, title="otpauth")


def secret_for_manual_entry(device):
    from base64 import b32encode

    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def clean_code(value):
    return "".join(ch for ch in (value or "").lower() if ch.isalnum())


def verify(user, code):
    """The device that accepts this code (a 6-digit TOTP code or an unused recovery code), or None.

    A recovery code is deleted as it is accepted; django-otp locks the device row while it checks and
    throttles repeated failures on each device.
    """
    code = clean_code(code)
    if not code:
        return None
    if code.isdigit() and len(code) == 6:  # recovery codes have 8 characters
        device = confirmed_authenticator(user)
        if device is not None:
            return verify_token(user, device.persistent_id, code)
        return None
    recovery = StaticDevice.objects.filter(user=user, confirmed=True).first()
    if recovery is None:
        return None
    return verify_token(user, recovery.persistent_id, code)


@transaction.atomic
def confirm_authenticator(device, code):
    """Confirm a pending authenticator with a code from the app; False if the code is wrong."""
    if not device.verify_token(clean_code(code)):
        return False
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


@transaction.atomic
def new_recovery_codes(user):
    """Replace the user's recovery codes and return them for showing once (each works a single time).

    They are stored as django-otp stores static tokens (in the database, like the TOTP secret), never
    shown again: a user who lost them makes new ones, which voids the old."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_NAME, defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(getattr(settings, "ACCOUNTS_RECOVERY_CODES", 10))]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return [f"{code[:4]}-{code[4:]}" for code in codes]


def remaining_recovery_codes(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def remove_devices(user):
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
