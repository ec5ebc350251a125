import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import type { Organisation } from '../api-types.ts';
import { describeError, ErrorMessage } from '../components/feedback.tsx';
import { TextField } from '../components/field.tsx';
import { ResourceView } from '../components/resource-view.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { absoluteLink } from '../route-match.ts';
import { useAction, useResource } from '../use-resource.ts';

export function PublicReportSection({ org }: { org: Organisation }) {
  const { t } = useI18n();
  const url = org.publicReportUrl ? absoluteLink(org.publicReportUrl, window.location.origin) : undefined;
  return (
    <section className="card" aria-labelledby="org-public-report">
      <h2 id="org-public-report">{t('intake.publicTitle')}</h2>
      <p className="note">{t('intake.publicIntro')}</p>
      {url ? (
        <p>
          <a href={url} target="_blank" rel="noopener">
            {url}
          </a>
        </p>
      ) : (
        <p className="empty">{t('intake.publicMissing')}</p>
      )}
    </section>
  );
}

/** A signed link a processor can use without an account; shown once, to be sent to the processor. */
export function ProcessorReportLink({ linkId, name }: { linkId: string; name: string }) {
  const { t } = useI18n();
  const run = useAction();
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function create() {
    setBusy(true);
    setError(undefined);
    try {
      const result = await run(() => api.createProcessorReportLink(linkId));
      setUrl(absoluteLink(result.url, window.location.origin));
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }
  if (url) return <TextField label={t('intake.processorLinkFor', { name })} readOnly value={url} onFocus={(e) => e.target.select()} hint={t('intake.processorLinkHint')} />;
  return (
    <>
      <button type="button" className="button button-small" disabled={busy} aria-label={t('intake.createLinkFor', { name })} onClick={() => void create()}>
        {t('intake.createLink')}
      </button>
      {error ? (
        <span className="inline-error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}

export function ApiTokensSection() {
  const { t, moment } = useI18n();
  const run = useAction();
  const tokens = useResource(() => api.listTokens().then((r) => r.tokens), []);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; token: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function create(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setError(t('organisation.error.nameRequired'));
    setBusy(true);
    setError(undefined);
    try {
      const result = await run(() => api.createToken(name.trim()));
      setCreated({ name: result.name, token: result.token });
      setName('');
      tokens.reload();
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(tokenId: string) {
    setError(undefined);
    try {
      await run(() => api.revokeToken(tokenId));
      tokens.reload();
    } catch (failure) {
      setError(describeError(failure, t));
    }
  }

  return (
    <section className="card" aria-labelledby="org-tokens">
      <h2 id="org-tokens">{t('tokens.title')}</h2>
      <p className="note">{t('tokens.intro')}</p>
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      {created ? (
        <div className="created" role="status">
          <TextField label={t('tokens.createdLabel', { name: created.name })} hint={t('tokens.createdHint')} readOnly value={created.token} onFocus={(e) => e.target.select()} />
        </div>
      ) : null}
      <ResourceView resource={tokens}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">{t('tokens.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table">
                <caption className="visually-hidden">{t('tokens.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('organisation.col.name')}</th>
                    <th scope="col">{t('tokens.col.prefix')}</th>
                    <th scope="col">{t('tokens.col.created')}</th>
                    <th scope="col">{t('tokens.col.lastUsed')}</th>
                    <th scope="col">{t('tokens.col.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((token) => (
                    <tr key={token.id} className={token.revokedAt ? 'row-muted' : undefined}>
                      <th scope="row">{token.name}</th>
                      <td>
                        <code>{token.prefix}…</code>
                      </td>
                      <td className="nowrap">{moment(token.createdAt)}</td>
                      <td className="nowrap">{moment(token.lastUsedAt)}</td>
                      <td>
                        {token.revokedAt ? (
                          t('tokens.revokedAt', { at: moment(token.revokedAt) })
                        ) : (
                          <button type="button" className="button button-small" aria-label={t('tokens.revokeFor', { name: token.name })} onClick={() => void revoke(token.id)}>
                            {t('tokens.revoke')}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </ResourceView>
      <form className="inline-form" onSubmit={(event) => void create(event)} noValidate>
        <TextField label={t('tokens.name')} hint={t('tokens.nameHint')} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('common.adding') : t('tokens.create')}
        </button>
      </form>
    </section>
  );
}
