// How many chips of a list fit a cell whole, from the width of their text, measured once per label on a canvas:
// measuring the rendered chips would lay out every row again on each scroll.

/** .tone-chip's horizontal padding and the .chip-list gap */
const CHIP_PADDING = 12;
const CHIP_GAP = 4;
/** rounding between the canvas's and the layout's text widths, for the whole list */
const SLACK = 1;

const measured = new Map<string, number>();
let canvas: CanvasRenderingContext2D | null = null;

/** The width of `text` in a chip's font (11px, the grid's font family) at `weight`. */
function textWidth(text: string, weight: 500 | 650): number {
  const key = `${weight} ${text}`;
  let width = measured.get(key);
  if (width === undefined) {
    canvas ??= document.createElement('canvas').getContext('2d');
    if (!canvas) return text.length * 7;
    canvas.font = `${weight} 11px ${getComputedStyle(document.body).fontFamily}`;
    width = canvas.measureText(text).width;
    measured.set(key, width);
  }
  return width;
}

const chipWidth = (label: string, weight: 500 | 650 = 500) => textWidth(label, weight) + CHIP_PADDING;

/**
 * How many of `labels`, from the first, fit `room` pixels whole with a "+N" chip after them for the rest
 * (none needed when all fit). Zero when not even the first fits beside its "+N".
 */
export function chipsThatFit(labels: readonly string[], room: number): number {
  let used = 0;
  for (let shown = 0; shown < labels.length; shown++) {
    used += (shown > 0 ? CHIP_GAP : 0) + chipWidth(labels[shown]);
    const rest = labels.length - shown - 1;
    const more = rest > 0 ? CHIP_GAP + chipWidth(`+${rest}`, 650) : 0;
    if (Math.ceil(used + more) + SLACK > room) return shown;
  }
  return labels.length;
}
