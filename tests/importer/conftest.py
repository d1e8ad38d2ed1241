"""The old portal (a local HTTP server on 127.0.0.1 serving tests/importer/fixtures/) and a commune to move into."""

import pytest

from tests.importer.fixture_server import FixtureServer


@pytest.fixture(scope="session")
def old_portal():
    with FixtureServer() as server:
        yield server


@pytest.fixture
def commune(two_sites):
    from tests.factories.news import make_category, make_index

    commune = two_sites[0]
    commune.section = make_index(commune.home)
    commune.category = make_category(commune.site, "quoc-phong", "Quốc phòng - An ninh")
    return commune


@pytest.fixture
def make_source(commune, old_portal):
    from importer.models import ImportSource

    def make(kind, location, **fields):
        fields.setdefault("delay", 0)
        fields.setdefault("timeout", 5)
        return ImportSource.objects.create(
            site=commune.site,
            name=fields.pop("name", kind),
            kind=kind,
            location=location,
            section=commune.section,
            category=fields.pop("category", commune.category),
            **fields,
        )

    return make
