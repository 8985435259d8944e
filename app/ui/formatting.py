"""How the UI shows values for the person's language: dates, money, and the words of the
ledger's fixed vocabularies (bands, statuses, request types …), which the domain keeps in English.

Exports, the CLI and letters keep their own formats; only what is shown on screen goes through
here."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale

#: The translation context of `tr()` below. lupdate files every bare `tr("…")` call under the
#: empty context, so module-level text must be looked up there too.
MODULE_CONTEXT = ""
#: The context of the vocabulary words (`term()`).
TERMS = "terms"
#: The UI language setting in the Qt settings file (not ledger data: it applies before unlocking).
LANGUAGE_KEY = "ui/language"
#: Its choices: "" follows the operating system's locale.
AUTOMATIC, ENGLISH, DUTCH = "", "en", "nl"
#: The languages the UI is translated into, each named in itself.
LANGUAGE_NAMES = {ENGLISH: "English", DUTCH: "Nederlands"}


# Markers for text kept in tables and translated later: lupdate extracts their literals (by these
# names); at run time they return the text unchanged. PySide6's own return `object` to mypy.
def QT_TR_NOOP(text: str) -> str:  # the empty context, as `tr()` below
    return text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # `context`: the class that translates it
    return text


def tr(text: str) -> str:
    """Translate module-level text (outside a QObject). Pass a literal so lupdate sees it."""
    return QCoreApplication.translate(MODULE_CONTEXT, text)


def term(word: str) -> str:
    """A word of one of the domain's vocabularies (listed below), in the person's language."""
    return QCoreApplication.translate(TERMS, word)


def ui_language() -> str:
    """'nl' or 'en': the language the UI runs in (for data labels such as category names)."""
    return "nl" if QLocale().language() == QLocale.Language.Dutch else "en"


def format_date(value: date | str | None, *, unknown: str = "—") -> str:
    """A date (or an ISO date string) in the locale's short format: 29-11-2026, 11/29/2026."""
    if value is None or value == "":
        return unknown
    day = value
    if isinstance(value, str):
        try:
            day = date.fromisoformat(value[:10])
        except ValueError:
            return value  # not a date after all: show it as it is
    assert isinstance(day, date)
    if _no_locale():
        return day.isoformat()
    return QLocale().toString(QDate(day.year, day.month, day.day), _short_date_format())


def format_money(cents: int | None, *, unknown: str = "—") -> str:
    """Euro cents as the locale writes money: € 4,99 in Dutch, €4.99 in English."""
    if cents is None:
        return unknown
    if _no_locale():
        from app.domain.money import format_cents  # decimal: not needed for the first window

        return format_cents(cents)
    return QLocale().toCurrencyString(cents / 100, "€")


def _no_locale() -> bool:
    """The "C" locale (LANG=C, many servers and CI): Quid's own formats, ISO dates and € 4.99."""
    return QLocale().language() == QLocale.Language.C


def _short_date_format() -> str:
    # Qt's short format has a two-digit year in some locales; four digits are clearer.
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return pattern


