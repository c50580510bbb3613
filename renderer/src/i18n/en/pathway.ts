/** The learning pathway screen. Short sentences for readers of 8 to 12. */
const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;

export const pathway = {
  title: 'My learning pathway',
  difficultyLine: (level: number) =>
    `We picked level ${level} activities for you, from the games you played in “About me”. Easier and harder ones are there too.`,
  nextUpTitle: 'Next up for you',
  nextUpIntro: 'These goals are a good place to start.',
  allDone: 'You finished every goal. Amazing work!',
  helpsWith: (labels: readonly string[]) => `Helps with: ${list(labels)}`,
  alreadyStarted: 'You have already started this one.',
  nextStepIn: (subject: string) => `The next step in ${subject}.`,
  themeTag: (interest: string) => `${interest} theme`,
  subjectProgress: (done: number, total: number) => `${done} of ${total} goals done`,
  objectivesLabel: (subject: string) => `${subject} goals`,
  states: {
    completed: 'Done',
    in_progress: 'In progress',
    available: 'Ready to start',
    locked: 'Locked',
  },
  bestScore: (percent: number) => `best score ${percent}%`,
  finishFirst: (titles: readonly string[]) => `Finish ${list(titles)} first.`,
  levels: (low: number, high: number) => (low === high ? `Level ${low}` : `Levels ${low} to ${high}`),
  level: (level: number) => `Level ${level} of 3`,
  justRight: 'Just right for you',
  activitiesLabel: (objective: string) => `Activities for ${objective}`,
  activityTypes: { quiz: 'Quiz', game: 'Game' } as Record<string, string>,
  doneBefore: '✓ Done before',
  start: 'Start',
  /** The button's full name for screen readers; it begins with the visible word. */
  startActivity: (title: string) => `Start ${title}`,
  masteryHint: (percent: number) => `Score ${percent}% or more to finish this goal.`,
};
