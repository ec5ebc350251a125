import { useId, useState } from 'react';
import { api } from '../../api.ts';
import type { CaseDetail } from '../../api-types.ts';
import { describeError } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAction, useResource } from '../../use-resource.ts';
import { loadAssignableUsers } from './assignable-users.ts';

export function CaseOwner({ breach, onChange }: { breach: CaseDetail; onChange: (next: CaseDetail) => void }) {
  const { t } = useI18n();
  const run = useAction();
  const id = useId();
  const users = useResource(loadAssignableUsers, []);
  const [error, setError] = useState<string>();
  const current = breach.owner?.id ?? '';
  const options = users.status === 'ready' ? users.data : breach.owner ? [breach.owner] : [];

  async function choose(userId: string) {
    if (!userId || userId === current) return;
    setError(undefined);
    try {
      onChange(await run(() => api.updateCase(breach.id, { ownerUserId: userId })));
    } catch (failure) {
      setError(describeError(failure, t));
    }
  }

  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {t('case.owner')}
      </label>
      <select id={id} className="compact-select" value={current} onChange={(e) => void choose(e.target.value)}>
        {!current ? <option value="">{t('case.noOwner')}</option> : null}
        {options.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
      {error ? (
        <span className="inline-error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
