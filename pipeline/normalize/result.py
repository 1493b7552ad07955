"""The one result type every normaliser returns.

A normaliser never raises on bad text: it returns ``Parsed(value=None, raw=..., reason=...)`` where ``reason``
is a short English sentence a person can read in a findings report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Parsed(Generic[T]):
    value: T | None
    raw: str
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.value is not None


def refuse(raw: object, reason: str) -> Parsed:
    """A refusal; ``raw`` is kept as given (coerced to ``str`` for non-string input)."""
    return Parsed(None, raw if isinstance(raw, str) else repr(raw), reason)
