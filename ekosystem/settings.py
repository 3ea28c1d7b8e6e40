"""Settings for Ekosystem, read top to bottom.

Everything comes from environment variables with defaults that need nothing installed: a SQLite
file, Celery tasks run in-process, e-mail printed to the console. `EKOSYSTEM_ENV=production`
switches on the hardening that `manage.py check --deploy` asks for and refuses to start without a
real SECRET_KEY, ALLOWED_HOSTS and SITE_URL.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str) -> bool:
    return os.environ.get(name, default).strip().lower() in ("1", "true", "yes", "on")


def envint(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PRODUCTION = os.environ.get("EKOSYSTEM_ENV", "development") == "production"

DEBUG = envbool("DEBUG", "false" if PRODUCTION else "true")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when EKOSYSTEM_ENV=production.")
    SECRET_KEY = "development-only-key-never-used-in-production-0123456789abcdef"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "" if PRODUCTION else "localhost,127.0.0.1,[::1]")
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when EKOSYSTEM_ENV=production.")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # The Django admin's default site asks for the second factor too (ekosystem/admin_site.py).
    "ekosystem.apps.EkosystemAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_tables2",
    "simple_history",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "ekosystem",
    "agreements",
    "assessments",
    "prioritisation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "ekosystem.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "ekosystem.middleware.NoStoreWhenSignedInMiddleware",
    # Marks request.user verified when the session passed the second factor.
    "django_otp.middleware.OTPMiddleware",
    "ekosystem.sessions.SlidingSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After the messages: a session ended for its age says so on the login page.
    "ekosystem.sessions.AbsoluteSessionLimitMiddleware",
    # Keeps a signed-in user who has not passed the second factor on the code step (or the
    # setup page); after the sliding session, so that a session in use stays alive meanwhile,
    # and after the age limit, so that an expired login is ended rather than asked for a code.
    "ekosystem.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it reads the outcome of the authentication above.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ekosystem.urls"
WSGI_APPLICATION = "ekosystem.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ekosystem.context_processors.session",
            ],
        },
    },
]

# --- Data -----------------------------------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=envint("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Autosaves overlap. WAL lets reads go on while one request writes; IMMEDIATE takes the write
    # lock at BEGIN, so a second writer waits (up to the timeout, in seconds) instead of failing
    # with "database is locked" when it tries to upgrade a read lock mid-transaction.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": envint("SQLITE_BUSY_TIMEOUT", 20),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }

# Celery: a real broker when Redis is configured, otherwise every task runs in-process at once.
# The in-memory broker is named with a host: without one Kombu warns on every eager task.
CELERY_BROKER_URL = REDIS_URL or "memory://localhost/"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = "Europe/Stockholm"
CELERY_BEAT_SCHEDULE = {
    "renew-agreements": {
        "task": "agreements.tasks.renew_agreements",
        "schedule": crontab(hour=0, minute=15),
    },
    "send-assessment-reminders": {
        "task": "assessments.tasks.send_deadline_reminders",
        "schedule": crontab(hour=7, minute=5),
    },
    "send-agreement-reminders": {
        "task": "agreements.tasks.send_agreement_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    # Mail left in the outbox: queued while the broker was down, or waiting for a retry.
    "send-outbox": {
        "task": "ekosystem.tasks.send_outbox",
        "schedule": crontab(minute="*/5"),
    },
    # Records past their retention: security and sign-in records, sent mail, form tokens.
    "purge-expired-records": {
        "task": "ekosystem.tasks.purge_expired_records",
        "schedule": crontab(hour=2, minute=30),
    },
}

# --- Users and security ---------------------------------------------------------------------------

AUTH_USER_MODEL = "ekosystem.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Lock out one account from one address after repeated failures; an attacker elsewhere cannot lock
# a real user out of their own office.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The login form posts the e-mail address in the field Django calls "username".
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# Reverse proxies in front of gunicorn, each appending the address it saw to X-Forwarded-For;
# 0 ignores the header (a client could type any address into it). ekosystem.client_ip reads it,
# for axes too: axes' ipware route only ever looked at REMOTE_ADDR, the proxy's address.
TRUSTED_PROXY_COUNT = envint("AXES_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "ekosystem.client_ip.client_ip"
AXES_VERBOSE = False
# Security events (ekosystem.security_log) are kept this long, then deleted (README, "Security").
SECURITY_EVENT_RETENTION_DAYS = envint("SECURITY_EVENT_RETENTION_DAYS", 365)
# Sent (or given-up) e-mail in the outbox is deleted after this long: long enough to answer "did
# the reminder go out?", the mail itself is in the recipient's mailbox (README, "Personal data").
OUTBOX_RETENTION_DAYS = envint("OUTBOX_RETENTION_DAYS", 90)
# A used one-time form token only guards against a double POST of one form: a week is plenty.
FORM_TOKEN_RETENTION_DAYS = envint("FORM_TOKEN_RETENTION_DAYS", 7)
# Where the page "Mina personuppgifter" sends questions about personal data.
DATA_PROTECTION_CONTACT_EMAIL = os.environ.get(
    "DATA_PROTECTION_CONTACT_EMAIL", "dataskyddsombud@ekosystem.example"
)

# A reset link works this long (Django's default is three days).
PASSWORD_RESET_TIMEOUT = envint("PASSWORD_RESET_TIMEOUT_MINUTES", 120) * 60
# Throttles (ekosystem.throttle) count in the default cache: Redis when REDIS_URL is set, else
# per-process memory, which is enough for one gunicorn worker; several workers need Redis.

# Second factor (ekosystem/second_factor.py): the name authenticator apps show for the account,
# and how long a password (and code) entered counts as "just now" for e-mail and second-factor
# changes (ekosystem/reauth.py).
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Ekosystem Norrbotten")
REAUTH_MAX_AGE = timedelta(minutes=envint("REAUTH_MINUTES", 10))

SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 60 * 60 * 2)
# ekosystem.sessions extends the session while it is used: it runs out after this long
# without activity, and in any case this long after the login (ASVS 3.3.2), in seconds.
SESSION_ABSOLUTE_AGE = envint("SESSION_ABSOLUTE_AGE", 60 * 60 * 12)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # Bootstrap draws its form controls with data: SVG images.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    }
}

if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "true")
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "true")
    if envbool("BEHIND_TLS_PROXY", "false"):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- E-mail ---------------------------------------------------------------------------------------

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "false")
# Where links in e-mails, calendar entries and the calendar feed address point. Production needs
# the real one: a wrong default would hand out feed addresses nobody can reach.
SITE_URL = os.environ.get("SITE_URL", "" if PRODUCTION else "http://127.0.0.1:8000").rstrip("/")
if PRODUCTION and not SITE_URL:
    raise ImproperlyConfigured("SITE_URL must be set when EKOSYSTEM_ENV=production.")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Ekosystem <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where the accessibility statement asks users to report problems or ask for another format.
ACCESSIBILITY_CONTACT_EMAIL = os.environ.get(
    "ACCESSIBILITY_CONTACT_EMAIL", "tillganglighet@ekosystem.example"
)

# --- Language and formats -------------------------------------------------------------------------

LANGUAGE_CODE = "sv"
# Each language is named in itself, so a reader finds their own in the switcher.
LANGUAGES = [("sv", "Svenska"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Stockholm"
USE_TZ = True
LANGUAGE_COOKIE_SECURE = PRODUCTION
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static files ---------------------------------------------------------------------------------

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "media/"

# --- Libraries ------------------------------------------------------------------------------------

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
DJANGO_TABLES2_TEMPLATE = "django_tables2/ekosystem.html"  # bootstrap5-responsive + aria-sort
SIMPLE_HISTORY_REVERT_DISABLED = True
FORMS_URLFIELD_ASSUME_HTTPS = True  # Django 6 default, opted into now.
# In development WhiteNoise serves straight from the source folders, before collectstatic, also
# with DEBUG off (as `make run` runs, so that its 404 is the product's own page).
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION

# Error mails (500s) go to these addresses (comma-separated), with feed tokens masked.
ADMINS = [("", address) for address in envlist("ADMINS", "")]

# Every handler masks calendar feed tokens (ekosystem.logmask); the "django" and "django.server"
# loggers are configured here in full so that none of Django's own (unmasked) handlers is left.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "mask_feed_tokens": {"()": "ekosystem.logmask.MaskFeedTokens"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["mask_feed_tokens"]},
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["mask_feed_tokens"],
        },
        "mail_admins": {
            "level": "ERROR",
            "class": "ekosystem.logmask.MaskedAdminEmailHandler",
            "filters": ["require_debug_false", "mask_feed_tokens"],
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Printed through the root's console handler; mailed to ADMINS from here.
        "django": {"handlers": ["mail_admins"], "level": "INFO"},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
        # WeasyPrint and fontTools narrate every step of a PDF at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
