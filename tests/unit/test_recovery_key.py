"""The recovery key: the database key as 14 groups of 4 characters, typed back by a person."""

from __future__ import annotations

import hashlib
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import RecoveryKeyFormatError, WrongKeyError
from app.storage import keys

CODE_SHAPE = re.compile(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){13}")
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def key_whose_code_contains(letters: str) -> bytes:
    """A fixed key whose recovery code holds every one of `letters` (deterministic search)."""
    for n in range(10_000):
        key = hashlib.sha256(n.to_bytes(4, "big")).digest()
        if all(letter in keys.encode_recovery_key(key) for letter in letters):
            return key
    raise AssertionError("no such key in the search range")


KEY = key_whose_code_contains("OIB")
CODE = keys.encode_recovery_key(KEY)


def test_code_is_14_groups_of_4_from_the_base32_alphabet() -> None:
    assert CODE_SHAPE.fullmatch(CODE)
    assert len(CODE.split("-")) == 14


def test_round_trip() -> None:
    assert keys.decode_recovery_key(CODE) == KEY


@given(st.binary(min_size=32, max_size=32))
def test_any_key_round_trips(key: bytes) -> None:
    code = keys.encode_recovery_key(key)
    assert CODE_SHAPE.fullmatch(code)
    assert keys.decode_recovery_key(code) == key


@pytest.mark.parametrize(
    "typed",
    [
        CODE.lower(),
        CODE.replace("-", " "),
        CODE.replace("-", ""),
        "  " + CODE.replace("-", "\t") + "\n",
        CODE.replace("O", "0").replace("I", "1").replace("B", "8"),
        CODE.lower().replace("o", "0").replace("i", "1").replace("b", "8"),
    ],
    ids=["lowercase", "spaces", "no-separators", "tabs-and-padding", "confusables", "lower-0-1-8"],
)
def test_tolerates_how_people_type_it(typed: str) -> None:
    assert typed != CODE
    assert keys.decode_recovery_key(typed) == KEY


def substitutions(code: str) -> list[str]:
    """Every one-character substitution of the code by another base32 character."""
    plain = code.replace("-", "")
    return [
        plain[:i] + other + plain[i + 1 :]
        for i, char in enumerate(plain)
        for other in ALPHABET
        if other != char
    ]


def test_every_single_character_typo_is_caught() -> None:
    """56 positions x 31 wrong characters: the 24-bit checksum catches each one of them."""
    typos = substitutions(CODE)
    assert len(typos) == 56 * 31
    for typo in typos:
        with pytest.raises(RecoveryKeyFormatError):
            keys.decode_recovery_key(typo)


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   -  - ",
        CODE[:-1],  # a character missing
        CODE + "A",  # one too many
        CODE[:-1] + "9",  # not in the alphabet
        CODE[:-1] + "!",
        CODE.replace("-", "_"),
    ],
    ids=["empty", "only-separators", "short", "long", "digit-9", "punctuation", "underscores"],
)
def test_malformed_codes_are_rejected_with_a_format_error(typed: str) -> None:
    with pytest.raises(RecoveryKeyFormatError) as caught:
        keys.decode_recovery_key(typed)
    assert isinstance(caught.value, WrongKeyError)  # the UI may treat it as "wrong key"
    assert str(caught.value)


def test_swapped_groups_are_rejected() -> None:
    groups = CODE.split("-")
    groups[0], groups[1] = groups[1], groups[0]
    assert groups[0] != groups[1]
    with pytest.raises(RecoveryKeyFormatError, match="checksum"):
        keys.decode_recovery_key("-".join(groups))


def test_different_keys_give_different_codes() -> None:
    assert keys.encode_recovery_key(bytes(32)) != keys.encode_recovery_key(b"\x01" + bytes(31))
