"""Demo news for each commune: the seed article from Ia Ko and a dozen plausible others."""

import datetime
import random

from django.utils import timezone

from core.demo import DEMO_DATA, get_or_add_child, placeholder_image, publish, translate_page

from .models import NewsCategory, NewsIndexPage, NewsPage

CATEGORIES = [
    ("chinh-tri", "Chính trị - Đảng ủy", "Politics"),
    ("kinh-te", "Kinh tế - Xã hội", "Economy and society"),
    ("chuyen-doi-so", "Chuyển đổi số", "Digital transformation"),
    ("van-hoa", "Văn hóa - Giáo dục - Y tế", "Culture, education and health"),
]

SEED_TITLE = "Hội nghị Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số"
SEED_CAPTION = "Đồng chí Dương Mạnh Mẫn phát biểu chỉ đạo"
SEED_SOURCE = "Văn phòng đảng ủy"

IMAGE_CAPTION = "Ảnh minh họa"

LOADS_GENERATED = True  # generated communes get a few articles of their own (GENERATED_ARTICLES)

# A generated commune's articles, "{name}" its name: slug, title, lead, categories, days ago, English
# title and lead. Every
# category has one, and the shared tag gives each article its related news.
GENERATED_TAGS = ["đời sống người dân"]
GENERATED_ARTICLES = [
    (
        "nong-thon-moi",
        "Xã {name} đạt thêm hai tiêu chí nông thôn mới nâng cao",
        "Năm 2026, xã {name} hoàn thành tiêu chí về giao thông và môi trường.",
        ["kinh-te", "chinh-tri"],
        1,
        "{name} meets two more criteria of the advanced new rural programme",
        "In 2026 {name} commune met the criteria on roads and on the environment.",
    ),
    (
        "bao-hiem-y-te",
        "Xã {name} vận động người dân tham gia bảo hiểm y tế",
        "Tỷ lệ người dân xã {name} có thẻ bảo hiểm y tế đạt trên 95%.",
        ["van-hoa"],
        3,
        "{name} encourages residents to join health insurance",
        "More than 95% of the residents of {name} commune hold a health insurance card.",
    ),
    (
        "dich-vu-cong",
        "Người dân xã {name} nộp hồ sơ trực tuyến ngày càng nhiều",
        "Bộ phận Một cửa xã {name} hướng dẫn người dân dùng Cổng Dịch vụ công quốc gia và ứng dụng VNeID.",
        ["chuyen-doi-so"],
        6,
        "More and more residents of {name} apply online",
        "The one-stop desk of {name} commune shows residents the National Public Service Portal and VNeID.",
    ),
]

# English translations of a few articles (the seed article's is written in load()): slug -> (title, lead)
ENGLISH_ARTICLES = {
    "binh-dan-hoc-vu-so": (
        "“Digital literacy for all” movement launched in the commune",
        "The commune's Youth Union shows residents how to use online public services and the VNeID app.",
    ),
    "thu-hoach-ca-phe": (
        "Farmers begin the 2026–2027 coffee harvest",
        "The commune grows about 1,250 ha of coffee, with an average yield of 3.2 tonnes of beans per hectare.",
    ),
    "tiem-chung-mo-rong-dot-2": (
        "Second round of expanded immunisation for children under five",
        "The commune health station vaccinates more than 300 children.",
    ),
    "ky-hop-hdnd": (
        "Fifth session of the commune People's Council",
        "The People's Council adopts the 2027 socio-economic plan and budget.",
    ),
    "cap-nuoc-sach-lang": (
        "Village piped water system opened",
        "The 4.5 billion dong system brings clean water to more than 200 households.",
    ),
    "phong-chong-sot-xuat-huyet": (
        "Preventing dengue fever in the rainy season",
        "The commune health station calls on every household to clear mosquito larvae.",
    ),
    "chuyen-doi-so-ho-so": (
        "85% of administrative files now submitted online",
        "The commune's one-stop office receives most files through the National Public Service Portal.",
    ),
}

