import { useId } from 'react';

const commonCurrencies = ['CNY', 'HKD', 'TWD', 'USD', 'EUR', 'GBP', 'JPY', 'KRW', 'SGD', 'MYR', 'AUD', 'CAD'];

interface CurrencyInputProps {
  id: string;
  testId: string;
  value: string;
  onChange(value: string): void;
}

/** A three-letter ISO 4217 code, upper-cased as typed, with common codes suggested. */
export function CurrencyInput({ id, testId, value, onChange }: CurrencyInputProps) {
  const listId = useId();
  return (
    <>
      <input
        id={id}
        data-testid={testId}
        className="short-input"
        list={listId}
        value={value}
        maxLength={3}
        pattern="[A-Z]{3}"
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value.toUpperCase().replace(/[^A-Z]/g, ''))}
      />
      <datalist id={listId}>
        {commonCurrencies.map((code) => (
          <option key={code} value={code} />
        ))}
      </datalist>
    </>
  );
}
