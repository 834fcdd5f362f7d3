import type { Alert } from '../../../../shared/crisis';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';

/**
 * Why the alert was raised, worded from its rule, value and baseline (the services' `detail` is
 * English, kept as the tooltip).
 */
export function AlertDetail({ alert }: { alert: Alert }) {
  const t = useT();
  const f = useFormatters();
  const v = alert.value;
  const b = alert.baseline;
  let text: string;
  switch (alert.rule) {
    case 'sensitive_words':
      text = t('crisis.detail.sensitive_words', { n: f.number(alert.count) });
      break;
    case 'negative_share':
      text = v !== null ? t('crisis.detail.negative_share', { share: f.percent(v) }) : alert.detail;
      break;
    case 'volume_swing':
      // value: the change against the baseline (−0.15 = 15% fewer); baseline: messages a day before.
      text =
        v !== null && b !== null
          ? t(v >= 0 ? 'crisis.detail.volume_rise' : 'crisis.detail.volume_fall', {
              change: f.percent(Math.abs(v)),
              baseline: f.decimal(b),
            })
          : alert.detail;
      break;
    case 'complaint_burst':
      text = t('crisis.detail.complaint_burst', { n: f.number(alert.count) });
      break;
    case 'churn_risk_rise':
      text =
        v !== null && b !== null
          ? t('crisis.detail.churn_risk_rise', { value: f.percent(v), baseline: f.percent(b) })
          : alert.detail;
      break;
  }
  return (
    <p className="cr-alert-detail" title={alert.detail} data-testid="alert-detail">
      {text}
    </p>
  );
}
