export const picker = {
  title: 'Who is learning today?',
  intro: 'Pick your name to carry on, or make a new profile.',
  searchLabel: 'Find your name',
  searchPlaceholder: 'Type your name',
  noLearners: 'There are no learners on this computer yet. Make the first profile below!',
  noMatches: (query: string) => `No name matches “${query}”.`,
  learnerSummary: (objectives: number, badges: number) =>
    `${objectives} ${objectives === 1 ? 'goal' : 'goals'} done · ${badges} ${badges === 1 ? 'badge' : 'badges'}`,
  openLearner: (name: string) => `Continue as ${name}`,
  createTitle: 'New learner',
  nameLabel: 'Your name',
  createButton: 'Make my profile',
  creating: 'Making your profile…',
  nameRequired: 'Please type your name first.',
  loadFailed: 'The list of learners could not be loaded.',
  listLabel: 'Learners on this computer',
  count: (shown: number, total: number) => (shown === total ? `${total} learners` : `Showing ${shown} of ${total} learners`),
};
