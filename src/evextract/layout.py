"""Where each record goes under `-o DIR`, planned for the whole run before any article is read.

Pure: paths in, paths out, no file system. Two layouts:

- `merged` (the default): the record of a file PATH goes straight under DIR, a
  folder PATH's tree is mirrored under DIR: `in/a.txt` → `a.json`, and for the
  folder `in`, `in/sub/b.txt` → `sub/b.json`.
- `mirror`: each PATH is mirrored as given, so that several PATHs stay apart:
  `in/a.txt` → `in/a.json`, `in2/a.txt` → `in2/a.json`. A leading `/` is dropped.

Every name is kept as it is when any file system (Linux, macOS, Windows) can hold
it and it means itself there. Otherwise the characters at fault are written as
`%XX` (their UTF-8 bytes in hex), and so is every `%` of a name that already holds
a `%XX`. No two names map to the same one, and an escaped name is never the name
of a file kept as it is. Escaped are:

>>> [mirrored(name) for name in (".", "..", "CON", "nul.x", "a:b?", "50%", "%41", "new\\nline")]
['%2E', '%2E%2E', '%43ON', '%6Eul.x', 'a%3Ab%3F', '50%', '%2541', 'new%0Aline']
>>> mirrored("caf\\udce9"), mirrored("dots.", folder=True), mirrored("dots.")
('caf%E9', 'dots%2E', 'dots.')

Two articles that would still share a record path, or a record path that another
article needs as a folder, make the run a usage error naming both.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from .errors import UsageError, shown

LAYOUTS = ("merged", "mirror")
MERGED, MIRROR = LAYOUTS
RECORD_SUFFIX = ".json"
SHOWN_COLLISIONS = 10  # a rerun of `extract in in` would otherwise print every file

# Names Windows keeps for devices, with or without an extension ("nul.txt").
_DEVICES = frozenset(
    ["CON", "PRN", "AUX", "NUL"]
    + [f"{port}{n}" for port in ("COM", "LPT") for n in "0123456789¹²³"]
)
_NOT_ON_WINDOWS = frozenset('<>:"\\|?*')
_ESCAPED_LOOKALIKE = re.compile(r"%[0-9A-Fa-f]{2}")
NO_PREFIX = PurePosixPath()


@dataclass(frozen=True)
class Wanted:
    """An article, as the planner sees it."""

    name: str  # the input as messages show it
    relative: PurePosixPath  # its path under its PATH (a file PATH: its name), with suffix
    prefix: PurePosixPath = NO_PREFIX  # what `mirror` puts before it: the PATH's own


def mirror_prefix(argument: str, *, folder: bool) -> PurePosixPath:
    """What `--layout mirror` puts before an article's path: a folder PATH itself,
    or a file PATH's folder; a leading `/` dropped.

    >>> [str(mirror_prefix(a, folder=f)) for a, f in [("in", True), ("in/a.txt", False),
    ...     ("/data/news/", True), ("a.txt", False), ("./in", True), ("../in", True)]]
    ['in', 'in', 'data/news', '.', 'in', '../in']
    """
    path = PurePosixPath(argument)
    if not folder:
        path = path.parent
    return PurePosixPath(*path.parts[1:]) if path.is_absolute() else path


def mirrored(name: str, *, folder: bool = False) -> str:
    """The name a record path uses for the name `name` of a folder or a record stem."""
    return name if _portable(name, folder=folder) else _escape(name, folder=folder)


def _portable(name: str, *, folder: bool) -> bool:
    return not (
        not name.strip(".")  # "", ".", "..", "...": nothing or a link to a folder
        or _ESCAPED_LOOKALIKE.search(name)
        or any(_unsafe_character(character) for character in name)
        or _device_name(name)
        or (folder and name[-1] in ". ")  # Windows drops them from a folder's name
    )


def _unsafe_character(character: str) -> bool:
    code = ord(character)
    # Below 0x20: control characters; 0xDC80-0xDCFF: bytes that are not UTF-8.
    return code < 0x20 or code == 0x7F or character in _NOT_ON_WINDOWS or _is_raw_byte(code)


def _is_raw_byte(code: int) -> bool:
    return 0xDC80 <= code <= 0xDCFF  # how Python holds a file name's non-UTF-8 byte


def _device_name(name: str) -> bool:
    return name.split(".")[0].rstrip(" ").upper() in _DEVICES


def _escape(name: str, *, folder: bool) -> str:
    if not name:
        return "%00"  # no file name holds a NUL byte, so this stands for nothing else
    characters = [_escape_character(character) for character in name]
    if not name.strip("."):
        characters = ["%2E"] * len(name)
    elif _device_name(name):
        characters[0] = _percent(name[0])
    if folder and name[-1] in ". ":
        characters[-1] = _percent(name[-1])
    return "".join(characters)


def _escape_character(character: str) -> str:
    if character == "%" or _unsafe_character(character):
        return _percent(character)
    return character


def _percent(character: str) -> str:
    code = ord(character)
    data = bytes([code - 0xDC00]) if _is_raw_byte(code) else character.encode()
    return "".join(f"%{byte:02X}" for byte in data)


def record_path(wanted: PurePosixPath) -> PurePosixPath:
    """The record path of an article path under DIR: each name mirrored, `.json` for
    the article's suffix.

    >>> str(record_path(PurePosixPath("sub/..txt"))), str(record_path(PurePosixPath("a.b.txt")))
    ('sub/%2E.json', 'a.b.json')
    """
    *folders, name = wanted.parts or (".",)
    stem = PurePosixPath(name).stem if name not in {".", ".."} else name
    names = [mirrored(folder, folder=True) for folder in folders]
    return PurePosixPath(*names, mirrored(stem) + RECORD_SUFFIX)


def plan(
    articles: Sequence[Wanted], layout: str, out: str, *, fold_case: bool = False
) -> list[PurePosixPath]:
    """Each article's record path under DIR; raises UsageError when two would collide.

    `fold_case` is for an output folder whose file system takes `A.json` and
    `a.json` for one file. `out` is DIR as messages show it.
    """
    if layout not in LAYOUTS:
        raise UsageError(f"--layout must be one of {', '.join(LAYOUTS)}")
    paths = [record_path(_wanted(article, layout)) for article in articles]
    problems = _collisions(articles, paths, layout, PurePosixPath(out), fold_case)
    if problems:
        more = len(problems) - SHOWN_COLLISIONS
        shown_problems = problems[:SHOWN_COLLISIONS]
        if more > 0:
            shown_problems.append(f"... and {more} more inputs that share a record path")
        raise UsageError("\n".join(shown_problems))
    return paths


def _wanted(article: Wanted, layout: str) -> PurePosixPath:
    return article.prefix / article.relative if layout == MIRROR else article.relative


def _collisions(
    articles: Sequence[Wanted],
    paths: list[PurePosixPath],
    layout: str,
    out: PurePosixPath,
    fold_case: bool,
) -> list[str]:
    first: dict[tuple[str, ...], int] = {}
    problems: list[str] = []
    for n, path in enumerate(paths):
        other = first.setdefault(_key(path, fold_case), n)
        if other != n:
            problems.append(_same_path(articles[other], articles[n], out / path, layout))
    folders: dict[tuple[str, ...], int] = {}
    for n, path in enumerate(paths):
        for folder in list(path.parents)[:-1]:
            folders.setdefault(_key(folder, fold_case), n)
    for key, n in first.items():
        if key in folders:
            below = articles[folders[key]]
            problems.append(
                f"{articles[n].name} and {below.name} cannot both be written:"
                f" {shown(str(out / paths[n]))} would be a record and a folder"
            )
    return problems


def _same_path(first: Wanted, second: Wanted, path: PurePosixPath, layout: str) -> str:
    where = shown(str(path))
    if first.name == second.name:
        return f"{first.name} is given twice: both would be written to {where}"
    hint = ""
    if layout == MERGED and record_path(_wanted(first, MIRROR)) != record_path(
        _wanted(second, MIRROR)
    ):
        hint = " (--layout mirror keeps them apart)"
    return f"{first.name} and {second.name} would both be written to {where}{hint}"


def _key(path: PurePosixPath, fold_case: bool) -> tuple[str, ...]:
    if not fold_case:
        return path.parts
    return tuple(unicodedata.normalize("NFC", part).casefold() for part in path.parts)
