"""Every word the privacy-footprint report prints, per language ("en", "nl"): headings, table
headers, figures, chart titles and alt texts, band names, request types and statuses, and how
dates and money are written. The CLI renders reports without Qt's translator, so the templates
live here, as in `app.domain.assessment_texts`; the English ones are the report's texts as they
always were, the Dutch ones follow resources/i18n/GLOSSARY.md and the words the Dutch UI uses
for the same things (quid_nl.ts). Every language has the same keys and the same placeholders.
No Qt."""

from __future__ import annotations

from datetime import date

from app.domain import assessment_texts
from app.domain.citations import cite
from app.domain.money import format_cents
from app.domain.requests import REQUEST_TYPES

LANGUAGES = assessment_texts.LANGUAGES
DEFAULT_LANGUAGE = assessment_texts.DEFAULT_LANGUAGE

_EN: dict[str, str] = {
    # --- the document --------------------------------------------------------------------
    "title": "Privacy footprint",
    "notice": "This file is not encrypted: anyone who can open it can read what it says about "
    "you. Keep it somewhere safe, or delete it when you are done.",
    "notice.lead": "Not encrypted.",
    "scope.all": "Whole ledger",
    "scope.one": "{count} selected organisation",
    "scope.many": "{count} selected organisations",
    "meta": "{scope} · made by Quid on {day}",
    "footer": "{title}, {day} · not encrypted",
    "page": "Page {page} of {pages}",
    "continued": "{name} (continued)",
    "contents": "Contents",
    # --- headings ----------------------------------------------------------------------------
    "heading.summary": "Summary",
    "heading.advice": "What to do about the flags",
    "heading.charts": "Charts",
    "heading.requests": "Open and overdue requests",
    "heading.organisations": "Organisations, worst first",
    "nav.requests": "Open requests",
    "sub.flags": "Flags",
    "sub.held": "Data they hold",
    "sub.got": "What you got",
    "label.notes": "Notes",
    "empty.requests": "No open requests.",
    "empty.organisations": "There are no organisations in the ledger yet.",
    "empty.charts": "Nothing to chart yet.",
    # --- table headers -----------------------------------------------------------------------
    "col.figure": "Figure",
    "col.value": "Value",
    "col.flag": "Flag",
    "col.organisations": "Organisations",
    "col.what-to-do": "What to do",
    "col.organisation": "Organisation",
    "col.request": "Request",
    "col.status": "Status",
    "col.sent": "Sent",
    "col.due": "Due",
    "col.overdue-by": "Overdue by",
    "col.data": "Data",
    "col.detail": "Detail",
    "col.since": "Since",
    "col.notes": "Notes",
    "col.what": "What",
    "overdue.one": "{count} day",
    "overdue.many": "{count} days",
    # --- key figures -------------------------------------------------------------------------
    "figure.organisations": "Organisations",
    "figure.holding": "Organisations holding data you gave them",
    "figure.disclosures": "Disclosures (data given)",
    "figure.benefits": "Benefits (what you got)",
    "figure.given": "Value of the data given, per month",
    "figure.got": "Value got in return, per month",
    "figure.band.coerced": "Coerced exchanges",
    "figure.band.unbalanced": "Unbalanced exchanges",
    "figure.band.questionable": "Questionable exchanges",
    "figure.band.fair": "Fair exchanges",
    "figure.coerced-consent": "Consent not freely given (GDPR Art. 7(4))",
    "figure.open": "Open requests",
    "figure.overdue": "Overdue requests",
    # --- an organisation ---------------------------------------------------------------------
    "band.fair": "Fair",
    "band.questionable": "Questionable",
    "band.unbalanced": "Unbalanced",
    "band.coerced": "Coerced",
    "band.none": "Not assessed",
    "facts.score": "score {score}",
    "facts.month": "per month: gave {given}, got {got}",
    "facts.country": "country {country}",
    "facts.accounts": "accounts: {accounts}",
    "accounts.none": "none",
    "account.active": "active",
    "account.dormant": "dormant",
    "account.closed": "closed",
    "account.erasure_requested": "erasure requested",
    "account.erased": "erased",
    "link.website": "Website",
    "link.webform": "Privacy form",
    "link.email": "Privacy email",
    "held.required": "required",
    "held.not-needed": "not needed",
    "held.needed": "needed",
    "held.special": "special category",
    "held.shared": "shared",
    "held.continuous": "continuous",
    "held.kept": "kept: {retention}",
    "held.withdrawn": "consent withdrawn {day}",
    "value.unknown": "unknown",
    "value.per.once": "{money} once",
    "value.per.month": "{money} a month",
    "value.per.year": "{money} a year",
    "got.range": "{start} to {end}",
    "got.until": "until {end}",
    "kind.service": "Service",
    "kind.discount": "Discount",
    "kind.money": "Money",
    "kind.points": "Points",
    "kind.content": "Content",
    "kind.convenience": "Convenience",
    "kind.other": "Other",
    # --- requests ----------------------------------------------------------------------------
    "request.kind": "{title} ({article})",
    "request.access": "Access to my data",
    "request.rectification": "Correct my data",
    "request.erasure": "Erase my data",
    "request.restriction": "Restrict processing",
    "request.portability": "Data portability",
    "request.objection": "Objection to processing",
    "request.objection-marketing": "Objection to direct marketing",
    "request.withdraw-consent": "Withdrawal of consent",
    "request.automated-decision": "Automated decision",
    "request.reminder": "Reminder",
    "request.complaint": "Complaint to the supervisory authority",
    "status.draft": "draft",
    "status.sent": "sent",
    "status.acknowledged": "acknowledged",
    "status.extended": "extended",
    "status.answered": "answered",
    "status.refused": "refused",
    "status.overdue": "overdue",
    "status.escalated": "escalated",
    "status.closed": "closed",
    # --- charts ------------------------------------------------------------------------------
    "chart.bands": "Organisations per band",
    "chart.balance": "Value given and got per organisation",
    "chart.years": "Disclosures per year",
    "chart.groups": "Kinds of data given",
    "alt.bands": "Organisations per band: {items}.",
    "alt.years": "New disclosures per year: {items}.",
    "alt.groups": "Disclosures per kind of data: {items}.",
    "alt.balance": "{count} organisations, each a point: across, the value of the data given "
    "per month; up, the value got per month. For {below} of them, what you got is worth less "
    "than {fraction} of the data you gave.",
    "fraction.2": "a half",
    "fraction.3": "a third",
    "fraction.4": "a quarter",
    "fraction.other": "1/{ratio}",
    "chart.other": "Other",
    "axis.organisations": "Organisations",
    "axis.new-disclosures": "New disclosures",
    "axis.got": "Value got (€ per month)",
    "axis.given": "Value of the data given (€ per month)",
    "chart.ratio-line": "got = given ÷ {ratio}",
    "chart.above": "↑ {above} above the scale, drawn on the top edge",
}

