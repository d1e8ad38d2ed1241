"""Demo indicators for each commune: administrative reform, online services, socio-economic figures.

Periods are counted back from today so the demo always looks current; one indicator has no data
yet and one has missed its latest period (both fallbacks are visible on the demo site).
"""

from decimal import Decimal

from django.utils import timezone

from core.demo import get_or_add_child, translate_page

from .models import Indicator, IndicatorGroup, IndicatorsPage, Observation
from .periods import PeriodKind, previous_period_start

G = IndicatorGroup
# code, group, name (vi), name (en), unit (vi), unit (en), decimals, higher is better, issuing body,
# source, kind, base value, step per period, rank (start, of), periods (0: none; negative: latest missing)
INDICATORS = [
    (
        "chi-so-phuc-vu",
        G.ADMINISTRATIVE_REFORM,
        "Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766)",
        "Service to citizens and businesses index (Decision 766)",
        "điểm",
        "points",
        1,
        True,
        "Văn phòng Chính phủ",
        "https://dichvucong.gov.vn/p/home/dvc-index-tinh-tp.html",
        PeriodKind.QUARTER,
        "72.4",
        "1.3",
        (18, 34),
        8,
    ),
    (
        "ty-le-dung-han",
        G.ADMINISTRATIVE_REFORM,
        "Tỷ lệ hồ sơ giải quyết đúng hạn",
        "On-time resolution of files",
        "%",
        "%",
        1,
        True,
        "UBND tỉnh Gia Lai",
        "",
        PeriodKind.QUARTER,
        "91.2",
        "0.9",
        (15, 34),
        8,
    ),
    (
        "muc-do-hai-long",
        G.ADMINISTRATIVE_REFORM,
        "Mức độ hài lòng của người dân",
        "Citizen satisfaction",
        "%",
        "%",
        1,
        True,
        "Sở Nội vụ tỉnh Gia Lai",
        "",
        PeriodKind.YEAR,
        "84.5",
        "1.6",
        (12, 34),
        5,
    ),
    (
        "ty-le-ho-so-truc-tuyen",
        G.ONLINE_SERVICES,
        "Tỷ lệ hồ sơ trực tuyến",
        "Share of files submitted online",
        "%",
        "%",
        1,
        True,
        "Cổng Dịch vụ công quốc gia",
        "https://dichvucong.gov.vn/",
        PeriodKind.QUARTER,
        "38.0",
        "4.2",
        None,
        8,
    ),
    (
        "thanh-toan-truc-tuyen",
        G.ONLINE_SERVICES,
        "Tỷ lệ thanh toán trực tuyến phí, lệ phí",
        "Share of fees paid online",
        "%",
        "%",
        1,
        True,
        "Cổng Dịch vụ công quốc gia",
        "",
        PeriodKind.QUARTER,
        "0",
        "0",
        None,
        0,
    ),
    (
        "chi-so-dti",
        G.DIGITAL_TRANSFORMATION,
        "Chỉ số chuyển đổi số (DTI)",
        "Digital transformation index (DTI)",
        "",
        "",
        3,
        True,
        "Sở Khoa học và Công nghệ tỉnh Gia Lai",
        "",
        PeriodKind.YEAR,
        "0.412",
        "0.037",
        (21, 34),
        4,
    ),
    (
        "ty-le-ho-ngheo",
        G.SOCIO_ECONOMIC,
        "Tỷ lệ hộ nghèo",
        "Poverty rate",
        "%",
        "%",
        1,
        False,
        "UBND xã",
        "",
        PeriodKind.YEAR,
        "12.6",
        "-1.7",
        None,
        5,
    ),
    (
        "thu-nhap-binh-quan",
        G.SOCIO_ECONOMIC,
        "Thu nhập bình quân đầu người",
        "Income per head",
        "triệu đồng/năm",
        "million VND/year",
        1,
        True,
        "Chi cục Thống kê khu vực",
        "",
        PeriodKind.YEAR,
        "38.5",
        "3.4",
        None,
        -4,
    ),
    (
        "dan-so",
        G.SOCIO_ECONOMIC,
        "Dân số",
        "Population",
        "người",
        "people",
        0,
        True,
        "Công an xã",
        "",
        PeriodKind.YEAR,
        "15820",
        "214",
        None,
        5,
    ),
    (
        "so-ho",
        G.SOCIO_ECONOMIC,
        "Số hộ gia đình",
        "Households",
        "hộ",
        "households",
        0,
        True,
        "Công an xã",
        "",
        PeriodKind.YEAR,
        "3710",
        "52",
        None,
        5,
    ),
    (
        "dien-tich",
        G.SOCIO_ECONOMIC,
        "Diện tích tự nhiên",
        "Area",
        "km²",
        "km²",
        2,
        True,
        "Nghị quyết 1664/NQ-UBTVQH15",
        "",
        PeriodKind.DATE,
        "132.46",
        "0",
        None,
        1,
    ),
]

