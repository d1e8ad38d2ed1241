"""The demo's Ia Ko accounts (README "How an editor starts"): one per role, in the commune's own groups.

Marked django_db, which also makes pytest-django create the test database when only the journeys run.
"""

import pytest

pytestmark = pytest.mark.django_db


def test_demo_loader_gives_ia_ko_an_editor_a_moderator_and_a_translator_with_the_demo_password(two_sites):
    from types import SimpleNamespace

    from django.contrib.auth import get_user_model

    from core.demo import ADMIN_PASSWORD
    from editorial import demo
    from editorial.groups import EDITORS, MODERATORS, TRANSLATORS, group_name

    commune_a, commune_b = two_sites
    communes = [SimpleNamespace(key="ia-ko", site=commune_a.site), SimpleNamespace(key="ia-pal", site=commune_b.site)]
    demo.load(communes, {})
    demo.load(communes, {})  # idempotent
    expected = {"iako-bientap": EDITORS, "iako-kiemduyet": MODERATORS, "iako-biendich": TRANSLATORS}
    for username, role in expected.items():
        user = get_user_model().objects.get(username=username)
        assert user.check_password(ADMIN_PASSWORD)
        assert not user.is_superuser
        assert list(user.groups.values_list("name", flat=True)) == [group_name(commune_a.site, role)]
