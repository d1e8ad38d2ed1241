"""The province's pages are valid HTML (W3C Nu checker, as tests/html does for the communes' pages), in
Vietnamese and English, with data and with the "no data" fallback."""

from pathlib import Path

from province.demo import HOSTNAME, PORT
from tests.html.test_html_validity import pytestmark as html_marks
from tests.html.test_html_validity import run_vnu

pytestmark = html_marks

URLS = {
    "province-home": "/",
    "province-home-filtered-empty": "/?q=zzqxw",
    "province-news": "/tin-tuc/",
    "province-news-empty": "/tin-tuc/?xa=junk",
    "province-home-en": "/en/",
    "province-news-en": "/en/tin-tuc/",
    "province-indicators": "/chi-so/",
    "province-comparison": "/chi-so/chi-so-phuc-vu/?sort=name",
    "province-comparison-en": "/en/chi-so/dan-so/",
    "province-search": "/tim-kiem/?q=ia+ko",
    "province-search-empty": "/tim-kiem/?q=zzqxw",
    "province-search-en": "/en/tim-kiem/?q=news",
}


def test_province_pages_are_valid_html(client, tmp_path, demo):
    files = []
    for name, url in URLS.items():
        response = client.get(url, HTTP_HOST=f"{HOSTNAME}:{PORT}")
        assert response.status_code == 200, (name, response.status_code)
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(path)
    errors = [m for m in run_vnu(files) if m["type"] in ("error", "non-document-error")]
    report = "\n".join(f"{Path(m.get('url', '')).name}:{m.get('lastLine', '?')}: {m['message']}" for m in errors)
    assert not errors, report
