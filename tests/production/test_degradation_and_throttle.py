"""Redis down: pages still render (uncached) and the error is logged. Admin sign-in throttling."""

import logging

import pytest

from tests.production.cache_support import redis_caches

pytestmark = pytest.mark.django_db

CLOSED_PORT_REDIS = redis_caches(port=1)  # the production backend (with its circuit breaker); nothing on port 1


@pytest.fixture
def redis_down(production, production_module):
    from core.cache_breaker import reset_breakers

    production.CACHES = CLOSED_PORT_REDIS
    reset_breakers()
    production.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = production_module.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS
    production.DJANGO_REDIS_LOGGER = production_module.DJANGO_REDIS_LOGGER
    return production


@pytest.fixture
def cache_errors():
    """Records of the portal.cache logger (it does not propagate to the root logger that caplog watches)."""
    records = []
    handler = logging.Handler(level=logging.ERROR)
    handler.emit = records.append
    logger = logging.getLogger("portal.cache")
    logger.addHandler(handler)
    yield records
    logger.removeHandler(handler)


def test_pages_render_uncached_when_redis_is_down(redis_down, cache_errors, two_sites, https_get):
    for _ in range(2):
        response = https_get("/")
        assert response.status_code == 200
        assert "Cổng thông tin điện tử Xã xa-a" in response.content.decode()
        assert response.get("X-Page-Cache") != "hit"
    assert len(cache_errors) == 1, "a Redis outage is logged once per process and outage"
    assert "unavailable" in cache_errors[0].getMessage() and cache_errors[0].exc_info is None


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("bientapvien", "b@example.invalid", "dung-mat-khau-2026")


# --- Sign-in throttle (accounts/throttle.py on django-axes; counters in the database) ------------------


def sign_in(client, username, password, ip="203.0.113.7"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        HTTP_HOST="a.gialai.gov.vn",
        HTTP_X_FORWARDED_PROTO="https",
        REMOTE_ADDR=ip,
    )


def test_sign_in_is_throttled_after_repeated_failures(production, two_sites, editor, client):
    production.AXES_FAILURE_LIMIT = 3
    for _ in range(2):
        assert sign_in(client, "bientapvien", "sai").status_code == 200  # the form again, with an error
    assert sign_in(client, "bientapvien", "sai").status_code == 429  # the third failure locks
    blocked = sign_in(client, "bientapvien", "dung-mat-khau-2026")  # even the right password waits
    assert blocked.status_code == 429
    assert int(blocked["Retry-After"]) == production.AXES_COOLOFF_TIME.total_seconds()
    assert "Đăng nhập sai quá nhiều lần" in blocked.content.decode()
    assert "_auth_user_id" not in client.session


LOOK_ALIKES = ["ｂｉｅｎｔａｐｖｉｅｎ", "BienTapVien", " bientapvien ", "ｂｉｅｎｔａｐＶＩＥＮ"]


@pytest.mark.parametrize("look_alike", LOOK_ALIKES)
def test_look_alike_usernames_share_one_counter(production, two_sites, editor, client, look_alike):
    production.AXES_FAILURE_LIMIT = 3
    for spelling in (look_alike, "bientapvien"):
        assert sign_in(client, spelling, "sai").status_code == 200
    assert sign_in(client, look_alike, "sai").status_code == 429
    assert sign_in(client, "bientapvien", "dung-mat-khau-2026").status_code == 429
    assert sign_in(client, look_alike, "dung-mat-khau-2026").status_code == 429


def test_full_width_username_signs_in_as_the_account(production, two_sites, editor, client):
    # The form normalises like account creation does (NFKC), so the throttle's key is the account's name.
    assert sign_in(client, "ｂｉｅｎｔａｐｖｉｅｎ", "dung-mat-khau-2026").status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_throttle_is_per_ip_and_username(production, two_sites, editor, client):
    production.AXES_FAILURE_LIMIT = 3
    for _ in range(3):
        sign_in(client, "bientapvien", "sai")
    assert sign_in(client, "bientapvien", "dung-mat-khau-2026", ip="198.51.100.9").status_code == 302
    client.logout()
    assert sign_in(client, "nguoi-khac", "sai").status_code == 200


def test_many_usernames_from_one_ip_hit_the_per_ip_limit(production, two_sites, editor, client):
    production.AXES_FAILURE_LIMIT = 3
    production.ACCOUNTS_FAILURES_PER_IP = 6
    for number in range(5):
        assert sign_in(client, f"khach-{number}", "sai").status_code == 200
    assert sign_in(client, "khach-5", "sai").status_code == 429
    assert sign_in(client, "bientapvien", "dung-mat-khau-2026").status_code == 429
    assert sign_in(client, "bientapvien", "dung-mat-khau-2026", ip="198.51.100.9").status_code == 302


def test_successful_sign_in_resets_the_count(production, two_sites, editor, client):
    production.AXES_FAILURE_LIMIT = 3
    for _ in range(2):
        sign_in(client, "bientapvien", "sai")
    assert sign_in(client, "bientapvien", "dung-mat-khau-2026").status_code == 302
    client.logout()
    for _ in range(2):
        assert sign_in(client, "bientapvien", "sai").status_code == 200


def test_counters_live_in_the_database_not_the_cache(production, two_sites, editor, client):
    from axes.models import AccessAttempt
    from django.core.cache import cache

    production.AXES_FAILURE_LIMIT = 3
    for _ in range(3):
        sign_in(client, "ｂｉｅｎｔａｐｖｉｅｎ", "sai")
    cache.clear()  # eviction or a Redis flush changes nothing
    assert sign_in(client, "bientapvien", "dung-mat-khau-2026").status_code == 429
    assert set(AccessAttempt.objects.values_list("username", flat=True)) == {"bientapvien"}


def test_wagtails_site_root_paths_are_kept_in_the_process_while_redis_is_down(
    redis_down, cache_errors, two_sites, https_get, django_assert_max_num_queries
):
    """Wagtail rebuilds its site root paths on every miss with a query per site (100 a view on the province
    hub, which links to every commune); during an outage each process keeps its own copy for a few seconds."""
    from django.core.cache import cache
    from wagtail.models import Site
    from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

    from tests.factories.core import make_commune

    for number in range(6):
        make_commune(f"them-{number}", f"them{number}.gialai.gov.vn", name=f"Xã thêm {number}")
    first = Site.get_site_root_paths()
    assert len(first) >= 8
    with django_assert_max_num_queries(0):
        assert Site.get_site_root_paths() == first  # from this process's copy, not 8 queries again
    # Wagtail deletes the key when a site changes: the copy goes with it, at once.
    cache.delete(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)
    Site.objects.filter(hostname="them0.gialai.gov.vn").delete()
    assert len(Site.get_site_root_paths()) < len(first)
    assert https_get("/").status_code == 200
    assert len(cache_errors) == 1
