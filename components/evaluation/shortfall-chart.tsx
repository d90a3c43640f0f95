"use client";
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "@/lib/format";

const SHORT = "#b91c1c";
const SURPLUS = "#1d4ed8";

/** Diverging bars: short to the right in red, spare places to the left in blue. */
export function ShortfallChart({ data }: { data: { name: string; shortfall: number }[] }) {
  return (
    <div style={{ height: data.length * 24 + 60 }} aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ left: 12, right: 24, top: 8, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={(value: number) => formatNumber(value)} />
          <YAxis type="category" dataKey="name" width={100} interval={0} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => [formatNumber(Number(value)), "Bedarf (+ fehlt, − frei)"]} />
          <ReferenceLine x={0} stroke="#334155" />
          <Bar dataKey="shortfall" isAnimationActive={false}>
            {data.map((entry) => (
              <Cell key={entry.name} fill={entry.shortfall > 0 ? SHORT : SURPLUS} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
