import type { ProfileAspect } from '../../scoring/classification/classification-types';
import type { Content } from './doc-types';
import { colours } from './layout';

const levels = [0, 1, 2, 3, 4];
const cell = { width: 52, height: 16, gap: 3 };
/** Grey steps rather than hues, so the profile reads the same on a black-and-white printout. */
const fills = ['#d9dee4', '#aab6c3', '#7b8ea3', '#4d6783', '#1f3f63'];

/**
 * The object's KRTS profile drawn as four rows of five level boxes, filled up to the level reached:
 * the familiar "staplar" of a classification, readable without colour.
 */
export function profileGraphic(aspects: ProfileAspect[]): Content {
  const rows = aspects.map((aspect, row) => {
    const y = row * (cell.height + cell.gap);
    const reached = aspect.level?.level ?? -1;
    return levels.map((level, column) => ({
      type: 'rect',
      x: column * (cell.width + cell.gap),
      y,
      w: cell.width,
      h: cell.height,
      color: level <= reached ? fills[level]! : '#ffffff',
      lineColor: colours.rule,
      lineWidth: 0.6,
    }));
  });
  const width = levels.length * (cell.width + cell.gap);
  return {
    columns: [
      {
        width: 110,
        stack: aspects.map((aspect) => ({ text: `${aspect.aspect} ${aspect.aspectName}`, bold: true, fontSize: 8.5, margin: [0, 0, 0, cell.height + cell.gap - 10.5] })),
        margin: [0, 3, 0, 0],
      },
      {
        width,
        stack: [
          { canvas: rows.flat() },
          { columns: levels.map((level) => ({ text: String(level), width: cell.width + cell.gap, alignment: 'center', style: 'small' })), margin: [0, 2, 0, 0] },
        ],
      },
      {
        width: '*',
        stack: aspects.map((aspect) => ({ text: aspect.level ? aspect.level.label : 'Ej bedömd', fontSize: 8.5, margin: [8, 0, 0, cell.height + cell.gap - 10.5] })),
        margin: [0, 3, 0, 0],
      },
    ],
    margin: [0, 4, 0, 8],
  };
}
