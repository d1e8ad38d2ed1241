"""Tables and charts of the province name each commune by what differs from its sisters' names."""

from province.communes import short_names

PORTAL = "Cổng thông tin điện tử xã "


def test_the_words_every_name_shares_are_dropped_but_not_a_shared_part_of_the_place_name():
    names = [PORTAL + name for name in ("Chư Sê", "Đắk Pơ", "Ia Ko", "Ia Pal", "Kbang")]
    assert short_names(names) == ["Chư Sê", "Đắk Pơ", "Ia Ko", "Ia Pal", "Kbang"]
    assert short_names([PORTAL + "Ia Ko", PORTAL + "Ia Pal"]) == ["Ia Ko", "Ia Pal"]  # "Ia" is shared, kept
    assert short_names(["Ia Ko commune portal", "Ia Pal commune portal"]) == ["Ia Ko", "Ia Pal"]


def test_a_single_or_identical_names_keep_their_full_name():
    assert short_names([PORTAL + "Ia Ko"]) == [PORTAL + "Ia Ko"]
    assert short_names(["Xã A", "Xã A"]) == ["Xã A", "Xã A"]
    assert short_names(["Xã Số 0", "Xã Số 1"]) == ["Xã Số 0", "Xã Số 1"]
