import { useT } from '../../i18n';
import { SuggestionList } from './SuggestionList';
import { ManualMerge } from './ManualMerge';
import { MergeHistory } from './MergeHistory';

/**
 * One person often arrives from several platforms as several members. Here the operator merges
 * them: from Hearth's suggestions, or two members found by hand; every merge can be undone.
 */
export function MergePanel({ workspacePath }: { workspacePath: string }) {
  const t = useT();
  return (
    <div className="merge-panel">
      <p className="field-hint merge-intro">{t('merge.intro')}</p>
      <SuggestionList workspacePath={workspacePath} />
      <ManualMerge />
      <MergeHistory workspacePath={workspacePath} />
    </div>
  );
}
