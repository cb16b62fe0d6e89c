"""See what persnews found: articles with their entities and quotes, corpus reports, plots.

:func:`render` draws one article right-to-left with displaCy (entities coloured by label,
quotes with their cue and their speaker named by the resolved entity, nested quotes stacked);
:func:`write_report` writes a standalone HTML report for a corpus; :mod:`persnews.visualize.plots`
makes matplotlib figures whose Persian labels are shaped and ordered correctly.

>>> from persnews.visualize import STYLES
>>> STYLES
('ents', 'quotes', 'both')
"""

from __future__ import annotations

from persnews.visualize._render import STYLES, RenderedHTML, render, writing_direction
from persnews.visualize.report import write_report

__all__ = ["STYLES", "RenderedHTML", "render", "write_report", "writing_direction"]
