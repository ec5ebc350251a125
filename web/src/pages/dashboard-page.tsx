import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { api } from '../api.ts';
import type { Dashboard } from '../api-types.ts';
import { labelText, remainingMs } from '../clock/countdown.ts';
import { useNow } from '../clock/use-now.ts';
import { ChartCanvas } from '../components/chart-canvas.tsx';
import { Countdown } from '../components/countdown.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { ResourceView } from '../components/resource-view.tsx';
import { monthLabel, openStateCounts, sharePercent, totalOpen } from '../dashboard-figures.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { useResource } from '../use-resource.ts';

const colours = { notified: '#1d4ed8', notNotified: '#b45309', late: '#b91c1c', onTime: '#166534' };
const authorityHours = 72;

function DeadlinesAtRisk({ deadlines }: { deadlines: Dashboard['deadlinesAtRisk'] }) {
  const { t, locale, moment } = useI18n();
  const now = useNow(1000);
  const sorted = [...deadlines].sort((a, b) => remainingMs(a.dueAt, now) - remainingMs(b.dueAt, now));
  return (
    <section className="card" aria-labelledby="deadlines-at-risk">
      <h2 id="deadlines-at-risk">{t('dashboard.deadlinesAtRisk')}</h2>
      {sorted.length === 0 ? (
        <p className="empty">{t('dashboard.noDeadlinesAtRisk')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('dashboard.deadlinesAtRisk')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.col.timeLeft')}</th>
                <th scope="col">{t('cases.col.reference')}</th>
                <th scope="col">{t('dashboard.col.obligation')}</th>
                <th scope="col">{t('dashboard.col.dueAt')}</th>
                <th scope="col">{t('cases.col.title')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((d) => (
                <tr key={`${d.caseId}-${d.obligation}-${d.dueAt}`}>
                  <td className="nowrap">
                    <Countdown dueAt={d.dueAt} now={now} />
                  </td>
                  <th scope="row" className="nowrap">
                    <Link to={`/cases/${encodeURIComponent(d.caseId)}`}>{d.reference}</Link>
                  </th>
                  <td>{labelText(d.label, locale, d.obligation)}</td>
                  <td className="nowrap">{moment(d.dueAt)}</td>
                  <td>{d.title}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Charts({ data }: { data: Dashboard }) {
  const { t, locale } = useI18n();
  const months = data.casesPerMonth.map((m) => monthLabel(m.month, locale));
  const perMonth = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels: months,
        datasets: [
          { label: t('dashboard.notified'), data: data.casesPerMonth.map((m) => m.notified), backgroundColor: colours.notified },
          { label: t('dashboard.notNotified'), data: data.casesPerMonth.map((m) => m.notNotified), backgroundColor: colours.notNotified },
        ],
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      },
    }),
    [data, locale],
  );
  const hours = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels: data.hoursToAuthority.map((h) => h.reference),
        datasets: [
          {
            label: t('dashboard.hours'),
            data: data.hoursToAuthority.map((h) => h.hours),
            backgroundColor: data.hoursToAuthority.map((h) => (h.hours > authorityHours ? colours.late : colours.notified)),
          },
        ],
      },
      options: { maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } } },
    }),
    [data, locale],
  );
  const share = sharePercent(data.shareNotifiedOnTime);
  const onTime = useMemo<ChartConfiguration>(
    () => ({
      type: 'doughnut',
      data: {
        labels: [t('dashboard.onTime'), t('dashboard.late')],
        datasets: [{ data: [share ?? 0, 100 - (share ?? 0)], backgroundColor: [colours.onTime, colours.late] }],
      },
      options: { maintainAspectRatio: false, animation: false },
    }),
    [share, locale],
  );

  return (
    <div className="chart-grid">
      <section className="card" aria-labelledby="chart-per-month">
        <h2 id="chart-per-month">{t('dashboard.casesPerMonth')}</h2>
        {data.casesPerMonth.length === 0 ? (
          <p className="empty">{t('dashboard.noData')}</p>
        ) : (
          <ChartCanvas config={perMonth} label={t('dashboard.casesPerMonthAlt')}>
            <table>
              <caption>{t('dashboard.casesPerMonth')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.month')}</th>
                  <th scope="col">{t('dashboard.notified')}</th>
                  <th scope="col">{t('dashboard.notNotified')}</th>
                </tr>
              </thead>
              <tbody>
                {data.casesPerMonth.map((m, i) => (
                  <tr key={m.month}>
                    <th scope="row">{months[i]}</th>
                    <td>{m.notified}</td>
                    <td>{m.notNotified}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ChartCanvas>
        )}
      </section>
      <section className="card" aria-labelledby="chart-hours">
        <h2 id="chart-hours">{t('dashboard.hoursToAuthority')}</h2>
        {data.hoursToAuthority.length === 0 ? (
          <p className="empty">{t('dashboard.noData')}</p>
        ) : (
          <ChartCanvas config={hours} label={t('dashboard.hoursAlt', { limit: authorityHours })}>
            <table>
              <caption>{t('dashboard.hoursToAuthority')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cases.col.reference')}</th>
                  <th scope="col">{t('dashboard.hours')}</th>
                </tr>
              </thead>
              <tbody>
                {data.hoursToAuthority.map((h) => (
                  <tr key={h.reference}>
                    <th scope="row">{h.reference}</th>
                    <td>{h.hours}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ChartCanvas>
        )}
      </section>
      <section className="card" aria-labelledby="chart-on-time">
        <h2 id="chart-on-time">{t('dashboard.shareOnTime')}</h2>
        {share === null ? (
          <p className="empty">{t('dashboard.noData')}</p>
        ) : (
          <ChartCanvas config={onTime} label={t('dashboard.shareAlt', { share })}>
            <p>{t('dashboard.shareAlt', { share })}</p>
          </ChartCanvas>
        )}
      </section>
    </div>
  );
}

export function DashboardPage() {
  const { t, label } = useI18n();
  const dashboard = useResource(() => api.getDashboard(), []);
  return (
    <>
      <PageTitle>{t('dashboard.title')}</PageTitle>
      <ResourceView resource={dashboard}>
        {(data) => {
          const share = sharePercent(data.shareNotifiedOnTime);
          const byState = openStateCounts(data.openCasesByState).filter((s) => s.state !== 'closed');
          return (
            <div className="stack">
              <DeadlinesAtRisk deadlines={data.deadlinesAtRisk} />
              <dl className="stats">
                <div className="stat">
                  <dt>{t('dashboard.openCases')}</dt>
                  <dd>
                    <Link to="/cases">{totalOpen(data.openCasesByState)}</Link>
                  </dd>
                </div>
                <div className={data.reportsAwaitingTriage > 0 ? 'stat stat-attention' : 'stat'}>
                  <dt>{t('dashboard.reportsAwaitingTriage')}</dt>
                  <dd>
                    <Link to="/reports?status=new">{data.reportsAwaitingTriage}</Link>
                  </dd>
                </div>
                <div className="stat">
                  <dt>{t('dashboard.medianHours')}</dt>
                  <dd>{data.medianHoursToAuthority === null ? t('common.none') : t('dashboard.hoursValue', { count: Math.round(data.medianHoursToAuthority) })}</dd>
                </div>
                <div className="stat">
                  <dt>{t('dashboard.shareOnTime')}</dt>
                  <dd>{share === null ? t('common.none') : `${share}%`}</dd>
                </div>
              </dl>
              <section className="card" aria-labelledby="open-by-state">
                <h2 id="open-by-state">{t('dashboard.openByState')}</h2>
                {byState.length === 0 ? (
                  <p className="empty">{t('dashboard.noOpenCases')}</p>
                ) : (
                  <ul className="state-counts">
                    {byState.map((s) => (
                      <li key={s.state}>
                        <Link to={`/cases?state=${encodeURIComponent(s.state)}`}>
                          <span className="state-count">{s.count}</span> {label('state', s.state)}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <Charts data={data} />
            </div>
          );
        }}
      </ResourceView>
    </>
  );
}
