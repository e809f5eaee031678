"""The dashboard's plotly figures: the timeline, quotes per speaker, the country matrix, and
the app's look (one palette for every page). Pure functions of the frames in
``core.views_frames``; no streamlit.
"""
from __future__ import annotations

import html
import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from core.table import EVENT_TYPES
from core.views_frames import (DENSE, MAX_MARKS, PERIODS, aggregate_marks, grouping, timeline_frame)

# One palette for the whole app (Okabe-Ito and Tableau tones: distinct, print- and colour-blind-safe).
EVENT_COLOURS: dict[str, str] = {
    "talks": "#0072B2", "meeting": "#56B4E9", "visit": "#009E73", "call": "#7FB8A4",
    "statement": "#7F7F7F", "agreement": "#2CA02C", "proposal": "#BCBD22", "demand": "#E69F00",
    "rejection": "#D55E00", "accusation": "#CC79A7", "threat": "#B2182B", "sanction": "#6A3D9A",
    "other": "#B0B0B0",
}


def _hover(s: str, width: int = 70) -> str:
    """Text for a plotly hover label: escaped (plotly reads tags) and wrapped."""
    return "<br>".join(html.escape(line) for line in textwrap.wrap(s, width)[:4]) if s else ""


def _lane_order(frame: pd.DataFrame) -> list[str]:
    """Lanes by their first event; the folded "Other (n)" lane last."""
    first = frame.groupby("lane")["start"].min().sort_values()
    return sorted(first.index, key=lambda ln: str(ln).startswith("Other ("))


def _spread(frame: pd.DataFrame, keys: list[str], lane_y: dict) -> tuple[pd.Series, float]:
    """y positions: each lane's number, marks that share a lane and a date spread around it so
    that none hides another. Returns the positions and the spacing used."""
    rank = frame.groupby(keys, sort=False).cumcount()
    size = frame.groupby(keys, sort=False)["lane"].transform("size")
    step = min(0.22, 0.8 / max(1, int(size.max())))
    return frame["lane"].map(lane_y) + (rank - (size - 1) / 2) * step, step


