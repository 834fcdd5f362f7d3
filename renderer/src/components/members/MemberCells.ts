/**
 * Cell renderers of the member grid, as plain DOM classes. AG Grid React mounts a class with
 * `getGui` on its prototype without React; a React renderer costs a Suspense boundary and a React
 * tree per cell, and a scroll makes and drops a few hundred cells a second (long tasks of 100–180 ms
 * at 500 px a frame). A row still loading has no data: each shows an empty span then, and fills it
 * in `refresh` when the block arrives. Values ride along as data attributes so what a cell shows can
 * be checked without parsing text.
 */
import type { GridApi, ICellRendererComp, ICellRendererParams, IRowNode } from 'ag-grid-community';
import type { MemberRow } from '../../../../shared/member-grid';
import { tierRank, type TierLadder } from '../../members/labels';

type CellParams<TValue> = ICellRendererParams<MemberRow, TValue>;

/** One span per cell, redrawn in place whenever AG Grid refreshes the cell. */
abstract class MemberCell<TValue> implements ICellRendererComp<MemberRow> {
  protected readonly gui = document.createElement('span');

  init(params: CellParams<TValue>): void {
    this.draw(params);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: CellParams<TValue>): boolean {
    this.draw(params);
    return true;
  }

  /** Sets the span's class and text, and the attributes given; one given as undefined is removed. */
  protected show(className: string, text: string, attributes: Record<string, string | undefined> = {}): void {
    const { gui } = this;
    gui.className = className;
    gui.textContent = text;
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined) gui.removeAttribute(name);
      else gui.setAttribute(name, value);
    }
  }

  protected abstract draw(params: CellParams<TValue>): void;
}

/** A number, formatted by the column, with its raw value. */
export class NumberCell extends MemberCell<number | null> {
  protected draw({ value, valueFormatted }: CellParams<number | null>): void {
    if (value === undefined) this.show('', '', { 'data-value': undefined });
    else
      this.show('num', value === null ? '—' : (valueFormatted ?? String(value)), {
        'data-value': value === null ? '' : String(value),
      });
  }
}

/** The member's name; full text on hover, since names can be long. */
export class NameCell extends MemberCell<string> {
  protected draw({ value, data }: CellParams<string>): void {
    const shown = data !== undefined;
    this.show(shown ? 'member-name-cell' : '', shown ? (value ?? '') : '', {
      title: shown ? (value ?? '') : undefined,
      'data-testid': shown ? 'member-name-cell' : undefined,
      'data-member-id': shown ? String(data.id) : undefined,
    });
  }
}

/** The tier as a badge coloured by its place on the ladder. */
export class TierCell extends MemberCell<string> {
  protected draw({ value, valueFormatted, ladder }: CellParams<string> & { ladder: TierLadder }): void {
    if (!value) this.show('', '', { 'data-tier': undefined });
    else this.show(`tier-badge tier-rank-${tierRank(ladder, value)}`, valueFormatted ?? value, { 'data-tier': value });
  }
}

/** A plain label (circle, lifecycle stage, RFM segment) keeping its value for tests and styling. */
export class LabelCell extends MemberCell<string | null> {
  protected draw({ value, valueFormatted }: CellParams<string | null>): void {
    if (value === undefined) this.show('', '', { 'data-value': undefined });
    else if (value === null) this.show('muted', '—', { 'data-value': undefined });
    else this.show(`label-cell label-${value}`, valueFormatted ?? value, { 'data-value': value });
  }
}

/** "KOC" for key opinion consumers, nothing for the rest. */
export class KocCell extends MemberCell<boolean> {
  protected draw({ value }: CellParams<boolean>): void {
    this.show(value ? 'koc-badge' : '', value ? 'KOC' : '');
  }
}

export class TagsCell extends MemberCell<string[]> {
  protected draw({ value }: CellParams<string[]>): void {
    const tags = value ?? [];
    this.show(tags.length > 0 ? 'tag-list' : '', '', { title: tags.length > 0 ? tags.join(', ') : undefined });
    for (const tag of tags) {
      const chip = document.createElement('span');
      chip.className = 'tag-chip';
      chip.textContent = tag;
      this.gui.append(chip);
    }
  }
}

/**
 * The box that chooses a row for bulk actions. AG Grid's own selection column builds a component
 * tree per cell (label, wrapper, translated aria text on every change) and cost a fifth of the
 * scroll's time; this one is a single input with AG Grid's checkbox classes, so it looks the same.
 */
/** Per grid, the row last ticked or unticked: the anchor a shift-click extends from. */
const anchors = new WeakMap<GridApi, number>();

export class ChooseCell implements ICellRendererComp<MemberRow> {
  private readonly gui = document.createElement('div');
  private readonly box = document.createElement('div');
  private readonly input = document.createElement('input');
  private node: IRowNode<MemberRow> | null = null;
  private api: GridApi | null = null;
  private readonly onSelected = () => this.showSelected();
  // A click has already flipped the box: apply it to the row, or with Shift to every loaded row
  // between the anchor and this one (as the grid's own selection column does).
  private readonly onChange = (event: MouseEvent) => {
    // The grid must not treat this click as a click on the row (which would choose only it).
    event.stopPropagation();
    const { node, api } = this;
    if (!node?.data || !api) return;
    const checked = this.input.checked;
    const at = node.rowIndex;
    const anchor = anchors.get(api);
    if (event.shiftKey && anchor !== undefined && at !== null) {
      for (let i = Math.min(anchor, at); i <= Math.max(anchor, at); i += 1) {
        const row = api.getDisplayedRowAtIndex(i);
        if (row?.data) row.setSelected(checked);
      }
    } else node.setSelected(checked);
    if (at !== null) anchors.set(api, at);
  };
  private readonly onClick = (event: MouseEvent) => event.stopPropagation();

  init(params: ICellRendererParams<MemberRow> & { label: string }): void {
    this.gui.className = 'ag-selection-checkbox member-choose-cell';
    this.box.className = 'ag-wrapper ag-input-wrapper ag-checkbox-input-wrapper';
    this.input.type = 'checkbox';
    this.input.className = 'ag-input-field-input ag-checkbox-input';
    this.input.tabIndex = -1;
    this.input.setAttribute('aria-label', params.label);
    this.input.addEventListener('click', this.onChange);
    this.input.addEventListener('dblclick', this.onClick);
    this.box.append(this.input);
    this.gui.append(this.box);
    this.attach(params);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: ICellRendererParams<MemberRow>): boolean {
    this.attach(params);
    return true;
  }

  destroy(): void {
    this.node?.removeEventListener('rowSelected', this.onSelected);
    this.input.removeEventListener('click', this.onChange);
    this.input.removeEventListener('dblclick', this.onClick);
  }

  private attach({ node, api }: ICellRendererParams<MemberRow>): void {
    this.api = api;
    if (node !== this.node) {
      this.node?.removeEventListener('rowSelected', this.onSelected);
      node.addEventListener('rowSelected', this.onSelected);
      this.node = node;
    }
    this.showSelected();
  }

  private showSelected(): void {
    const node = this.node;
    // A row still loading has no member to choose yet.
    this.gui.style.display = node?.data ? '' : 'none';
    const selected = !!node?.isSelected();
    this.input.checked = selected;
    this.box.classList.toggle('ag-checked', selected);
  }
}
