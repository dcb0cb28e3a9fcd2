"""A loaded session's objects are left out of the garbage collector's full passes.

A big session is hundreds of thousands of objects (models, their strings and lists)
that live as long as its screen. CPython's cycle collector walks every one of them in
each full pass, which comes every so many thousand allocations: 100 to 180 ms with
2,000 events and 5,000 quotes, landing on whatever key was being answered. Reference
counting frees the session's objects when they are replaced, so they need no cycle
collection while the screen lives: once loaded, they go to the collector's permanent
generation (`gc.freeze`). When the screen goes they are given back to the collector,
so nothing of a closed session stays behind.

While a session is read and its screen built, the collector is held off altogether
(`hold`): its full passes then walked everything read so far, 100 to 200 ms each on a
big session, for the few hundred objects the reading leaves in cycles.

The same goes for the start: the app's command holds the collector before it imports
Textual (`hold`, from cli.py), so the imports and the first frame do not pay for passes
over the hundred thousand objects they make and keep (some 130 passes, about a sixth
of the time to the first frame); the first screen settles or releases it."""

from __future__ import annotations

import gc

_frozen = False  # the collector has the settled session's objects frozen
_given_back = False  # objects were unfrozen since the last settle: collect before freezing


def hold() -> None:
    """A session is about to be read: no collection until `settle` or `release`."""
    gc.disable()


def release() -> None:
    """No session came of it (the file was refused, the app ends): collect as usual."""
    gc.enable()


def settle() -> None:
    """Call once a session is loaded and its screen built."""
    global _frozen, _given_back
    give_back()
    if _given_back:
        gc.collect()  # what is left of the earlier session, before it would be frozen too
    gc.freeze()
    gc.enable()
    _frozen, _given_back = True, False


def settle_more() -> None:
    """Call when the panes built after the first frame are all there: their widgets
    live as long as the screen too, and a full pass over them landed on a key
    (38 to 103 ms on a big session). No collection first: that would be the pause."""
    if _frozen:
        gc.freeze()


def give_back() -> None:
    """The session's screen is gone: its objects are the collector's again."""
    global _frozen, _given_back
    if _frozen:
        gc.unfreeze()
        _frozen, _given_back = False, True
