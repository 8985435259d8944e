"""The small key file beside the vault (`ledger.key`).

It says how to get the database key: from the OS keyring (by vault id) or by unwrapping it with
a passphrase. It also holds a key check value, so a wrong key is told apart from a damaged file.
It never holds the key in the clear.
"""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from app.errors import QT_TR_NOOP, HeaderDamagedError, VaultTooNewError
from app.storage.fileio import atomic_write_bytes
from app.storage.keys import KdfParams, WrappedKey

HEADER_FORMAT = "quid-vault-header"
HEADER_VERSION = 1


class KeyMode(StrEnum):
    KEYRING = "keyring"
    PASSPHRASE = "passphrase"  # noqa: S105 - a mode name, not a secret


@dataclass(frozen=True)
class VaultHeader:
    vault_id: str
    mode: KeyMode
    key_check: str
    created: str
    wrapped: WrappedKey | None = None

    @classmethod
    def new(cls, mode: KeyMode, key_check: str, wrapped: WrappedKey | None) -> VaultHeader:
        created = datetime.now(UTC).replace(microsecond=0).isoformat()
        return cls(str(uuid.uuid4()), mode, key_check, created, wrapped)

    @property
    def aad(self) -> bytes:
        """Binds the wrapped key to this vault, so a header cannot be swapped in from another."""
        return f"{HEADER_FORMAT}-v{HEADER_VERSION}:{self.vault_id}".encode()

    def with_keyring(self) -> VaultHeader:
        return replace(self, mode=KeyMode.KEYRING, wrapped=None)

    def with_passphrase(self, wrapped: WrappedKey) -> VaultHeader:
        return replace(self, mode=KeyMode.PASSPHRASE, wrapped=wrapped)

    # --- serialisation -------------------------------------------------------------------
    def to_json(self) -> bytes:
        data: dict[str, object] = {
            "format": HEADER_FORMAT,
            "version": HEADER_VERSION,
            "vault_id": self.vault_id,
            "mode": self.mode.value,
            "key_check": self.key_check,
            "created": self.created,
        }
        if self.wrapped is not None:
            w = self.wrapped
            data["passphrase"] = {
                "kdf": "argon2id",
                "memory_kib": w.params.memory_kib,
                "iterations": w.params.iterations,
                "lanes": w.params.lanes,
                "salt": _b64(w.salt),
                "nonce": _b64(w.nonce),
                "wrapped_key": _b64(w.ciphertext),
                "cipher": "aes-256-gcm",
            }
        return (json.dumps(data, indent=2) + "\n").encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> VaultHeader:
        try:
            data = json.loads(raw.decode("utf-8"))
            if data.get("format") != HEADER_FORMAT:
                raise ValueError("format")
            if int(data["version"]) > HEADER_VERSION:
                raise VaultTooNewError(
                    QT_TR_NOOP(
                        "This vault's key file was written by a newer Quid. Update Quid to open it."
                    )
                )
            mode = KeyMode(data["mode"])
            wrapped = None
            if mode is KeyMode.PASSPHRASE:
                p = data["passphrase"]
                if p.get("kdf") != "argon2id":
                    raise ValueError("kdf")
                params = KdfParams(int(p["memory_kib"]), int(p["iterations"]), int(p["lanes"]))
                if not params.is_sane():
                    raise ValueError("kdf parameters out of range")
                wrapped = WrappedKey(
                    params, _unb64(p["salt"]), _unb64(p["nonce"]), _unb64(p["wrapped_key"])
                )
                # 16-byte salt, 12-byte GCM nonce, 32-byte key + 16-byte tag
                if len(wrapped.salt) < 16 or len(wrapped.nonce) != 12:
                    raise ValueError("salt or nonce")
                if len(wrapped.ciphertext) != 48:
                    raise ValueError("wrapped key")
            return cls(
                str(data["vault_id"]), mode, str(data["key_check"]), str(data["created"]), wrapped
            )
        except VaultTooNewError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
            raise HeaderDamagedError(
                QT_TR_NOOP(
                    "The vault's key file (ledger.key) is damaged. Your ledger is untouched: "
                    "open it with your recovery key."
                )
            ) from None

    # --- files ---------------------------------------------------------------------------
    @classmethod
    def read(cls, path: Path) -> VaultHeader:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise HeaderDamagedError(
                QT_TR_NOOP(
                    "The vault's key file (ledger.key) is missing. Your ledger is untouched: "
                    "open it with your recovery key."
                )
            ) from None
        except OSError:
            raise HeaderDamagedError(
                QT_TR_NOOP(
                    "The vault's key file (ledger.key) cannot be read. Your ledger is untouched: "
                    "open it with your recovery key."
                )
            ) from None
        return cls.from_json(raw)

    def write(self, path: Path) -> None:
        atomic_write_bytes(path, self.to_json())


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
