import pytest


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The real demo (`load_demo`), loaded once for the module inside a transaction rolled back at the end,
    so the other test modules still start from an empty database."""
    from django.db import transaction

    from core.demo import load_all

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield {commune.key: commune for commune in load_all()}
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
