"""Random folders, random file names, random bytes, through the command line.

Names hold spaces, newlines, bytes that are not UTF-8, leading dashes, dots, `%`
and Windows' device names; contents are random bytes or text in some encoding;
PATHs are the folder, or some of its files and folders named one by one, with
or without `-o` in either layout. Whatever the input: no traceback, exit 0, 1
or 2 as the README documents, and each input gets one record or one line naming
it; none is lost. Derandomized, bounded: the same examples on every run.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from hypothesis import event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from evextract.cli import app
from evextract.corpus import printable
from evextract.errors import shown

runner = CliRunner()
FUZZ = settings(max_examples=100, derandomize=True, deadline=None, database=None)
CHARACTERS = [*"aAbB -._%:", "\n", "\t", "\udce9", "\udcff", "é", "比"]
COLLISION = re.compile(r"would both be written to|is given twice|cannot both be written|^\.\.\.")

name_parts = st.text(st.sampled_from(CHARACTERS), min_size=1, max_size=8) | st.sampled_from(
    ["CON", "nul", "-o", "--help", ".", "..", "%2E"]
)
file_names = st.tuples(name_parts, st.sampled_from([".txt"] * 5 + [".md", ""])).map("".join)
texts = (
    st.text(max_size=80).map(str.encode)
    | st.text(st.sampled_from("Citroën €23,300 Zoé"), max_size=40).map(
        lambda text: text.encode("cp1252")
    )
    | st.sampled_from([b"", b"\x00\x01ELF", b"\xff\xfeN\x00"])
)
contents = st.binary(max_size=80) | texts
entries = st.lists(
    st.tuples(st.lists(name_parts, max_size=2), file_names, contents), min_size=1, max_size=8
)


@dataclass(frozen=True)
class Invocation:
    paths: list[str]  # the PATHs, in order; "." stands for the whole folder
    output: str | None  # the layout, with -o, or None for stdout
    stdin: bytes | None  # with "-" among the PATHs


@st.composite
def invocations(draw: st.DrawFn, tops: list[str]) -> Invocation:
    paths = ["."]
    if tops and draw(st.booleans()):
        paths = draw(st.lists(st.sampled_from(sorted(tops)), min_size=1, max_size=4))
    stdin = draw(st.none() | st.binary(max_size=40))
    if stdin is not None:
        paths.insert(draw(st.integers(0, len(paths))), "-")
    return Invocation(paths, draw(st.sampled_from([None, "merged", "mirror"])), stdin)


def build(root: Path, spec: list[tuple[list[str], str, bytes]]) -> None:
    """The folder the spec describes, as far as names allow (a file and a folder
    of one name cannot both be); "." and ".." name no file."""
    for folders, name, data in spec:
        parts = [*folders, name]
        if any(part in {".", ".."} for part in parts) or name == "-":
            continue
        path = root.joinpath(*parts)
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)


def inputs(paths: list[str]) -> Counter[str]:
    """What the README promises to read: each file named, each `.txt` under each folder."""
    wanted: Counter[str] = Counter()
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            wanted[printable(path)] += 1
            continue
        for root, dirs, names in os.walk(path):
            dirs.sort()
            for name in names:
                if name.endswith(".txt"):
                    relative = Path(root, name).relative_to(path)
                    wanted[printable(str(Path(path, relative)))] += 1
    return wanted


@contextlib.contextmanager
def folder_of(spec: list[tuple[list[str], str, bytes]]) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as temporary, contextlib.chdir(temporary):
        root = Path(temporary, "in")
        root.mkdir()
        build(root, spec)
        os.chdir(root)
        yield root


@FUZZ
@given(spec=entries, data=st.data())
def test_any_folder_gives_one_record_or_one_named_error_per_input(
    spec: list[tuple[list[str], str, bytes]], data: st.DataObject, blank_model: Path
) -> None:
    with folder_of(spec) as root:
        call = data.draw(invocations([os.fsdecode(n) for n in os.listdir(root)]))
        args = ["extract", "--model", str(blank_model), "--no-kb", "-q"]
        if call.output is not None:
            args += ["-o", "../out", "--layout", call.output]
        result = runner.invoke(app, [*args, "--", *call.paths], input=call.stdin)
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(
            result.exception
        )
        assert "Traceback" not in result.output
        assert result.exit_code in {0, 1, 2}, result.output
        event(f"exit {result.exit_code}, {call.output or 'stdout'}")
        event(f"{sum(inputs(call.paths).values())} inputs")
        lines = result.stderr.splitlines()
        if result.exit_code == 2:
            assert call.output is not None, result.stderr  # only -o can make two inputs collide
            assert lines and all(COLLISION.search(line) for line in lines), result.stderr
            assert result.stdout == "" and not list(Path("../out").rglob("*.json"))
            return
        check_every_input_accounted_for(call, result.stdout, lines, result.exit_code)


def check_every_input_accounted_for(
    call: Invocation, stdout: str, lines: list[str], exit_code: int
) -> None:
    wanted = inputs(call.paths)
    records = written_records(call, stdout)
    assert all(line.startswith("evextract: ") for line in lines), lines
    named = Counter(failed_input(line[len("evextract: ") :], wanted) for line in lines)
    empty_folders = named.pop(None, 0)
    assert Counter(record["source"] for record in records) + named == wanted
    assert exit_code == (1 if named or empty_folders else 0)
    for record in records:
        source = record["source"]
        assert record["id"] == ("stdin" if source == "-" else Path(source).stem)


def written_records(call: Invocation, stdout: str) -> list[dict[str, Any]]:
    if call.output is None:
        return [orjson.loads(line) for line in stdout.splitlines()]
    assert stdout == ""
    out = Path("../out")
    files = [p for p in out.rglob("*") if p.is_file()] if out.exists() else []
    assert all(p.suffix == ".json" and not p.name.endswith(".tmp") for p in files), files
    return [orjson.loads(p.read_bytes()) for p in files]


def failed_input(message: str, wanted: Counter[str]) -> str | None:
    """The input a stderr line names (the longest that fits), or None for a folder
    with no .txt files, which is no input of its own."""
    if message.endswith(": no .txt files in this folder"):
        return None
    names = [name for name in wanted if message.startswith(f"{shown(name)}: ")]
    assert names, f"a line names no input: {message!r}"
    return max(names, key=len)
