"""The wheel is self-contained: installed outside the repository, casekit works.

The wheel is built from the checkout (hatchling, no download) and installed with pip into a
fresh virtual environment in a temporary folder, without its dependencies and without an
index. The dependencies come from the development environment through a ``.pth`` line:
a plain path, so that the development environment's own ``.pth`` files (the editable
install of casekit among them) are not read, and ``casekit`` can only come from the wheel.
Then a clinician's first steps run there, in a folder outside the repository: ``casekit
init``, ``new``, ``lint`` and ``build``.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import jsonschema
import pytest

from fetches import remote_fetches

REPO = Path(__file__).resolve().parents[2]
FOUNDING = REPO / "cases" / "crmo-not-crmo.json"

pytestmark = pytest.mark.slow


def _run(*args: str | Path, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A fresh environment with the wheel installed: (its bin folder, the environment)."""
    if importlib.util.find_spec("hatchling") is None:
        pytest.skip("building the wheel needs hatchling (pip install -e '.[dev]')")
    root = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    built = _run(
        sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
        "-w", root / "dist", REPO, cwd=root, env=env,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    (wheel,) = (root / "dist").glob("casekit-*.whl")
    target = root / "venv"
    venv.EnvBuilder(with_pip=False).create(target)
    bin_dir = target / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    site = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                cwd=root, env=env).stdout.strip()  # fmt: skip
    dependencies = Path(jsonschema.__file__).resolve().parents[1]
    Path(site, "casekit-test-dependencies.pth").write_text(f"{dependencies}\n", encoding="utf-8")
    install = _run(
        sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index",
        wheel, cwd=root, env=env,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr
    check = _run(sys.executable, "-m", "pip", "--python", python, "check", cwd=root, env=env)
    assert check.returncode == 0, check.stdout + check.stderr
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    return bin_dir, env


def test_casekit_comes_from_the_wheel_with_its_files(
    installed: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    bin_dir, env = installed
    probe = _run(
        bin_dir / "python", "-c",
        "import casekit, casekit.resources as r;"
        "print(casekit.__file__); print(r.data_dir('schema')); print(r.data_dir('templates'))",
        cwd=tmp_path, env=env,
    )  # fmt: skip
    assert probe.returncode == 0, probe.stderr
    module, schema, templates = probe.stdout.split()
    venv_root = bin_dir.parent.resolve()
    for path in (module, schema, templates):
        assert Path(path).resolve().is_relative_to(venv_root), path
    package = Path(module).parent
    for needed in (
        "_data/schema/case.schema.json",
        "_data/schema/versions/case.schema.v1.json",
        "_data/templates/web.md.j2",
        "profiles/generic-case-report.json",
        "knowledge/cno-crmo.json",
        "lint/data/units.json",
        "identifiers/data/learned_model.json",
        "identifiers/data/learned_category.json",
        "site/assets/library-filter.js",
        "site/assets/library.css",
        "editor/assets/index.html",
    ):
        assert (package / needed).is_file(), needed


def test_init_new_lint_and_build_work_outside_the_repository(
    installed: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    bin_dir, env = installed
    casekit = bin_dir / "casekit"
    init = _run(casekit, "init", "library", cwd=tmp_path, env=env)
    assert init.returncode == 0, init.stderr
    library = tmp_path / "library"
    new = _run(casekit, "new", "synthetic-first-case", cwd=library, env=env)
    assert new.returncode == 0, new.stderr
    written = library / "cases" / "synthetic-first-case.json"
    assert '"$schema": "../schema/case.schema.json"' in written.read_text(encoding="utf-8")
    assert (library / "schema" / "case.schema.json").is_file()
    shutil.copy(FOUNDING, library / "cases" / FOUNDING.name)
    lint = _run(casekit, "lint", "cases/crmo-not-crmo.json", cwd=library, env=env)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    assert "1 file checked, 0 errors" in lint.stdout
    build = _run(casekit, "build", cwd=library, env=env)
    assert build.returncode == 0, build.stdout + build.stderr
    page = library / "site_build" / "cases" / "crmo-not-crmo" / "index.html"
    assert 'id="lab-table"' in page.read_text(encoding="utf-8")
    assert (library / "site_build" / "casekit" / "library-filter.js").is_file()
    assert remote_fetches(library / "site_build") == {}  # no fonts or scripts from a CDN
