// A scrolling list that keeps only the rows in view (plus a few) in the DOM: thousands of items scroll as fast as
// twenty. Rows have one fixed height; renderRow(item, index) builds a row's element.

const OVERSCAN = 6;

export class VirtualList {
  /**
   * @param {HTMLElement} viewport the scrolling element (its height is set by CSS)
   * @param {number} rowHeight px
   * @param {(item: any, index: number) => HTMLElement} renderRow
   */
  constructor(viewport, rowHeight, renderRow) {
    this.viewport = viewport;
    this.rowHeight = rowHeight;
    this.renderRow = renderRow;
    this.items = [];
    this.spacer = document.createElement('div');
    this.spacer.className = 'virtual-spacer';
    this.spacer.style.position = 'relative';
    viewport.replaceChildren(this.spacer);
    this.scheduled = false;
    viewport.addEventListener('scroll', () => this.schedule());
  }

  setItems(items) {
    this.items = items;
    this.spacer.style.height = `${items.length * this.rowHeight}px`;
    this.viewport.scrollTop = 0;
    this.render();
  }

  /** Draws the rows again (e.g. a row's state changed). */
  refresh() {
    this.render();
  }

  schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      this.render();
    });
  }

  render() {
    const height = this.viewport.clientHeight || 400;
    const first = Math.max(0, Math.floor(this.viewport.scrollTop / this.rowHeight) - OVERSCAN);
    const last = Math.min(this.items.length, Math.ceil((this.viewport.scrollTop + height) / this.rowHeight) + OVERSCAN);
    const rows = [];
    for (let i = first; i < last; i++) {
      const row = this.renderRow(this.items[i], i);
      row.style.position = 'absolute';
      row.style.top = `${i * this.rowHeight}px`;
      row.style.height = `${this.rowHeight}px`;
      row.style.left = '0';
      row.style.right = '0';
      rows.push(row);
    }
    this.spacer.replaceChildren(...rows);
  }
}
