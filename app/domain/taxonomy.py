"""The personal-data categories people record: the W3C DPV personal-data taxonomy, with Dutch
labels, a sensitivity (1–4), GDPR Art. 9 / Art. 10 flags and a default value per month.

Built by `resources/build_reference_data.py` into `resources/taxonomy/categories.json`.
Pure: no Qt; the only I/O is `load_taxonomy()`, which reads that file once.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from app.errors import QT_TR_NOOP, QuidError
from app.resources import resource_path

LANGUAGES = ("en", "nl")
SENSITIVITIES = (1, 2, 3, 4)
CLOSE_MATCH = 0.6  # difflib ratio from which a key is offered as "did you mean"

_CAMEL_HUMPS = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")  # IPAddress → IP Address
_JOINERS = re.compile(r"[-'’]")

# Letters NFKD does not take apart into a base letter and a mark.
_FOLD_LETTERS = str.maketrans(
    {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "ı": "i"}
)


def fold_text(text: str) -> str:
    """What search compares: lower case, no accents, runs of anything else than letters and
    digits turned into one space. `'Österreichische Post-AG'` → `'osterreichische post ag'`."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD_LETTERS))
    words: list[str] = []
    word: list[str] = []
    for char in decomposed:
        if char.isalnum():
            word.append(char)
        elif not unicodedata.combining(char) and word:
            words.append("".join(word))
            word = []
    if word:
        words.append("".join(word))
    return " ".join(words)


def _search_text(text: str) -> str:
    """`fold_text` with hyphens and apostrophes dropped: 'E-mailadres' → 'emailadres'."""
    return fold_text(_JOINERS.sub("", text))


def compact_text(text: str) -> str:
    """`fold_text` without spaces, so 'e-mail', 'E-Mail' and 'email' compare equal."""
    return fold_text(text).replace(" ", "")


class UnknownCategoryError(QuidError, KeyError):
    """A category key that is not in the taxonomy."""

    def __init__(self, key: str, suggestions: Iterable[str] = ()) -> None:
        self.key = key
        self.suggestions = tuple(suggestions)
        if self.suggestions:
            template = QT_TR_NOOP(
                "'{key}' is not a data category. Did you mean: {suggestions}? Quid's category "
                "keys are the terms of the W3C Data Privacy Vocabulary, written like "
                "EmailAddress or BirthDate."
            )
        else:
            template = QT_TR_NOOP(
                "'{key}' is not a data category. Quid's category keys are the terms of the "
                "W3C Data Privacy Vocabulary, written like EmailAddress or BirthDate."
            )
        self.message = template.format(key=key, suggestions=", ".join(self.suggestions))
        super().__init__(self.message)

    def __str__(self) -> str:  # KeyError would quote the message
        return self.message


@dataclass(frozen=True)
class Category:
    key: str
    iri: str
    parent: str | None
    label_en: str
    label_nl: str
    definition_en: str
    sensitivity: int
    special: bool
    criminal: bool
    monthly_value_cents: int
    value_source: str
    common_rank: int | None

    def label(self, lang: str = "en") -> str:
        """The label in `lang` ('nl', 'nl_NL', 'nl-BE' …); English for any other language."""
        if lang.lower()[:2] == "nl" and self.label_nl:
            return self.label_nl
        return self.label_en

    @property
    def is_common(self) -> bool:
        return self.common_rank is not None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Category:
        rank = data.get("common_rank")
        return cls(
            key=str(data["key"]),
            iri=str(data["iri"]),
            parent=data.get("parent"),
            label_en=str(data["label_en"]),
            label_nl=str(data.get("label_nl") or ""),
            definition_en=str(data.get("definition_en") or ""),
            sensitivity=int(data["sensitivity"]),
            special=bool(data.get("special", False)),
            criminal=bool(data.get("criminal", False)),
            monthly_value_cents=int(data["monthly_value_cents"]),
            value_source=str(data.get("value_source") or ""),
            common_rank=int(rank) if rank is not None else None,
        )


