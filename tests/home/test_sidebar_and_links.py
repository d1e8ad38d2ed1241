"""The sidebar on every page type with per-page opt-out; quick links and announcements with gone pages."""

import pytest

from tests.factories.core import url_of
from tests.factories.home import add_article, add_section, publish_changes, set_home_body, set_sidebar

pytestmark = pytest.mark.django_db

A = "a.gialai.gov.vn"


def get(client, path, host=A):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode()


def test_sidebar_shows_on_every_page_type_unless_the_page_opts_out(client, two_sites):
    commune_a, _ = two_sites
    section = add_section(commune_a.home)
    article = add_article(section, "Bài có cột bên")
    hidden = add_article(section, "Bài không cột bên")
    hidden.show_sidebar = False
    publish_changes(hidden)
    set_sidebar(commune_a.site, [("featured_news", {"count": 3})])
    for path in ["/", url_of(section), url_of(article)]:
        html = get(client, path)
        assert '<aside class="layout__sidebar' in html and "Tin nổi bật" in html, path
    assert '<aside class="layout__sidebar' not in get(client, url_of(hidden))


def test_a_site_without_sidebar_widgets_renders_no_empty_sidebar(client, two_sites):
    assert '<aside class="layout__sidebar' not in get(client, "/")


def test_sidebar_widgets_show_no_data_when_empty(client, two_sites):
    commune_a, _ = two_sites
    set_sidebar(commune_a.site, [("featured_news", {"count": 3}), ("latest_news", {"count": 3})])
    html = get(client, "/")
    aside = html[html.index("<aside") : html.index("</aside>")]
    assert aside.count("Không có dữ liệu") == 2 and "<ul" not in aside


def test_quick_links_skip_gone_pages_and_fall_back_to_no_data(client, two_sites):
    commune_a, _ = two_sites
    section = add_section(commune_a.home)
    other = add_section(commune_a.home, slug="thong-bao", title="Thông báo")
    links = [
        {"label": "Dịch vụ công", "url": "https://dichvucong.gov.vn/", "icon": "services"},
        {"label": "Chuyên mục tin", "page": section.pk, "icon": ""},
        {"label": "Thông báo xã", "page": other.pk, "icon": "document"},
    ]
    set_home_body(commune_a.home, [("quick_links", {"links": links})])
    html = get(client, "/")
    assert 'href="https://dichvucong.gov.vn/"' in html and f'href="{url_of(section)}"' in html
    assert 'class="quick-links__icon quick-links__icon--services" aria-hidden="true"' in html
    other.unpublish()
    section.delete()
    html = get(client, "/")
    assert "Chuyên mục tin" not in html and "Thông báo xã" not in html and "Dịch vụ công" in html
    set_home_body(commune_a.home, [("quick_links", {"links": links[1:]})])
    box = get(client, "/")
    box = box[box.index("widget--quick-links") :]
    assert "Không có dữ liệu" in box[: box.index("</section>")]


def test_announcement_drops_a_link_to_an_unpublished_page(client, two_sites):
    commune_a, _ = two_sites
    section = add_section(commune_a.home)
    value = {"text": "<p>Lịch tiếp công dân tháng 12</p>", "link_label": "Xem lịch", "link_page": section.pk}
    set_home_body(commune_a.home, [("announcement", value)])
    html = get(client, "/")
    assert "Lịch tiếp công dân tháng 12" in html and "Xem lịch" in html and "Thông báo" in html
    section.unpublish()
    html = get(client, "/")
    assert "Lịch tiếp công dân tháng 12" in html and "Xem lịch" not in html
