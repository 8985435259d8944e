"""The one sentence of advice under the tiers, in English or Dutch. Like the assessment's texts
(app/domain/assessment_texts.py) these are templates per language, because services cannot use
Qt's translator; both languages have the same keys and the same placeholders."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain.assessment_texts import language, money

if TYPE_CHECKING:
    from app.services.tiers import TierRow

_EN: dict[str, str] = {
    "too-few": "Add the tiers this organisation offers (at least two) to compare each step up.",
    "why.top": "every step up to it brings at least as much value as the data it costs",
    "why.unknown": "the value of {beyond} is unknown, so the step up to it cannot be judged",
    "why.costs": "the step up to {beyond} costs more data than it brings",
    "why.worth-then-costs": "each step up to it is worth it, and the step up to {beyond} costs "
    "more data than it brings",
    "none-chosen": "{fair} is the fair tier: {why}; mark the tier you chose to compare.",
    "chose-fair": "You chose {chosen}, the fair tier: {why}.",
    "chose-less": "You chose {chosen}; stepping up to {fair} brings {more_got} a month more for "
    "data worth {more_data} more, so it is worth it.",
    "chose-more-unknown": "You chose {chosen}; {fair} asks {less}% less data, and what {chosen} "
    "brings is not known well enough to say it is worth the difference.",
    "chose-more-little": "You chose {chosen}; the {extra_got} a month it brings over {fair} is "
    "less than the extra data is worth ({extra_data} a month).",
    "chose-more": "You chose {chosen}; {fair} gives you {value} for {data}.",
    "value.share": "{share}% of the value",
    "value.same": "as much value",
    "value.more": "more value",
    "data.less": "{less}% less data",
    "data.same": "the same data",
}

_NL: dict[str, str] = {
    "too-few": "Voeg de niveaus toe die deze organisatie aanbiedt (minstens twee) om elke stap "
    "omhoog te vergelijken.",
    "why.top": "elke stap omhoog ernaartoe brengt minstens zoveel op als de gegevens die hij kost",
    "why.unknown": "de waarde van {beyond} is onbekend, dus de stap daarheen is niet te beoordelen",
    "why.costs": "de stap omhoog naar {beyond} kost meer gegevens dan hij oplevert",
    "why.worth-then-costs": "elke stap omhoog ernaartoe is het waard, en de stap omhoog naar "
    "{beyond} kost meer gegevens dan hij oplevert",
    "none-chosen": "{fair} is het eerlijke niveau: {why}; geef aan welk niveau je koos om te "
    "vergelijken.",
    "chose-fair": "Je koos {chosen}, het eerlijke niveau: {why}.",
    "chose-less": "Je koos {chosen}; een stap omhoog naar {fair} levert {more_got} per maand "
    "meer op voor gegevens die {more_data} meer waard zijn, dus dat is het waard.",
    "chose-more-unknown": "Je koos {chosen}; {fair} vraagt {less}% minder gegevens, en wat "
    "{chosen} oplevert is niet goed genoeg bekend om te zeggen dat het het verschil waard is.",
    "chose-more-little": "Je koos {chosen}; de {extra_got} per maand die het meer oplevert dan "
    "{fair} is minder dan de extra gegevens waard zijn ({extra_data} per maand).",
    "chose-more": "Je koos {chosen}; {fair} geeft je {value} voor {data}.",
    "value.share": "{share}% van de waarde",
    "value.same": "evenveel waarde",
    "value.more": "meer waarde",
    "data.less": "{less}% minder gegevens",
    "data.same": "dezelfde gegevens",
}

TEXTS = {"en": _EN, "nl": _NL}


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def advice(rows: list[TierRow], fair: int, chosen: int | None, lang: str = "en") -> str:
    """One sentence: how the chosen tier compares with the fair one (indexes into `rows`)."""
    from app.services.tiers import VALUE_UNKNOWN

    texts = TEXTS[language(lang)]

    def cents(value: int) -> str:
        return money(value, lang)

    if len(rows) < 2:
        return texts["too-few"]
    f = rows[fair]
    beyond = rows[fair + 1] if fair + 1 < len(rows) else None
    if beyond is None:
        why = texts["why.top"]
    elif beyond.step is not None and beyond.step.verdict == VALUE_UNKNOWN:
        why = texts["why.unknown"].format(beyond=beyond.tier.name)
    else:
        key = "why.worth-then-costs" if fair else "why.costs"
        why = texts[key].format(beyond=beyond.tier.name)
    if chosen is None:
        return texts["none-chosen"].format(fair=f.tier.name, why=why)
    c = rows[chosen]
    names = {"chosen": c.tier.name, "fair": f.tier.name}
    if chosen == fair:
        return texts["chose-fair"].format(chosen=c.tier.name, why=why)
    if chosen < fair:
        assert f.got_month_cents is not None and c.got_month_cents is not None  # worth-it steps
        return texts["chose-less"].format(
            **names, more_got=cents(f.got_month_cents - c.got_month_cents),
            more_data=cents(f.data_month_cents - c.data_month_cents),
        )  # fmt: skip
    less = _percent(c.data_month_cents - f.data_month_cents, c.data_month_cents)
    if c.got_month_cents is None or f.got_month_cents is None:
        return texts["chose-more-unknown"].format(**names, less=less)
    share = _percent(f.got_month_cents, c.got_month_cents) if c.got_month_cents else 100
    if share < 50:
        return texts["chose-more-little"].format(
            **names, extra_got=cents(c.got_month_cents - f.got_month_cents),
            extra_data=cents(c.data_month_cents - f.data_month_cents),
        )  # fmt: skip
    value = texts["value.share"].format(share=share) if share < 100 else texts["value.same"]
    value = texts["value.more"] if share > 100 else value
    data = texts["data.less"].format(less=less) if less > 0 else texts["data.same"]
    return texts["chose-more"].format(**names, value=value, data=data)
