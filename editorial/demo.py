"""Demo: each commune's editorial groups and workflow, plus an editor, a moderator and a translator for Ia Ko.

The accounts share the demo password (core.demo.ADMIN_PASSWORD, stated in README.md): local use only, like
"admin". Their admin is in Vietnamese (the profile's preferred language is set when a user is created).
"""

from django.contrib.auth import get_user_model

from core.demo import ADMIN_PASSWORD

from .groups import EDITORS, MODERATORS, TRANSLATORS, setup_site

# username: (role, first name, last name, e-mail)
DEMO_USERS = {
    "iako-bientap": (EDITORS, "Nguyễn Thị", "Lan", "bientap@iako.example.invalid"),
    "iako-kiemduyet": (MODERATORS, "Trần Văn", "Minh", "kiemduyet@iako.example.invalid"),
    "iako-biendich": (TRANSLATORS, "Rơ Châm", "H'Linh", "biendich@iako.example.invalid"),
}


def load(communes, locales):
    for commune in communes:
        groups = setup_site(commune.site)
        if commune.key != "ia-ko":
            continue
        for username, (role, first_name, last_name, email) in DEMO_USERS.items():
            user, created = get_user_model().objects.get_or_create(
                username=username, defaults={"first_name": first_name, "last_name": last_name, "email": email}
            )
            if created:
                user.set_password(ADMIN_PASSWORD)
                user.save()
            user.groups.add(groups[role])
