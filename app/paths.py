"""Where Quid keeps its files. Nothing is created at import time or by resolving paths.

`--data-dir DIR` or `QUID_DATA_DIR` put *everything* (vault, config, logs, cache) below DIR,
so a test or a second vault never touches the person's real folders.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from app import APP_NAME

DATA_DIR_ENV = "QUID_DATA_DIR"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    config_dir: Path
    log_dir: Path
    cache_dir: Path

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
        """Paths from the argument, else `QUID_DATA_DIR`, else the platform's user folders."""
        chosen = data_dir if data_dir is not None else os.environ.get(DATA_DIR_ENV) or None
        if chosen is not None:
            root = Path(chosen).expanduser().resolve()
            return cls(root, root / "config", root / "logs", root / "cache")
        import platformdirs  # not needed when a folder is given

        dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
        return cls(
            Path(dirs.user_data_dir),
            Path(dirs.user_config_dir),
            Path(dirs.user_log_dir),
            Path(dirs.user_cache_dir),
        )

    # --- files -------------------------------------------------------------------------
    @property
    def vault_file(self) -> Path:
        return self.data_dir / "ledger.db"

    @property
    def key_header_file(self) -> Path:
        return self.data_dir / "ledger.key"

    @property
    def lock_file(self) -> Path:
        return self.data_dir / "ledger.lock"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def settings_file(self) -> Path:
        """Qt settings that hold no ledger data (window geometry, language)."""
        return self.config_dir / "quid.ini"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "quid.log"

    def ensure(self) -> None:
        """Create the folders, owner-only where the platform allows."""
        for folder in (self.data_dir, self.config_dir, self.log_dir, self.cache_dir):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
