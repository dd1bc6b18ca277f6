"""Charts for the analytics page as static SVG files (pygal), loaded with <img>: no script runs,
nothing is fetched from another host."""
from __future__ import annotations

import re
from collections.abc import Sequence

import pygal
from pygal.style import Style

from ..load.characters import visible

_STYLE = Style(background="white", plot_background="white", font_family="sans-serif",
               colors=("#3f51b5", "#e8710a", "#1e8e3e", "#d93025"))
_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)


def _render(chart: pygal.graph.graph.Graph) -> str:
    # pygal embeds its tooltip configuration as a script; without pygal.js it is dead weight.
    return _SCRIPT.sub("", chart.render(is_unicode=True))


def bar_chart(title: str, values: Sequence[tuple[str, float]], unit: str = "", horizontal: bool = True) -> str:
    kind = pygal.HorizontalBar if horizontal else pygal.Bar
    # pygal escapes markup but writes control characters as they are, which no SVG viewer reads.
    title = visible(title)
    chart = kind(js=[], style=_STYLE, show_legend=False, title=title, print_values=True,
                 value_formatter=lambda v: f"{v:g}{unit}", height=max(240, 40 * len(values) + 120), width=760)
    chart.x_labels = [visible(label) for label, _ in values]
    chart.add(title, [value for _, value in values])
    return _render(chart)