def timeline_figure(table: pd.DataFrame, lane_by: str = "country", dense: int = DENSE,
                    span: tuple | None = None) -> go.Figure:
    """The timeline: day-precise events as markers, longer ones as bars over their range, one lane
    per country / actor / event type, coloured by event type; planned events hollow (points) or
    hatched (bars), cancelled ones crossed. Marks on the same lane and day are spread apart. Each
    mark's customdata[0] is its event_id; when the view is grouped per period (layout.meta
    {"grouped": freq}) each mark's customdata is [lane, events, types] and ``selection_keys``
    turns a selected mark into "agg|lane|start|end|*": every event of that lane in that period.
    ``span`` (first day, last day): the part of the time axis shown at first (``main_span``); the
    marks outside it are still in the figure, a zoom out or the autoscale button away."""
    frame = timeline_frame(table, lane_by, labels=len(table) <= dense)
    fig = go.Figure()
    if frame.empty:
        fig.update_layout(height=200, annotations=[dict(text="No dated events to show", showarrow=False,
                                                        xref="paper", yref="paper", x=0.5, y=0.5)],
                          xaxis=dict(visible=False), yaxis=dict(visible=False))
        return style(fig)
    order = _lane_order(frame)
    if span is not None:          # lanes with no mark in the span shown first go below the others
        lo, hi = pd.Timestamp(span[0]), pd.Timestamp(span[1]) + pd.Timedelta(days=1)
        inside = set(frame.loc[(frame["start"] < hi) & (frame["end"] > lo), "lane"])
        order = [ln for ln in order if ln in inside] + [ln for ln in order if ln not in inside]
    lane_y = {lane: len(order) - 1 - i for i, lane in enumerate(order)}     # first lane on top
    aggregate = len(frame) > dense
    lane_px = 56
    note = ""
    if not aggregate and len(frame) and (frame["when"] == "").all():   # few marks after all: label them
        frame = timeline_frame(table, lane_by)
    if aggregate:
        freq = grouping(frame, MAX_MARKS)
        agg = aggregate_marks(frame, freq)
        agg["y"] = agg["lane"].map(lane_y).astype(np.float32)
        unit, when = PERIODS[freq]
        # the busiest period gets the biggest mark that still leaves its neighbours apart
        biggest = max(9.0, min(26.0, 1500 / max(1, agg["start"].nunique())))
        n_max = max(1, int(agg["n"].max()))
        lane_html = {ln: html.escape(ln) for ln in order}
        for et in [t for t in EVENT_TYPES if t in set(agg["event_type"])]:
            a = agg[agg["event_type"] == et]
            # compact: [lane, n, types]; the selected period is read back from x (selection_keys)
            custom = np.empty((len(a), 3), dtype=object)
            custom[:, 0] = [lane_html[x] for x in a["lane"]]
            custom[:, 1], custom[:, 2] = a["n"].to_numpy(), a["detail"].to_numpy()
            size = 3 + (biggest - 3) * np.sqrt(a["n"].to_numpy() / n_max)
            fig.add_trace(go.Scatter(
                x=np.datetime_as_string(a["start"].to_numpy(), "D").tolist(), y=a["y"].to_numpy(),
                mode="markers", name=et, legendgroup=et,
                marker=dict(color=EVENT_COLOURS[et], size=size.round(1).astype(np.float32),
                            opacity=0.75, line=dict(width=0.5, color="white")),
                customdata=custom,
                hovertemplate=(f"<b>%{{customdata[1]}} events</b> {when}"
                               "<br>%{customdata[0]}<br>mostly %{customdata[2]}<extra></extra>")))
        fig.update_layout(meta={"grouped": freq})
        fig.update_layout(legend=dict(itemsizing="constant"))
        note = f"{len(frame):,} marks, grouped per {unit}: the bigger, the more events"
    else:
        pts = frame["kind"] == "point"
        frame["y"] = 0.0
        step_p = step_r = 0.5
        if pts.any():
            frame.loc[pts, "y"], step_p = _spread(frame[pts], ["lane", "start"], lane_y)
        if (~pts).any():
            frame.loc[~pts, "y"], step_r = _spread(frame[~pts], ["lane"], lane_y)
        stack = round(0.8 / min(step_p, step_r))            # most marks sharing one lane and day
        lane_px = max(56, min(120, 8 * stack))
        size = max(7, min(13, step_p * lane_px * 0.9))
        for et in [t for t in EVENT_TYPES if t in set(frame["event_type"])]:
            colour = EVENT_COLOURS[et]
            for kind in ("range", "point"):
                for status in ("occurred", "planned", "cancelled"):
                    sub = frame[(frame["event_type"] == et) & (frame["kind"] == kind) & (frame["status"] == status)]
                    if sub.empty:
                        continue
                    custom = list(zip(sub["event_id"], [_hover(s) for s in sub["summary"]], sub["when"],
                                      [html.escape(t) if t else "from context" for t in sub["date_text"]],
                                      [html.escape(s) for s in sub["source"]], sub["status"],
                                      [html.escape(x) for x in sub["lane"]]))
                    tmpl = ("<b>%{customdata[1]}</b><br>%{customdata[2]} (%{customdata[3]})"
                            "<br>" + et + ", %{customdata[5]} · %{customdata[6]}"
                            "<br>Source: %{customdata[4]}<extra></extra>")
                    name = et if status == "occurred" else f"{et} ({status})"
                    if kind == "range":
                        fig.add_trace(go.Bar(
                            base=sub["start"], x=((sub["end"] - sub["start"]).dt.total_seconds() * 1000).tolist(),
                            y=sub["y"].tolist(), orientation="h", name=name, legendgroup=et, showlegend=False,
                            marker=dict(color=colour, opacity=0.35 if status != "occurred" else 0.75,
                                        line=dict(color=colour, width=1.5),
                                        pattern=dict(shape="/" if status == "planned" else
                                                     ("x" if status == "cancelled" else ""),
                                                     fgcolor=colour)),
                            width=min(0.5, step_r * 0.9), customdata=custom, hovertemplate=tmpl))
                    else:
                        symbol = {"occurred": "circle", "planned": "circle-open",
                                  "cancelled": "x-thin-open"}[status]
                        fig.add_trace(go.Scatter(
                            x=sub["start"], y=sub["y"].tolist(), mode="markers", name=name, legendgroup=et,
                            showlegend=False,
                            marker=dict(color=colour, size=size, symbol=symbol,
                                        line=dict(width=2.5 if status != "occurred" else 1,
                                                  color=colour if status != "occurred" else "white")),
                            customdata=custom, hovertemplate=tmpl))
            # one legend entry per event type, whatever its marks
            fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=et, legendgroup=et,
                                     marker=dict(color=colour, size=11, symbol="square"),
                                     hoverinfo="skip", showlegend=True))
        fig.update_xaxes(range=date_axis_range(frame["start"].min(), frame["end"].max()))
    if span is not None:
        fig.update_xaxes(range=date_axis_range(pd.Timestamp(span[0]), pd.Timestamp(span[1]) + pd.Timedelta(days=1)))
    fig.update_layout(barmode="overlay", height=max(260, lane_px * len(order) + 150))
    fig.update_yaxes(tickvals=[lane_y[x] for x in order], ticktext=order, range=[-0.6, len(order) - 0.4],
                     showgrid=True, gridcolor="#eef1f4", zeroline=False, title=None, fixedrange=True)
    fig.update_xaxes(type="date", title=None, showgrid=True, tickformat="%-d %b\n%Y",
                     tickformatstops=[dict(dtickrange=[None, 86_400_000], value="%-d %b\n%Y"),
                                      dict(dtickrange=[86_400_000, 604_800_000], value="%-d %b\n%Y"),
                                      dict(dtickrange=[604_800_000, "M1"], value="%-d %b\n%Y"),
                                      dict(dtickrange=["M1", "M12"], value="%b\n%Y"),
                                      dict(dtickrange=["M12", None], value="%Y")])
    if note:
        fig.update_xaxes(title=dict(text=note, font=dict(size=12, color="#57606a")))
    return style(fig)


