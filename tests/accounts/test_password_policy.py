"""Password policy through Wagtail's own screens (create a user, change one's password), in Vietnamese."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client, django_user_model, two_sites):
    user = django_user_model.objects.create_superuser("tinh-admin", "t@example.vn", "mot-cau-mat-khau-dai-2026")
    client.force_login(user)
    return client


def create_user(client, password):
    return client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "bientap-moi",
            "email": "moi@example.vn",
            "first_name": "Nguyễn",
            "last_name": "Văn A",
            "password1": password,
            "password2": password,
        },
        HTTP_HOST="a.gialai.gov.vn",
    )


@pytest.mark.parametrize(
    "password, message",
    [
        ("ngan-qua1", "Mật khẩu quá ngắn: cần ít nhất 12 ký tự."),
        ("123456789012345", "Mật khẩu chỉ có chữ số"),
        ("password1234", "danh sách các mật khẩu phổ biến"),
        ("bientap-moi-2026", "quá giống tên đăng nhập"),
    ],
)
def test_weak_passwords_are_refused_in_the_admin(superuser_client, django_user_model, password, message):
    response = create_user(superuser_client, password)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not django_user_model.objects.filter(username="bientap-moi").exists()


def test_a_long_passphrase_is_accepted(superuser_client, django_user_model):
    response = create_user(superuser_client, "ruong bac thang mua lua chin")
    assert response.status_code == 302
    assert django_user_model.objects.filter(username="bientap-moi").exists()


def test_policy_applies_to_every_password_check():
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        validate_password("qwerty123456")
    assert any("phổ biến" in message for message in refused.value.messages)
