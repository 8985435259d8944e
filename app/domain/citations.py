"""How letters write dates and cite the GDPR in each language (pure)."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
}  # fmt: skip

_ARTICLE = re.compile(r"^(\d+)(?:\((\d+)\))?(?:\(([a-z])\))?$")


# --- formatting ------------------------------------------------------------------------------
def format_date(day: date, lang: str) -> str:
    """'29 November 2026', '29 november 2026', '29. November 2026', '29 novembre 2026'
    (French writes the first of the month '1er')."""
    month = MONTHS[lang][day.month - 1]
    if lang == "de":
        return f"{day.day}. {month} {day.year}"
    if lang == "fr" and day.day == 1:
        return f"1er {month} {day.year}"
    return f"{day.day} {month} {day.year}"


def cite(article: str, lang: str) -> str:
    """An article as each language cites it: '21(2)' → 'Article 21(2) GDPR',
    'artikel 21 lid 2 AVG', 'Art. 21 Abs. 2 DSGVO', 'article 21, paragraphe 2, du RGPD';
    a point such as '17(1)(b)' → '… onder b', '… lit. b', '…, point b), …'."""
    match = _ARTICLE.match(article)
    if match is None:
        raise ValueError(f"not an article reference: {article!r}")
    number, paragraph, point = match.groups()
    if lang == "en":
        return f"Article {article} GDPR"
    if lang == "nl":
        text = f"artikel {number}"
        text += f" lid {paragraph}" if paragraph else ""
        text += f" onder {point}" if point else ""
        return f"{text} AVG"
    if lang == "de":
        text = f"Art. {number}"
        text += f" Abs. {paragraph}" if paragraph else ""
        text += f" lit. {point}" if point else ""
        return f"{text} DSGVO"
    if lang == "fr":
        text = f"article {number}"
        text += f", paragraphe {paragraph}" if paragraph else ""
        text += f", point {point})" if point else ""
        return f"{text}, du RGPD" if paragraph else f"{text} du RGPD"
    raise ValueError(f"no such letter language: {lang!r}")
