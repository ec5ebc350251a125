import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { describeError, ErrorMessage } from '../../components/feedback.tsx';
import { FileList } from '../../components/file-list.tsx';
import { TextField } from '../../components/field.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAction, useResource } from '../../use-resource.ts';

export function CaseFilesSection({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const run = useAction();
  const files = useResource(() => api.listCaseFiles(caseId).then((r) => r.files), [caseId]);
  const [chosen, setChosen] = useState<File[]>([]);
  const [inputKey, setInputKey] = useState(0);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (chosen.length === 0) return setError(t('files.error.none'));
    setBusy(true);
    setError(undefined);
    try {
      for (const file of chosen) {
        const stored = await run(() => api.uploadCaseFile(caseId, file));
        if (files.status === 'ready') files.update((list) => [...list, stored]);
      }
      setChosen([]);
      setInputKey((k) => k + 1);
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section id="case-files" className="card" aria-labelledby="case-files-title">
      <h2 id="case-files-title">{t('case.section.files')}</h2>
      <p className="note">{t('files.intro')}</p>
      <ResourceView resource={files}>{(list) => <FileList files={list} href={(fileId) => api.caseFileUrl(caseId, fileId)} />}</ResourceView>
      <form className="inline-form" onSubmit={(event) => void upload(event)} noValidate>
        <TextField key={inputKey} label={t('files.choose')} type="file" multiple onChange={(e) => setChosen(Array.from(e.target.files ?? []))} />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('files.uploading') : t('files.upload')}
        </button>
        {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      </form>
    </section>
  );
}
