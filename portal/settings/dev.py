from .base import *  # noqa: F403

DEBUG = True
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Local demo only (`make run`): nobody is asked to set up two-step verification, so the demo accounts sign
# in with their password alone; an account that has set it up is still asked for its code.
# Production keeps ACCOUNTS_2FA_ENFORCED = True (accounts/settings.py).
ACCOUNTS_2FA_ENFORCED = False
DJANGO_ADMIN_ENABLED = True
