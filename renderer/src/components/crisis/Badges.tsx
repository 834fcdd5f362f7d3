import type { WarningColour } from '../../../../shared/crisis';
import { colourKey, levelKey } from '../../crisis/labels';
import { useT } from '../../i18n';

/** A warning colour with its response level: "橙色 · 3 预案启动". */
export function ColourBadge({
  colour,
  level,
  testId,
  big = false,
}: {
  colour: WarningColour;
  level?: number | undefined;
  testId?: string;
  big?: boolean;
}) {
  const t = useT();
  return (
    <span
      className={`cr-colour cr-colour-${colour}${big ? ' cr-colour-big' : ''}`}
      data-testid={testId}
      data-colour={colour}
      data-level={level ?? ''}
    >
      <span className="cr-dot" aria-hidden="true" />
      {t(colourKey(colour))}
      {level !== undefined ? (
        <span className="cr-level">
          {' · '}
          {t('crisis.levelBadge', { n: level, name: t(levelKey(level)) })}
        </span>
      ) : null}
    </span>
  );
}

/** The mark every drill carries, so an exercise is never mistaken for the real thing. */
export function DrillBadge({ testId = 'drill-badge' }: { testId?: string }) {
  const t = useT();
  return (
    <span className="cr-drill" data-testid={testId} title={t('crisis.drill.hint')}>
      {t('crisis.drill.badge')}
    </span>
  );
}
