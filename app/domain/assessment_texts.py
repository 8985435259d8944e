"""Every sentence an assessment builds, per language ("en", "nl"): the flags' reasons, actions
and details, the explanation lines and the one-sentence summary. The domain cannot use Qt's
translator, so the templates live here; the English ones are the texts reports and the CLI
print, the Dutch ones follow resources/i18n/GLOSSARY.md (informal "je", "AVG", articles as
"art. 15 lid 1 onder d AVG"). Every language has the same keys and the same placeholders."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date

from app.domain.money import format_cents

LANGUAGES = ("en", "nl")
DEFAULT_LANGUAGE = "en"

_EN: dict[str, str] = {
    # --- flags: reason, action and the detail on its line of the explanation ---------------
    "coerced-consent.reason": "They required {labels} although the service does not need {it}, "
    "so consent to {it} was not freely given (GDPR Art. 7(4)).",
    "coerced-consent.action": "Withdraw your consent to it and ask them to erase it (Art. 7(3), "
    "17(1)(b)); they may not make the service depend on it.",
    "coerced-consent.detail": "{labels} required although not needed (Art. 7(4))",
    "processing-after-withdrawal.reason": "They still collected data after you withdrew consent: "
    "{cases}.",
    "processing-after-withdrawal.action": "Object to further processing and ask them to erase it "
    "(Art. 21, 17(1)(b)); if they go on, complain to the supervisory authority (Art. 77).",
    "processing-after-withdrawal.case": "{label} (withdrawn {withdrawn}, given again {again})",
    "special-category.reason": "You gave data the GDPR protects most, allowed only under a "
    "specific exception or law: {parts}.",
    "special-category.action": "Ask what they hold about you and which exception of Art. 9(2), "
    "or which law (Art. 10), they rely on (Art. 15).",
    "special-category.art9": "Art. 9",
    "special-category.art10": "Art. 10",
    "special-category.basis": "legal basis: {bases}",
    "special-category.no-basis": "no legal basis recorded",
    "special-category.needed": "needed for the service",
    "shared-third-parties.reason": "They share {labels} with third parties.",
    "shared-third-parties.action": "Ask who receives it (Art. 15(1)(c)) and object to the "
    "sharing (Art. 21).",
    "continuous-tracking.reason": "They collect {labels} continuously, which builds a profile of "
    "you.",
    "continuous-tracking.action": "Object to the ongoing collection and the profiling (Art. 21).",
    "unknown-retention.reason": "You do not know how long they keep {labels}.",
    "unknown-retention.action": "Ask how long they keep it, or by which criteria (Art. 15(1)(d)).",
    "dormant-account.reason.one": "Your account is {states}, yet they still hold {labels}.",
    "dormant-account.reason.many": "Your accounts are {states}, yet they still hold {labels}.",
    "dormant-account.action": "Ask them to erase your data: they no longer need it "
    "(Art. 17(1)(a)).",
    "dormant-account.detail": "account {states}",
    "dormant-account.closed": "closed",
    "dormant-account.dormant": "marked dormant",
    "dormant-account.unused": "unused since {day}",
    "value-unknown.reason.one": "You have not filled in what the {kinds} is worth, so it counts "
    "as nothing for now.",
    "value-unknown.reason.many": "You have not filled in what the {kinds} are worth, so it counts "
    "as nothing for now.",
    "value-unknown.action": "Fill in an estimate of what it is worth to you rather than leaving "
    "it unknown.",
    # --- titles of the explanation lines ---------------------------------------------------
    "title.coerced-consent": "Consent not freely given",
    "title.processing-after-withdrawal": "Collected after consent was withdrawn",
    "title.special-category": "Special-category data",
    "title.shared-third-parties": "Shared with third parties",
    "title.continuous-tracking": "Collected continuously",
    "title.dormant-account": "Account no longer in use",
    "title.unknown-retention": "Retention unknown",
    "title.value-unknown": "Value of a benefit unknown",
    "title.imbalance": "Imbalance",
    "title.needed": "Not counted, needed for the service",
    # --- explanation lines -----------------------------------------------------------------
    "line.flag": "{title}: {detail}",
    "line.imbalance": "{title}: data worth {given} a month for {ratio}",
    "line.needed": "{title}: {labels}",
    "ratio.nothing": "nothing of known value in return",
    "ratio.known": "{got} a month in return, {ratio}×",
    # --- the one-sentence summary ----------------------------------------------------------
    "clause.coerced-consent": "they demanded data they do not need",
    "clause.processing-after-withdrawal": "they collected more after you withdrew consent",
    "clause.special-category": "it includes special-category data",
    "clause.shared-third-parties": "they share it with third parties",
    "clause.continuous-tracking": "they collect it continuously",
    "clause.dormant-account": "you no longer use your account",
    "clause.unknown-retention": "you do not know how long they keep it",
    "clause.join": " and ",
    "band.fair": "fair",
    "band.questionable": "questionable",
    "band.unbalanced": "unbalanced",
    "band.coerced": "coerced",
    "back.unknown": "benefits whose value you have not filled in",
    "back.partly-unknown": "{got} a month plus benefits of unknown value",
    "back.nothing": "nothing in return",
    "back.known": "{got} a month",
    "gave.needed-only": "only data they need",
    "gave.nothing": "no data of value",
    "summary.no-value": "{band}: you gave {gave}, for {back}{tail}.",
    "summary.value": "{band}: you gave data worth {given} a month for {back}{tail}.",
}

_NL: dict[str, str] = {
    "coerced-consent.reason": "Ze eisten {labels}, hoewel de dienst {it} niet nodig heeft; je "
    "toestemming was dus niet vrij gegeven (art. 7 lid 4 AVG).",
    "coerced-consent.action": "Trek je toestemming in en vraag ze de gegevens te wissen "
    "(art. 7 lid 3 en art. 17 lid 1 onder b AVG); ze mogen de dienst er niet van laten afhangen.",
    "coerced-consent.detail": "{labels} geëist hoewel niet nodig (art. 7 lid 4 AVG)",
    "processing-after-withdrawal.reason": "Ze verzamelden nog gegevens nadat je je toestemming "
    "had ingetrokken: {cases}.",
    "processing-after-withdrawal.action": "Maak bezwaar tegen verdere verwerking en vraag ze de "
    "gegevens te wissen (art. 21 en art. 17 lid 1 onder b AVG); gaan ze door, dien dan een "
    "klacht in bij de toezichthouder (art. 77 AVG).",
    "processing-after-withdrawal.case": "{label} (ingetrokken {withdrawn}, opnieuw gegeven "
    "{again})",
    "special-category.reason": "Je gaf gegevens die de AVG het sterkst beschermt, alleen "
    "toegestaan onder een specifieke uitzondering of wet: {parts}.",
    "special-category.action": "Vraag welke gegevens ze over je hebben en op welke uitzondering "
    "van art. 9 lid 2 AVG, of welke wet (art. 10 AVG), ze zich beroepen (art. 15 AVG).",
    "special-category.art9": "art. 9 AVG",
    "special-category.art10": "art. 10 AVG",
    "special-category.basis": "grondslag: {bases}",
    "special-category.no-basis": "geen grondslag vastgelegd",
    "special-category.needed": "nodig voor de dienst",
    "shared-third-parties.reason": "Ze delen {labels} met derden.",
    "shared-third-parties.action": "Vraag wie de gegevens ontvangen (art. 15 lid 1 onder c AVG) "
    "en maak bezwaar tegen het delen (art. 21 AVG).",
    "continuous-tracking.reason": "Ze verzamelen {labels} doorlopend en bouwen zo een profiel "
    "van je op.",
    "continuous-tracking.action": "Maak bezwaar tegen het doorlopend verzamelen en de profilering "
    "(art. 21 AVG).",
    "unknown-retention.reason": "Je weet niet hoe lang ze {labels} bewaren.",
    "unknown-retention.action": "Vraag hoe lang ze de gegevens bewaren, of volgens welke "
    "criteria (art. 15 lid 1 onder d AVG).",
    "dormant-account.reason.one": "Je account is {states}, maar ze hebben nog steeds {labels}.",
    "dormant-account.reason.many": "Je accounts zijn {states}, maar ze hebben nog steeds {labels}.",
    "dormant-account.action": "Vraag ze je gegevens te wissen: ze hebben die niet meer nodig "
    "(art. 17 lid 1 onder a AVG).",
    "dormant-account.detail": "account {states}",
    "dormant-account.closed": "gesloten",
    "dormant-account.dormant": "als slapend gemarkeerd",
    "dormant-account.unused": "ongebruikt sinds {day}",
    "value-unknown.reason.one": "Je hebt niet ingevuld wat {kinds} waard is, dus het telt "
    "voorlopig als niets.",
    "value-unknown.reason.many": "Je hebt niet ingevuld wat {kinds} waard zijn, dus ze tellen "
    "voorlopig als niets.",
    "value-unknown.action": "Vul een schatting in van wat het je waard is, in plaats van het "
    "onbekend te laten.",
    "title.coerced-consent": "Toestemming niet vrij gegeven",
    "title.processing-after-withdrawal": "Verzameld na intrekking van toestemming",
    "title.special-category": "Bijzondere persoonsgegevens",
    "title.shared-third-parties": "Gedeeld met derden",
    "title.continuous-tracking": "Doorlopend verzameld",
    "title.dormant-account": "Account niet meer in gebruik",
    "title.unknown-retention": "Bewaartermijn onbekend",
    "title.value-unknown": "Waarde van een voordeel onbekend",
    "title.imbalance": "Onbalans",
    "title.needed": "Niet meegeteld, nodig voor de dienst",
    "line.flag": "{title}: {detail}",
    "line.imbalance": "{title}: gegevens ter waarde van {given} per maand voor {ratio}",
    "line.needed": "{title}: {labels}",
    "ratio.nothing": "niets van bekende waarde terug",
    "ratio.known": "{got} per maand terug, {ratio}×",
    "clause.coerced-consent": "ze eisten gegevens die ze niet nodig hebben",
    "clause.processing-after-withdrawal": "ze verzamelden meer nadat je je toestemming introk",
    "clause.special-category": "er zitten bijzondere persoonsgegevens bij",
    "clause.shared-third-parties": "ze delen je gegevens met derden",
    "clause.continuous-tracking": "ze verzamelen je gegevens doorlopend",
    "clause.dormant-account": "je gebruikt je account niet meer",
    "clause.unknown-retention": "je weet niet hoe lang ze je gegevens bewaren",
    "clause.join": " en ",
    "band.fair": "eerlijk",
    "band.questionable": "twijfelachtig",
    "band.unbalanced": "uit balans",
    "band.coerced": "afgedwongen",
    "back.unknown": "voordelen waarvan je de waarde niet hebt ingevuld",
    "back.partly-unknown": "{got} per maand plus voordelen van onbekende waarde",
    "back.nothing": "niets terug",
    "back.known": "{got} per maand",
    "gave.needed-only": "alleen gegevens die ze nodig hebben",
    "gave.nothing": "geen gegevens van waarde",
    "summary.no-value": "{band}: je gaf {gave}, voor {back}{tail}.",
    "summary.value": "{band}: je gaf gegevens ter waarde van {given} per maand voor {back}{tail}.",
}

TEXTS: dict[str, dict[str, str]] = {"en": _EN, "nl": _NL}

# Words the person picked from a list, in Dutch (anything else is shown as it was typed).
_NL_LEGAL_BASES = {
    "consent": "toestemming",
    "explicit consent": "uitdrukkelijke toestemming",
    "contract": "overeenkomst",
    "legal obligation": "wettelijke verplichting",
    "legitimate interest": "gerechtvaardigd belang",
    "vital interest": "vitaal belang",
    "public task": "taak van algemeen belang",
}
# Benefit kinds (app.domain.ledger.BENEFIT_KINDS) with their article: "wat de korting waard is".
_NL_KINDS = {
    "service": ("de", "dienst"),
    "discount": ("de", "korting"),
    "money": ("het", "geld"),
    "points": ("de", "punten"),
    "content": ("de", "content"),
    "convenience": ("het", "gemak"),
    "other": ("het", "overige voordeel"),
    "benefit": ("het", "voordeel"),
}


def language(lang: str) -> str:
    """'nl', 'nl_NL', 'nl-BE' … → 'nl'; any other language → English."""
    return "nl" if lang.lower()[:2] == "nl" else DEFAULT_LANGUAGE


def text(lang: str, key: str, **values: str) -> str:
    return TEXTS[language(lang)][key].format(**values)


def join(words: Iterable[str], lang: str = DEFAULT_LANGUAGE) -> str:
    """'A', 'A and B', 'A, B and C' ('A, B en C') — sorted, without duplicates."""
    return _join_set(frozenset(words), language(lang))


@functools.lru_cache(maxsize=4096)  # the same few sets of labels recur across organisations
def _join_set(words: frozenset[str], lang: str) -> str:
    unique = sorted(words, key=lambda w: (w.casefold(), w))
    if len(unique) <= 1:
        return "".join(unique)
    return f"{', '.join(unique[:-1])}{TEXTS[lang]['clause.join']}{unique[-1]}"


def pronoun(many: bool, lang: str = DEFAULT_LANGUAGE) -> str:
    """What refers back to the data: 'it'/'them', in Dutch 'het'/'ze'."""
    if language(lang) == "nl":
        return "ze" if many else "het"
    return "them" if many else "it"


def money(cents: int, lang: str = DEFAULT_LANGUAGE) -> str:
    """€ 1 234.50 in English (as `format_cents`), € 1.234,50 in Dutch."""
    if language(lang) == "nl":
        return f"€ {cents // 100:,}".replace(",", ".") + f",{cents % 100:02d}"
    return format_cents(cents)


def ratio(value: float, lang: str = DEFAULT_LANGUAGE) -> str:
    shown = f"{value:.1f}"
    return shown.replace(".", ",") if language(lang) == "nl" else shown


def day(value: date, lang: str = DEFAULT_LANGUAGE) -> str:
    """ISO in English (as before), 29-11-2026 in Dutch (as the Dutch UI shows dates)."""
    return value.strftime("%d-%m-%Y") if language(lang) == "nl" else value.isoformat()


def legal_basis(basis: str, lang: str = DEFAULT_LANGUAGE) -> str:
    if language(lang) == "nl":
        return _NL_LEGAL_BASES.get(basis.casefold(), basis)
    return basis


def benefit_kind(kind: str, lang: str = DEFAULT_LANGUAGE, *, article: bool = False) -> str:
    """A benefit kind as the sentence names it; in Dutch with its article where `article`."""
    if language(lang) != "nl" or kind not in _NL_KINDS:
        return kind
    the, noun = _NL_KINDS[kind]
    return f"{the} {noun}" if article else noun
