"""Quid: a private, encrypted ledger of the personal data you gave and what you got for it."""

APP_ID = "org.quidledger.Quid"
APP_NAME = "Quid"
ORG_NAME = "Quid"
__version__ = "0.1.0"
