import { api } from '../api.ts';
import { CaseTable } from '../components/case-table.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { ResourceView } from '../components/resource-view.tsx';
import { newestFirst } from '../case-list.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useResource } from '../use-resource.ts';

export function RegisterPage() {
  const { t } = useI18n();
  const cases = useResource(() => api.listCases().then((r) => newestFirst(r.cases)), []);
  return (
    <>
      <PageTitle>{t('register.title')}</PageTitle>
      <p className="lead">{t('register.intro')}</p>
      <ResourceView resource={cases}>
        {(list) => (list.length === 0 ? <p className="empty">{t('register.empty')}</p> : <CaseTable cases={list} caption={t('register.caption')} showCreated />)}
      </ResourceView>
    </>
  );
}
