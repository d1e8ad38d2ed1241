"""Builders for introduction pages: organisation pages with any number of leaders."""

from core.demo import placeholder_image, publish
from introduction.models import LeaderProfile, OrganisationPage, OrganisationUnit, UnitKind


def make_organisation(parent, leaders=5, slug="co-cau-to-chuc", with_photos=True):
    page = OrganisationPage(title="Cơ cấu tổ chức", slug=slug, intro="Hệ thống chính trị xã.")
    kinds = list(UnitKind)
    for kind in kinds:
        page.units.add(OrganisationUnit(kind=kind.value, name=f"Đơn vị {kind.label}", phone="0269 111 222"))
    for number in range(leaders):
        photo = placeholder_image(f"Lãnh đạo {number}", size=(64, 80)) if with_photos else None
        page.leaders.add(
            LeaderProfile(
                unit=kinds[number % len(kinds)].value,
                name=f"Lãnh đạo số {number}",
                position="Phó Chủ tịch",
                biography="Sinh năm 1980.",
                duties="Phụ trách văn hóa - xã hội.",
                phone="0269 000 111",
                email=f"lanhdao{number}@example.gov.vn",
                photo=photo,
            )
        )
    parent.add_child(instance=page)
    return publish(page)