_NL: dict[str, str] = {
    "title": "Privacyvoetafdruk",
    "notice": "Dit bestand is niet versleuteld: iedereen die het kan openen, kan lezen wat erin "
    "over je staat. Bewaar het op een veilige plek, of verwijder het als je klaar bent.",
    "notice.lead": "Niet versleuteld.",
    "scope.all": "Hele register",
    "scope.one": "{count} geselecteerde organisatie",
    "scope.many": "{count} geselecteerde organisaties",
    "meta": "{scope} · gemaakt door Quid op {day}",
    "footer": "{title}, {day} · niet versleuteld",
    "page": "Pagina {page} van {pages}",
    "continued": "{name} (vervolg)",
    "contents": "Inhoud",
    "heading.summary": "Samenvatting",
    "heading.advice": "Wat je aan de aandachtspunten kunt doen",
    "heading.charts": "Grafieken",
    "heading.requests": "Open en te late verzoeken",
    "heading.organisations": "Organisaties, slechtste eerst",
    "nav.requests": "Open verzoeken",
    "sub.flags": "Aandachtspunten",
    "sub.held": "Gegevens die ze hebben",
    "sub.got": "Wat je ervoor kreeg",
    "label.notes": "Notities",
    "empty.requests": "Geen open verzoeken.",
    "empty.organisations": "Er staan nog geen organisaties in het register.",
    "empty.charts": "Nog niets om in een grafiek te tonen.",
    "col.figure": "Cijfer",
    "col.value": "Waarde",
    "col.flag": "Aandachtspunt",
    "col.organisations": "Organisaties",
    "col.what-to-do": "Wat je kunt doen",
    "col.organisation": "Organisatie",
    "col.request": "Verzoek",
    "col.status": "Status",
    "col.sent": "Verzonden",
    "col.due": "Uiterlijk",
    "col.overdue-by": "Te laat met",
    "col.data": "Gegevens",
    "col.detail": "Detail",
    "col.since": "Sinds",
    "col.notes": "Notities",
    "col.what": "Wat",
    "overdue.one": "{count} dag",
    "overdue.many": "{count} dagen",
    "figure.organisations": "Organisaties",
    "figure.holding": "Organisaties met gegevens die je ze gaf",
    "figure.disclosures": "Verstrekkingen (wat je gaf)",
    "figure.benefits": "Voordelen (wat je ervoor kreeg)",
    "figure.given": "Waarde van de verstrekte gegevens, per maand",
    "figure.got": "Waarde die je ervoor terugkreeg, per maand",
    "figure.band.coerced": "Afgedwongen uitwisselingen",
    "figure.band.unbalanced": "Uitwisselingen uit balans",
    "figure.band.questionable": "Twijfelachtige uitwisselingen",
    "figure.band.fair": "Eerlijke uitwisselingen",
    "figure.coerced-consent": "Toestemming niet vrij gegeven (art. 7 lid 4 AVG)",
    "figure.open": "Open verzoeken",
    "figure.overdue": "Te late verzoeken",
    "band.fair": "Eerlijk",
    "band.questionable": "Twijfelachtig",
    "band.unbalanced": "Uit balans",
    "band.coerced": "Afgedwongen",
    "band.none": "Niet beoordeeld",
    "facts.score": "score {score}",
    "facts.month": "per maand: gaf {given}, kreeg {got}",
    "facts.country": "land {country}",
    "facts.accounts": "accounts: {accounts}",
    "accounts.none": "geen",
    "account.active": "actief",
    "account.dormant": "slapend",
    "account.closed": "gesloten",
    "account.erasure_requested": "verwijdering gevraagd",
    "account.erased": "verwijderd",
    "link.website": "Website",
    "link.webform": "Webformulier voor privacy",
    "link.email": "E-mail voor privacy",
    "held.required": "geëist",
    "held.not-needed": "niet nodig",
    "held.needed": "nodig",
    "held.special": "bijzondere categorie",
    "held.shared": "gedeeld",
    "held.continuous": "doorlopend",
    "held.kept": "bewaartermijn: {retention}",
    "held.withdrawn": "toestemming ingetrokken {day}",
    "value.unknown": "onbekend",
    "value.per.once": "{money} eenmalig",
    "value.per.month": "{money} per maand",
    "value.per.year": "{money} per jaar",
    "got.range": "{start} tot {end}",
    "got.until": "tot {end}",
    "kind.service": "Dienst",
    "kind.discount": "Korting",
    "kind.money": "Geld",
    "kind.points": "Punten",
    "kind.content": "Inhoud",
    "kind.convenience": "Gemak",
    "kind.other": "Overig",
    "request.kind": "{title} ({article})",
    "request.access": "Inzage in mijn gegevens",
    "request.rectification": "Mijn gegevens corrigeren",
    "request.erasure": "Mijn gegevens wissen",
    "request.restriction": "Verwerking beperken",
    "request.portability": "Gegevensoverdraagbaarheid",
    "request.objection": "Bezwaar tegen verwerking",
    "request.objection-marketing": "Bezwaar tegen direct marketing",
    "request.withdraw-consent": "Intrekking van toestemming",
    "request.automated-decision": "Geautomatiseerd besluit",
    "request.reminder": "Herinnering",
    "request.complaint": "Klacht bij de toezichthouder",
    "status.draft": "concept",
    "status.sent": "verzonden",
    "status.acknowledged": "ontvangst bevestigd",
    "status.extended": "verlengd",
    "status.answered": "beantwoord",
    "status.refused": "geweigerd",
    "status.overdue": "te laat",
    "status.escalated": "geëscaleerd",
    "status.closed": "gesloten",
    "chart.bands": "Organisaties per balans",
    "chart.balance": "Waarde gegeven en gekregen per organisatie",
    "chart.years": "Verstrekkingen per jaar",
    "chart.groups": "Soorten verstrekte gegevens",
    "alt.bands": "Organisaties per balans: {items}.",
    "alt.years": "Nieuwe verstrekkingen per jaar: {items}.",
    "alt.groups": "Verstrekkingen per soort gegevens: {items}.",
    "alt.balance": "{count} organisaties, elk een punt: horizontaal de waarde van de verstrekte "
    "gegevens per maand; verticaal de waarde die je er per maand voor kreeg. Bij {below} "
    "daarvan is wat je kreeg minder waard dan {fraction} van de gegevens die je gaf.",
    "fraction.2": "de helft",
    "fraction.3": "een derde",
    "fraction.4": "een kwart",
    "fraction.other": "1/{ratio}",
    "chart.other": "Overig",
    "axis.organisations": "Organisaties",
    "axis.new-disclosures": "Nieuwe verstrekkingen",
    "axis.got": "Waarde gekregen (€ per maand)",
    "axis.given": "Waarde van verstrekte gegevens (€ per maand)",
    "chart.ratio-line": "gekregen = gegeven ÷ {ratio}",
    "chart.above": "↑ {above} boven de schaal, op de bovenrand getekend",
}

