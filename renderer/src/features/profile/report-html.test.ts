// @vitest-environment jsdom
// jsdom to read the saved page back as a browser would (the icons test below).
import { describe, expect, it } from 'vitest';
import { diagnosticTasks, preferenceTasks } from '../../../../electron/common/content';
import { iconSvg } from '../../components/icon-sources';
import type { FullLearnerProfile } from '../../../../electron/common/profile';
import { buildReportHtml, chartSvg, escapeHtml } from './report-html';
import { buildReportModel, reportFileName, subjectProgress } from './report-model';

const T = '2026-03-02T09:00:00.000Z';
const EVIL = '<script>alert(1)</script>';

function profile(overrides: Partial<FullLearnerProfile> = {}): FullLearnerProfile {
  return {
    profile: { id: 'L1', displayName: EVIL, createdAt: '2026-01-15T08:00:00.000Z', lastUpdatedAt: T },
    preferences: [
      { category: preferenceTasks[0]!.category, value: 'visual', timestamp: T },
      { category: preferenceTasks[1]!.category, value: 'visual', timestamp: T },
      { category: preferenceTasks[2]!.category, value: 'auditory', timestamp: T },
    ],
    interests: [
      { interestName: 'Space', timestamp: T },
      { interestName: 'Tom & "Jerry" <3', timestamp: T },
    ],
    struggles: [{ struggleDescription: 'Fractions', timestamp: T }],
    cognitiveMetrics: [{ taskName: 'memory_span', metricDetails: { accuracy: 0.75, attempts: 3, time_ms: 42_500, span: 5 }, timestamp: T }],
    loProgress: [
      { loId: 'MATH_LO_001', status: 'completed', startedAt: T, completedAt: T, score: 0.9, details: null },
      { loId: 'READ_LO_001', status: 'in_progress', startedAt: T, completedAt: null, score: 0.3, details: null },
    ],
    badges: [{ badgeId: 'first_objective', badgeName: 'First Step', earnedDate: T, details: null }],
    activityAttempts: [
      { attemptUid: 'a1', loId: 'MATH_LO_001', activityId: 'math_001_quiz_a', activityType: 'quiz', attemptTimestamp: T, score: 0.9, completed: true, attemptDetails: null },
      { attemptUid: 'a2', loId: 'READ_LO_001', activityId: 'read_001_game', activityType: 'game', attemptTimestamp: '2026-03-03T09:00:00.000Z', score: 0.3, completed: false, attemptDetails: null },
    ],
    ...overrides,
  };
}

const html = (p = profile()) => buildReportHtml(buildReportModel(p), { generatedAt: new Date(T) });

