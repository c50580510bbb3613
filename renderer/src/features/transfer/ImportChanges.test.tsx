// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportReportView, LearnerImportView } from '../../../../electron/common/transfer-views';
import { ImportChanges } from './ImportChanges';

afterEach(cleanup);

const none = { added: 0, updated: 0, unchanged: 0, conflicts: 0, removed: 0 };
const learner = (i: number): LearnerImportView => ({ learnerId: `l${i}`, displayName: `Learner ${i}`, outcome: 'created', tables: {}, totals: { ...none, added: 10 } });

describe('ImportChanges', () => {
  it('a large restore whose report lists its first 200 learners says how many there are in all', () => {
    const report: ImportReportView = { dryRun: false, policy: 'merge', learners: Array.from({ length: 200 }, (_, i) => learner(i)), learnersOmitted: 9_800, totals: none, summary: '100000 new, 0 updated, 0 conflicts', snapshotId: 's', learnersRemoved: 0 };
    render(<ImportChanges report={report} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(200);
    expect(screen.getByText('Showing the first 200 of 10000.')).toBeTruthy();
  });

  it('a report with every learner listed says nothing more', () => {
    const report: ImportReportView = { dryRun: true, policy: 'merge', learners: Array.from({ length: 8 }, (_, i) => learner(i)), totals: none, summary: '80 new, 0 updated, 0 conflicts', snapshotId: null, learnersRemoved: 0 };
    render(<ImportChanges report={report} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(8);
    expect(screen.queryByText(/Showing the first/)).toBeNull();
  });
});
