"use client";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDay } from "@/lib/dates";
import { formatNumber } from "@/lib/format";

export interface TrendSeries {
  key: string;
  label: string;
  color: string;
  dashed?: boolean;
  /** Another dash pattern than `dashed`'s, e.g. for an estimate beside "In Aussicht". */
  dash?: string;
}

/** Lines over time; the same numbers are available as a table next to it. */
export function TrendChart({
  data,
  series,
  height = 320,
}: {
  data: Record<string, number | string | null>[];
  series: TrendSeries[];
  height?: number;
}) {
  return (
    <div style={{ height }} aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={data} margin={{ left: 8, right: 24, top: 8, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="asOf" tickFormatter={(value: string) => formatDay(value).slice(0, 6)} />
          <YAxis tickFormatter={(value: number) => formatNumber(value)} />
          <Tooltip
            labelFormatter={(value) => (typeof value === "string" ? formatDay(value) : "")}
            formatter={(value, name) => [formatNumber(Number(value)), name]}
          />
          <Legend />
          {series.map((line) => (
            <Line
              key={line.key}
              dataKey={line.key}
              name={line.label}
              stroke={line.color}
              strokeWidth={2}
              strokeDasharray={line.dash ?? (line.dashed ? "6 4" : undefined)}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
