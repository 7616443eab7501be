"""Five-field cron expressions, checked when the settings load (not when a schedule fires)."""

from __future__ import annotations

import re

#: Each field's name and allowed range, in order: minute hour day-of-month month day-of-week.
FIELDS = (("minute", 0, 59), ("hour", 0, 23), ("day", 1, 31), ("month", 1, 12), ("weekday", 0, 7))
NAMES = {
    "month": "jan feb mar apr may jun jul aug sep oct nov dec".split(),
    "weekday": "sun mon tue wed thu fri sat".split(),
}
_ITEM = re.compile(r"^(\*|[0-9a-z]+(?:-[0-9a-z]+)?)(?:/([0-9]+))?$")


def _number(text: str, field: str, low: int, high: int) -> int:
    names = NAMES.get(field, [])
    if text in names:
        return names.index(text) + (1 if field == "month" else 0)
    if not text.isdigit() or not low <= int(text) <= high:
        raise ValueError(f"{field} {text!r} is not in {low}-{high}")
    return int(text)


def cron_problem(expression: str) -> str | None:
    """Why ``expression`` is not a five-field cron expression, or None when it is."""
    parts = expression.lower().split()
    if len(parts) != len(FIELDS):
        return f"five fields (minute hour day month weekday), got {len(parts)}"
    try:
        for part, (field, low, high) in zip(parts, FIELDS, strict=True):
            for item in part.split(","):
                match = _ITEM.match(item)
                if not match:
                    raise ValueError(f"{field} {item!r} is not a value, range or step")
                span, step = match.groups()
                if step is not None and int(step) == 0:
                    raise ValueError(f"{field} {item!r} has a step of 0")
                if span != "*":
                    first, _, last = span.partition("-")
                    start = _number(first, field, low, high)
                    if last and _number(last, field, low, high) < start:
                        raise ValueError(f"{field} {item!r} is an empty range")
    except ValueError as exc:
        return str(exc)
    return None
