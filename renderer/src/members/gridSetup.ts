/**
 * AG Grid for the member grid: only the community modules it uses (so the bundle carries no more),
 * and Hearth's look through the Theming API (no CSS theme files).
 */
import {
  CellStyleModule,
  ColumnApiModule,
  InfiniteRowModelModule,
  LocaleModule,
  ModuleRegistry,
  NumberFilterModule,
  RowApiModule,
  RowSelectionModule,
  TextFilterModule,
  TooltipModule,
  ValidationModule,
  themeQuartz,
} from 'ag-grid-community';

ModuleRegistry.registerModules([
  InfiniteRowModelModule,
  CellStyleModule,
  TextFilterModule,
  NumberFilterModule,
  RowSelectionModule,
  // Shift-click on a checkbox chooses the rows in between (getDisplayedRowAtIndex).
  RowApiModule,
  ColumnApiModule,
  LocaleModule,
  TooltipModule,
  // Explains a misconfigured grid in the console while developing; left out of the production build.
  ...(import.meta.env.DEV ? [ValidationModule] : []),
]);

/** Quartz in Hearth's colours (styles.css): slate neutrals, the ember accent, the page's fonts. */
export const memberGridTheme = themeQuartz.withParams({
  accentColor: '#b9532b',
  foregroundColor: '#1f2933',
  backgroundColor: '#ffffff',
  borderColor: '#e2e5ea',
  headerBackgroundColor: '#f7f8fa',
  headerTextColor: '#66717f',
  headerFontWeight: 500,
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 12.5,
  rowHeight: 38,
  headerHeight: 38,
  spacing: 6,
  wrapperBorderRadius: 8,
  rowHoverColor: '#fafbfc',
  selectedRowBackgroundColor: '#fbeee8',
  oddRowBackgroundColor: '#ffffff',
});
