"""Key material: the random database key, the recovery key code, passphrase wrapping, keyring.

The database key is 32 random bytes. It is never written to disk in the clear: it lives in the
OS keyring, or wrapped with a key derived from a passphrase (Argon2id + AES-256-GCM), and it is
shown once to the person as a recovery key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
import unicodedata
from dataclasses import dataclass
from types import ModuleType

from app import APP_ID
from app.errors import (
    QT_TR_NOOP,
    KeyringLockedError,
    KeyringUnavailableError,
    PassphraseRejectedError,
    RecoveryKeyFormatError,
    WrongKeyError,
)

KEY_BYTES = 32
MIN_PASSPHRASE_CHARS = 8
KEYRING_SERVICE = APP_ID


def new_database_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def key_check(key: bytes) -> str:
    """A value that tells whether a key belongs to a vault without revealing the key."""
    return hmac.new(key, b"quid key check v1", hashlib.sha256).hexdigest()[:32]


# --- recovery key -------------------------------------------------------------------------
# 32 key bytes + 3 checksum bytes = 280 bits = exactly 56 base32 characters, in 14 groups of 4.
_CHECKSUM_BYTES = 3
_CONFUSABLE = str.maketrans({"0": "O", "1": "I", "8": "B"})


def encode_recovery_key(key: bytes) -> str:
    checksum = hashlib.sha256(key).digest()[:_CHECKSUM_BYTES]
    text = base64.b32encode(key + checksum).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def decode_recovery_key(code: str) -> bytes:
    """The key from a typed recovery code; tolerant of spaces, dashes, case and 0/O, 1/I, 8/B."""
    cleaned = re.sub(r"[\s\-]", "", code).upper().translate(_CONFUSABLE)
    if not cleaned:
        raise RecoveryKeyFormatError(
            QT_TR_NOOP("Enter the recovery key you saved when the vault was made.")
        )
    if len(cleaned) != 56 or not re.fullmatch(r"[A-Z2-7]+", cleaned):
        raise RecoveryKeyFormatError(
            QT_TR_NOOP(
                "That is not a recovery key: it has 56 letters and digits 2–7, "
                "in 14 groups of four. Check it for a missing or extra character."
            )
        )
    raw = base64.b32decode(cleaned)
    key, checksum = raw[:KEY_BYTES], raw[KEY_BYTES:]
    if hashlib.sha256(key).digest()[:_CHECKSUM_BYTES] != checksum:
        raise RecoveryKeyFormatError(
            QT_TR_NOOP(
                "The recovery key has a typo: its checksum does not match. "
                "Compare it group by group."
            )
        )
    return key


# --- passphrase ---------------------------------------------------------------------------
@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. Stored with the wrapped key so it can be raised later."""

    memory_kib: int = 128 * 1024
    iterations: int = 5
    lanes: int = 4

    # The floor SECURITY.md promises; weaker parameters found in a header are refused.
    @staticmethod
    def minimum() -> KdfParams:
        return KdfParams(memory_kib=64 * 1024, iterations=3, lanes=4)

    def is_strong_enough(self) -> bool:
        floor = self.minimum()
        return (
            self.memory_kib >= floor.memory_kib
            and self.iterations >= floor.iterations
            and self.lanes >= floor.lanes
        )

    def is_sane(self) -> bool:
        """Within what any computer can run: a damaged key file must not hang the unlock."""
        return (
            self.is_strong_enough()
            and self.memory_kib <= 4 * 1024 * 1024
            and self.iterations <= 64
            and self.lanes <= 64
        )


#: The cost used for new passphrases; tuned to ~0.4 s on a 2-core machine (see README).
DEFAULT_KDF = KdfParams()


