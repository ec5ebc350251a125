import type { Chart, ChartConfiguration } from 'chart.js';
import { useEffect, useRef, type ReactNode } from 'react';

let loading: Promise<typeof Chart> | undefined;

/** Chart.js is loaded on first use, so pages without charts do not download it. */
function loadChart(): Promise<typeof Chart> {
  loading ??= import('chart.js').then((m) => {
    // Registering only what the dashboard draws keeps the chunk small.
    m.Chart.register(m.BarController, m.BarElement, m.CategoryScale, m.LinearScale, m.DoughnutController, m.ArcElement, m.Legend, m.Tooltip);
    return m.Chart;
  });
  return loading;
}

interface ChartCanvasProps {
  config: ChartConfiguration;
  /** A one-sentence description announced in place of the picture. */
  label: string;
  /** The same figures as text (a visually hidden table), for screen readers and for copying. */
  children: ReactNode;
}

/** A chart drawn on canvas (allowed by the style policy: Chart.js sizes it through the CSSOM). */
export function ChartCanvas({ config, label, children }: ChartCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let chart: Chart | undefined;
    let cancelled = false;
    void loadChart().then((ChartClass) => {
      if (!cancelled && canvas.current) chart = new ChartClass(canvas.current, config);
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [config]);
  return (
    <figure className="chart">
      <div className="chart-area">
        <canvas ref={canvas} role="img" aria-label={label} />
      </div>
      <figcaption className="visually-hidden">{children}</figcaption>
    </figure>
  );
}
