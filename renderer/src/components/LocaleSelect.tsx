import { locales, type Locale } from '../../../shared/workspace';
import { useT } from '../i18n';

interface LocaleSelectProps {
  id?: string;
  testId: string;
  value: Locale;
  onChange(value: Locale): void;
  ariaLabel?: string;
}

/** zh-CN / en, each named in its own language. */
export function LocaleSelect({ id, testId, value, onChange, ariaLabel }: LocaleSelectProps) {
  const t = useT();
  return (
    <select
      id={id}
      data-testid={testId}
      aria-label={ariaLabel}
      value={value}
      onChange={(e) => {
        const next = locales.find((l) => l === e.target.value);
        if (next) onChange(next);
      }}
    >
      {locales.map((locale) => (
        <option key={locale} value={locale}>
          {t(`locale.${locale}`)}
        </option>
      ))}
    </select>
  );
}
