"""An installed wheel, away from the source tree, checks an article against its reference corpus.

The wheel is built from this checkout and installed with --no-deps into a new virtualenv. Its
dependencies come from the test's own environment through a path file. Path files added that way
are not processed, so the editable install of the checkout stays out of sight, and the only
deskcheck the new environment can import is the wheel's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (ROOT / "seeds" / "001_17b29c3997bab34f.txt").read_text(encoding="utf-8")


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600, check=False)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a new virtualenv holding only the wheel."""
    work = tmp_path_factory.mktemp("wheel")
    built = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", work / "dist",
                 ROOT, cwd=work)
    assert built.returncode == 0, built.stderr[-2000:]
    assert "Deprecat" not in built.stdout + built.stderr
    wheel = next((work / "dist").glob("deskcheck-*.whl"))
    venv.EnvBuilder(with_pip=False).create(work / "env")
    bin_dir = work / "env" / "bin"
    site = Path(_run(bin_dir / "python", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))",
                     cwd=work).stdout.strip())
    (site / "borrowed-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    pip = _run(sys.executable, "-m", "pip", "--python", bin_dir / "python", "install", "--no-deps", wheel,
               cwd=work)
    assert pip.returncode == 0, pip.stderr[-2000:]
    return bin_dir


def test_the_installed_wheel_is_not_the_checkout(installed: Path, tmp_path: Path) -> None:
    where = _run(installed / "python", "-c", "import bot, checks, storage; print(bot.__file__)", cwd=tmp_path)
    assert where.returncode == 0, where.stderr
    assert not where.stdout.strip().startswith(str(ROOT))


def test_an_installed_wheel_checks_an_article_against_its_reference_corpus(installed: Path,
                                                                            tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DESKCHECK_", "DATABASE_URL"))}
    checked = _run(installed / "deskcheck", "check", "--json", "story.txt", cwd=tmp_path, env=env)
    assert checked.returncode == 0, checked.stderr[-2000:]
    report = json.loads(checked.stdout)
    assert report["quotes"]
    assert "seed:001_17b29c3997bab34f" in {s["id"] for s in report["similar"]}
    assert (tmp_path / "deskcheck.db").exists()  # the default history, in the working directory