# (slug, title, lead, paragraphs, categories, tags, days ago)
ARTICLES = [
    (
        "tiem-chung-mo-rong-dot-2",
        "Triển khai tiêm chủng mở rộng đợt 2 cho trẻ em dưới 5 tuổi",
        "Trạm Y tế xã tổ chức tiêm chủng mở rộng đợt 2 cho hơn 300 trẻ em trong độ tuổi.",
        [
            "Trong hai ngày, cán bộ Trạm Y tế xã phối hợp với các thôn, làng tổ chức tiêm vắc xin sởi, "
            "bạch hầu, ho gà, uốn ván cho trẻ em dưới 5 tuổi.",
            "Phụ huynh mang theo sổ tiêm chủng khi đưa trẻ đến điểm tiêm; trẻ chưa tiêm đủ mũi được tiêm bù.",
        ],
        ["van-hoa"],
        ["y tế", "tiêm chủng"],
        2,
    ),
    (
        "binh-dan-hoc-vu-so",
        "Phát động phong trào “Bình dân học vụ số” trên địa bàn xã",
        "Đoàn Thanh niên xã ra quân hướng dẫn người dân sử dụng dịch vụ công trực tuyến và ứng dụng VNeID.",
        [
            "Các tổ công nghệ số cộng đồng đến từng thôn, làng hướng dẫn người dân cài đặt, kích hoạt tài khoản "
            "định danh điện tử mức 2 và nộp hồ sơ trực tuyến.",
            "Phong trào được duy trì vào sáng thứ Bảy hằng tuần tại nhà văn hóa các thôn.",
        ],
        ["chuyen-doi-so"],
        ["chuyển đổi số", "dịch vụ công"],
        4,
    ),
    (
        "thu-hoach-ca-phe",
        "Nông dân vào vụ thu hoạch cà phê niên vụ 2026 – 2027",
        "Diện tích cà phê toàn xã ước đạt 1.250 ha, năng suất bình quân 3,2 tấn nhân/ha.",
        [
            "Giá cà phê nhân xô đầu vụ ở mức cao giúp người dân phấn khởi. UBND xã khuyến cáo thu hái quả chín "
            "để bảo đảm chất lượng.",
            "Công an xã tăng cường tuần tra, phòng chống trộm cắp nông sản trong mùa thu hoạch.",
        ],
        ["kinh-te"],
        ["nông nghiệp", "cà phê"],
        6,
    ),
    (
        "ky-hop-hdnd",
        "Kỳ họp thứ năm Hội đồng nhân dân xã khóa XII",
        "HĐND xã thông qua các nghị quyết về kế hoạch phát triển kinh tế – xã hội và dự toán ngân sách năm 2027.",
        [
            "Kỳ họp đã nghe báo cáo tình hình thực hiện nhiệm vụ năm 2026 và thảo luận phương hướng năm 2027.",
            "Các đại biểu dành nhiều thời gian chất vấn về giao thông nông thôn và nước sinh hoạt.",
        ],
        ["chinh-tri"],
        ["HĐND", "ngân sách"],
        8,
    ),
    (
        "cap-nuoc-sach-lang",
        "Khánh thành công trình cấp nước sinh hoạt tập trung tại làng",
        "Công trình có tổng vốn đầu tư 4,5 tỷ đồng, cấp nước sạch cho hơn 200 hộ dân.",
        [
            "Công trình được đầu tư từ Chương trình mục tiêu quốc gia phát triển kinh tế – xã hội vùng đồng bào "
            "dân tộc thiểu số và miền núi.",
            "Tổ quản lý vận hành do người dân trong làng bầu chọn sẽ bảo trì công trình.",
        ],
        ["kinh-te"],
        ["nước sạch", "nông thôn mới"],
        10,
    ),
    (
        "le-hoi-mua-moi",
        "Đồng bào Jrai tưng bừng lễ mừng lúa mới",
        "Lễ hội truyền thống được tổ chức sau vụ thu hoạch với tiếng cồng chiêng và điệu xoang.",
        [
            "Già làng làm lễ cúng Yàng, cảm tạ thần linh đã cho mùa màng bội thu.",
            "Lễ hội góp phần bảo tồn, phát huy giá trị văn hóa truyền thống của đồng bào dân tộc Jrai.",
        ],
        ["van-hoa"],
        ["văn hóa", "lễ hội"],
        12,
    ),
    (
        "chuyen-doi-so-ho-so",
        "Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến đạt 85%",
        "Bộ phận Một cửa xã tiếp nhận phần lớn hồ sơ qua Cổng Dịch vụ công quốc gia.",
        [
            "Kết quả này có được nhờ sự hỗ trợ của tổ công nghệ số cộng đồng và Đoàn Thanh niên.",
            "Xã tiếp tục số hóa kết quả giải quyết thủ tục hành chính, ưu tiên lĩnh vực đất đai và hộ tịch.",
        ],
        ["chuyen-doi-so"],
        ["chuyển đổi số", "thủ tục hành chính"],
        14,
    ),
    (
        "tuyen-quan-2027",
        "Triển khai công tác tuyển chọn và gọi công dân nhập ngũ năm 2027",
        "Hội đồng nghĩa vụ quân sự xã tổ chức sơ tuyển sức khỏe cho 85 thanh niên.",
        [
            "Việc tuyển chọn bảo đảm công khai, dân chủ, đúng quy định của Luật Nghĩa vụ quân sự.",
            "Các thôn, làng tổ chức tuyên truyền để thanh niên hiểu rõ quyền lợi và nghĩa vụ.",
        ],
        ["chinh-tri"],
        ["quốc phòng"],
        16,
    ),
    (
        "phong-chong-sot-xuat-huyet",
        "Chủ động phòng, chống sốt xuất huyết trong mùa mưa",
        "Trạm Y tế xã phát động chiến dịch diệt lăng quăng tại các hộ gia đình.",
        [
            "Người dân được hướng dẫn đậy kín dụng cụ chứa nước, thu gom vật dụng phế thải quanh nhà.",
            "Khi có dấu hiệu sốt cao liên tục, cần đến ngay cơ sở y tế để được khám và điều trị.",
        ],
        ["van-hoa"],
        ["y tế"],
        18,
    ),
    (
        "tin-dung-chinh-sach",
        "Giải ngân 6 tỷ đồng vốn tín dụng chính sách cho hộ nghèo",
        "Ngân hàng Chính sách xã hội giải ngân tại điểm giao dịch xã cho 120 hộ vay.",
        [
            "Nguồn vốn giúp các hộ nghèo, hộ cận nghèo đầu tư chăn nuôi bò, trồng cây ăn quả.",
            "Tỷ lệ hộ nghèo của xã giảm còn 5,8% theo kết quả rà soát cuối năm.",
        ],
        ["kinh-te"],
        ["giảm nghèo"],
        21,
    ),
    (
        "truong-hoc-khai-giang",
        "Các trường học trên địa bàn xã khai giảng năm học mới",
        "Hơn 2.100 học sinh các cấp bước vào năm học 2026 – 2027.",
        [
            "Lãnh đạo xã tặng quà, học bổng cho học sinh nghèo vượt khó học giỏi.",
            "Các trường đã sửa chữa phòng học, bảo đảm đủ điều kiện dạy và học.",
        ],
        ["van-hoa"],
        ["giáo dục"],
        25,
    ),
    (
        "camera-an-ninh",
        "Lắp đặt hệ thống camera an ninh tại các tuyến đường chính",
        "Mô hình “Camera an ninh” do người dân đóng góp giúp giữ gìn trật tự, an toàn giao thông.",
        [
            "Hệ thống gồm 24 camera kết nối về trụ sở Công an xã, lưu hình ảnh trong 30 ngày.",
            "Mô hình góp phần phát hiện, xử lý kịp thời các hành vi vi phạm pháp luật.",
        ],
        ["chuyen-doi-so"],
        ["an ninh trật tự", "chuyển đổi số"],
        28,
    ),
]


