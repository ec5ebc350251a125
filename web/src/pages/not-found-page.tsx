import { PageTitle } from '../components/page-title.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section className="not-found">
      <PageTitle>{t('notFound.title')}</PageTitle>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </section>
  );
}
