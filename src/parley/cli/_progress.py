"""Progress of long commands (``analyze``, ``ingest``) on standard error.

On a terminal: a live Rich bar with the count, the rate (articles/s) and the time remaining.
When standard error is not a terminal (piped, redirected, in CI): no animation, and one summary
line at the end (count, time, rate, outcome counts). Standard output stays clean for JSON.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    """Articles per second since the bar started (steadier than Rich's windowed speed)."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:5.1f} articles/s", style="progress.data.speed")


class Tracker:
    """Counts outcomes, drives the bar, and writes the summary line when not on a terminal."""

    def __init__(self, console: Console, verb: str, *, live: bool) -> None:
        self.console = console
        self.verb = verb
        self.counts: Counter[str] = Counter()
        self.started = time.perf_counter()
        self._progress: Progress | None = None
        if live:
            self._progress = Progress(
                TextColumn(f"[bold]{verb}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[counts]}"),
                RateColumn(),
                TimeElapsedColumn(),
                TextColumn("eta"),
                TimeRemainingColumn(),
                console=console,
                transient=False,
            )
            self._task = self._progress.add_task(verb, total=None, counts="")

    def total(self, n: int) -> None:
        if self._progress is not None:
            self._progress.update(self._task, total=n)

    def advance(self, outcome: str) -> None:
        self.counts[outcome] += 1
        if self._progress is not None:
            self._progress.update(self._task, advance=1, counts=self.describe())

    def describe(self) -> str:
        return " · ".join(f"{k} {v}" for k, v in self.counts.items() if v)

    def timing(self) -> str:
        """``"12.3 s, 4.5 articles/s"`` since the tracker started."""
        seconds = time.perf_counter() - self.started
        n = sum(self.counts.values())
        rate = n / seconds if seconds > 0 else 0.0
        return f"{seconds:.1f} s, {rate:.1f} articles/s"

    def summary(self) -> str:
        n = sum(self.counts.values())
        parts = f" ({self.describe()})" if self.counts else ""
        return f"{self.verb}: {n} article(s) in {self.timing()}{parts}"


@contextmanager
def progress(
    console: Console, verb: str, *, quiet: bool = False, summary: bool = True
) -> Iterator[Tracker]:
    """A :class:`Tracker`: live on a terminal, else a one-line summary at the end.

    ``quiet`` turns both off; ``summary=False`` leaves the summary line to the caller.
    """
    live = console.is_terminal and not quiet
    tracker = Tracker(console, verb, live=live)
    if tracker._progress is not None:
        with tracker._progress:
            yield tracker
        return
    yield tracker
    if summary and not quiet and not console.is_terminal:
        console.print(tracker.summary(), highlight=False, soft_wrap=True)