def seed_article_paragraphs():
    """The body paragraphs of the seed page, without toolbar, title, caption, source and widgets."""
    text = (DEMO_DATA / "seed_article_ia_ko.txt").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.startswith("Sáng 31/10"))
    end = lines.index(SEED_SOURCE)
    return [line for line in lines[start:end] if line != SEED_CAPTION]


def paragraph(text):
    return ("paragraph", f"<p>{text}</p>")


def ensure_categories(site, locales):
    categories = {}
    for slug, name, name_en in CATEGORIES:
        category, _ = NewsCategory.objects.get_or_create(
            site=site, locale=locales["vi"], slug=slug, defaults={"name": name}
        )
        if category.get_translation_or_none(locales["en"]) is None:
            translated = category.copy_for_translation(locales["en"])
            translated.name = name_en
            translated.save()
        categories[slug] = category
    return categories


def add_article(index, slug, title, lead, body, categories, tags, published, source="", cover=None):
    """The article under `index`, created with its categories and tags saved, and published through a
    revision as an editor would (so caches, related news and the category filters hear of it)."""
    existing = index.get_children().filter(slug=slug).first()
    if existing:
        return classify(existing.specific, categories, tags)
    article = NewsPage(
        slug=slug,
        title=title,
        lead=lead,
        body=body,
        source=source,
        cover_image=cover,
        publication_date=published,
        live=False,
    )
    # Parental relations are written by the page's own save(): set them before add_child saves it.
    article.categories.set(categories)
    article.tags.set(tags)
    index.add_child(instance=article)
    return publish(article)


def classify(article, categories, tags):
    """Give an article its categories and tags if it has none (demos loaded before they were saved)."""
    if article.categories.exists() or not categories:
        return article
    article.categories.set(categories)
    article.tags.set(tags)
    article.save_revision().publish()
    article.refresh_from_db()
    return article


