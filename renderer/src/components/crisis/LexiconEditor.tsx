import { useRef, useState, type ChangeEvent } from 'react';
import type { Output } from '../../../../shared/api';
import type { SensitiveWord } from '../../../../shared/calendar';
import { downloadUrl, hearth } from '../../api';
import { toWords } from '../../calendar/settingsForm';
import { exportLexicon, importLexicon, setLexicon } from '../../crisis/mutations';
import { useCrisisLexicon } from '../../crisis/queries';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { attempt } from '../../stores/errors';
import { PathText } from '../PathText';

/** The sensitive-word lexicon the scan (and the calendar's review) uses: edit, import a list, export it. */
export function LexiconEditor({ workspacePath }: { workspacePath: string }) {
  const t = useT();
  const words = useCrisisLexicon(workspacePath).data;
  if (!words) return <p className="muted">{t('app.loading')}</p>;
  return <LexiconForm key={words.map((w) => `${w.word},${w.category}`).join('\n')} words={words} />;
}

function LexiconForm({ words }: { words: readonly SensitiveWord[] }) {
  const t = useT();
  const f = useFormatters();
  const [text, setText] = useState(() => words.map((w) => `${w.word},${w.category}`).join('\n'));
  const [mode, setMode] = useState<'add' | 'replace'>('add');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const [imported, setImported] = useState<Output<'lexicon/import'> | null>(null);
  const [exported, setExported] = useState<Output<'lexicon/export'> | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setSaved(null);
    setImported(null);
    setExported(null);
    const result = await attempt(action);
    setBusy(false);
    return result;
  }

  async function save() {
    const result = await run(() => setLexicon({ words: toWords(text) }));
    if (result) setSaved(result.length);
  }

  async function runImport(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const result = await run(async () => importLexicon({ path: await hearth.fileToPath(file), mode }));
    if (result) setImported(result);
  }

  async function runExport() {
    const result = await run(() => exportLexicon({}));
    if (result) setExported(result);
  }

  const link = exported ? downloadUrl(exported.path) : null;
  return (
    <div className="cr-lexicon" data-testid="crisis-lexicon">
      <div className="field">
        <label className="field-label" htmlFor="cr-lexicon-words">
          {t('crisis.lexicon.words', { n: f.number(words.length) })}
        </label>
        <textarea
          id="cr-lexicon-words"
          rows={10}
          value={text}
          placeholder={'退款,complaint\n投诉,complaint'}
          data-testid="lexicon-words"
          onChange={(e) => setText(e.target.value)}
        />
        <p className="field-hint">{t('crisis.lexicon.hint')}</p>
      </div>
      <div className="cr-actions cr-actions-wrap">
        <button
          type="button"
          className="button-primary button-small"
          disabled={busy}
          data-testid="lexicon-save"
          onClick={() => void save()}
        >
          {t('crisis.lexicon.save')}
        </button>
        <span className="cr-spacer" />
        <select
          value={mode}
          aria-label={t('crisis.lexicon.mode')}
          data-testid="lexicon-import-mode"
          onChange={(e) => setMode(e.target.value as 'add' | 'replace')}
        >
          <option value="add">{t('crisis.lexicon.modeAdd')}</option>
          <option value="replace">{t('crisis.lexicon.modeReplace')}</option>
        </select>
        <button
          type="button"
          className="button-secondary button-small"
          disabled={busy}
          data-testid="lexicon-import"
          onClick={() => picker.current?.click()}
        >
          {t('crisis.lexicon.import')}
        </button>
        <input
          ref={picker}
          type="file"
          accept=".txt,.csv,text/plain,text/csv"
          hidden
          data-testid="lexicon-import-file"
          onChange={(e) => void runImport(e)}
        />
        <button
          type="button"
          className="button-secondary button-small"
          disabled={busy}
          data-testid="lexicon-export"
          onClick={() => void runExport()}
        >
          {t('crisis.lexicon.export')}
        </button>
      </div>
      {saved !== null ? (
        <p className="export-result" role="status" data-testid="lexicon-saved">
          {t('crisis.lexicon.saved', { n: f.number(saved) })}
        </p>
      ) : null}
      {imported ? (
        <p
          className="export-result"
          role="status"
          data-testid="lexicon-import-result"
          data-words={imported.words}
          data-added={imported.added}
        >
          {t('crisis.lexicon.imported', {
            file: imported.file,
            words: f.number(imported.words),
            added: f.number(imported.added),
          })}
        </p>
      ) : null}
      {exported ? (
        <p className="export-result" role="status" data-testid="lexicon-export-result" data-path={exported.path}>
          <span>{t('crisis.lexicon.exported', { n: f.number(exported.words) })}</span>{' '}
          <span className="mono">
            <PathText path={exported.path} />
          </span>
          {link ? (
            <>
              {' '}
              <a className="link-button" href={link} download data-testid="lexicon-export-download">
                {t('crisis.lexicon.download')}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
