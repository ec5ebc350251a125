import type { FileView } from '../api-types.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function formatBytes(bytes: number, locale: 'nl' | 'en'): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: digits })} ${units[unit]}`;
}

/** Files with their SHA-256, so that a copy handed to the regulator can be checked against the original. */
export function FileList({ files, href }: { files: readonly FileView[]; href?: (fileId: string) => string }) {
  const { t, locale, moment } = useI18n();
  if (files.length === 0) return <p className="empty">{t('files.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{t('files.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('files.col.name')}</th>
            <th scope="col">{t('files.col.size')}</th>
            <th scope="col">{t('files.col.added')}</th>
            <th scope="col">{t('files.col.sha256')}</th>
          </tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr key={f.id}>
              <th scope="row">
                {href ? (
                  <a href={href(f.id)} download={f.name}>
                    {f.name}
                  </a>
                ) : (
                  f.name
                )}
              </th>
              <td className="nowrap">{formatBytes(f.sizeBytes, locale)}</td>
              <td className="nowrap">{moment(f.createdAt)}</td>
              <td>
                <code className="hash">{f.sha256}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