def translate_article(article, locale, **fields):
    """The article's translation, classified with the categories of its own language."""
    translated = translate_page(article, locale, **fields)
    wanted = {category.get_translation_or_none(locale) for category in article.categories.all()} - {None}
    if set(translated.categories.all()) == wanted:
        return translated
    # A copy for translation keeps the source language's categories: the English index filters on its own.
    translated.categories.set(wanted)
    translated.tags.set(list(article.tags.names()))
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def caption_image(image, caption):
    return ("image", {"image": image, "caption": caption})


def load_generated(commune, index, categories, now, locales):
    """A generated commune's few articles, named after it; the first is pinned on its home."""
    name = commune.profile["unit_name"].removeprefix("Ủy ban nhân dân xã ")
    rng = random.Random(commune.key)
    articles = []
    for slug, title, lead, cats, days, title_en, lead_en in GENERATED_ARTICLES:
        title, lead = title.format(name=name), lead.format(name=name)
        colour = (rng.randrange(40, 160), rng.randrange(60, 140), rng.randrange(60, 160))
        cover = placeholder_image(f"Ảnh minh họa: {title}", colour=colour)
        body = [paragraph(lead), caption_image(cover, f"{IMAGE_CAPTION}: {title}")]
        published = now - datetime.timedelta(days=days)
        articles.append(
            add_article(
                index,
                slug,
                title,
                lead,
                body,
                [categories[c] for c in cats],
                GENERATED_TAGS,
                published,
                source="UBND xã",
                cover=cover,
            )
        )
        translate_article(articles[-1], locales["en"], title=title_en.format(name=name), lead=lead_en.format(name=name))
    commune.extras["pinned_articles"] = articles[:1]


def load(communes, locales):
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for commune in communes:
        site, home = commune.site, commune.home
        categories = ensure_categories(site, locales)
        index = get_or_add_child(
            home,
            NewsIndexPage,
            "tin-tuc",
            title="Tin tức - Sự kiện",
            show_in_menus=True,
            intro="Tin tức, sự kiện nổi bật của xã.",
        )
        commune.extras["news_index"] = index
        if commune.generated:
            commune.extras["news_index_en"] = translate_page(
                index, locales["en"], title="News and events", slug="tin-tuc"
            )
            load_generated(commune, index, categories, now, locales)
            continue
        rng = random.Random(commune.key)  # stable covers per commune
        if commune.key == "ia-ko":
            paragraphs = seed_article_paragraphs()
            photo = placeholder_image(SEED_CAPTION, colour=(30, 80, 140))
            body = [
                paragraph(paragraphs[0]),
                paragraph(paragraphs[1]),
                ("image", {"image": photo, "caption": SEED_CAPTION}),
                *[paragraph(p) for p in paragraphs[2:]],
            ]
            seed = add_article(
                index,
                "hoi-nghi-ban-chi-dao-chuyen-doi-so",
                SEED_TITLE,
                "Sáng 31/10, Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số xã "
                "Ia Ko họp triển khai các văn bản và phát động phong trào “Bình dân học vụ số”.",
                body,
                [categories["chinh-tri"], categories["chuyen-doi-so"]],
                ["chuyển đổi số", "Nghị quyết 57"],
                datetime.datetime(2026, 10, 31, 8, 0, tzinfo=datetime.UTC),
                source=SEED_SOURCE,
                cover=photo,
            )
            commune.extras["seed_article"] = seed
        articles = {}
        for position, (slug, title, lead, texts, cats, tags, days) in enumerate(ARTICLES):
            colour = (rng.randrange(40, 160), rng.randrange(60, 140), rng.randrange(60, 160))
            cover = placeholder_image(f"Ảnh minh họa {position + 1}", colour=colour)
            body = [
                paragraph(texts[0]),
                caption_image(cover, f"{IMAGE_CAPTION}: {title}"),
                *map(paragraph, texts[1:]),
            ]
            articles[slug] = add_article(
                index,
                slug,
                title,
                lead,
                body,
                [categories[c] for c in cats],
                tags,
                now - datetime.timedelta(days=days, hours=position),
                source="UBND xã",
                cover=cover,
            )
        # Pinned on the home page after the seed article (home/demo.py).
        commune.extras["pinned_articles"] = [articles["binh-dan-hoc-vu-so"]]
        commune.extras["news_index_en"] = translate_page(index, locales["en"], title="News and events", slug="tin-tuc")
        if commune.key == "ia-ko":
            translate_article(
                seed,
                locales["en"],
                title="Steering Committee meeting on science, technology, innovation and digital transformation",
                lead="On the morning of 31 October the commune's Steering Committee met to adopt its documents "
                "and launched the “Digital literacy for all” movement.",
            )
        for slug, (title, lead) in ENGLISH_ARTICLES.items():
            translate_article(articles[slug], locales["en"], title=title, lead=lead)
