"""Generate a realistic province for benchmarks: N commune sites with M news articles each.

    DJANGO_SETTINGS_MODULE=portal.settings.production DATABASE_URL=... REDIS_URL=... DJANGO_SECRET_KEY=... \
        python benchmarks/generate_province.py --sites 3 --articles 1000

Each site gets what `make run` gives a commune (identity, home page in vi + en, and every app's demo
content: categories, news, home widgets, indicators... as far as those apps provide demo loaders), then
M extra articles with categories, tags, a shared cover image and a body of a few paragraphs.

Articles are written in bulk (treebeard paths computed here, one multi-row INSERT per table per batch,
search index filled in bulk), so 1,000 articles take seconds and the 100 x 1,000 scale run minutes.
Running it again adds only what is missing (sites by hostname, articles up to M per site).
"""

import argparse
import importlib.util
import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.text import slugify  # noqa: E402
from taggit.models import Tag  # noqa: E402

from core import demo as core_demo  # noqa: E402
from news.bulk import add_live_articles  # noqa: E402
from news.models import NewsCategory, NewsIndexPage  # noqa: E402

WORDS = [
    "xã",
    "thôn",
    "làng",
    "người",
    "dân",
    "cán",
    "bộ",
    "Ủy",
    "ban",
    "nhân",
    "dân",
    "Hội",
    "đồng",
    "nhân",
    "dân",
    "nông",
    "thôn",
    "mới",
    "chuyển",
    "đổi",
    "số",
    "dịch",
    "vụ",
    "công",
    "cà",
    "phê",
    "hồ",
    "tiêu",
    "cao",
    "su",
    "thu",
    "hoạch",
    "giao",
    "thông",
    "nước",
    "sạch",
    "trường",
    "học",
    "trạm",
    "y",
    "tế",
    "tiêm",
    "chủng",
    "bảo",
    "hiểm",
    "y",
    "tế",
    "an",
    "ninh",
    "trật",
    "tự",
    "lễ",
    "hội",
    "cồng",
    "chiêng",
    "đồng",
    "bào",
    "Jrai",
    "Bahnar",
    "kế",
    "hoạch",
    "năm",
    "2027",
    "nghị",
    "quyết",
    "ngân",
    "sách",
    "đầu",
    "tư",
    "công",
    "trình",
    "khánh",
    "thành",
    "phát",
    "động",
    "phong",
    "trào",
    "tuyên",
    "truyền",
    "hướng",
    "dẫn",
    "hồ",
    "sơ",
    "trực",
    "tuyến",
    "định",
    "danh",
    "điện",
    "tử",
    "thanh",
    "niên",
    "phụ",
    "nữ",
]
TAGS = [
    "chuyển đổi số",
    "nông nghiệp",
    "y tế",
    "giáo dục",
    "an ninh",
    "văn hóa",
    "nông thôn mới",
    "dịch vụ công",
    "ngân sách",
    "giao thông",
    "môi trường",
    "du lịch",
]


def sentence(rng, words=14):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def commune(number):
    key = f"xa-{number:03d}"
    name = f"xã Thử Nghiệm {number:03d}"
    return core_demo.DemoCommune(
        key=key,
        hostname=f"{key}.gialai.gov.vn",
        port=80,
        is_default=False,
        home_slug=key,
        home_title="Trang chủ",
        profile={
            "unit_name": f"Ủy ban nhân dân {name}",
            "portal_name": f"Cổng thông tin điện tử {name}",
            "parent_unit": "Tỉnh Gia Lai",
            "responsible_person": f"Chủ tịch UBND {name}",
            "address": f"Trụ sở {name}, tỉnh Gia Lai",
        },
        profile_en={
            "unit_name": f"People's Committee of test commune {number:03d}",
            "portal_name": f"Test commune {number:03d} information portal",
            "parent_unit": "Gia Lai province",
            "responsible_person": "Chairman of the People's Committee",
            "address": "Commune office, Gia Lai province",
        },
        settings={"phone": f"0269 38{number:05d}"[:13], "email": f"ubnd.{key}@gialai.gov.vn"},
    )