def normalise_passphrase(passphrase: str) -> bytes:
    """NFC so that the same visible passphrase typed on any system gives the same bytes."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def check_new_passphrase(passphrase: str) -> None:
    if len(unicodedata.normalize("NFC", passphrase)) < MIN_PASSPHRASE_CHARS:
        raise PassphraseRejectedError(
            QT_TR_NOOP(
                "A passphrase needs at least {count} characters; "
                "a few unrelated words are easiest to remember."
            ),
            count=MIN_PASSPHRASE_CHARS,
        )


def derive_kek(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id  # only for passphrases

    return Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(normalise_passphrase(passphrase))


@dataclass(frozen=True)
class WrappedKey:
    params: KdfParams
    salt: bytes
    nonce: bytes
    ciphertext: bytes


def wrap_key(key: bytes, passphrase: str, aad: bytes, params: KdfParams) -> WrappedKey:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt = os.urandom(16)
    nonce = os.urandom(12)
    kek = derive_kek(passphrase, salt, params)
    return WrappedKey(params, salt, nonce, AESGCM(kek).encrypt(nonce, key, aad))


def unwrap_key(wrapped: WrappedKey, passphrase: str, aad: bytes) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kek = derive_kek(passphrase, wrapped.salt, wrapped.params)
    try:
        return AESGCM(kek).decrypt(wrapped.nonce, wrapped.ciphertext, aad)
    except InvalidTag:
        raise WrongKeyError(QT_TR_NOOP("Wrong passphrase.")) from None


# --- keyring ------------------------------------------------------------------------------
def _keyring() -> ModuleType:
    """The keyring package, imported on first use: it pulls in urllib, email and ssl (~50 ms)
    that a passphrase vault and most CLI commands never need."""
    import keyring
    import keyring.errors  # keyring.errors.* below

    return keyring


def _backend_name() -> str:
    backend = _keyring().get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"


def keyring_problem() -> str | None:
    """None when the OS keyring really stores secrets, else a sentence saying why not.

    A backend counts only after a write–read–delete round trip: the `fail` backend raises and
    the `null` backend silently stores nothing.
    """
    name = _backend_name()
    if name.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return QT_TR_NOOP("No system keyring is available on this computer.")
    probe_user = f"probe-{secrets.token_hex(8)}"
    probe_secret = secrets.token_hex(16)
    keyring = _keyring()
    try:
        keyring.set_password(KEYRING_SERVICE, probe_user, probe_secret)
        ok = keyring.get_password(KEYRING_SERVICE, probe_user) == probe_secret
        keyring.delete_password(KEYRING_SERVICE, probe_user)
    except keyring.errors.KeyringLocked:
        return QT_TR_NOOP("The system keyring is locked.")
    except Exception as exc:  # any backend failure means: not usable
        return QT_TR_NOOP("The system keyring does not work ({error}).").format(
            error=type(exc).__name__
        )
    if not ok:
        return QT_TR_NOOP("The system keyring does not keep what is stored in it.")
    return None


def _keyring_call(action: str, name: str, *args: str):  # type: ignore[no-untyped-def]
    """`keyring.<name>(*args)` with its failures as Quid's errors."""
    keyring = _keyring()
    try:
        func = getattr(keyring, name)
        return func(*args)
    except keyring.errors.KeyringLocked:
        raise KeyringLockedError(
            QT_TR_NOOP(
                "The system keyring is locked. Unlock it and try again, or use your recovery key."
            )
        ) from None
    except keyring.errors.PasswordDeleteError:
        return None
    except Exception as exc:
        raise KeyringUnavailableError(
            QT_TR_NOOP("The system keyring could not {action} the key ({error})."),
            action=action,
            error=type(exc).__name__,
        ) from None


def keyring_store(vault_id: str, key: bytes) -> None:
    _keyring_call(QT_TR_NOOP("store"), "set_password", KEYRING_SERVICE, vault_id, key.hex())
    if keyring_load(vault_id) != key:
        raise KeyringUnavailableError(QT_TR_NOOP("The system keyring did not keep the key."))


def keyring_load(vault_id: str) -> bytes | None:
    stored = _keyring_call(QT_TR_NOOP("read"), "get_password", KEYRING_SERVICE, vault_id)
    if stored is None:
        return None
    try:
        key = bytes.fromhex(stored)
    except ValueError:
        return None
    return key if len(key) == KEY_BYTES else None


def keyring_delete(vault_id: str) -> None:
    _keyring_call(QT_TR_NOOP("delete"), "delete_password", KEYRING_SERVICE, vault_id)
