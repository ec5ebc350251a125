import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { describeError, ErrorMessage } from '../../components/feedback.tsx';
import { TextAreaField } from '../../components/field.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAction, useResource } from '../../use-resource.ts';

export function CaseCommentsSection({ caseId }: { caseId: string }) {
  const { t, moment } = useI18n();
  const run = useAction();
  const comments = useResource(() => api.listComments(caseId).then((r) => r.comments), [caseId]);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return setError(t('comments.error.empty'));
    setBusy(true);
    setError(undefined);
    try {
      const comment = await run(() => api.addComment(caseId, body.trim()));
      if (comments.status === 'ready') comments.update((list) => [...list, comment]);
      setBody('');
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section id="case-comments" className="card" aria-labelledby="case-comments-title">
      <h2 id="case-comments-title">{t('case.section.comments')}</h2>
      <ResourceView resource={comments}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">{t('comments.empty')}</p>
          ) : (
            <ol className="comments">
              {list.map((c) => (
                <li key={c.id}>
                  <p className="comment-meta">
                    <strong>{c.author.name}</strong> · <time dateTime={c.createdAt}>{moment(c.createdAt)}</time>
                  </p>
                  <p className="prose">{c.body}</p>
                </li>
              ))}
            </ol>
          )
        }
      </ResourceView>
      <form onSubmit={(event) => void add(event)} noValidate>
        {error ? <ErrorMessage>{error}</ErrorMessage> : null}
        <TextAreaField label={t('comments.new')} value={body} onChange={(e) => setBody(e.target.value)} />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('common.saving') : t('comments.add')}
        </button>
      </form>
    </section>
  );
}
