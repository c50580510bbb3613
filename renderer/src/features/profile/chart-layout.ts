import { text } from '../../i18n';
import type { SubjectProgress } from './report-model';

/**
 * Geometry of the progress chart: one horizontal stacked bar per subject. The on-screen React
 * chart and the saved web page's SVG string are both drawn from this, so they always agree.
 * Segments differ by fill pattern as well as colour, and each bar carries its numbers in words.
 */
export type SegmentKind = 'completed' | 'inProgress' | 'notStarted';

export interface ChartSegment {
  kind: SegmentKind;
  x: number;
  width: number;
  count: number;
}

export interface ChartRow {
  subjectId: string;
  label: string;
  /** Baseline of the row's words (subject on the left, numbers on the right) above its bar. */
  textY: number;
  /** Top of the bar. */
  y: number;
  segments: ChartSegment[];
  caption: string;
}

export interface ChartLayout {
  width: number;
  height: number;
  barX: number;
  barWidth: number;
  barHeight: number;
  /** The numbers end here (text-anchor end); the subject starts at barX. */
  captionX: number;
  rows: ChartRow[];
}

export const CHART_COLOURS: Record<SegmentKind, string> = {
  completed: '#1f6f50',
  inProgress: '#7a4fb5',
  notStarted: '#eef1ee',
};
export const CHART_OUTLINE = '#4a5a51';
export const SEGMENT_ORDER: SegmentKind[] = ['completed', 'inProgress', 'notStarted'];

// Words above each bar rather than beside it: the chart stays narrow, so its text stays
// readable when the window is small or zoomed to 200 %.
const WIDTH = 440;
const ROW_HEIGHT = 64;
const TEXT_HEIGHT = 22;
const TOP = 4;

export function chartLayout(subjects: SubjectProgress[]): ChartLayout {
  const barX = 1;
  const barWidth = WIDTH - 2;
  const barHeight = 26;
  const rows = subjects.map((s, i) => {
    const scale = s.total > 0 ? barWidth / s.total : 0;
    let x = barX;
    const segments = SEGMENT_ORDER.map((kind) => {
      const count = kind === 'completed' ? s.completed : kind === 'inProgress' ? s.inProgress : s.notStarted;
      const segment = { kind, x, width: count * scale, count };
      x += segment.width;
      return segment;
    }).filter((seg) => seg.count > 0);
    return {
      subjectId: s.subjectId,
      label: s.title,
      textY: TOP + i * ROW_HEIGHT + 16,
      y: TOP + i * ROW_HEIGHT + TEXT_HEIGHT,
      segments,
      caption: text.profile.chartBarText(s.completed, s.inProgress, s.total),
    };
  });
  return { width: WIDTH, height: TOP + subjects.length * ROW_HEIGHT, barX, barWidth, barHeight, captionX: WIDTH - 1, rows };
}

/** The fill of a segment: in progress is hatched, so it is told apart without colour. */
export function segmentFill(kind: SegmentKind, patternId: string): string {
  return kind === 'inProgress' ? `url(#${patternId})` : CHART_COLOURS[kind];
}
