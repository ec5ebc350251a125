import { formatDuration, remainingMs, urgencyOf } from '../clock/countdown.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** A live countdown to a deadline; red under six hours or once overdue. `now` comes from useNow. */
export function Countdown({ dueAt, now }: { dueAt: string | null | undefined; now: number }) {
  const { t, locale, moment } = useI18n();
  if (!dueAt) return <span className="countdown countdown-none">{t('common.none')}</span>;
  const remaining = remainingMs(dueAt, now);
  const urgency = urgencyOf(remaining);
  const text = formatDuration(remaining, locale);
  return (
    <time className={`countdown countdown-${urgency}`} dateTime={dueAt} title={moment(dueAt)}>
      {urgency === 'overdue' ? t('countdown.overdue', { time: text }) : t('countdown.left', { time: text })}
    </time>
  );
}
