"""Every public page type is valid HTML for the W3C Nu HTML checker (vnu.jar, run with Java), in Vietnamese
and in English, including lists of articles an editor published from the admin (their timestamps carry
microseconds).

vnu.jar comes from the `vnu-jar` npm package, which .ci/run installs into .venv/node (VNU_JAR overrides).
Without Java or vnu.jar the test is skipped, unless CI or REQUIRE_BROWSER is set: there it must run."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.conftest import page_urls

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = Path(os.environ.get("VNU_JAR") or ROOT / ".venv/node/node_modules/vnu-jar/build/dist/vnu.jar")
JAVA = shutil.which("java")
REQUIRED = any(os.environ.get(name, "") not in ("", "0") for name in ("CI", "REQUIRE_BROWSER"))

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not (JAVA and VNU_JAR.is_file()) and not REQUIRED,
        reason="needs Java and vnu.jar (npm install --prefix .venv/node vnu-jar); CI/REQUIRE_BROWSER unset",
    ),
]


def publish_as_an_editor(communes):
    """A new article published through a revision, as the admin's Publish button does: no publication date
    set by hand, so it takes the publish time, microseconds and all."""
    from news.models import NewsIndexPage, NewsPage

    home = communes["ia-ko"].home
    index = NewsIndexPage.objects.live().descendant_of(home).filter(locale_id=home.locale_id).first()
    article = NewsPage(title="Bài do biên tập viên đăng", slug="bai-bien-tap-vien-dang", lead="Tóm tắt.", live=False)
    index.add_child(instance=article)
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.publication_date.microsecond, "the publish time must have a fraction of a second"
    return article


def english_urls(communes):
    """The English translation of one page of each type that has one."""
    from wagtail.models import Locale, Page

    from core.models import BasePage

    home = communes["ia-ko"].home
    site = communes["ia-ko"].site
    english = Locale.objects.get(language_code="en")
    seen, urls = set(), []
    pages = Page.objects.live().public().descendant_of(home.get_translation(english), inclusive=True)
    for page in pages.specific().order_by("path"):
        model = type(page)
        if model in seen or not issubclass(model, BasePage):
            continue
        seen.add(model)
        urls.append((f"{model.__name__}-en", page.get_url(current_site=site)))
    return urls


def run_vnu(files):
    """One Java start for every file; the checker's messages as dicts (JSON on stderr)."""
    if not (JAVA and VNU_JAR.is_file()):
        pytest.fail(f"CI: Java ({JAVA}) or {VNU_JAR} is missing (.ci/run installs both)")
    result = subprocess.run(
        [JAVA, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return json.loads(result.stderr)["messages"]


def test_every_public_page_type_is_valid_html(client, tmp_path, demo):
    communes = demo
    article = publish_as_an_editor(communes)
    urls = page_urls(communes) + english_urls(communes)
    urls.append(("editor-article", article.get_url(current_site=communes["ia-ko"].site)))
    host = communes["ia-ko"].site.hostname

    files = []
    for name, url in urls:
        response = client.get(url, HTTP_HOST=host)
        assert response.status_code in (200, 404), (name, url, response.status_code)
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(path)
    listing = (tmp_path / "NewsIndexPage.html").read_text()
    assert "Bài do biên tập viên đăng" in listing, "the editor's article must be in the checked news list"
    assert len({name.removesuffix("-en") for name, _ in urls}) >= 15, "one page of each public page type"

    messages = run_vnu(files)
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    report = "\n".join(
        f"{Path(m.get('url', '')).name}:{m.get('lastLine', '?')}: {m['message']}  «{m.get('extract', '').strip()}»"
        for m in errors
    )
    assert not errors, f"{len(errors)} HTML errors:\n{report}"
