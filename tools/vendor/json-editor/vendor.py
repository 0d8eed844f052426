#!/usr/bin/env python3
"""Copy the pinned @json-editor/json-editor build into casekit's editor assets.

``casekit edit`` serves a form library in the browser. It is vendored: the prebuilt,
minified file that the npm package ships (``dist/jsoneditor.js``, no build step of ours)
is committed under ``tools/casekit/editor/assets/vendor/`` with its licence, so that
installing or running casekit never needs npm or the network.

To reproduce or update the vendored copy (needs Node.js and npm; run from anywhere)::

    python3 tools/vendor/json-editor/vendor.py          # npm ci from the lock file, then copy
    python3 tools/vendor/json-editor/vendor.py --check  # only compare with what is committed

To move to another version, change the version in package.json, run
``npm install --ignore-scripts`` here to update package-lock.json, then this script, and
run the editor's browser tests (tests/editor/).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
TARGET = ROOT / "tools" / "casekit" / "editor" / "assets" / "vendor"
PACKAGE = "@json-editor/json-editor"
#: file in the npm package -> name in the assets folder
FILES = {
    "dist/jsoneditor.js": "jsoneditor.js",
    "dist/jsoneditor.js.LICENSE.txt": "jsoneditor.js.LICENSE.txt",
    "LICENSE": "jsoneditor-LICENSE.txt",
}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str]) -> int:
    check = "--check" in argv
    subprocess.run(
        ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=HERE, check=True
    )
    source = HERE / "node_modules" / PACKAGE
    version = json.loads((source / "package.json").read_text(encoding="utf-8"))["version"]
    pinned = json.loads((HERE / "package.json").read_text(encoding="utf-8"))["dependencies"][
        PACKAGE
    ]
    if version != pinned:
        print(f"npm installed {PACKAGE} {version}, but package.json pins {pinned}.")
        return 1
    differs = []
    manifest: dict[str, object] = {"package": PACKAGE, "version": version, "files": {}}
    for inside, name in FILES.items():
        digest = _sha256(source / inside)
        manifest["files"][name] = {"from": inside, "sha256": digest}  # type: ignore[index]
        target = TARGET / name
        if not target.exists() or _sha256(target) != digest:
            differs.append(name)
    if check:
        for name in differs:
            print(f"{TARGET / name} differs from {PACKAGE} {version}.")
        print("vendored copy is up to date." if not differs else "run vendor.py to update.")
        return 1 if differs else 0
    TARGET.mkdir(parents=True, exist_ok=True)
    for inside, name in FILES.items():
        shutil.copyfile(source / inside, TARGET / name)
    (TARGET / "VENDORED.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"copied {PACKAGE} {version} into {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
