"""Vietnamese addresses: the title without diacritics, lower-case, words joined by "-" (server side).

The admin's typing side is tests/browser/test_admin_vietnamese.py::test_slug_typed_in_the_admin.
"""

import itertools
import re

import pytest
from taggit.models import Tag

from core.slugs import SLUG_FORMATTERS, vietnamese_slugify
from news.models import NewsCategory, NewsPage
from tests.factories.core import url_of
from tests.factories.news import make_index

# Every Vietnamese vowel with every tone mark (none, huyền, sắc, hỏi, ngã, nặng), in both cases.
VOWELS = {
    "a": "aàáảãạ",
    "ă": "ăằắẳẵặ",
    "â": "âầấẩẫậ",
    "e": "eèéẻẽẹ",
    "ê": "êềếểễệ",
    "i": "iìíỉĩị",
    "o": "oòóỏõọ",
    "ô": "ôồốổỗộ",
    "ơ": "ơờớởỡợ",
    "u": "uùúủũụ",
    "ư": "ưừứửữự",
    "y": "yỳýỷỹỵ",
}
BASE = {"ă": "a", "â": "a", "ê": "e", "ô": "o", "ơ": "o", "ư": "u"}
EVERY_LETTER = [(letter, BASE.get(vowel, vowel)) for vowel, letters in VOWELS.items() for letter in letters]


@pytest.mark.parametrize("letter,expected", EVERY_LETTER)
def test_every_vowel_with_every_tone_in_both_cases(letter, expected):
    assert vietnamese_slugify(f"x{letter}x") == f"x{expected}x"
    assert vietnamese_slugify(f"X{letter.upper()}X") == f"x{expected}x"


def test_the_issues_title_and_d():
    title = "Thôn Đồng Tâm khánh thành nhà văn hóa mới"
    assert vietnamese_slugify(title) == "thon-dong-tam-khanh-thanh-nha-van-hoa-moi"
    assert vietnamese_slugify("Người dân") == "nguoi-dan"
    assert vietnamese_slugify("Đường đi Đắk Đoa") == "duong-di-dak-doa"


def test_decomposed_input_gives_the_same_slug():
    import unicodedata

    title = "Chuyển đổi số ở Ia Ko"
    assert vietnamese_slugify(unicodedata.normalize("NFD", title)) == "chuyen-doi-so-o-ia-ko"
    assert vietnamese_slugify(title) == "chuyen-doi-so-o-ia-ko"


@pytest.mark.parametrize(
    "title,expected",
    [
        ("Hội nghị – tổng kết: năm 2026! (lần 2)", "hoi-nghi-tong-ket-nam-2026-lan-2"),
        ("  “Tiêm chủng” — mở rộng… ", "tiem-chung-mo-rong"),
        ("Quyết định số 14/QĐ-UBND", "quyet-dinh-so-14qd-ubnd"),
        ("Giá lúa: 7.500đ/kg, tăng 5%", "gia-lua-7500dkg-tang-5"),
        ("A -- B __ C", "a-b-__-c"),
    ],
)
def test_mixed_punctuation(title, expected):
    assert vietnamese_slugify(title) == expected


def test_admin_formatters_fold_every_letter_like_the_server():
    """The regex formatters given to the admin's slug inputs, applied as the browser applies them."""
    for letter, expected in EVERY_LETTER + [("đ", "d"), ("Đ", "d")]:
        for candidate in (letter, letter.upper()):
            text = candidate
            for pattern, replacement in SLUG_FORMATTERS:
                text = re.sub(pattern, replacement, text)
            assert text.lower() == expected, candidate


@pytest.mark.django_db
def test_page_saved_without_slug_gets_the_vietnamese_slug(two_sites):
    home = two_sites[0].home
    index = make_index(home)
    article = NewsPage(title="Thôn Đồng Tâm khánh thành nhà văn hóa mới", lead="…")
    index.add_child(instance=article)
    assert article.slug == "thon-dong-tam-khanh-thanh-nha-van-hoa-moi"
    # A second page with the same title under the same section gets a unique variant, still ASCII.
    twin = NewsPage(title="Thôn Đồng Tâm khánh thành nhà văn hóa mới", lead="…")
    index.add_child(instance=twin)
    assert twin.slug == "thon-dong-tam-khanh-thanh-nha-van-hoa-moi-2"
    assert url_of(article).endswith("/thon-dong-tam-khanh-thanh-nha-van-hoa-moi/")


@pytest.mark.django_db
def test_page_copy_without_slug_and_translated_copy_keep_ascii(two_sites):
    from tests.factories.core import en

    home = two_sites[0].home
    index = make_index(home)
    article = NewsPage(title="Ưu tiên đầu tư đường giao thông", lead="…")
    index.add_child(instance=article)
    translated = article.copy_for_translation(en(), copy_parents=True)
    assert translated.slug == "uu-tien-dau-tu-duong-giao-thong"


@pytest.mark.django_db
def test_snippet_and_tag_saved_without_slug(two_sites):
    category = NewsCategory.objects.create(site=two_sites[0].site, name="Chuyển đổi số")
    assert category.slug == "chuyen-doi-so"
    tag = Tag.objects.create(name="Đường giao thông nông thôn")
    assert tag.slug == "duong-giao-thong-nong-thon"
    twin = Tag.objects.create(name="Đường  giao thông nông thôn")  # same slug: taggit's numbering still works
    assert twin.slug == "duong-giao-thong-nong-thon_1"


@pytest.mark.django_db
def test_category_added_in_the_admin_without_slug(admin_client, two_sites):
    from wagtail.models import Locale

    url = "/admin/snippets/news/newscategory/add/"
    response = admin_client.get(url)
    assert response.status_code == 200
    response = admin_client.post(
        url,
        {"site": two_sites[0].site.pk, "name": "Nông thôn mới", "slug": "", "locale": Locale.get_default().pk},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert NewsCategory.objects.get(name="Nông thôn mới").slug == "nong-thon-moi"


def test_letter_table_is_complete():
    assert len(EVERY_LETTER) == 72
    assert len(set(itertools.chain.from_iterable(VOWELS.values()))) == 72
