import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { roles, type Role, type UserChange, type UserSummary } from '../api-types.ts';
import { describeError, ErrorMessage, fieldErrors, StatusMessage } from '../components/feedback.tsx';
import { SelectField, TextField } from '../components/field.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { ResourceView } from '../components/resource-view.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { permissions } from '../permissions.ts';
import { useUser } from '../session.tsx';
import { absoluteLink } from '../route-match.ts';
import { useAction, useResource } from '../use-resource.ts';
import { minimumPasswordLength } from './setup-page.tsx';

type UpdateUsers = (change: (current: UserSummary[]) => UserSummary[]) => void;

function UsersTable({ users, canManage, update }: { users: UserSummary[]; canManage: boolean; update: UpdateUsers }) {
  const { t, label, moment } = useI18n();
  const me = useUser();
  const run = useAction();
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();

  async function change(user: UserSummary, patch: UserChange) {
    setMessage(undefined);
    setError(undefined);
    try {
      const result = await run(() => api.updateUser(user.id, patch));
      update((current) => current.map((u) => (u.id === user.id ? result.user : u)));
      setMessage(t('users.updated', { name: result.user.displayName }));
    } catch (failure) {
      setError(describeError(failure, t));
    }
  }

  const roleOptions = roles.map((value) => ({ value, label: label('role', value) }));
  return (
    <>
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      <div className="table-wrap">
        <table className="data-table">
          <caption>{t('users.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.col.name')}</th>
              <th scope="col">{t('users.col.email')}</th>
              <th scope="col">{t('users.col.role')}</th>
              <th scope="col">{t('users.col.status')}</th>
              <th scope="col">{t('users.col.createdAt')}</th>
              {canManage ? <th scope="col">{t('users.col.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {users.map((user) => {
              // Changing one's own role or access from here could lock the last administrator out.
              const editable = canManage && user.id !== me.id;
              return (
                <tr key={user.id} className={user.disabled ? 'row-muted' : undefined}>
                  <th scope="row">{user.displayName}</th>
                  <td>{user.email}</td>
                  <td>
                    {editable ? (
                      <select
                        className="compact-select"
                        aria-label={t('users.roleFor', { name: user.displayName })}
                        value={user.role}
                        onChange={(e) => void change(user, { role: e.target.value as Role })}
                      >
                        {roleOptions.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                    ) : (
                      label('role', user.role)
                    )}
                  </td>
                  <td>{user.disabled ? t('users.status.disabled') : t('users.status.active')}</td>
                  <td>{moment(user.createdAt)}</td>
                  {canManage ? (
                    <td>
                      {editable ? (
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={t(user.disabled ? 'users.enableFor' : 'users.disableFor', { name: user.displayName })}
                          onClick={() => void change(user, { disabled: !user.disabled })}
                        >
                          {user.disabled ? t('users.enable') : t('users.disable')}
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function CreateUserForm({ onCreated }: { onCreated: (user: UserSummary) => void }) {
  const { t, label } = useI18n();
  const run = useAction();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('staff_reporter');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [created, setCreated] = useState<{ name: string; setupLink?: string }>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setCreated(undefined);
    const next: Record<string, string | undefined> = {};
    if (!email.trim() || !displayName.trim()) next.form = t('users.error.required');
    if (password && password.length < minimumPasswordLength) next.password = t('users.error.tooShort');
    setErrors(next);
    if (next.form || next.password) return;
    setBusy(true);
    try {
      const result = await run(() => api.createUser({ email: email.trim(), displayName: displayName.trim(), role, ...(password ? { password } : {}) }));
      onCreated(result.user);
      setCreated({ name: result.user.displayName, setupLink: result.setupLink ? absoluteLink(result.setupLink, window.location.origin) : undefined });
      setEmail('');
      setDisplayName('');
      setPassword('');
    } catch (failure) {
      setErrors({ ...fieldErrors(failure), form: describeError(failure, t) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="add-user">
      <h2 id="add-user">{t('users.add')}</h2>
      {created ? (
        <div className="created" role="status">
          <p className="message message-success">{t('users.created', { name: created.name })}</p>
          {created.setupLink ? (
            <TextField label={t('users.setupLink')} hint={t('users.setupLinkHint')} readOnly value={created.setupLink} onFocus={(e) => e.currentTarget.select()} />
          ) : null}
        </div>
      ) : null}
      {errors.form ? <ErrorMessage>{errors.form}</ErrorMessage> : null}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="field-row">
          <TextField label={t('users.email')} error={errors.email} type="email" autoComplete="off" required value={email} onChange={(e) => setEmail(e.target.value)} />
          <TextField label={t('users.displayName')} error={errors.displayName} autoComplete="off" required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
          <SelectField
            label={t('users.role')}
            error={errors.role}
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
            options={roles.map((value) => ({ value, label: label('role', value) }))}
          />
        </div>
        <TextField
          label={t('users.password')}
          hint={t('users.passwordHint')}
          error={errors.password}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.adding') : t('users.submit')}
        </button>
      </form>
    </section>
  );
}

export function UsersPage() {
  const { t } = useI18n();
  const me = useUser();
  const users = useResource(() => api.listUsers().then((r) => r.users), []);
  const canManage = permissions.manageUsers(me.role);
  return (
    <>
      <PageTitle>{t('users.title')}</PageTitle>
      <div className="stack">
        <ResourceView resource={users}>
          {(list) =>
            users.status === 'ready' ? (
              list.length === 0 ? (
                <p className="empty">{t('users.empty')}</p>
              ) : (
                <UsersTable users={list} canManage={canManage} update={users.update} />
              )
            ) : null
          }
        </ResourceView>
        {canManage && users.status === 'ready' ? <CreateUserForm onCreated={(user) => users.update((current) => [...current, user])} /> : null}
      </div>
    </>
  );
}
