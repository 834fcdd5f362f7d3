import { useMemo } from 'react';
import { useFormatters } from '../../data/formatters';
import { chartNumbers } from '../../dashboard/charts/common';
import type { ChartNumbers } from '../../dashboard/charts/types';

/** Chart numbers in the UI language, stable while the language is. */
export function useChartNumbers(): ChartNumbers {
  const f = useFormatters();
  return useMemo(() => chartNumbers(f), [f]);
}
