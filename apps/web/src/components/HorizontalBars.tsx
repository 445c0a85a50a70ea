// A horizontal bar chart of named rows (departments, topics, people): names on the left, whole numbers along the
// bottom. It grows with its rows so every name stays readable; the caller gives the bars themselves.
import type { ReactNode } from 'react';
import { BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export function HorizontalBars(props: {
  readonly data: readonly { readonly name: string }[];
  /** The height with no rows and the height each row adds. */
  readonly base: { readonly min: number; readonly perRow: number; readonly extra: number };
  readonly marginLeft: number;
  readonly legend?: boolean;
  /** Show every name even when they crowd (a chart of few, known rows). */
  readonly everyName?: boolean;
  readonly children: ReactNode;
}) {
  const { base } = props;
  return (
    <ResponsiveContainer width="100%" height={Math.max(base.min, props.data.length * base.perRow + base.extra)}>
      <BarChart data={[...props.data]} layout="vertical" margin={{ left: props.marginLeft, right: 16 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="name" width={180} {...(props.everyName ? { interval: 0 } : {})} />
        <Tooltip />
        {props.legend && <Legend />}
        {props.children}
      </BarChart>
    </ResponsiveContainer>
  );
}
