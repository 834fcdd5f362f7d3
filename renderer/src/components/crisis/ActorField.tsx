import { setActor, useCrisis } from '../../crisis/store';
import { useT } from '../../i18n';

/** "Your name": written into the timeline with each action; remembered on this computer. */
export function ActorField() {
  const t = useT();
  const actor = useCrisis((s) => s.actor);
  return (
    <label className="cr-actor">
      <span className="cr-actor-label">{t('crisis.actor.label')}</span>
      <input
        value={actor}
        maxLength={64}
        placeholder={t('crisis.actor.placeholder')}
        data-testid="crisis-actor"
        onChange={(e) => setActor(e.target.value)}
      />
    </label>
  );
}
