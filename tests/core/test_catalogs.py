"""Vietnamese catalogs are complete and the committed .mo files match their .po sources."""

import polib
import pytest

from scripts.catalogs import missing, po_files


def test_vietnamese_catalogs_are_complete():
    assert missing() == []


@pytest.mark.parametrize("po_path", po_files(), ids=lambda p: str(p.relative_to(p.parents[4])))
def test_compiled_catalog_matches_source(po_path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"run: python scripts/catalogs.py compile ({mo_path} missing)"
    source = {e.msgid: e.msgstr for e in polib.pofile(str(po_path)) if e.translated() and not e.msgid_plural}
    compiled = {e.msgid: e.msgstr for e in polib.mofile(str(mo_path)) if not e.msgid_plural}
    assert {k: compiled.get(k) for k in source} == source, "stale .mo: run python scripts/catalogs.py compile"


def test_active_language_renders_translated_ui(client, two_sites):
    html = client.get("/", HTTP_HOST="a.gialai.gov.vn").content.decode()
    assert "Chuyển đến nội dung chính" in html  # the skip link, in Vietnamese by default