TEXTS: dict[str, dict[str, str]] = {"en": _EN, "nl": _NL}


def language(lang: str) -> str:
    """'nl', 'nl_NL', 'nl-BE' … → 'nl'; any other language → English."""
    return assessment_texts.language(lang)


def text(lang: str, key: str, **values: object) -> str:
    return TEXTS[language(lang)][key].format(**values)


def has(lang: str, key: str) -> bool:
    return key in TEXTS[language(lang)]


def plural(lang: str, key: str, count: int, **values: object) -> str:
    """`key.one` for one, else `key.many`, with `count` filled in."""
    return text(lang, f"{key}.{'one' if count == 1 else 'many'}", count=count, **values)


def money(cents: int | None, lang: str, unknown: str = "—") -> str:
    """€ 4.99 in English (as `format_cents`), € 1.234,50 in Dutch; `unknown` for None."""
    if cents is None:
        return unknown
    if language(lang) == "nl":
        return assessment_texts.money(cents, "nl")
    return format_cents(cents)


def day(iso: str, lang: str) -> str:
    """An ISO date as the language writes it: unchanged in English, 29-11-2026 in Dutch. Empty
    stays empty, and anything that is not a date is shown as it is."""
    if not iso or language(lang) != "nl":
        return iso
    try:
        return assessment_texts.day(date.fromisoformat(iso[:10]), "nl")
    except ValueError:
        return iso


