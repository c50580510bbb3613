import type { PREFERENCE_MODES } from '../../../../electron/common/content/schemas';

type PreferenceMode = (typeof PREFERENCE_MODES)[number];

/** The profile summary and the educator's report (on screen, printed and saved as a web page). */
export const profile = {
  title: (name: string) => `${name}’s profile`,
  intro: 'A summary of what this learner likes, how they learn and what they have done.',
  createdLabel: 'Profile made',
  lastActiveLabel: 'Last active',
  actionsLabel: 'Report',
  print: 'Print',
  saveHtml: 'Save as a web page',
  savedHtml: (fileName: string) => `Saved as ${fileName}. Look in your downloads folder.`,
  saveHtmlFailed: 'The report could not be saved. Try again, or use Print instead.',
  noProfile: 'Pick a learner first to see their profile.',

  assessmentTitle: 'Getting to know me',
  assessmentFinished: (total: number) => `All ${total} parts are finished.`,
  assessmentPartial: (done: number, total: number) => `${done} of ${total} parts are finished.`,
  assessmentProgressLabel: 'Parts finished',

  interestsTitle: 'Interests',
  noInterests: 'No interests chosen yet.',
  strugglesTitle: 'Things that feel tricky',
  noStruggles: 'No tricky things chosen.',

  preferencesTitle: 'How I like to learn',
  preferencesCaption: 'Learning choices',
  preferenceQuestion: 'Question',
  preferenceChoice: 'Choice',
  noPreferences: 'No learning choices made yet.',
  modeNames: {
    visual: 'seeing pictures',
    auditory: 'listening',
    reading: 'reading',
    kinesthetic: 'doing and making things',
  } satisfies Record<PreferenceMode, string>,
  mostlyLearnsBy: (mode: string) => `Mostly learns by ${mode}`,
  learnsByMix: (modes: string[]) => `Learns equally by ${modes.join(' and by ')}`,

  metricsTitle: 'Thinking games',
  metricsCaption: 'Results of the thinking games',
  metricGame: 'Game',
  metricAccuracy: 'Correct',
  metricAttempts: 'Tries',
  metricTime: 'Time',
  metricSpan: 'Longest sequence',
  seconds: (s: string) => `${s} s`,
  notMeasured: 'not measured',
  noMetrics: 'No thinking games played yet.',

  progressTitle: 'Progress per subject',
  statusCompleted: 'Done',
  statusInProgress: 'Started',
  statusNotStarted: 'Not started yet',
  chartSubjectSummary: (subject: string, completed: number, inProgress: number, notStarted: number) =>
    `${subject}: ${completed} done, ${inProgress} started, ${notStarted} not started yet`,
  chartLabel: (parts: string[]) => `Learning goals per subject. ${parts.join('. ')}.`,
  chartBarText: (completed: number, inProgress: number, total: number) => `${completed} of ${total} done · ${inProgress} started`,
  progressTableCaption: 'Learning goals per subject',
  progressSubject: 'Subject',
  progressTotal: 'All goals',

  badgesTitle: 'Badges',
  noBadges: 'No badges yet. They come with practice!',
  earnedOn: (date: string) => `Earned ${date}`,

  attemptsTitle: 'Recent activities',
  attemptsCaption: (count: number) => (count === 1 ? 'The most recent activity' : `The ${count} most recent activities, newest first`),
  attemptActivity: 'Activity',
  attemptGoal: 'Learning goal',
  attemptScore: 'Score',
  attemptCompleted: 'Finished',
  attemptDate: 'Date',
  yes: 'Yes',
  no: 'No',
  noScore: 'no score',
  noAttempts: 'No activities done yet.',

  reportFooter: (date: string) => `Report made on ${date} with DALA Learner Profile.`,
  documentTitle: (name: string) => `${name} – profile report`,
  fileNameSuffix: '-profile-report.html',
  fileNameFallback: 'learner',
};
