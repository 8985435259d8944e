"""The privacy-footprint report's key figures, its advice per flag and its charts' data: the
dashboard's numbers (`AssessmentService`) for the organisations in the report. No Qt."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from app.domain.assessment import Band
from app.domain.money import format_cents
from app.domain.scoring import FLAG_ORDER, FLAG_TITLES
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


def band_label(band: str) -> str:
    return band.capitalize() if band else "Not assessed"


# --- summary and charts --------------------------------------------------------------------------
def summary_figures(
    assessed: list[OrganisationAssessment],
    holding: int,
    disclosures: int,
    benefits: int,
    open_requests: int,
    overdue_requests: int,
) -> tuple[Figure, ...]:
    """The report's key figures, in the order they are shown."""
    bands = Counter(a.assessment.band for a in assessed)
    given = sum(a.assessment.given_month_cents for a in assessed)
    back = sum(a.assessment.got_month_cents or 0 for a in assessed)
    coerced = sum(1 for a in assessed if any(f.code == "coerced-consent"
                                             for f in a.assessment.flags))  # fmt: skip
    return (
        Figure("Organisations", str(len(assessed))),
        Figure("Organisations holding data you gave them", str(holding)),
        Figure("Disclosures (data given)", str(disclosures)),
        Figure("Benefits (what you got)", str(benefits)),
        Figure("Value of the data given, per month", format_cents(given)),
        Figure("Value got in return, per month", format_cents(back)),
        *(Figure(f"{band_label(b.value)} exchanges", str(bands.get(b, 0)),
                 warns=b in (Band.UNBALANCED, Band.COERCED)) for b in reversed(Band)),
        Figure("Consent not freely given (GDPR Art. 7(4))", str(coerced), warns=True),
        Figure("Open requests", str(open_requests)),
        Figure("Overdue requests", str(overdue_requests), warns=True),
    )  # fmt: skip


def flag_advice(assessed: list[OrganisationAssessment]) -> tuple[Advice, ...]:
    """What to do about each flag that occurs, with how many organisations have it."""
    counts: Counter[str] = Counter()
    actions: dict[str, str] = {}
    for a in assessed:
        for f in a.assessment.flags:
            counts[f.code] += 1
            actions.setdefault(f.code, f.action)
    order = [*FLAG_ORDER, *sorted(set(counts) - set(FLAG_ORDER))]
    return tuple(
        Advice(FLAG_TITLES.get(code, code), actions[code], counts[code])
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
