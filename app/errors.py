"""Typed errors of the Qt-free core. The UI turns them into dialogs, the CLI into exit codes.

Every message is written for the person using Quid: what happened and what to do. Messages
never contain ledger data, so they are safe to log and to show in a crash report.
"""


def one_line(text: str) -> str:
    """`text` with control characters (line breaks, terminal escapes) written as escapes, so
    text quoted from a file or the ledger cannot break a one-line message or a terminal."""
    return "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )


class QuidError(Exception):
    """Base of every error Quid expects and explains."""

    #: exit code used by the CLI
    exit_code = 2


class NoVaultError(QuidError):
    """There is no vault in the data folder yet."""


class VaultExistsError(QuidError):
    """A vault is already there; creating one would overwrite it."""


class WrongKeyError(QuidError):
    """The passphrase or recovery key does not open this vault."""


class RecoveryKeyFormatError(WrongKeyError):
    """The recovery key was mistyped (bad characters, wrong length or checksum)."""


class KeyMissingError(QuidError):
    """The vault keeps its key in the keyring, but the keyring entry is gone."""


class KeyringUnavailableError(QuidError):
    """No usable system keyring (no backend, a backend that stores nothing, or a failure)."""


class KeyringLockedError(QuidError):
    """The system keyring is locked and the person did not unlock it."""


class VaultDamagedError(QuidError):
    """The vault file is damaged. It is left exactly as it is."""

    exit_code = 1


class VaultMissingError(VaultDamagedError):
    """The key file is there but the vault file is gone (moved, deleted, or a crash)."""


class HeaderDamagedError(VaultDamagedError):
    """The small key file beside the vault is missing or unreadable."""


class IncompatibleFormatError(QuidError):
    """The file is an SQLCipher database written with settings Quid does not use (e.g. v3)."""


class VaultTooNewError(QuidError):
    """The vault was written by a newer Quid; this version must not touch it."""


class VaultInUseError(QuidError):
    """Another Quid process has this vault open."""


class DiskFullError(QuidError):
    """The disk is full; the change was rolled back."""


class PassphraseRejectedError(QuidError):
    """A new passphrase does not meet the minimum (empty, too short)."""


class VaultLockedError(QuidError):
    """The vault is locked: the operation needs it unlocked."""
