"""A rough, explainable passphrase strength estimate for the hint under the field."""

from __future__ import annotations

import math
import string
from enum import IntEnum


class Strength(IntEnum):
    TOO_SHORT = 0
    WEAK = 1
    FAIR = 2
    STRONG = 3


def estimate_bits(passphrase: str) -> float:
    """Length × log2(alphabet), discounted for repeated characters. Not a cracking model."""
    if not passphrase:
        return 0.0
    pools = [
        (string.ascii_lowercase, 26),
        (string.ascii_uppercase, 26),
        (string.digits, 10),
        (string.punctuation + " ", 33),
    ]
    alphabet = sum(size for chars, size in pools if any(c in chars for c in passphrase))
    if any(ord(c) > 127 for c in passphrase):
        alphabet += 100
    distinct = len(set(passphrase))
    effective_length = min(len(passphrase), distinct * 2)
    return effective_length * math.log2(max(alphabet, 2))


def rate(passphrase: str, min_chars: int = 8) -> Strength:
    if len(passphrase) < min_chars:
        return Strength.TOO_SHORT
    bits = estimate_bits(passphrase)
    if bits < 45:
        return Strength.WEAK
    if bits < 70:
        return Strength.FAIR
    return Strength.STRONG
