import type { CountyTotals } from "../capacity/evaluation";
import { dayToDate, formatDay } from "../dates";
import { describeShortfall, formatNumber } from "../format";
import type { LageExport } from "./lage-data";
import { CHART_HEIGHT, CHART_WIDTH, COLORS, chartFrame, element, fitText, linearScale, text, textWidth, ticks, title } from "./svg";

// The charts for publication (press releases, the print report): fixed-size SVGs rendered from the
// same evaluation the tables show. Unlike the interactive /lage charts they must stand on their
// own on paper, so every bar and line end carries its number with the word ("73 fehlen"), and
// colour is never the only sign.

const TOP = 160;
const BOTTOM = 150;
const ROW_MIN = 26;
const LABEL_SIZE = 18;
const DAY_MS = 86_400_000;

/** "73 fehlen", "174 frei"; German wants the singular for one ("1 fehlt"). */
const barLabel = (shortfall: number) => (shortfall === 1 ? "1 fehlt" : describeShortfall(shortfall));

const count = (value: number, one: string, many: string) => `${formatNumber(value)} ${value === 1 ? one : many}`;

/** A row of legend entries under the subtitle; `swatch` draws the 40-pixel sample at x. */
function legend(entries: { swatch: (x: number) => string; label: string }[]): string {
  let x = 40;
  return entries
    .map(({ swatch, label }) => {
      const part = swatch(x) + text(x + 52, 141, label, { "font-size": LABEL_SIZE, fill: COLORS.text });
      x += 52 + textWidth(label, LABEL_SIZE) + 36;
      return part;
    })
    .join("");
}

/** Every municipality's Bedarf as a diverging bar: short to the right in red, spare places to the left in green. */
export function shortfallChartSvg(data: LageExport): string {
  const { evaluation } = data;
  // The task force asks first where places are missing: the largest shortfall leads.
  const rows = [...evaluation.rows].sort((a, b) => b.shortfall - a.shortfall || a.name.localeCompare(b.name, "de"));
  // 1600×900 holds 21 rows; a larger county gets a taller chart rather than unreadable bars.
  const height = Math.max(CHART_HEIGHT, TOP + BOTTOM + rows.length * ROW_MIN);
  const rowHeight = (height - TOP - BOTTOM) / Math.max(rows.length, 1);
  const plotBottom = TOP + rows.length * rowHeight;

  const nameRight = 40 + Math.min(Math.max(...rows.map((row) => textWidth(row.name, LABEL_SIZE)), 140), 380);
  const maxShort = Math.max(0, ...rows.map((row) => row.shortfall));
  const maxSpare = Math.max(0, ...rows.map((row) => -row.shortfall));
  // Room beside the bars for the longest value label ("1.234 fehlen").
  const labelSpace = textWidth(`${formatNumber(Math.max(maxShort, maxSpare, 1))} fehlen`, LABEL_SIZE) + 16;
  const barLeft = nameRight + 24 + (maxSpare > 0 ? labelSpace : 0);
  const barRight = CHART_WIDTH - 40 - labelSpace;
  const x = linearScale([-maxSpare, maxShort || (maxSpare ? 0 : 1)], [barLeft, barRight]);

  const short = rows.filter((row) => row.shortfall > 0);
  const spare = rows.filter((row) => row.shortfall < 0);
  const parts: string[] = [
    legend([
      {
        swatch: (at) => element("rect", { x: at, y: 123, width: 40, height: 22, fill: COLORS.short }),
        label: `Plätze fehlen: ${count(short.length, "Kommune", "Kommunen")}, zusammen ${formatNumber(evaluation.totals.grossShortfall)}`,
      },
      {
        swatch: (at) => element("rect", { x: at, y: 123, width: 40, height: 22, fill: COLORS.spare }),
        label: `Plätze frei: ${count(spare.length, "Kommune", "Kommunen")}, zusammen ${formatNumber(spare.reduce((sum, row) => sum - row.shortfall, 0))}`,
      },
    ]),
  ];

  // Every other row shaded, so a name is easy to follow to its bar.
  rows.forEach((_, index) => {
    if (index % 2 === 0) return;
    parts.push(element("rect", { x: 40, y: TOP + index * rowHeight, width: CHART_WIDTH - 80, height: rowHeight, fill: COLORS.zebra }));
  });
  for (const tick of ticks(-maxSpare, maxShort, 8)) {
    parts.push(element("line", { x1: x(tick), y1: TOP, x2: x(tick), y2: plotBottom, stroke: COLORS.grid, "stroke-width": 1 }));
    parts.push(
      text(x(tick), plotBottom + 26, formatNumber(Math.abs(tick)), { "font-size": 16, fill: COLORS.muted, "text-anchor": "middle" }),
    );
  }
  const direction = { "font-size": LABEL_SIZE, "font-weight": "bold" };
  if (maxSpare > 0) parts.push(text(barLeft, plotBottom + 54, "← Plätze frei", { ...direction, fill: COLORS.spareText }));
  if (maxShort > 0) {
    parts.push(text(barRight, plotBottom + 54, "Plätze fehlen →", { ...direction, fill: COLORS.shortText, "text-anchor": "end" }));
  }

  rows.forEach((row, index) => {
    const middle = TOP + (index + 0.5) * rowHeight;
    const baseline = middle + LABEL_SIZE * 0.35;
    const barHeight = Math.min(rowHeight * 0.64, 26);
    const value = row.shortfall;
    const label = barLabel(value);
    parts.push(`<g>${title(`${row.name}: ${label}`)}`);
    parts.push(
      text(nameRight, baseline, fitText(row.name, LABEL_SIZE, nameRight - 40), {
        "font-size": LABEL_SIZE,
        fill: COLORS.text,
        "text-anchor": "end",
      }),
    );
    if (value !== 0) {
      const from = x(Math.min(0, value));
      const width = Math.max(x(Math.max(0, value)) - from, 2);
      parts.push(
        element("rect", { x: from, y: middle - barHeight / 2, width, height: barHeight, fill: value > 0 ? COLORS.short : COLORS.spare }),
      );
    }
    const [labelX, anchor, fill] =
      value > 0
        ? [x(value) + 8, "start", COLORS.shortText]
        : value < 0
          ? [x(value) - 8, "end", COLORS.spareText]
          : [x(0) + 8, "start", COLORS.muted];
    parts.push(text(labelX, baseline, label, { "font-size": LABEL_SIZE, "font-weight": "bold", fill, "text-anchor": anchor }), "</g>");
  });
  parts.push(element("line", { x1: x(0), y1: TOP - 6, x2: x(0), y2: plotBottom + 6, stroke: COLORS.axis, "stroke-width": 2 }));

  return chartFrame({
    id: "bedarf",
    height,
    title: "Fehlender Wohnraum je Kommune",
    subtitle: `${data.countyName}, Stand ${formatDay(data.stand)}`,
    note: "Bedarf: noch aufzunehmende Personen (Aufnahmequote) minus verfügbare und in Aussicht stehende Plätze der Kommune.",
    description:
      `Balkendiagramm, ${count(rows.length, "Kommune", "Kommunen")}. ` +
      rows.map((row) => `${row.name}: ${barLabel(row.shortfall)}`).join("; ") +
      ".",
    countyName: data.countyName,
    stand: data.stand,
    isDemo: data.isDemo,
    body: parts.join(""),
  });
}

