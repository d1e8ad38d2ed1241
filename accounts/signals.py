"""Audit-log receivers: sign-ins, failures, lockouts, and changes to who may do what."""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.log_actions import get_active_log_context
from wagtail.models import GroupCollectionPermission, GroupPagePermission, GroupSitePermission

from . import audit
from .usernames import normalise

User = get_user_model()


@receiver(user_logged_in)
def on_signed_in(sender, request, user, **kwargs):
    audit.log_account_event(audit.SIGN_IN, request, user=user)


@receiver(user_logged_out)
def on_signed_out(sender, request, user, **kwargs):
    if user is not None:
        audit.log_account_event(audit.SIGN_OUT, request, user=user)


@receiver(user_login_failed)
def on_sign_in_failed(sender, credentials, request=None, **kwargs):
    username = normalise(credentials.get("username", ""))
    user = audit.find_user(username)
    action = audit.LOCKED_OUT if getattr(request, "axes_locked_out", False) else audit.SIGN_IN_FAILED
    if action == audit.LOCKED_OUT:
        return  # user_locked_out logs it once
    audit.log_account_event(action, request, user=user, username=username, actor=None)


@receiver(user_locked_out)
def on_locked_out(sender, request=None, username=None, ip_address=None, **kwargs):
    user = audit.find_user(normalise(username or ""))
    audit.log_account_event(audit.LOCKED_OUT, request, user=user, username=username, actor=None)


@receiver(pre_save, sender=Group)
@receiver(pre_save, sender=User)
def remember_raw_load(sender, instance, raw=False, **kwargs):
    """Rows loaded raw (fixtures, a test's serialized rollback) then get their many-to-many rows set: that is
    no change anyone made, and the content types the log needs may not be loaded yet."""
    instance._audit_loaded_raw = raw


@receiver(m2m_changed, sender=User.groups.through)
def on_membership_changed(sender, instance, action, pk_set, reverse, **kwargs):
    if action not in ("post_add", "post_remove", "pre_clear") or getattr(instance, "_audit_loaded_raw", False):
        return
    actor = get_active_log_context().user
    if reverse:  # group.user_set changed
        groups, users = [instance], list(User.objects.filter(pk__in=pk_set or []))
    else:
        users = [instance]
        groups = list(instance.groups.all()) if action == "pre_clear" else list(Group.objects.filter(pk__in=pk_set))
    verb = {"post_add": "+", "post_remove": "-", "pre_clear": "-"}[action]
    for group in groups:
        for user in users:
            audit.log_group_event(
                audit.GROUPS_CHANGED, group, actor=actor, username=user.get_username(), detail=f"{verb} {group.name}"
            )


@receiver(m2m_changed, sender=Group.permissions.through)
def on_group_permissions_changed(sender, instance, action, pk_set, reverse, **kwargs):
    if getattr(instance, "_audit_loaded_raw", False):
        return
    if action in ("post_add", "post_remove", "pre_clear") and not reverse:
        verb = "+" if action == "post_add" else "-"
        names = sorted(Permission.objects.filter(pk__in=pk_set or []).values_list("codename", flat=True))
        audit.log_group_event(audit.GROUP_PERMISSIONS_CHANGED, instance, detail=f"{verb} {', '.join(names)}".strip())


def _object_permission_changed(instance, verb):
    permission = instance.permission.codename if instance.permission_id else ""
    target = getattr(instance, "page", None) or getattr(instance, "collection", None) or instance.site
    audit.log_group_event(audit.GROUP_PERMISSIONS_CHANGED, instance.group, detail=f"{verb} {permission} ({target})")


for model in (GroupPagePermission, GroupCollectionPermission, GroupSitePermission):
    post_save.connect(
        # raw: rows loaded from a fixture or a test's serialized rollback are not a change anyone made.
        lambda sender, instance, created, raw=False, **kw: (
            created and not raw and _object_permission_changed(instance, "+")
        ),
        sender=model,
        weak=False,
        dispatch_uid=f"accounts-audit-save-{model.__name__}",
    )
    post_delete.connect(
        lambda sender, instance, **kw: _object_permission_changed(instance, "-"),
        sender=model,
        weak=False,
        dispatch_uid=f"accounts-audit-delete-{model.__name__}",
    )


FLAGS = ("is_superuser", "is_active", "is_staff")


@receiver(pre_save, sender=User)
def remember_flags(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and not set(update_fields) & set(FLAGS):
        return  # e.g. last_login on every sign-in
    if instance.pk:
        instance._audit_flags = User.objects.filter(pk=instance.pk).values(*FLAGS).first()


@receiver(post_save, sender=User)
def on_flags_changed(sender, instance, created, **kwargs):
    before = getattr(instance, "_audit_flags", None)
    if created or not before:
        return
    changed = [f"{flag}={getattr(instance, flag)}" for flag in FLAGS if before[flag] != getattr(instance, flag)]
    if changed:
        audit.log_account_event(
            audit.ACCOUNT_FLAGS_CHANGED, user=instance, actor=get_active_log_context().user, detail=", ".join(changed)
        )
