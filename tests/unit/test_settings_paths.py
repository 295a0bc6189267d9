"""Where models and labelled samples are found: a source checkout's own folders, else the
data directory (an installed wheel carries neither); ADWATCH_MODELS_DIR always wins."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from config.settings import REPO_ROOT, Settings

PRINT_PATHS = (
    "import config, config.settings as s; st = s.Settings(); "
    "print(config.__file__); print(st.models_dir); print(st.labelled_samples_dir)"
)


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ADWATCH_MODELS_DIR", "ADWATCH_LABELLED_SAMPLES_DIR", "ADWATCH_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.usefixtures("clean_env")
def test_a_source_checkout_uses_its_own_folders() -> None:
    settings = Settings()
    assert settings.models_dir == REPO_ROOT / "models"
    assert settings.labelled_samples_dir == REPO_ROOT / "labelled_samples"


@pytest.mark.usefixtures("clean_env")
def test_the_environment_overrides_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADWATCH_MODELS_DIR", str(tmp_path / "m"))
    assert Settings().models_dir == tmp_path / "m"


def test_an_installed_package_looks_in_the_data_dir(tmp_path: Path) -> None:
    # The layout of site-packages: config/ with no pyproject.toml or models/ beside it.
    site = tmp_path / "site-packages"
    shutil.copytree(
        REPO_ROOT / "config", site / "config", ignore=shutil.ignore_patterns("__pycache__")
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADWATCH_")}
    env |= {"PYTHONPATH": str(site), "ADWATCH_DATA_DIR": str(tmp_path / "data")}
    out = subprocess.run(
        [sys.executable, "-c", PRINT_PATHS],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert Path(out[0]).parent == site / "config"
    assert out[1:] == [
        str(tmp_path / "data" / "models"),
        str(tmp_path / "data" / "labelled_samples"),
    ]
