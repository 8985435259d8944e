"""Typed errors of the Qt-free core. The UI turns them into dialogs, the CLI into exit codes.

Every message is written for the person using Quid: what happened and what to do. Messages
never contain ledger data, so they are safe to log and to show in a crash report.

Messages are English `Text`: a template marked with `QT_TR_NOOP` and the values of its
placeholders, e.g. `QuidError(QT_TR_NOOP("There is no request {id}."), id=request_id)` (or
`QT_TR_NOOP("…").format(…)` where a message is passed on). `str(exc)` is the English sentence
(the CLI prints it); the GUI shows the same message in the person's language
(`app.ui.error_text`), translating the template and the values that are `Text` too. Never
build a message with an f-string or `+`: it would stay English.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: The translation contexts of `word()`: names of fields (ValidationError), vocabulary words.
FIELDS, TERMS = "fields", "terms"


class Text(str):
    """English text that the GUI can show translated. It *is* the English (so printing, logging
    and comparing see plain text) and remembers how it was made: from a marked template (then
    `source` is None) or by `format()`-ing another Text (`source`, with `args` and `kwargs`)."""

    #: where lupdate files the template: "" for `QT_TR_NOOP`, else the marker's context
    context: str = ""
    source: Text | None = None
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = {}  # noqa: RUF012 - read only; every filled-in Text has its own

    def format(self, *args: Any, **kwargs: Any) -> Text:
        """The template filled in, still translatable (plain `str.format` would not be)."""
        filled = Text(str.format(self, *args, **kwargs))
        filled.source, filled.args, filled.kwargs = self, args, kwargs
        return filled

    def map_values(self, change: Callable[[str], str]) -> Text:
        """The same message with `change` applied to every plain-text value filled into it
        (e.g. `one_line`); our own template words are left as they are."""
        if self.source is None:
            return self

        def value(item: Any) -> Any:
            if isinstance(item, Text):
                return item.map_values(change)
            return change(item) if isinstance(item, str) else item

        return self.source.map_values(change).format(
            *[value(a) for a in self.args], **{k: value(v) for k, v in self.kwargs.items()}
        )


# Markers by the names Qt's lupdate looks for, so it extracts their literals even here where
# Qt is not imported (`make translations-update` reads all of app/). At run time they return the
# text unchanged, as a `Text`.
def QT_TR_NOOP(text: str) -> Text:
    return Text(text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> Text:
    marked = Text(text)
    marked.context = context
    return marked


def word(text: str, context: str) -> Text:
    """A word that is data rather than a literal — a field name, a request status — marked to
    be translated in `context` (FIELDS, TERMS), whose words the UI lists for lupdate."""
    return QT_TRANSLATE_NOOP(context, text)


def one_line(text: str) -> str:
    """`text` with control characters (line breaks, terminal escapes) written as escapes, so
    text quoted from a file or the ledger cannot break a one-line message or a terminal. A
    `Text` stays translatable: the escapes go into the values filled into it."""
    if isinstance(text, Text):
        return text.map_values(one_line)
    return "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )


class QuidError(Exception):
    """Base of every error Quid expects and explains. Its message (`args[0]`) is a `Text`,
    filled in with the keyword arguments: `QuidError(QT_TR_NOOP("… {path} …"), path=path)`."""

    #: exit code used by the CLI
    exit_code = 2

    def __init__(self, *args: Any, **values: Any) -> None:
        if values:
            message, *rest = args
            args = (message.format(**values), *rest)
        super().__init__(*args)


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