def number(value: float, lang: str) -> str:
    """A short number (2.5, 3): a decimal comma in Dutch."""
    shown = f"{value:g}"
    return shown.replace(".", ",") if language(lang) == "nl" else shown


def band_label(band: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """'Fair', 'Uit balans' …; 'Not assessed' for no band."""
    if not band:
        return text(lang, "band.none")
    key = f"band.{band}"
    return text(lang, key) if has(lang, key) else band.capitalize()


def word(lang: str, prefix: str, value: str, fallback: str | None = None, **values: object) -> str:
    """A word of a fixed vocabulary (`prefix.value`, filled in with `values`), or `fallback`
    (else `value` itself) when the catalogue does not have it: a value the ledger holds that
    the catalogue does not know is still shown."""
    key = f"{prefix}.{value}"
    if has(lang, key):
        return text(lang, key, **values)
    return value if fallback is None else fallback


def article(reference: str, lang: str) -> str:
    """A GDPR article as the report cites it: 'Art. 21(1)'; in Dutch 'art. 21 lid 1 AVG'."""
    if language(lang) == "nl":
        return "art." + cite(reference, "nl").removeprefix("artikel")
    return f"Art. {reference}"


def request_kind(request_type: str, lang: str) -> str:
    """'Access to my data (Art. 15)', 'Inzage in mijn gegevens (art. 15 AVG)'; an unknown type
    as it is stored."""
    kind = REQUEST_TYPES.get(request_type)
    if kind is None:
        return request_type
    title = word(lang, "request", kind.key, kind.title)
    return text(lang, "request.kind", title=title, article=article(kind.article, lang))
