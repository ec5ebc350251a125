import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { Resource } from '../use-resource.ts';
import { describeError, ErrorMessage, Loading } from './feedback.tsx';

/** Loading, failure with a retry, or the content: the three states every page has. */
export function ResourceView<T>({ resource, children }: { resource: Resource<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (resource.status === 'loading') return <Loading label={t('app.loading')} />;
  if (resource.status === 'failed') {
    return (
      <div>
        <ErrorMessage>{describeError(resource.error, t)}</ErrorMessage>
        {resource.error.status !== 404 ? (
          <button type="button" className="button" onClick={resource.reload}>
            {t('common.retry')}
          </button>
        ) : null}
      </div>
    );
  }
  return <>{children(resource.data)}</>;
}
