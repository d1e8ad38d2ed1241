"""The admin in Vietnamese: Wagtail's and wagtail-localize's messages are translated through the merged catalogs,
and no project message overrides one of theirs with another meaning."""

import polib
import pytest
from django.utils import translation

from scripts.admin_catalog import DOMAINS, catalog_path, coverage, source_entries
from scripts.catalogs import po_files

MINIMUM_SHARE = 0.99


@pytest.mark.parametrize("domain", DOMAINS)
def test_admin_messages_are_translated(domain):
    done, total, missing = coverage(domain)
    share = done / total
    print(f"{domain}: {done}/{total} = {share:.1%} of Wagtail's and wagtail-localize's messages in Vietnamese")
    assert total > (1500 if domain == "django" else 100)  # the packages' catalogs were found
    assert share >= MINIMUM_SHARE, f"{len(missing)} untranslated, e.g. {missing[:10]}"


@pytest.mark.parametrize("domain", DOMAINS)
def test_compiled_admin_catalog_matches_source(domain):
    source = catalog_path(domain)
    compiled = polib.mofile(str(source.with_suffix(".mo")))
    wanted = {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(str(source)) if e.translated()}
    got = {(e.msgctxt, e.msgid): e.msgstr for e in compiled}
    assert {key: got.get(key) for key in wanted} == wanted, "stale .mo: python scripts/admin_catalog.py compile"


def test_project_messages_never_change_the_meaning_of_wagtails():
    """A project msgid equal to one of Wagtail's is one message for both: it must read the same (or take a
    pgettext context). "Type" once read "Loại văn bản" in the page explorer's Type column."""
    wagtail = {key: entry for key, (entry, _vi, _package) in source_entries("django").items()}
    admin = {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(str(catalog_path("django")))}
    clashes = []
    for path in po_files("vi"):
        for entry in polib.pofile(str(path)):
            key = (entry.msgctxt, entry.msgid)
            if key in wagtail and not entry.msgid_plural and entry.msgstr and entry.msgstr != admin.get(key):
                clashes.append(f"{path.parts[-5]}: {entry.msgid!r} = {entry.msgstr!r}, admin: {admin.get(key)!r}")
    assert clashes == []


def test_wagtails_type_column_reads_as_the_admin_term():
    with translation.override("vi"):
        assert translation.gettext("Type") == "Loại"
        assert translation.gettext("Save draft") == "Lưu nháp"
        assert translation.gettext("Publish") == "Xuất bản"