# Ia Pal is a smaller, poorer commune: its figures are scaled; so are the generated communes', each its own
# way, so the province's comparison ranks five different values.
SCALE = {"ia-ko": Decimal("1"), "ia-pal": Decimal("0.87"), "dak-po": Decimal("1.08"), "chu-se": Decimal("0.93")}
LOADS_GENERATED = True  # the province hub compares every commune's figures (core/demo.py)


def step_back(kind, start, steps):
    for _ in range(steps):
        start = previous_period_start(kind, start)
    return start


def series(kind, base, step, periods, scale, today):
    """(period start, value) oldest first, ending at the last completed period (or earlier if missing)."""
    if periods == 0:
        return []
    if kind == PeriodKind.DATE:
        return [(today.replace(month=1, day=1), Decimal(base) * scale)]
    last = previous_period_start(kind, today)
    if periods < 0:  # the newest period is not in yet
        last, periods = previous_period_start(kind, last), -periods
    starts = [step_back(kind, last, periods - 1 - index) for index in range(periods)]
    return [(start, (Decimal(base) + Decimal(step) * index) * scale) for index, start in enumerate(starts)]


def load(communes, locales):
    today = timezone.localdate()
    for commune in communes:
        scale = SCALE.get(commune.key, Decimal("0.81"))
        for order, row in enumerate(INDICATORS):
            (
                code,
                group,
                name,
                name_en,
                unit,
                unit_en,
                places,
                higher,
                body,
                source,
                kind,
                base,
                step,
                rank,
                periods,
            ) = row
            indicator = Indicator.objects.filter(site=commune.site, locale=locales["vi"], code=code).first()
            if indicator is None:
                indicator = Indicator.objects.create(
                    site=commune.site,
                    locale=locales["vi"],
                    code=code,
                    group=group,
                    name=name,
                    unit=unit,
                    decimal_places=places,
                    higher_is_better=higher,
                    issuing_body=body,
                    source_url=source,
                    sort_order=order,
                )
            if indicator.get_translation_or_none(locales["en"]) is None:
                translated = indicator.copy_for_translation(locales["en"])
                translated.name, translated.unit = name_en, unit_en
                translated.save()
            for index, (start, value) in enumerate(series(kind, base, step, periods, scale, today)):
                ranks = {}
                if rank:
                    ranks = {"rank": max(1, rank[0] - index), "rank_of": rank[1]}
                Observation.objects.get_or_create(
                    indicator=indicator,
                    period_kind=kind,
                    period_start=start,
                    defaults={"value": value.quantize(Decimal(1).scaleb(-places)), **ranks},
                )
        page = get_or_add_child(commune.home, IndicatorsPage, "cac-chi-so", title="Các chỉ số", show_in_menus=True)
        translate_page(page, locales["en"], title="Indicators")
        commune.extras["indicators_page"] = page