def date_axis_range(lo, hi) -> list:
    """An x range around [lo, hi] that is never zoomed in to hours (one day would show
    millisecond ticks)."""
    pad = max(pd.Timedelta(days=3), (hi - lo) * 0.04)
    return [lo - pad, hi + pad]


def speaker_figure(per: pd.DataFrame) -> go.Figure:
    """Quotes per speaker over time (quotes_per_speaker's frame): one marker per speaker and
    period, sized by the number of quotes."""
    fig = go.Figure(go.Scatter(
        x=per["period"], y=per["speaker"], mode="markers",
        marker=dict(size=per["quotes"] ** 0.5 * 9 + 6, color=EVENT_COLOURS["statement"], opacity=0.8),
        customdata=per["quotes"], hovertemplate="%{y}: %{customdata} quotes, %{x|%d %b %Y}<extra></extra>"))
    fig.update_layout(height=max(220, 40 * per["speaker"].nunique() + 120))
    fig.update_xaxes(range=date_axis_range(per["period"].min(), per["period"].max()))
    fig.update_yaxes(categoryorder="total ascending")
    return style(fig)


# plotly_white's look, set directly: a named template is deep-copied into every figure (~30 ms
# each) and sent with it (~7 KB of JSON); these few properties are what the charts use of it
COLORWAY = ["#636efa", "#EF553B", "#00cc96", "#ab63fa", "#FFA15A", "#19d3f3", "#FF6692", "#B6E880", "#FF97FF",
            "#FECB52"]
AXIS_LOOK = {"gridcolor": "#EBF0F8", "linecolor": "#EBF0F8", "zerolinecolor": "#EBF0F8", "ticks": "",
             "automargin": True}


def style(fig: go.Figure) -> go.Figure:
    """The app's look: white, light grid, legend on top, hover labels left-aligned."""
    fig.update_layout(template="none", paper_bgcolor="white", plot_bgcolor="white", colorway=COLORWAY,
                      hovermode="closest", margin=dict(l=10, r=10, t=40, b=10),
                      legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0,
                                  title=None),
                      hoverlabel=dict(align="left"),
                      font=dict(family="Source Sans 3, Helvetica, Arial, sans-serif", color="#2a3f5f"))
    for axis in (fig.layout.xaxis, fig.layout.yaxis):
        for k, v in AXIS_LOOK.items():
            if axis[k] is None:                # what the figure set itself stays
                axis[k] = v
    return fig


def matrix_figure(matrix: pd.DataFrame) -> go.Figure:
    from core.places import country_name

    names = [f"{country_name(c)} ({c})" for c in matrix.index]
    z = matrix.to_numpy().astype(float)
    for i in range(len(z)):
        z[i][i] = float("nan")          # the diagonal is a total, not a pair: left blank
    fig = go.Figure(go.Heatmap(z=z, x=names, y=names, colorscale="Blues", hoverongaps=False,
                               text=matrix.to_numpy(), texttemplate="%{text}",
                               hovertemplate="%{y} and %{x}: %{z} events<extra></extra>",
                               showscale=False))
    fig.update_layout(height=max(300, 34 * len(names) + 140))
    fig.update_yaxes(autorange="reversed")
    return style(fig)
