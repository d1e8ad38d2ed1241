"""Demo: each commune's editorial groups and workflow, plus an editor and a moderator for Ia Ko."""

from django.contrib.auth import get_user_model

from core.demo import ADMIN_PASSWORD

from .groups import EDITORS, MODERATORS, setup_site

DEMO_USERS = {"iako-bientap": EDITORS, "iako-kiemduyet": MODERATORS}  # local demo only, like "admin"


def load(communes, locales):
    for commune in communes:
        groups = setup_site(commune.site)
        if commune.key != "ia-ko":
            continue
        for username, role in DEMO_USERS.items():
            user, created = get_user_model().objects.get_or_create(username=username)
            if created:
                user.set_password(ADMIN_PASSWORD)
                user.save()
            user.groups.add(groups[role])
