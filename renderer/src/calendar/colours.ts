/**
 * Colours for the "colour by" choice. Each value takes the palette colour of its place among the
 * dimension's known values (the workspace's channels, owners or campaigns in sorted order, or the
 * fixed pillar and status lists), so values on screen get different colours — a hash would give
 * two of seven channels the same one — and a value keeps its colour across weeks until a new name
 * sorts before it. The palette's colours all carry white text at WCAG AA contrast.
 */
import { contentPillars, contentStatuses, type CalendarView, type ContentItem } from '../../../shared/calendar';

export const colourDimensions = ['channel', 'owner', 'campaign', 'pillar', 'status'] as const;
export type ColourDimension = (typeof colourDimensions)[number];

const palette = [
  '#1f6f8b',
  '#b9532b',
  '#2f7a4a',
  '#7048a8',
  '#a8326e',
  '#8a6d0b',
  '#3b5bb5',
  '#0f766e',
  '#9a3412',
  '#4d5b6a',
] as const;

/** Items without the value. */
export const noValueColour = '#8a94a3';

/** The known values of a dimension, in the order colours are handed out. */
export function dimensionValues(view: Pick<CalendarView, 'options'>, by: ColourDimension): readonly string[] {
  switch (by) {
    case 'channel':
      return view.options.channels;
    case 'owner':
      return view.options.owners;
    case 'campaign':
      return view.options.campaigns;
    case 'pillar':
      return contentPillars;
    case 'status':
      return contentStatuses;
  }
}

/** A value → colour function over the known values; unknown and empty values get the neutral grey. */
export function colourScale(values: readonly string[]): (value: string | null) => string {
  const index = new Map(values.map((v, i) => [v, i]));
  return (value) => {
    const i = value === null ? undefined : index.get(value);
    return i === undefined ? noValueColour : (palette[i % palette.length] ?? noValueColour);
  };
}

/** The value of an item the colour is chosen by. */
export function colourValue(item: ContentItem, by: ColourDimension): string | null {
  return item[by];
}