# The vocabularies the domain spells in English, marked so lupdate extracts them into the
# "terms" context (`term(value)` translates them at run time).
VOCABULARY = (
    # assessment bands (app.domain.assessment.Band)
    QT_TRANSLATE_NOOP("terms", "fair"),
    QT_TRANSLATE_NOOP("terms", "questionable"),
    QT_TRANSLATE_NOOP("terms", "unbalanced"),
    QT_TRANSLATE_NOOP("terms", "coerced"),
    # request types (app.domain.requests.REQUEST_TYPES titles)
    QT_TRANSLATE_NOOP("terms", "Access to my data"),
    QT_TRANSLATE_NOOP("terms", "Correct my data"),
    QT_TRANSLATE_NOOP("terms", "Erase my data"),
    QT_TRANSLATE_NOOP("terms", "Restrict processing"),
    QT_TRANSLATE_NOOP("terms", "Data portability"),
    QT_TRANSLATE_NOOP("terms", "Objection to processing"),
    QT_TRANSLATE_NOOP("terms", "Objection to direct marketing"),
    QT_TRANSLATE_NOOP("terms", "Withdrawal of consent"),
    QT_TRANSLATE_NOOP("terms", "Automated decision"),
    QT_TRANSLATE_NOOP("terms", "Reminder"),
    QT_TRANSLATE_NOOP("terms", "Complaint to the supervisory authority"),
    # request statuses and event kinds (app.domain.requests)
    QT_TRANSLATE_NOOP("terms", "draft"),
    QT_TRANSLATE_NOOP("terms", "sent"),
    QT_TRANSLATE_NOOP("terms", "acknowledged"),
    QT_TRANSLATE_NOOP("terms", "extended"),
    QT_TRANSLATE_NOOP("terms", "answered"),
    QT_TRANSLATE_NOOP("terms", "refused"),
    QT_TRANSLATE_NOOP("terms", "overdue"),
    QT_TRANSLATE_NOOP("terms", "escalated"),
    QT_TRANSLATE_NOOP("terms", "closed"),
    QT_TRANSLATE_NOOP("terms", "drafted"),
    QT_TRANSLATE_NOOP("terms", "reminded"),
    QT_TRANSLATE_NOOP("terms", "note"),
    # how a request was sent (app.domain.requests.CHANNELS)
    QT_TRANSLATE_NOOP("terms", "email"),
    QT_TRANSLATE_NOOP("terms", "post"),
    QT_TRANSLATE_NOOP("terms", "webform"),
    # account statuses (app.domain.ledger.ACCOUNT_STATUSES)
    QT_TRANSLATE_NOOP("terms", "active"),
    QT_TRANSLATE_NOOP("terms", "dormant"),
    QT_TRANSLATE_NOOP("terms", "erasure requested"),
    QT_TRANSLATE_NOOP("terms", "erased"),
    # tier steps (app.services.tiers verdicts) and benefit periods
    QT_TRANSLATE_NOOP("terms", "worth it"),
    QT_TRANSLATE_NOOP("terms", "costs more data than it brings"),
    QT_TRANSLATE_NOOP("terms", "value unknown"),
    QT_TRANSLATE_NOOP("terms", "once"),
    QT_TRANSLATE_NOOP("terms", "per month"),
    QT_TRANSLATE_NOOP("terms", "per year"),
    QT_TRANSLATE_NOOP("terms", "month"),
    QT_TRANSLATE_NOOP("terms", "year"),
    # what was got (app.domain.ledger.BENEFIT_KINDS)
    QT_TRANSLATE_NOOP("terms", "service"),
    QT_TRANSLATE_NOOP("terms", "discount"),
    QT_TRANSLATE_NOOP("terms", "money"),
    QT_TRANSLATE_NOOP("terms", "points"),
    QT_TRANSLATE_NOOP("terms", "content"),
    QT_TRANSLATE_NOOP("terms", "convenience"),
    QT_TRANSLATE_NOOP("terms", "other"),
    # how data was collected (app.domain.ledger.COLLECTION_METHODS, "_" shown as a space)
    QT_TRANSLATE_NOOP("terms", "provided"),
    QT_TRANSLATE_NOOP("terms", "observed"),
    QT_TRANSLATE_NOOP("terms", "derived"),
    QT_TRANSLATE_NOOP("terms", "inferred"),
    QT_TRANSLATE_NOOP("terms", "third party"),
    # legal bases (GDPR Art. 6(1))
    QT_TRANSLATE_NOOP("terms", "consent"),
    QT_TRANSLATE_NOOP("terms", "contract"),
    QT_TRANSLATE_NOOP("terms", "legal obligation"),
    QT_TRANSLATE_NOOP("terms", "legitimate interest"),
    QT_TRANSLATE_NOOP("terms", "vital interest"),
    QT_TRANSLATE_NOOP("terms", "public task"),
    # yes/no cells
    QT_TRANSLATE_NOOP("terms", "yes"),
    QT_TRANSLATE_NOOP("terms", "no"),
    QT_TRANSLATE_NOOP("terms", "unknown"),
)