class Taxonomy:
    """All categories by key, with look-up by key or label and as-you-type search."""

    def __init__(self, categories: Iterable[Category]) -> None:
        self._by_key: dict[str, Category] = {}
        for category in categories:
            if category.key in self._by_key:
                raise ValueError(f"Category {category.key} is listed twice.")
            self._by_key[category.key] = category
        self._children: dict[str, list[Category]] = {key: [] for key in self._by_key}
        for category in self._by_key.values():
            if category.parent is not None:
                if category.parent not in self._by_key:
                    raise ValueError(f"{category.key}: parent {category.parent} is unknown.")
                self._children[category.parent].append(category)
        self._casefolded = {key.casefold(): key for key in self._by_key}
        # every name a category is known by: compacted for find(), in words for search()
        self._names: dict[str, tuple[str, ...]] = {}
        self._words: dict[str, tuple[str, ...]] = {}
        for c in self._by_key.values():
            names = (_CAMEL_HUMPS.sub(" ", c.key), c.label_en, c.label_nl)
            self._names[c.key] = tuple(dict.fromkeys(compact_text(name) for name in names))
            self._words[c.key] = tuple(dict.fromkeys(_search_text(name) for name in names))
        self._common = sorted(
            (c for c in self._by_key.values() if c.common_rank is not None),
            key=lambda c: c.common_rank or 0,
        )

    @classmethod
    def from_json(cls, text: str) -> Taxonomy:
        return cls(Category.from_dict(item) for item in json.loads(text))

    # --- look-up ---------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._by_key)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._by_key

    def __iter__(self) -> Iterator[Category]:
        return iter(self._by_key.values())

    def get(self, key: str) -> Category:
        """The category with exactly this key; UnknownCategoryError with close matches."""
        try:
            return self._by_key[key]
        except KeyError:
            raise UnknownCategoryError(key, self.close_matches(key)) from None

    def find(self, key_or_label: str) -> Category:
        """A category by key or English or Dutch label, ignoring case, accents and hyphens."""
        exact = self._casefolded.get(key_or_label.strip().casefold())
        if exact is not None:
            return self._by_key[exact]
        wanted = compact_text(key_or_label)
        if wanted:
            for key, names in self._names.items():
                if wanted in names:
                    return self._by_key[key]
        raise UnknownCategoryError(key_or_label, self.close_matches(key_or_label))

    def close_matches(self, text: str, n: int = 5) -> list[str]:
        """Keys whose key or label looks like `text` (or starts like it), best first."""
        wanted = compact_text(text)
        if not wanted:
            return []
        scores: dict[str, float] = {}
        matcher = difflib.SequenceMatcher(b=wanted)
        for key, names in self._names.items():
            for name in names:
                for candidate in {name, name[: len(wanted)]}:
                    matcher.set_seq1(candidate)
                    if matcher.real_quick_ratio() >= CLOSE_MATCH and matcher.ratio() >= CLOSE_MATCH:
                        # a whole name that matches beats a name that only starts alike
                        score = matcher.ratio() - (0.01 if candidate != name else 0.0)
                        scores[key] = max(scores.get(key, 0.0), score)
        ranked = sorted(scores, key=lambda key: (-scores[key], len(key), key))
        return ranked[:n]

    def all(self) -> list[Category]:
        return list(self._by_key.values())

    def common(self) -> list[Category]:
        """The categories people give most often, in the order pickers show them first."""
        return list(self._common)

    def children(self, key: str) -> list[Category]:
        """The direct children of `key` (categories whose first broader term is `key`)."""
        self.get(key)
        return list(self._children[key])

    def ancestors(self, key: str) -> list[Category]:
        """`key`'s parent, its parent's parent, … up to a top-level group."""
        found: list[Category] = []
        parent = self.get(key).parent
        while parent is not None:
            found.append(self._by_key[parent])
            parent = self._by_key[parent].parent
        return found

    # --- search ----------------------------------------------------------------------------
    def search(self, text: str, lang: str = "en", limit: int = 50) -> list[Category]:
        """Categories whose key or English or Dutch label contains `text`, ignoring case,
        accents and hyphens ('e-mail' finds 'Email Address' and 'E-mailadres'). The common ones
        first, in their order; then those where a word starts with `text`; then the rest; each
        by label in `lang`. An empty text lists everything in that order."""
        wanted = _search_text(text)
        joined = wanted.replace(" ", "")
        hits = [
            self._by_key[key]
            for key, words in self._words.items()
            if not wanted
            or any(wanted in name for name in words)
            or any(name.startswith(joined) for name in self._names[key])
        ]
        hits.sort(key=lambda c: self._display_order(c, lang, wanted))
        return hits[: max(limit, 0)]

    def _display_order(self, category: Category, lang: str, wanted: str) -> tuple[int, int, str]:
        """Common ones first (in their order); then those with a word starting with `wanted`."""
        if category.common_rank is not None:
            return (0, category.common_rank, "")
        starts = any(f" {wanted}" in f" {name}" for name in self._words[category.key])
        return (1 if starts else 2, 0, fold_text(category.label(lang)))


@functools.lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    """The shipped taxonomy, read once."""
    path = resource_path("taxonomy", "categories.json")
    return Taxonomy.from_json(path.read_text(encoding="utf-8"))
