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
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from .models import AccountUnlock


def lock_days():
    return int(getattr(settings, "ACCOUNTS_INACTIVE_LOCK_DAYS", 0) or 0)


def last_activity(user):
    moments = [user.last_login or user.date_joined]
    unlock = AccountUnlock.objects.filter(user=user).values_list("unlocked_at", flat=True).first()
    if unlock:
        moments.append(unlock)
    return max(moment for moment in moments if moment)


def is_dormant(user, now=None):
    days = lock_days()
    if not days:
        return False
    return last_activity(user) < (now or timezone.now()) - timedelta(days=days)


def dormant_users(now=None):
    days = lock_days()
    User = get_user_model()
    if not days:
        return User.objects.none()
    threshold = (now or timezone.now()) - timedelta(days=days)
    activity = Greatest(Coalesce("last_login", "date_joined"), Coalesce("account_unlock__unlocked_at", "date_joined"))
    return (
        User.objects.filter(is_active=True)
        .annotate(last_activity=activity)
        .filter(Q(last_activity__lt=threshold))
        .order_by("last_activity")
    )


def unlock(user):
    AccountUnlock.objects.update_or_create(user=user, defaults={"unlocked_at": timezone.now()})
