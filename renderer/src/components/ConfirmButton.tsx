import { useState } from 'react';
import { useT } from '../i18n';

interface ConfirmButtonProps {
  label: string;
  /** The question asked before acting, e.g. "Remove everything this import added?" */
  question: string;
  confirmLabel: string;
  testId: string;
  confirmTestId: string;
  /** Resolves when done (whether it worked or not). */
  onConfirm(): Promise<unknown>;
}

/** A button for an action worth a second thought: the first click asks, the second acts. */
export function ConfirmButton({ label, question, confirmLabel, testId, confirmTestId, onConfirm }: ConfirmButtonProps) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    await onConfirm();
    setBusy(false);
    setAsking(false);
  }

  if (!asking) {
    return (
      <button type="button" className="button-secondary button-small" data-testid={testId} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <button
        type="button"
        className="button-danger button-small"
        data-testid={confirmTestId}
        disabled={busy}
        onClick={() => void confirm()}
      >
        {confirmLabel}
      </button>
      <button
        type="button"
        className="button-quiet button-small"
        data-testid={`${testId}-keep`}
        disabled={busy}
        onClick={() => setAsking(false)}
      >
        {t('confirm.keep')}
      </button>
    </span>
  );
}
