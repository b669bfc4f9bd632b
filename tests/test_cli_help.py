"""Every command's --help ends with an example of itself, found by walking the parser
(so a command added later without one fails here)."""

import argparse

import pytest

from matchnotes.cli import build_parser, run


def commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield (*path, name)
                yield from commands(sub, (*path, name))


ALL = list(commands(build_parser()))


def test_the_walk_finds_every_command():
    names = {" ".join(c) for c in ALL}
    assert {"copy", "export", "import", "backup", "match add", "moment", "quote add"} <= names
    assert len(ALL) >= 24


@pytest.mark.parametrize("command", ALL, ids=" ".join)
def test_every_command_has_an_example_in_its_help(capsys, command):
    with pytest.raises(SystemExit) as done:
        run([*command, "--help"])
    assert done.value.code == 0
    shown = capsys.readouterr().out
    heading = "examples:" if "examples:" in shown else "example:"
    example = shown.split(heading, 1)[-1]
    assert heading in shown and f"\n  matchnotes {' '.join(command)}" in example
