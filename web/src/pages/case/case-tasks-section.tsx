import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import type { CaseTask } from '../../api-types.ts';
import { useNow } from '../../clock/use-now.ts';
import { Countdown } from '../../components/countdown.tsx';
import { describeError, ErrorMessage } from '../../components/feedback.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { fromLocalInput, toLocalInput } from '../../datetime-input.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAction, useResource } from '../../use-resource.ts';
import { loadAssignableUsers } from './assignable-users.ts';

function TaskRow({ caseId, task, onSaved }: { caseId: string; task: CaseTask; onSaved: (task: CaseTask) => void }) {
  const { t, moment } = useI18n();
  const run = useAction();
  const users = useResource(loadAssignableUsers, []);
  const now = useNow(60_000);
  const [error, setError] = useState<string>();
  // The box follows the click at once; if the server refuses, it returns to what the server holds.
  const [pendingStatus, setPendingStatus] = useState<CaseTask['status']>();
  const done = (pendingStatus ?? task.status) === 'done';

  async function save(change: Parameters<typeof api.updateTask>[2]) {
    setError(undefined);
    if (change.status) setPendingStatus(change.status);
    try {
      onSaved(await run(() => api.updateTask(caseId, task.id, change)));
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setPendingStatus(undefined);
    }
  }

  const people = users.status === 'ready' ? users.data : task.assignee ? [task.assignee] : [];
  return (
    <tr className={done ? 'row-muted' : undefined}>
      <td>
        <input
          type="checkbox"
          checked={done}
          aria-label={t(done ? 'tasks.reopen' : 'tasks.complete', { title: task.title })}
          onChange={() => void save({ status: done ? 'open' : 'done' })}
        />
      </td>
      <th scope="row">
        {task.title}
        {error ? (
          <span className="inline-error" role="alert">
            {error}
          </span>
        ) : null}
      </th>
      <td>
        <select
          className="compact-select"
          aria-label={t('tasks.assigneeFor', { title: task.title })}
          value={task.assignee?.id ?? ''}
          onChange={(e) => (e.target.value ? void save({ assigneeUserId: e.target.value }) : undefined)}
        >
          <option value="">{t('tasks.unassigned')}</option>
          {people.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          type="datetime-local"
          className="compact-select"
          aria-label={t('tasks.dueFor', { title: task.title })}
          defaultValue={toLocalInput(task.dueAt)}
          onBlur={(e) => {
            const next = fromLocalInput(e.target.value);
            if (next && next !== task.dueAt) void save({ dueAt: next });
          }}
        />
        {!done && task.dueAt ? (
          <span className="task-countdown">
            <Countdown dueAt={task.dueAt} now={now} />
          </span>
        ) : null}
      </td>
      <td className="nowrap">{done ? moment(task.completedAt) : t('tasks.open')}</td>
    </tr>
  );
}

export function CaseTasksSection({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const run = useAction();
  const tasks = useResource(() => api.listTasks(caseId).then((r) => r.tasks), [caseId]);
  const users = useResource(loadAssignableUsers, []);
  const [title, setTitle] = useState('');
  const [assignee, setAssignee] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return setError(t('tasks.error.title'));
    setBusy(true);
    setError(undefined);
    try {
      const task = await run(() =>
        api.addTask(caseId, { title: title.trim(), ...(assignee ? { assigneeUserId: assignee } : {}), ...(fromLocalInput(due) ? { dueAt: fromLocalInput(due) } : {}) }),
      );
      if (tasks.status === 'ready') tasks.update((list) => [...list, task]);
      setTitle('');
      setAssignee('');
      setDue('');
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section id="case-tasks" className="card" aria-labelledby="case-tasks-title">
      <h2 id="case-tasks-title">{t('case.section.tasks')}</h2>
      <ResourceView resource={tasks}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">{t('tasks.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table">
                <caption className="visually-hidden">{t('case.section.tasks')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('tasks.col.done')}</th>
                    <th scope="col">{t('tasks.col.title')}</th>
                    <th scope="col">{t('tasks.col.assignee')}</th>
                    <th scope="col">{t('tasks.col.due')}</th>
                    <th scope="col">{t('tasks.col.completed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((task) => (
                    <TaskRow
                      key={task.id}
                      caseId={caseId}
                      task={task}
                      onSaved={(saved) => (tasks.status === 'ready' ? tasks.update((all) => all.map((x) => (x.id === saved.id ? saved : x))) : undefined)}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </ResourceView>
      <form onSubmit={(event) => void add(event)} noValidate>
        <h3>{t('tasks.add')}</h3>
        {error ? <ErrorMessage>{error}</ErrorMessage> : null}
        <div className="field-row">
          <TextField label={t('tasks.col.title')} required value={title} onChange={(e) => setTitle(e.target.value)} />
          <SelectField
            label={t('tasks.col.assignee')}
            value={assignee}
            onChange={(e) => setAssignee(e.target.value)}
            options={[{ value: '', label: t('tasks.unassigned') }, ...(users.status === 'ready' ? users.data.map((u) => ({ value: u.id, label: u.name })) : [])]}
          />
          <TextField label={t('tasks.col.due')} type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('common.adding') : t('tasks.add')}
        </button>
      </form>
    </section>
  );
}
