import { useT } from '../i18n';
import { describeError } from '../i18n/errors';
import { useErrors } from '../stores/errors';

/** The last failed call, in the user's language, with the services' message as detail. */
export function ErrorBanner() {
  const t = useT();
  const error = useErrors((s) => s.error);
  const dismiss = useErrors((s) => s.dismiss);
  if (!error) return null;
  const text = describeError(error, t);
  return (
    <div className="error-banner" role="alert" data-testid="error-banner" data-code={error.code}>
      <div className="error-banner-text">
        <p className="error-banner-message">{text.message}</p>
        {text.hint ? <p className="error-banner-hint">{text.hint}</p> : null}
        <p className="error-banner-detail">{t('error.detail', { message: text.detail })}</p>
      </div>
      <button type="button" className="button-quiet" onClick={dismiss} data-testid="error-dismiss">
        {t('error.dismiss')}
      </button>
    </div>
  );
}