def run_app_demo_loaders(communes, locales):
    """Give each generated site what the apps' own demo loaders give the demo communes."""
    from importlib import import_module

    from django.apps import apps

    configs = sorted((c for c in apps.get_app_configs() if c.name != "core"), key=lambda c: c.name == "home")
    for config in configs:
        try:
            module = import_module(f"{config.name}.demo")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.demo":
                raise
            continue
        started = time.monotonic()
        module.load(communes, locales)
        print(f"  {config.name} demo content: {time.monotonic() - started:.1f} s")
    if importlib.util.find_spec("indicators.demo") is None:
        print("  indicators: no demo loader yet (indicators/demo.py), skipped")


def news_index_for(site_commune, locales):
    index = NewsIndexPage.objects.child_of(site_commune.home).filter(slug="tin-tuc").first()
    if index is None:
        index = core_demo.get_or_add_child(site_commune.home, NewsIndexPage, "tin-tuc", title="Tin tức - Sự kiện")
    return index


def categories_for(site, locale):
    categories = list(NewsCategory.objects.filter(site=site, locale=locale))
    if not categories:
        for slug, name in (("kinh-te", "Kinh tế - Xã hội"), ("chinh-tri", "Chính trị"), ("van-hoa", "Văn hóa")):
            categories.append(NewsCategory.objects.create(site=site, locale=locale, slug=slug, name=name))
    return categories


def add_articles(index, count, images, categories, tags, rng):
    """Add published NewsPages under `index` in bulk (news/bulk.py) up to `count`; returns how many were added."""
    existing = index.get_children().count()
    if existing >= count:
        return 0
    now = timezone.now()
    articles = []
    for number in range(existing + 1, count + 1):
        title = f"{sentence(rng, 9)[:-1]} ({number})"
        articles.append(
            {
                "title": title,
                "slug": f"bai-viet-{number}-{slugify(title)[:40]}".strip("-"),
                "publication_date": now - timedelta(hours=number * 3),
                "lead": sentence(rng, 30),
                "body": [("paragraph", f"<p>{sentence(rng, 60)} {sentence(rng, 50)}</p>") for _ in range(4)],
                "source": "UBND xã",
                "cover_image": rng.choice(images),
                "show_sidebar": True,
                "category": rng.choice(categories),
                "tags": rng.sample(tags, 2),
            }
        )
    return len(add_live_articles(index, articles))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=3)
    parser.add_argument("--articles", type=int, default=200, help="articles per site (besides the demo news)")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    started = time.monotonic()
    rng = random.Random(args.seed)
    with transaction.atomic():
        locales = core_demo.ensure_locales()
        core_demo.ensure_admin()
        core_demo.remove_wagtail_welcome_page()
        communes = [core_demo.ensure_commune(commune(n), locales) for n in range(1, args.sites + 1)]
    print(f"{len(communes)} sites ready ({time.monotonic() - started:.1f} s)")
    with transaction.atomic():
        run_app_demo_loaders(communes, locales)
    images = [core_demo.placeholder_image(f"Ảnh minh họa {n + 1}") for n in range(5)]
    tags = [Tag.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0] for name in TAGS]
    for site_commune in communes:
        index = news_index_for(site_commune, locales)
        categories = categories_for(site_commune.site, locales["vi"])
        added = add_articles(index, args.articles, images, categories, tags, rng)
        print(f"  {site_commune.hostname}: +{added} articles ({time.monotonic() - started:.1f} s)")
    from core.cache import bump_site_generation

    for site_commune in communes:
        bump_site_generation(site_commune.site.id)
    if connection.vendor == "postgresql":
        # Planner statistics for the rows just written in bulk, as autovacuum would gather them later.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"done in {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
