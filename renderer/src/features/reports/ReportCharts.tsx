import { BarController, BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartData, type ChartOptions } from 'chart.js';
import { useTranslation } from 'react-i18next';
import { Chart } from 'react-chartjs-2';
import type { Report } from '../../../../shared/reports/compute';
import { cssToken } from '../../ui/tokens';
import { monthLabel } from './tables';

// Only what the two charts draw: bars, a line with points, category and value axes, legend and tooltip.
ChartJS.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

/**
 * Okabe–Ito colours: told apart with any colour vision and, with the black outlines, on a grey-scale printout
 * too (their lightness differs). The stock line is black and dashed so it never reads as one of the bars.
 */
const SERIES = [
  { key: 'opened', colour: '--chart-opened' },
  { key: 'excluded', colour: '--chart-excluded' },
  { key: 'refused', colour: '--chart-refused' },
  { key: 'left_russia', colour: '--chart-left-russia' },
  { key: 'closed', colour: '--chart-closed' },
] as const;

const baseOptions = (ink: string, grid: string): ChartOptions<'bar'> => ({
  responsive: true,
  maintainAspectRatio: false,
  // Drawn once, at the screen's own resolution: forcing a higher one (for sharper printing) made the first
  // drawing of both charts several times slower, and the PDF export is the document meant for paper.
  animation: false,
  plugins: { legend: { position: 'bottom', labels: { color: ink } } },
  scales: {
    x: { ticks: { color: ink }, grid: { display: false } },
    y: { beginAtZero: true, ticks: { color: ink, precision: 0 }, grid: { color: grid } },
  },
});

export function ReportCharts({ report }: { report: Report }) {
  const { t } = useTranslation();
  const labels = report.months.map((m) => monthLabel(m.month));
  const ink = cssToken('--chart-ink');
  const grid = cssToken('--chart-grid');
  const flows: ChartData<'bar'> = {
    labels,
    datasets: SERIES.map((s) => ({
      label: t(`reports.col.${s.key}`),
      data: report.months.map((m) => m[s.key]),
      backgroundColor: cssToken(s.colour),
      borderColor: ink,
      borderWidth: 1,
    })),
  };
  const stock: ChartData<'bar' | 'line'> = {
    labels,
    datasets: [
      {
        type: 'line',
        label: t('reports.chart.stockLine'),
        data: report.months.map((m) => m.openAtEnd),
        borderColor: ink,
        backgroundColor: ink,
        borderDash: [6, 4],
        borderWidth: 2,
        pointRadius: 3,
      },
      {
        type: 'bar',
        label: t('reports.chart.newCases'),
        data: report.months.map((m) => m.opened),
        backgroundColor: cssToken('--chart-line'),
        borderColor: ink,
        borderWidth: 1,
      },
    ],
  };
  return (
    <div className="reports-charts">
      <figure className="reports-chart">
        <figcaption>{t('reports.chart.flows')}</figcaption>
        <div className="reports-chart__canvas">
          <Chart type="bar" data={flows} options={baseOptions(ink, grid)} role="img" aria-label={t('reports.chart.flowsAria')} fallbackContent={t('reports.chart.flowsAria')} />
        </div>
      </figure>
      <figure className="reports-chart">
        <figcaption>{t('reports.chart.stock')}</figcaption>
        <div className="reports-chart__canvas">
          <Chart type="bar" data={stock as ChartData<'bar'>} options={baseOptions(ink, grid)} role="img" aria-label={t('reports.chart.stockAria')} fallbackContent={t('reports.chart.stockAria')} />
        </div>
      </figure>
    </div>
  );
}
