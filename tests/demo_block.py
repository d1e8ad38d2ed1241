"""The demo portal loaded once for every test that reads it, instead of once per test (~7 s each).

The tests asking for `demo` (or `demo_site`) are moved, in their original order, to the end of
pytest-django's first group (tests in a transaction that is rolled back). The first of them loads the demo
inside an outer transaction; each test then runs in a savepoint of it, so what one test changes is undone
before the next; the block's transaction is rolled back before the first test that does not read the demo.
"""

import dataclasses

import pytest
from django.db import models, transaction

DEMO_FIXTURES = frozenset({"demo", "demo_site"})


def reads_demo(item):
    return bool(DEMO_FIXTURES & set(getattr(item, "fixturenames", ())))


def in_a_rolled_back_transaction(item):
    """pytest-django's group 0: the database in a transaction rolled back after the test."""
    fixtures = set(getattr(item, "fixturenames", ()))
    marker = item.get_closest_marker("django_db")
    transactional = bool(marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
    transactional = transactional or bool({"transactional_db", "live_server"} & fixtures)
    return not transactional and (marker is not None or "db" in fixtures)


def move_demo_readers_to_the_end_of_their_group(items):
    readers = [item for item in items if reads_demo(item)]
    wrong = [item.nodeid for item in readers if not in_a_rolled_back_transaction(item)]
    if wrong:
        raise pytest.UsageError(f"`demo` needs a test in a rolled-back transaction, not: {wrong}")
    others = [item for item in items if not reads_demo(item)]
    last_of_group = max((i for i, item in enumerate(others) if in_a_rolled_back_transaction(item)), default=-1)
    items[:] = others[: last_of_group + 1] + readers + others[last_of_group + 1 :]


class DemoBlock:
    def __init__(self, blocker):
        self.blocker = blocker
        self.atomic = None
        self.communes = None

    def open(self):
        if self.atomic is not None:
            return
        from core.demo import load_all

        with self.blocker.unblock():
            self.atomic = transaction.atomic()
            # Like a test case's own transaction (it never commits): cache invalidation applies at once
            # (core/invalidation.py), instead of waiting for a commit that never comes.
            self.atomic._from_testcase = True
            self.atomic.__enter__()
            self.communes = {commune.key: commune for commune in load_all()}
            warm_renditions()

    def close(self):
        if self.atomic is None:
            return
        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)
        self.atomic = self.communes = None


def warm_renditions():
    """Render every live page once, as a real site's first readers would, so the images' renditions exist.

    Made in the block's own transaction, they are kept for every test; made inside a test, its savepoint
    would roll them back and the next test would encode them again (AVIF, WebP and JPEG in two or three
    widths per image: most of the demo tests' time, measured)."""
    from django.core.cache import caches
    from django.test import Client
    from wagtail.models import Page

    client = Client()
    for page in Page.objects.live().filter(depth__gt=1).specific().iterator():
        site = page.get_site()
        if site is not None:
            client.get(page.get_url(current_site=site), HTTP_HOST=site.hostname, SERVER_PORT=site.port)
    caches["default"].clear()


def fresh(communes):
    """Copies of the communes with their objects read again: a test that changes one in memory (a title set
    and saved, then rolled back) must not hand the change to the next test."""

    def reread(value):
        if isinstance(value, models.Model) and value.pk is not None:
            return type(value)._default_manager.get(pk=value.pk)
        return value

    return {
        key: dataclasses.replace(
            commune,
            site=reread(commune.site),
            home=reread(commune.home),
            extras={name: reread(value) for name, value in commune.extras.items()},
        )
        for key, commune in communes.items()
    }


_block = None


def block(blocker):
    global _block
    if _block is None:
        _block = DemoBlock(blocker)
    return _block


def close_unless_read_by(item):
    if _block is not None and not reads_demo(item):
        _block.close()


def close():
    if _block is not None:
        _block.close()
