"""The privacy-footprint report's key figures, its advice per flag and its charts' data: the
dashboard's numbers (`AssessmentService`) for the organisations in the report, their words in
the report's language (`report_texts`). No Qt."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from app.domain import assessment_texts
from app.domain.assessment import Band
from app.domain.scoring import FLAG_ORDER
from app.services import report_texts
from app.services.assessment import AssessmentService, OrganisationAssessment
from app.storage.database import Connection


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    warns: bool = False  # a figure that needs attention when it is not zero


@dataclass(frozen=True)
class Point:
    """One organisation on the value chart, in cents per month (an unknown value got is 0)."""

    given_cents: int
    got_cents: int
    band: str  # a Band value


@dataclass(frozen=True)
class ChartData:
    bands: tuple[tuple[str, int], ...]  # (Band value, organisations), fair first
    points: tuple[Point, ...]
    per_year: tuple[tuple[int, int], ...]  # (year given, disclosures), every year in the range
    by_group: tuple[tuple[str, int], ...]  # (kind of data, disclosures), most first
    questionable_ratio: float  # the assessment's thresholds, drawn as guide lines
    unbalanced_ratio: float


@dataclass(frozen=True)
class Advice:
    """What to do about a flag: said once for the report, not under every organisation."""

    title: str
    action: str
    organisations: int  # how many organisations in the report have the flag


def band_label(band: str, lang: str = report_texts.DEFAULT_LANGUAGE) -> str:
    """'Fair', 'Uit balans' …; 'Not assessed' for no band."""
    return report_texts.band_label(band, lang)


def flag_title(code: str, lang: str = report_texts.DEFAULT_LANGUAGE) -> str:
    """A flag's title in `lang` (the assessment's own), its code when it has none."""
    return assessment_texts.TEXTS[assessment_texts.language(lang)].get(f"title.{code}", code)


# --- summary and charts --------------------------------------------------------------------------
def summary_figures(
    assessed: list[OrganisationAssessment],
    holding: int,
    disclosures: int,
    benefits: int,
    open_requests: int,
    overdue_requests: int,
    lang: str = report_texts.DEFAULT_LANGUAGE,
) -> tuple[Figure, ...]:
    """The report's key figures, in the order they are shown, in `lang`."""
    bands = Counter(a.assessment.band for a in assessed)
    given = sum(a.assessment.given_month_cents for a in assessed)
    back = sum(a.assessment.got_month_cents or 0 for a in assessed)
    coerced = sum(1 for a in assessed if any(f.code == "coerced-consent"
                                             for f in a.assessment.flags))  # fmt: skip

    def label(key: str) -> str:
        return report_texts.text(lang, f"figure.{key}")

    return (
        Figure(label("organisations"), str(len(assessed))),
        Figure(label("holding"), str(holding)),
        Figure(label("disclosures"), str(disclosures)),
        Figure(label("benefits"), str(benefits)),
        Figure(label("given"), report_texts.money(given, lang)),
        Figure(label("got"), report_texts.money(back, lang)),
        *(Figure(label(f"band.{b.value}"), str(bands.get(b, 0)),
                 warns=b in (Band.UNBALANCED, Band.COERCED)) for b in reversed(Band)),
        Figure(label("coerced-consent"), str(coerced), warns=True),
        Figure(label("open"), str(open_requests)),
        Figure(label("overdue"), str(overdue_requests), warns=True),
    )  # fmt: skip


def flag_advice(
    assessed: list[OrganisationAssessment], lang: str = report_texts.DEFAULT_LANGUAGE
) -> tuple[Advice, ...]:
    """What to do about each flag that occurs, with how many organisations have it (the actions
    are in the language the assessment was made in; `lang` gives the titles)."""
    counts: Counter[str] = Counter()
    actions: dict[str, str] = {}
    for a in assessed:
        for f in a.assessment.flags:
            counts[f.code] += 1
            actions.setdefault(f.code, f.action)
    order = [*FLAG_ORDER, *sorted(set(counts) - set(FLAG_ORDER))]
    return tuple(
        Advice(flag_title(code, lang), actions[code], counts[code])
        for code in order
        if counts[code]
    )


def chart_data(
    conn: Connection,
    scope: str | None,
    assessed: list[OrganisationAssessment],
    service: AssessmentService,
) -> ChartData:
    """What the charts show; `scope` is a JSON array of organisation ids, or None for all."""
    bands = Counter(a.assessment.band for a in assessed)
    points = tuple(
        Point(a.assessment.given_month_cents, a.assessment.got_month_cents or 0,
              a.assessment.band.value)
        for a in assessed if a.assessment.given_month_cents or a.assessment.got_month_cents
    )  # fmt: skip
    years = dict(
        (int(y), n) for y, n in conn.execute(
            "SELECT substr(given_on, 1, 4) AS y, count(*) FROM disclosures WHERE given_on IS NOT "
            "NULL AND (?1 IS NULL OR organisation_id IN (SELECT value FROM json_each(?1))) "
            "GROUP BY y", (scope,)) if y.isdigit()
    )  # fmt: skip
    per_year = (
        tuple((y, years.get(y, 0)) for y in range(min(years), max(years) + 1)) if years else ()
    )
    groups: Counter[str] = Counter()
    for key, count in conn.execute(
        "SELECT category, count(*) FROM disclosures WHERE (?1 IS NULL OR organisation_id IN "
        "(SELECT value FROM json_each(?1))) GROUP BY category",
        (scope,),
    ):
        groups[service.group_label(key)] += count
    weights = service.weights()
    return ChartData(
        bands=tuple((b.value, bands.get(b, 0)) for b in Band),
        points=points,
        per_year=per_year,
        by_group=tuple(sorted(groups.items(), key=lambda g: (-g[1], g[0].casefold()))),
        questionable_ratio=weights.questionable_ratio,
        unbalanced_ratio=weights.unbalanced_ratio,
    )
