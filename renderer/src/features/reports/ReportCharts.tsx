import { BarController, BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartData, type ChartOptions } from 'chart.js';
import { useTranslation } from 'react-i18next';
import { Chart } from 'react-chartjs-2';
import type { Report } from '../../../../shared/reports/compute';
import { monthLabel } from './tables';

// Only what the two charts draw: bars, a line with points, category and value axes, legend and tooltip.
ChartJS.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

/**
 * Okabe–Ito colours: told apart with any colour vision and, with the black outlines, on a grey-scale printout
 * too (their lightness differs). The stock line is black and dashed so it never reads as one of the bars.
 */
const SERIES = [
  { key: 'opened', colour: '#0072b2' },
  { key: 'excluded', colour: '#009e73' },
  { key: 'refused', colour: '#d55e00' },
  { key: 'left_russia', colour: '#e69f00' },
  { key: 'closed', colour: '#999999' },
] as const;

const baseOptions = (): ChartOptions<'bar'> => ({
  responsive: true,
  maintainAspectRatio: false,
  // Drawn once, at the screen's own resolution: forcing a higher one (for sharper printing) made the first
  // drawing of both charts several times slower, and the PDF export is the document meant for paper.
  animation: false,
  plugins: { legend: { position: 'bottom', labels: { color: '#000000' } } },
  scales: {
    x: { ticks: { color: '#000000' }, grid: { display: false } },
    y: { beginAtZero: true, ticks: { color: '#000000', precision: 0 }, grid: { color: '#d0d0d0' } },
  },
});

export function ReportCharts({ report }: { report: Report }) {
  const { t } = useTranslation();
  const labels = report.months.map((m) => monthLabel(m.month));
  const flows: ChartData<'bar'> = {
    labels,
    datasets: SERIES.map((s) => ({
      label: t(`reports.col.${s.key}`),
      data: report.months.map((m) => m[s.key]),
      backgroundColor: s.colour,
      borderColor: '#000000',
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
        borderColor: '#000000',
        backgroundColor: '#000000',
        borderDash: [6, 4],
        borderWidth: 2,
        pointRadius: 3,
      },
      {
        type: 'bar',
        label: t('reports.chart.newCases'),
        data: report.months.map((m) => m.opened),
        backgroundColor: '#56b4e9',
        borderColor: '#000000',
        borderWidth: 1,
      },
    ],
  };
  return (
    <div className="reports-charts">
      <figure className="reports-chart">
        <figcaption>{t('reports.chart.flows')}</figcaption>
        <div className="reports-chart__canvas">
          <Chart type="bar" data={flows} options={baseOptions()} role="img" aria-label={t('reports.chart.flowsAria')} fallbackContent={t('reports.chart.flowsAria')} />
        </div>
      </figure>
      <figure className="reports-chart">
        <figcaption>{t('reports.chart.stock')}</figcaption>
        <div className="reports-chart__canvas">
          <Chart type="bar" data={stock as ChartData<'bar'>} options={baseOptions()} role="img" aria-label={t('reports.chart.stockAria')} fallbackContent={t('reports.chart.stockAria')} />
        </div>
      </figure>
    </div>
  );
}