type TrendPoint = { asOf: string } & CountyTotals;

const TREND_SERIES: {
  key: "placesNeeded" | "totalAvailability" | "missingPlaces";
  legend: string;
  color: string;
  dash?: string;
  end: (value: number) => string;
}[] = [
  { key: "placesNeeded", legend: "Benötigter Wohnraum", color: COLORS.short, end: (value) => `${formatNumber(value)} benötigt` },
  {
    key: "totalAvailability",
    legend: "Plätze (verfügbar und in Aussicht)",
    color: COLORS.available,
    end: (value) => `${formatNumber(value)} Plätze`,
  },
  {
    key: "missingPlaces",
    legend: "Fehlend netto (unter 0: frei)",
    color: COLORS.net,
    dash: "12 8",
    end: (value) => `netto ${describeShortfall(value)}`,
  },
];

/** The county totals at each reporting date of data.history, up to the Stand. */
export function trendChartSvg(data: LageExport): string {
  const points: TrendPoint[] = [...data.history];
  // The Stand's totals are those of its last reporting date; the lines reach the Stand itself.
  if (points.length > 0 && points.at(-1)!.asOf < data.stand) points.push({ asOf: data.stand, ...data.evaluation.totals });
  const first = points[0]?.asOf ?? data.stand;
  const [left, right, top, bottom] = [130, CHART_WIDTH - 280, TOP + 20, CHART_HEIGHT - 160];
  const parts: string[] = [
    legend(
      TREND_SERIES.map((series) => ({
        swatch: (at) =>
          element("line", {
            x1: at,
            y1: 134,
            x2: at + 40,
            y2: 134,
            stroke: series.color,
            "stroke-width": 4,
            "stroke-dasharray": series.dash,
          }),
        label: series.legend,
      })),
    ),
  ];

  const description =
    points.length === 0
      ? "Für die zwölf Monate vor dem Stand liegen keine Meldungen vor."
      : `Liniendiagramm vom ${formatDay(first)} bis ${formatDay(data.stand)}. ` +
        points
          .map(
            (point) =>
              `${formatDay(point.asOf)}: ${formatNumber(point.placesNeeded)} benötigt, ${formatNumber(point.totalAvailability)} Plätze, netto ${describeShortfall(point.missingPlaces)}`,
          )
          .join("; ") +
        ".";

  if (points.length === 0) {
    parts.push(text(CHART_WIDTH / 2, (top + bottom) / 2, description, { "font-size": 24, fill: COLORS.muted, "text-anchor": "middle" }));
  } else {
    const time = (day: string) => dayToDate(day).getTime();
    const x = first === data.stand ? () => (left + right) / 2 : linearScale([time(first), time(data.stand)], [left, right]);
    const values = points.flatMap((point) => TREND_SERIES.map((series) => point[series.key]));
    const yTicks = ticks(Math.min(0, ...values), Math.max(1, ...values), 6, true);
    const y = linearScale([yTicks[0]!, yTicks.at(-1)!], [bottom, top]);

    for (const tick of yTicks) {
      parts.push(
        element("line", {
          x1: left,
          y1: y(tick),
          x2: right,
          y2: y(tick),
          stroke: tick === 0 ? COLORS.axis : COLORS.grid,
          "stroke-width": tick === 0 ? 2 : 1,
        }),
      );
      parts.push(text(left - 12, y(tick) + 6, formatNumber(tick), { "font-size": 16, fill: COLORS.muted, "text-anchor": "end" }));
    }
    for (const day of axisDays(points.map((point) => point.asOf))) {
      parts.push(
        element("line", { x1: x(time(day)), y1: bottom, x2: x(time(day)), y2: bottom + 8, stroke: COLORS.axis, "stroke-width": 2 }),
      );
      parts.push(text(x(time(day)), bottom + 30, formatDay(day), { "font-size": 16, fill: COLORS.muted, "text-anchor": "middle" }));
    }
    parts.push(element("line", { x1: left, y1: bottom, x2: right, y2: bottom, stroke: COLORS.axis, "stroke-width": 2 }));
    parts.push(
      text((left + right) / 2, bottom + 62, "Meldedatum", { "font-size": LABEL_SIZE, fill: COLORS.text, "text-anchor": "middle" }),
    );
    const middle = (top + bottom) / 2;
    parts.push(
      text(0, 0, "Personen bzw. Plätze", {
        "font-size": LABEL_SIZE,
        fill: COLORS.text,
        "text-anchor": "middle",
        transform: `translate(44 ${middle}) rotate(-90)`,
      }),
    );

    for (const series of TREND_SERIES) {
      const d = points
        .map((point, index) => `${index === 0 ? "M" : "L"}${x(time(point.asOf)).toFixed(1)} ${y(point[series.key]).toFixed(1)}`)
        .join(" ");
      parts.push(
        element("path", {
          d,
          fill: "none",
          stroke: series.color,
          "stroke-width": 4,
          "stroke-dasharray": series.dash,
          "stroke-linejoin": "round",
        }),
      );
      // Dots show where reports were made; with many dates they would merge into a thick line.
      const dots = points.length <= 60 ? points : [];
      for (const point of dots)
        parts.push(element("circle", { cx: x(time(point.asOf)), cy: y(point[series.key]), r: 5, fill: series.color }));
    }
    // Each line ends with its latest value in words, pushed apart where lines end close together.
    const last = points.at(-1)!;
    const ends = TREND_SERIES.map((series) => ({ series, at: y(last[series.key]) })).sort((a, b) => a.at - b.at);
    ends.forEach((end, index) => {
      if (index > 0) end.at = Math.max(end.at, ends[index - 1]!.at + 26);
    });
    for (const { series, at } of ends) {
      parts.push(
        text(right + 16, at + 6, series.end(last[series.key]), { "font-size": LABEL_SIZE, "font-weight": "bold", fill: series.color }),
      );
    }
  }

  return chartFrame({
    id: "verlauf",
    height: CHART_HEIGHT,
    title: "Benötigter und verfügbarer Wohnraum",
    subtitle: `${data.countyName}, Summen an jedem Meldedatum vom ${formatDay(first)} bis Stand ${formatDay(data.stand)}`,
    note: "Benötigter Wohnraum: noch aufzunehmende Personen. Fehlend netto: benötigter Wohnraum minus Plätze; unter 0 sind Plätze frei.",
    description,
    countyName: data.countyName,
    stand: data.stand,
    isDemo: data.isDemo,
    body: parts.join(""),
  });
}

/** Dates for the time axis: every reporting date if they are few and apart, else seven evenly spaced days. */
function axisDays(days: string[]): string[] {
  const start = dayToDate(days[0]!).getTime();
  const span = dayToDate(days.at(-1)!).getTime() - start;
  const apart = days.every((day, index) => index === 0 || dayToDate(day).getTime() - dayToDate(days[index - 1]!).getTime() >= span / 8);
  if (days.length <= 7 && apart) return days;
  return Array.from({ length: 7 }, (_, index) =>
    new Date(start + Math.round((span * index) / 6 / DAY_MS) * DAY_MS).toISOString().slice(0, 10),
  );
}
