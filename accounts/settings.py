"""Defaults for the editors' accounts, star-imported by portal/settings/base.py (environments override them).

Plain values only: this module is read while Django's settings are being built.
"""

from datetime import timedelta

# --- Sign-in throttle (django-axes; counters in the database, so no cache eviction can reset them) --------
# Failures are counted per account on one IP (username + IP) and per IP; usernames are normalised exactly
# as the sign-in form does (accounts/usernames.py), so look-alike spellings share one counter.
AXES_HANDLER = "accounts.throttle.SignInThrottleHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_FAILURE_LIMIT = 5  # per account and IP
ACCOUNTS_FAILURES_PER_IP = 50  # per IP, whatever the usernames (an office behind one NAT address)
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True  # only the account's own counter: see SignInThrottleHandler
AXES_USERNAME_CALLABLE = "accounts.usernames.username_for_throttle"
AXES_CLIENT_IP_CALLABLE = "accounts.throttle.client_ip"
AXES_LOCKOUT_CALLABLE = "accounts.throttle.lockout_response"
AXES_ENABLE_ADMIN = False  # lockouts are shown and lifted in the Wagtail admin (Reports)
AXES_VERBOSE = False
AXES_ENABLE_ACCESS_FAILURE_LOG = False  # Wagtail's audit log records failures (accounts/audit.py)
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "password", "token"]

# --- Two-factor authentication (TOTP + recovery codes, django-otp) ------------------------------------
# Always required for superusers and for anyone who can publish or administer a commune (moderators, site
# admins, province admins). Editors: required only when this is True.
ACCOUNTS_2FA_ENFORCED = True
ACCOUNTS_2FA_REQUIRED_FOR_EDITORS = False
ACCOUNTS_RECOVERY_CODES = 10
OTP_TOTP_ISSUER = "Cổng thông tin điện tử xã"

# --- Dormant accounts: no sign-in for this many days -> sign-in refused until an admin unlocks ----------
ACCOUNTS_INACTIVE_LOCK_DAYS = 90  # 0 turns the rule off

# --- Django's own admin (/django-admin/): off unless explicitly enabled ---------------------------------
DJANGO_ADMIN_ENABLED = False

# Wagtail's sign-in form with usernames normalised as accounts are (NFKC) and the dormancy check.
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.LoginForm"