describe('report-html', () => {
  it('is one self-contained document: inline style, inline SVG, no scripts, no addresses', () => {
    const doc = html();
    expect(doc.startsWith('<!doctype html>')).toBe(true);
    expect(doc).toContain('<style>');
    expect(doc).toContain('<svg role="img"');
    expect(doc).not.toMatch(/https?:/i);
    expect(doc).not.toMatch(/\bsrc\s*=/i);
    expect(doc).not.toMatch(/data:/i);
    expect(doc).not.toMatch(/<img\b/i);
    expect(doc).not.toMatch(/<link\b/i);
    expect(doc).not.toMatch(/<script\b/i);
    expect(doc).not.toMatch(/url\((?!#)/i);
    expect(doc).not.toMatch(/@import/i);
    expect(doc).toContain("default-src 'none'");
  });

  it('escapes everything that came from the learner', () => {
    const doc = html();
    expect(doc).not.toContain(EVIL);
    expect(doc).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(doc).toContain('Tom &amp; &quot;Jerry&quot; &lt;3');
    expect(escapeHtml(`'<&>"`)).toBe('&#39;&lt;&amp;&gt;&quot;');
  });

  it('holds every section with the learner’s data', () => {
    const doc = html();
    for (const heading of ['Getting to know me', 'Interests', 'Things that feel tricky', 'How I like to learn', 'Thinking games', 'Progress per subject', 'Badges', 'Recent activities']) {
      expect(doc).toContain(`>${heading}</h2>`);
    }
    expect(doc).toContain('Space');
    expect(doc).toContain('Fractions');
    expect(doc).toContain(escapeHtml(preferenceTasks[0]!.prompt));
    expect(doc).toContain('Mostly learns by seeing pictures');
    const memory = diagnosticTasks.find((t) => t.taskName === 'memory_span')!;
    expect(doc).toContain(escapeHtml(memory.title));
    expect(doc).toMatch(/75\s?%/);
    expect(doc).toContain('42.5 s');
    expect(doc).toContain('First Step');
    expect(doc).toContain('Hundreds, tens and ones');
    expect(doc).toContain('Rhyme match');
  });

  it('pastes the interest and badge icons in as SVG, hidden from screen readers beside their names', () => {
    const withUnknownBadge = profile({ badges: [...profile().badges, { badgeId: 'from_a_newer_app', badgeName: 'Future Badge', earnedDate: T, details: null }] });
    const doc = html(withUnknownBadge);
    // The drawing itself, as the bundled file has it (only the root <svg> tag is rewritten).
    const drawing = (id: string) => {
      const svg = iconSvg(id) ?? '';
      return svg.slice(svg.indexOf('>') + 1, svg.lastIndexOf('</svg>')).trim();
    };
    const at = (id: string) => doc.indexOf(drawing(id));
    expect(['space', 'first_objective', 'badge'].map(at).every((i) => i > 0)).toBe(true);
    // The known badge draws its own picture, the unknown one the general badge, in that order.
    expect(at('first_objective')).toBeLessThan(at('badge'));

    const page = new DOMParser().parseFromString(doc, 'text/html');
    const icons = (id: string) => [...(page.getElementById(`report-${id}`)?.closest('section')?.querySelectorAll('svg.icon') ?? [])];
    // Space has a picture; the learner's own "Tom & Jerry" words have none.
    expect(icons('interests')).toHaveLength(1);
    expect(icons('badges')).toHaveLength(2);
    for (const svg of [...icons('interests'), ...icons('badges')]) {
      expect(svg.namespaceURI).toBe('http://www.w3.org/2000/svg');
      expect(svg.getAttribute('aria-hidden')).toBe('true');
      expect(svg.getAttribute('viewBox')).toBeTruthy();
      expect(svg.getAttribute('width')).toBe(svg.getAttribute('height'));
    }
    expect(page.getElementById('report-badges')?.closest('section')?.textContent).toContain('Future Badge');
  });

  it('draws the chart from the same numbers as its table and its label', () => {
    const rows = subjectProgress(profile().loProgress);
    const maths = rows.find((r) => r.subjectId === 'MATH')!;
    expect(maths).toMatchObject({ completed: 1, inProgress: 0, total: 8, notStarted: 7 });
    const svg = chartSvg(rows);
    expect(svg).toContain('aria-label="Learning goals per subject. Maths: 1 done, 0 started, 7 not started yet.');
    expect(svg).toContain('1 of 8 done · 0 started');
    expect(html()).toContain('<tr><th scope="row">Maths</th><td>1</td><td>0</td><td>7</td><td>8</td></tr>');
  });

  it('lists at most the ten newest attempts, newest first', () => {
    const attempts = Array.from({ length: 14 }, (_, i) => ({
      attemptUid: `u${i}`,
      loId: 'MATH_LO_001',
      activityId: 'math_001_quiz_b',
      activityType: 'quiz',
      attemptTimestamp: `2026-03-${String(i + 1).padStart(2, '0')}T09:00:00.000Z`,
      score: i / 20,
      completed: true,
      attemptDetails: null,
    }));
    const model = buildReportModel(profile({ activityAttempts: attempts }));
    expect(model.recentAttempts).toHaveLength(10);
    expect(model.recentAttempts[0]?.score).toMatch(/65\s?%/);
    expect(model.recentAttempts[9]?.score).toMatch(/20\s?%/);
  });

  it('says so when nothing is recorded yet', () => {
    const doc = html(profile({ preferences: [], interests: [], struggles: [], cognitiveMetrics: [], loProgress: [], badges: [], activityAttempts: [] }));
    expect(doc).toContain('No interests chosen yet.');
    expect(doc).toContain('No activities done yet.');
    expect(doc).not.toContain('Mostly learns');
  });

  it('names the file after the learner, with only safe characters', () => {
    expect(reportFileName("Zoë O'Brien")).toBe("Zoë-O'Brien-profile-report.html");
    expect(reportFileName(EVIL)).toBe('scriptalert(1)script-profile-report.html');
    expect(reportFileName('../..')).toBe('learner-profile-report.html');
  });
});
