"""Gates: a read or a paint held on its worker, as a slow disk or a long report would hold
it, to see what the user sees meanwhile; the function called on the GUI thread fails."""

import threading

import pytest


class Gate:
    """``owner.name`` (a service's read, a report's painting) held on its worker until
    ``open()``; ``results`` what it gave back, in order."""

    def __init__(self, monkeypatch, owner, name):
        self.opened, self.entered = threading.Event(), threading.Event()
        self.results = []
        real = getattr(owner, name)

        def held(*args, **kwargs):
            if threading.current_thread() is threading.main_thread():
                raise AssertionError(f"{name} called on the GUI thread")
            self.entered.set()
            assert self.opened.wait(30), "the gate was never opened"
            self.results.append(real(*args, **kwargs))
            return self.results[-1]

        monkeypatch.setattr(owner, name, held)

    def reached(self, qtbot):
        qtbot.waitUntil(self.entered.is_set)

    def open(self):
        self.opened.set()


@pytest.fixture
def gates(monkeypatch):
    made = []

    def gate(owner, name):
        made.append(Gate(monkeypatch, owner, name))
        return made[-1]

    yield gate
    for g in made:  # a failed test leaves no worker waiting
        g.open()
