"""``casekit images``: check the images of cases for what identifies the patient, and
write cleaned copies."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from casekit import exitcodes
from casekit.discover import UsageError, case_files, default_paths
from casekit.findings import Finding, Severity
from casekit.fsutil import OutputError, atomic_write
from casekit.images import files, formats, metadata, names
from casekit.images.clean import CleanError, clean
from casekit.loader import LoadError, load_case
from casekit.reporters import REPORTERS, emit

#: The lint code that reports each kind of metadata (see casekit.lint.figures).
CODES = {
    "date": ("CK640", "image-date"),
    "gps": ("CK641", "image-gps"),
    "serial": ("CK642", "image-serial-number"),
    "owner": ("CK643", "image-owner-name"),
    "text": ("CK644", "image-text-metadata"),
    "thumbnail": ("CK644", "image-text-metadata"),
    "dicom": ("CK645", "dicom-identifiers"),
    "burned-in": ("CK647", "burned-in-annotation"),
}
_IMAGE_SUFFIXES = {s for suffixes in formats.ALLOWED.values() for s in suffixes if s}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "images",
        help="check figures' images for identifying data; write cleaned copies",
        description="Look after the images of case figures: 'check' lists what each file"
        " says about the patient beyond its pixels (camera dates, GPS, serial numbers,"
        " names, text, DICOM fields) and whether it may be used; 'clean' writes a copy"
        " without any of it.",
    )
    commands = parser.add_subparsers(title="actions", metavar="ACTION", dest="action")
    check = commands.add_parser(
        "check",
        help="report identifying data and file problems",
        description="Check image files, or the figures of case files and folders (default:"
        " cases/). Exit code 0: nothing found that stops publication; 1: something was"
        " found; 2: usage error.",
    )
    check.add_argument("paths", nargs="*", type=Path, help="images, case files or folders")
    check.add_argument(
        "--show",
        action="store_true",
        help="also print the values found (they may identify the patient: do not paste"
        " them anywhere public)",
    )
    check.add_argument("--format", choices=sorted(REPORTERS), default="text")
    check.set_defaults(run=run_check)
    cleaner = commands.add_parser(
        "clean",
        help="write copies of images without their metadata",
        description="Write a cleaned copy of each image (or of each figure of the case files"
        " given): JPEG stays JPEG, stripped without re-encoding; PNG, WebP and TIFF become"
        " PNG with the same pixels; DICOM becomes a windowed PNG without its header. The"
        " copy is written beside the original as NAME-clean.jpg or NAME-clean.png; the"
        " original is never changed unless you ask with --in-place. Exit code 0: every"
        " image cleaned; 1: at least one could not be; 2: usage error.",
    )
    cleaner.add_argument("paths", nargs="*", type=Path, help="images, case files or folders")
    where = cleaner.add_mutually_exclusive_group()
    where.add_argument(
        "--in-place",
        action="store_true",
        help="replace each JPEG or PNG by its cleaned copy (other types are written as"
        " PNG beside the original, which is kept)",
    )
    where.add_argument(
        "--out", type=Path, metavar="FOLDER", help="write the cleaned copies into FOLDER"
    )
    cleaner.set_defaults(run=run_clean)
    parser.set_defaults(run=lambda _args: _no_action(parser))


def _no_action(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return exitcodes.USAGE


def _is_image(path: Path) -> bool:
    if path.suffix.lower() in _IMAGE_SUFFIXES:
        return True
    if path.suffix.lower() == ".json" or not path.is_file():
        return False
    with path.open("rb") as handle:
        return formats.sniff(handle.read(132)) is not None


def _targets(paths: list[Path]) -> list[tuple[Path, Path | None, str]]:
    """(image, case file or None, what to call the image) for every image to look at."""
    found: list[tuple[Path, Path | None, str]] = []
    images = [p for p in paths if p.is_file() and _is_image(p)]
    for image in images:
        found.append((image, None, str(image)))
    rest = [p for p in paths if p not in images]
    if rest or not paths:
        for case in case_files(rest or default_paths()):
            try:
                data: Any = load_case(case).data
            except LoadError as exc:
                raise UsageError(f"{case}: {exc.finding.message}") from None
            figures = data.get("figures") if isinstance(data, dict) else None
            for figure in figures if isinstance(figures, list) else []:
                if isinstance(figure, dict) and isinstance(figure.get("file"), str):
                    found.append((case.parent, case, figure["file"]))
    return found


def _finding(path: Path, code: str, rule: str, message: str, hint: str = "") -> Finding:
    return Finding(code, rule, Severity.ERROR, path, message, hint, line=1, column=1)


def _check_one(where: Path, show: bool) -> list[Finding]:
    """The findings for one image given on the command line."""
    name = str(where)
    checked = files.inspect(where, name)
    if isinstance(checked, files.FileProblem):
        return [_finding(where, checked.code, "figure-file", checked.message, checked.hint)]
    found = []
    for item in metadata.read(checked):
        code, rule = CODES[item.category]
        value = f": {item.value}" if show and item.value else ""
        severity = Severity.WARNING if item.category == "burned-in" else Severity.ERROR
        found.append(
            Finding(
                code,
                rule,
                severity,
                where,
                f"'{name}' carries {item.label}{value}.",
                f"Run 'casekit images clean {name}' and use the cleaned copy.",
                line=1,
                column=1,
            )
        )
    for reason in names.identifying_parts(name):
        found.append(
            _finding(
                where,
                "CK646",
                "identifying-file-name",
                f"The file name '{name}' looks identifying: {reason}.",
                "Rename the file after what it shows.",
            )
        )
    return found


def run_check(args: argparse.Namespace) -> int:
    images = [p for p in args.paths if p.is_file() and _is_image(p)]
    cases = [p for p in args.paths if p not in images]
    findings = [f for image in images for f in _check_one(image, args.show)]
    checked = len(images)
    if cases or not images:
        from casekit.commands.lint import lint_paths
        from casekit.lint import load_config

        config = load_config().with_overrides(["CK58", "CK64"])
        found, count = lint_paths(cases, config)
        findings += found
        checked += count
    emit(args.format, findings, checked)
    errors = any(f.severity is Severity.ERROR for f in findings)
    return exitcodes.PROBLEMS if errors else exitcodes.OK


def _destination(image: Path, suffix: str, args: argparse.Namespace) -> Path:
    out: Path | None = args.out
    if out is not None:
        return out / (image.stem + suffix)
    same_type = suffix == image.suffix.lower() or (
        suffix == ".jpg" and image.suffix.lower() == ".jpeg"
    )
    if args.in_place and same_type:
        return image
    if args.in_place:
        return image.with_suffix(suffix)
    return image.with_name(f"{image.stem}-clean{suffix}")


def run_clean(args: argparse.Namespace) -> int:
    failed = 0
    targets = _targets(args.paths)
    for folder_or_file, case, name in targets:
        checked = (
            files.check(folder_or_file, name)
            if case is not None
            else files.inspect(folder_or_file, name)
        )
        shown = f"{case}: {name}" if case is not None else name
        if isinstance(checked, files.FileProblem):
            sys.stderr.write(f"{shown}: not cleaned: {checked.message} {checked.hint}\n")
            failed += 1
            continue
        try:
            result = clean(checked)
            target = _destination(checked.path, result.suffix, args)
            atomic_write(target, result.data)
        except (CleanError, OutputError) as exc:
            sys.stderr.write(f"{shown}: not cleaned: {exc}\n")
            failed += 1
            continue
        removed = sorted({item.label for item in result.removed})
        what = "; ".join(removed) if removed else "no identifying metadata was found"
        sys.stdout.write(f"{shown}: wrote {target} (removed: {what})\n")
        for note in result.notes:
            sys.stdout.write(f"    note: {note}\n")
        if case is not None and target != checked.path:
            relative = Path(name).with_name(target.name).as_posix()
            if args.out is None:
                sys.stdout.write(f'    now set this figure\'s "file" to "{relative}"\n')
            else:
                sys.stdout.write(
                    '    now copy it into the library and point this figure\'s "file" at it\n'
                )
    total = len(targets)
    sys.stdout.write(f"{total - failed} of {total} image(s) cleaned.\n")
    return exitcodes.PROBLEMS if failed else exitcodes.OK
