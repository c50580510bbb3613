import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, keepScreenshot } from './support/checks';
import {
  badgeName,
  completeAssessment,
  completeQuizCorrectly,
  createLearner,
  defaultAnswers,
  dismissCelebration,
  heading1,
  learnerIdByName,
  objectiveCard,
  showLearner,
  spokenTexts,
  type OnScreen,
} from './support/flows';
import { useE2eSession } from './support/session';
import { passEducatorGate } from './support/sign-in';

const session = useE2eSession();

const LEARNER = 'Amara Okafor';
// The struggle area "Spelling" puts "Sounding out words" first in "Next up"; its first activity is
// this quiz (all activities of the goal are level 1, so the curriculum's own order wins).
const OBJECTIVE = { id: 'READ_LO_001', title: 'Sounding out words', subject: 'Reading and words' };
const ACTIVITY = { id: 'read_001_quiz_a', title: 'Sounds in words' };
// Waits for OBJECTIVE; one of its activities has a variant for the interest "Dinosaurs".
const NEXT_OBJECTIVE = { title: 'Spelling tricky words', theme: 'Dinosaurs theme' };
const EXPECTED_BADGES = ['assessment_finished', 'first_objective', 'first_perfect'];

const reportSection = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });

describe('the full journey of a new learner', () => {
  // The longest spec by design (every screen, screenshots and axe on each): it gets more time than the default.
  it('goes from nothing to a completed activity and a badge, survives a restart, and the CLI agrees', { timeout: 180_000 }, async () => {
    const host = await session.host();
    const { page, foreignRequests, pageErrors } = await session.open(host.url);
    let shots = 0;
    const onScreen: OnScreen = async (name, description) => {
      shots += 1;
      await keepScreenshot(page, `journey-${String(shots).padStart(2, '0')}-${name}`);
      await expectNoAxeViolations(page, description);
    };

    // ---- picker → new learner → the whole assessment
    await heading1(page, 'Who is learning today?').waitFor();
    await onScreen('picker-empty', 'the empty learner picker');
    await createLearner(page, LEARNER);
    const id = learnerIdByName(host.dataDir, LEARNER);
    const preferences = await completeAssessment(page, defaultAnswers, onScreen);

    // ---- pathway: the struggle area first, the level from the games, locked goals wait
    await page.getByRole('button', { name: 'Go to my pathway' }).click();
    await heading1(page, 'My learning pathway').waitFor();
    const nextUp = page.getByRole('region', { name: /Next up for you/ });
    const firstSuggestion = nextUp.getByRole('listitem').first();
    await expect.poll(() => firstSuggestion.getByRole('heading', { level: 3 }).textContent()).toBe(OBJECTIVE.title);
    await firstSuggestion.getByText('Helps with: Spelling').waitFor();
    await expect.poll(() => objectiveCard(page, OBJECTIVE.subject, OBJECTIVE.title).getByText('Ready to start').count()).toBe(1);
    // Every game played right: the hardest level is suggested.
    await page.getByText('We picked level 3 activities for you').waitFor();
    await objectiveCard(page, OBJECTIVE.subject, NEXT_OBJECTIVE.title).getByText(`Finish ${OBJECTIVE.title} first.`).waitFor();
    await onScreen('pathway', 'the pathway of a learner who has just finished the assessment');

    // ---- the suggested quiz, all answers right
    await firstSuggestion.getByRole('button', { name: `Start ${ACTIVITY.title}` }).click();
    await heading1(page, ACTIVITY.title).waitFor();
    await page.getByText(`${OBJECTIVE.subject} · ${OBJECTIVE.title}`).waitFor();
    const questions = await completeQuizCorrectly(page, onScreen);
    expect(questions).toBeGreaterThanOrEqual(3);

    // ---- the celebration: first goal finished, with a perfect score
    const celebration = page.getByRole('dialog', { name: /You earned 2 badges!/ });
    await celebration.waitFor();
    for (const badge of ['first_objective', 'first_perfect']) await celebration.getByText(badgeName(badge), { exact: true }).waitFor();
    await onScreen('celebration-activity', 'the badge celebration after the quiz');
    await dismissCelebration(page);
    await page.getByText(`You completed ${OBJECTIVE.title}!`).waitFor();
    await page.getByText(`You got ${questions} out of ${questions} right.`).waitFor();
    await page.getByText('Score: 100%').waitFor();
    await onScreen('activity-result', 'the quiz result after the celebration');

    // ---- the profile report shows the badges and the attempt
    await page.getByRole('button', { name: 'My profile' }).click();
    await heading1(page, `${LEARNER}’s profile`).waitFor();
    const checkProfile = async () => {
      const interests = reportSection(page, 'Interests');
      await expect.poll(async () => (await spokenTexts(interests.getByRole('listitem'))).sort()).toEqual([...defaultAnswers.interests, defaultAnswers.ownInterest].sort());
      const badges = reportSection(page, 'Badges');
      for (const badge of EXPECTED_BADGES) await badges.getByText(badgeName(badge), { exact: true }).waitFor();
      await expect.poll(() => badges.getByRole('listitem').count()).toBe(EXPECTED_BADGES.length);
      const attempts = reportSection(page, 'Recent activities').getByRole('table');
      await expect.poll(() => attempts.locator('tbody tr').count()).toBe(1);
      const row = attempts.getByRole('row').filter({ has: page.getByRole('rowheader', { name: ACTIVITY.title }) });
      await row.getByRole('cell', { name: OBJECTIVE.title }).waitFor();
      await row.getByRole('cell', { name: '100%' }).waitFor();
      await row.getByRole('cell', { name: 'Yes', exact: true }).waitFor();
      await page.getByRole('img', { name: new RegExp(`${OBJECTIVE.subject}: 1 done, 0 started`) }).waitFor();
      await reportSection(page, 'Getting to know me').getByText(/^All \d+ parts are finished\.$/).waitFor();
    };
    await checkProfile();
    await onScreen('profile-report', 'the profile report');

    await page.getByRole('button', { name: 'Educator tools' }).click();
    await heading1(page, 'Educator tools').waitFor();
    await page.getByRole('heading', { name: 'Set up the first admin' }).waitFor();
    await onScreen('educator-first-admin', 'setting up the first admin');
    await passEducatorGate(page);
    await expect.poll(() => page.locator('.spinner').count(), { timeout: 15_000 }).toBe(0);
    await onScreen('educator-tools', 'the educator tools');

    // ---- restart the host on the same data dir (and port, so the page keeps its origin)
    const port = Number(new URL(host.url).port);
    await host.stop();
    const again = await session.host(host.dataDir, { port });
    expect(again.origin).toBe(host.origin);
    await page.goto(again.url);
    await heading1(page, 'Who is learning today?').waitFor();
    const card = page.getByRole('button', { name: `Continue as ${LEARNER}` });
    await card.waitFor();
    // The shared picker shows names only: nobody's goals or badges, not even one's own.
    expect(await card.textContent()).toBe(`${LEARNER.charAt(0)}${LEARNER}`);
    await onScreen('picker-after-restart', 'the learner picker after a restart');
    await card.click();
    // A learner who finished the assessment resumes on the pathway.
    await heading1(page, 'My learning pathway').waitFor();
    const done = objectiveCard(page, OBJECTIVE.subject, OBJECTIVE.title);
    await done.getByText('Done', { exact: true }).waitFor();
    await done.getByText('· best score 100%').waitFor();
    await page.getByText('1 of 8 goals done').waitFor();
    await done.getByRole('listitem').filter({ hasText: ACTIVITY.title }).getByText('✓ Done before').waitFor();
    // The next goal is open now, with an activity themed by the learner's interest.
    const unlocked = objectiveCard(page, OBJECTIVE.subject, NEXT_OBJECTIVE.title);
    await unlocked.getByText('Ready to start', { exact: true }).waitFor();
    await unlocked.getByText(NEXT_OBJECTIVE.theme).waitFor();
    await onScreen('pathway-after-restart', 'the pathway after a restart');
    await page.getByRole('button', { name: 'My profile' }).click();
    await heading1(page, `${LEARNER}’s profile`).waitFor();
    await checkProfile();
    await onScreen('profile-after-restart', 'the profile report after a restart');

    // ---- the CLI reads the same data dir and agrees with what the screens showed
    await again.stop();
    const shown = showLearner(host.dataDir, id);
    expect(shown.profile.displayName).toBe(LEARNER);
    expect(shown.interests.map((i) => i.interestName).sort()).toEqual([...defaultAnswers.interests, defaultAnswers.ownInterest].sort());
    expect(shown.struggles.map((s) => s.struggleDescription)).toEqual(defaultAnswers.struggles);
    expect(Object.fromEntries(shown.preferences.map((p) => [p.category, p.value]))).toEqual(preferences);
    expect(shown.cognitiveMetrics.map((m) => m.taskName).sort()).toEqual(['memory_span', 'pattern_completion', 'story_sequencing']);
    for (const metric of shown.cognitiveMetrics) {
      expect(metric.metricDetails.accuracy, metric.taskName).toBe(1);
      expect(metric.metricDetails.time_ms, metric.taskName).toEqual(expect.any(Number));
    }
    expect(shown.badges.map((b) => b.badgeId).sort()).toEqual(EXPECTED_BADGES);
    expect(shown.badges.map((b) => b.badgeName).sort()).toEqual(EXPECTED_BADGES.map(badgeName).sort());
    expect(shown.activityAttempts).toHaveLength(1);
    expect(shown.activityAttempts[0]).toMatchObject({ loId: OBJECTIVE.id, activityId: ACTIVITY.id, activityType: 'quiz', score: 1, completed: true });
    expect(shown.activityAttempts[0]?.attemptDetails.answers).toHaveLength(questions);
    expect(shown.loProgress).toEqual([expect.objectContaining({ loId: OBJECTIVE.id, status: 'completed', score: 1 })]);

    // ---- offline and quiet throughout
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
