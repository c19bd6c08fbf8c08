"""Geometry of the requests-per-day bar chart, drawn as inline SVG by the report template."""

from dataclasses import dataclass
from datetime import date
from math import ceil

from booking.report import Tally

WIDTH = 720
HEIGHT = 240
LEFT = 36  # room for the scale's numbers
BOTTOM = 24  # room for the dates
TOP = 8
MAX_DATE_LABELS = 10


@dataclass(frozen=True)
class Bar:
    day: date
    requests: int
    within_promise: int
    x: float
    width: float
    y: float
    height: float
    within_y: float
    within_height: float
    label_x: float
    show_label: bool


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    baseline: int
    top: int
    scale_max: int
    bars: list[Bar]


def bar_chart(days: list[tuple[date, Tally]]) -> Chart:
    plot_height = HEIGHT - BOTTOM - TOP
    baseline = HEIGHT - BOTTOM
    scale_max = max([tally.requests for _day, tally in days] + [1])
    slot = (WIDTH - LEFT) / max(len(days), 1)
    gap = min(slot * 0.2, 4)
    label_every = ceil(len(days) / MAX_DATE_LABELS) or 1
    bars = []
    for index, (day, tally) in enumerate(days):
        height = plot_height * tally.requests / scale_max
        within_height = plot_height * tally.within_promise / scale_max
        x = LEFT + index * slot + gap / 2
        bars.append(
            Bar(
                day=day,
                requests=tally.requests,
                within_promise=tally.within_promise,
                x=round(x, 2),
                width=round(slot - gap, 2),
                y=round(baseline - height, 2),
                height=round(height, 2),
                within_y=round(baseline - within_height, 2),
                within_height=round(within_height, 2),
                label_x=round(x + (slot - gap) / 2, 2),
                show_label=index % label_every == 0,
            )
        )
    return Chart(
        width=WIDTH, height=HEIGHT, left=LEFT, baseline=baseline, top=TOP, scale_max=scale_max, bars=bars
    )
