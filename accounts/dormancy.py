"""Accounts unused for ACCOUNTS_INACTIVE_LOCK_DAYS days are locked: the sign-in form refuses them with a
clear message until an admin unlocks them (Reports -> Sign-in lockouts, or `manage.py unlock_account`).

"Unused" counts from the last sign-in, or from the account's creation if it never signed in, or from the
last unlock, whichever is latest. Nothing is stored when an account becomes dormant: it is a rule checked
at sign-in, so it needs no scheduled job.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from .models import AccountUnlock


def lock_days():
    return int(getattr(settings, "ACCOUNTS_INACTIVE_LOCK_DAYS", 0) or 0)


def last_activity(user):
    moments = [user.last_login or user.date_joined]
    unlock = AccountUnlock.objects.filter(user=user).first()
    if unlock is not None:
        moments.append(unlock.unlocked_at)
    return max(moments)


def is_dormant(user, now=None):
    days = lock_days()
    if not days:
        return False
    return last_activity(user) < (now or timezone.now()) - timedelta(days=days)


def dormant_users(now=None):
    """Active accounts the rule refuses now, each with `last_activity` set, longest unused first."""
    days = lock_days()
    User = get_user_model()
    if not days:
        return []
    threshold = (now or timezone.now()) - timedelta(days=days)
    unused = Q(last_login__lt=threshold) | Q(last_login__isnull=True, date_joined__lt=threshold)
    not_unlocked = Q(account_unlock__isnull=True) | Q(account_unlock__unlocked_at__lt=threshold)
    users = list(User.objects.filter(unused & not_unlocked, is_active=True).select_related("account_unlock"))
    for user in users:
        user.last_activity = last_activity(user)
    return sorted(users, key=lambda user: user.last_activity)


def unlock(user):
    AccountUnlock.objects.update_or_create(user=user, defaults={"unlocked_at": timezone.now()})
