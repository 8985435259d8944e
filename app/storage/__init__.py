"""The encrypted vault: SQLCipher file, key handling, schema and migrations (no Qt)."""
