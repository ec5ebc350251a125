import { api } from '../api.ts';
import { PageTitle } from '../components/page-title.tsx';
import { ResourceView } from '../components/resource-view.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { useResource } from '../use-resource.ts';

export function MailboxPage() {
  const { t, moment } = useI18n();
  const mailbox = useResource(() => api.getMailbox(), []);
  return (
    <>
      <PageTitle>{t('mailbox.title')}</PageTitle>
      <p className="lead">{t('mailbox.intro')}</p>
      <ResourceView resource={mailbox}>
        {({ driver, messages }) => (
          <>
            {driver === 'smtp' ? <p className="note">{t('mailbox.smtpNote')}</p> : null}
            {messages.length === 0 ? (
              <p className="empty">{t('mailbox.empty')}</p>
            ) : (
              <div className="table-wrap">
                <table className="data-table">
                  <caption>{t('mailbox.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('mailbox.col.subject')}</th>
                      <th scope="col">{t('mailbox.col.to')}</th>
                      <th scope="col">{t('mailbox.col.date')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {messages.map((m) => (
                      <tr key={m.id}>
                        <th scope="row">
                          <Link to={`/mailbox/${encodeURIComponent(m.id)}`}>{m.subject}</Link>
                        </th>
                        <td>{m.to}</td>
                        <td>{moment(m.createdAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </ResourceView>
    </>
  );
}

export function MailMessagePage({ messageId }: { messageId: string }) {
  const { t, moment } = useI18n();
  const message = useResource(() => api.getMailMessage(messageId), [messageId]);
  return (
    <>
      <p className="back-link">
        <Link to="/mailbox">← {t('mailbox.back')}</Link>
      </p>
      {message.status !== 'ready' ? <PageTitle>{t('mailbox.title')}</PageTitle> : null}
      <ResourceView resource={message}>
        {(m) => (
          <article>
            <PageTitle>{m.subject}</PageTitle>
            <dl className="facts">
              <div>
                <dt>{t('mailbox.from')}</dt>
                <dd>{m.from}</dd>
              </div>
              <div>
                <dt>{t('mailbox.to')}</dt>
                <dd>{m.to}</dd>
              </div>
              <div>
                <dt>{t('mailbox.date')}</dt>
                <dd>{moment(m.createdAt)}</dd>
              </div>
            </dl>
            <section aria-labelledby="mail-body">
              <h2 id="mail-body" className="visually-hidden">
                {t('mailbox.body')}
              </h2>
              <pre className="mail-body">{m.text}</pre>
            </section>
          </article>
        )}
      </ResourceView>
    </>
  );
}
