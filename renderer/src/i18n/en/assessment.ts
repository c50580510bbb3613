/** The "About me" assessment wizard and its games. Short sentences for readers of 8 to 12. */
export const assessment = {
  stepsLabel: 'Steps of About me',
  stepOf: (n: number, total: number) => `Step ${n} of ${total}`,
  allStepsDone: (total: number) => `All ${total} steps done`,
  stepPrefix: (n: number) => `Step ${n}: `,
  stepDone: ' (done)',
  stepLabels: {
    interests: 'Things I like',
    struggles: 'Tricky things',
    preference: (n: number) => `How I learn ${n}`,
    finished: 'All done',
  },
  back: 'Back',
  next: 'Next',
  finish: 'Finish',
  hints: {
    interests: 'Pick at least one thing you like to go on.',
    preference: 'Choose one answer to go on.',
    diagnostic: 'Finish the game to go on.',
  },

  interests: {
    title: 'What do you like?',
    intro: 'Pick as many things as you like. We use them to make your activities more fun.',
    legend: 'Things you might like',
    ownTitle: 'Add your own',
    ownLabel: 'Something else you like',
    ownButton: 'Add',
    ownListTitle: 'Your own ideas',
    remove: (name: string) => `Remove ${name}`,
  },
  struggles: {
    title: 'What feels tricky?',
    intro: "It's OK to find things tricky. Everyone does! Pick any that feel tricky for you, so we can help with them first.",
    skipNote: 'Nothing feels tricky? That is fine. Press Next.',
    legend: 'Things that can feel tricky',
    ownTitle: 'Something else',
    ownLabel: 'Something else that feels tricky',
    ownButton: 'Add',
    ownListTitle: 'Your own words',
    remove: (name: string) => `Remove ${name}`,
  },
  own: {
    empty: 'Type something first.',
    tooLong: (max: number) => `That is a bit long. Use ${max} letters or fewer.`,
    duplicate: 'That is already on your list.',
    selected: 'picked',
  },

  preference: {
    title: (n: number, total: number) => `How do you like to learn? (${n} of ${total})`,
    intro: 'There is no wrong answer. Pick the one you like best.',
  },

  diagnostic: {
    gameOf: (n: number, total: number) => `Game ${n} of ${total}`,
    start: 'Start the game',
    playAgain: 'Play again',
    noRush: 'Take your time. There is no clock to beat.',
    resultTitle: 'Well done!',
    resultScore: (percent: number) => `You got ${percent}% right.`,
    resultSpan: (span: number) => `You remembered ${span} symbols in a row.`,
    resultCheer: (accuracy: number) =>
      accuracy >= 0.8 ? 'Amazing work!' : accuracy >= 0.5 ? 'Great effort!' : 'Good try! Every go helps your brain grow.',
    notSaved: 'Your result is not saved yet. Press “Try again” at the top to save it.',
  },

  story: {
    roundOf: (n: number, total: number) => `Story ${n} of ${total}`,
    listLabel: 'Sentences in your order',
    moveUp: (sentence: string) => `Move up: ${sentence}`,
    moveDown: (sentence: string) => `Move down: ${sentence}`,
    moveUpShort: 'Move up',
    moveDownShort: 'Move down',
    moved: (sentence: string, place: number, total: number) => `Moved “${sentence}” to place ${place} of ${total}.`,
    check: 'Check my order',
    right: 'Yes! That is the right order.',
    notYet: (placed: number, total: number) => `Not quite. ${placed} of ${total} are in the right place. Have another go!`,
    reveal: 'Good try! Here is the right order:',
    nextRound: 'Next story',
    seeResult: 'See my result',
  },

  pattern: {
    roundOf: (n: number, total: number) => `Pattern ${n} of ${total}`,
    sequenceLabel: (items: string[]) => `Pattern: ${items.join(', ')}, then a question mark`,
    question: 'What comes next?',
    /** The answer is a piece's name ("dog": "The dog comes next") or a number ("10 comes next"). */
    right: (answer: string, picture: boolean) => `Yes! ${picture ? `The ${answer}` : answer} comes next.`,
    wrong: (answer: string, picture: boolean) => `Good try! ${picture ? `The ${answer}` : answer} comes next.`,
    nextRound: 'Next pattern',
    seeResult: 'See my result',
  },

  memory: {
    tryLabel: (length: number) => `Remember ${length} symbols`,
    lookNow: 'Look carefully and remember the order.',
    sequenceLabel: 'Symbols to remember',
    ready: "I'm ready",
    autoHideNote: 'They hide by themselves in a few seconds.',
    tapNow: 'Ready? Now tap the symbols in the same order.',
    yourTaps: 'Your taps',
    noTapsYet: 'No taps yet.',
    undo: 'Undo last tap',
    right: 'Brilliant! You got them all in order.',
    /** The symbols' names in the order shown: "apple, frog, star". */
    wrong: (names: readonly string[]) => `Not quite. The order was ${names.join(', ')}.`,
    nextLonger: (length: number) => `Next: ${length} symbols`,
    tryAgain: 'Try another one',
    seeResult: 'See my result',
  },

  finished: {
    title: 'You did it!',
    intro: 'You finished all the About me steps. Your answers are saved.',
    pathway: 'Go to my pathway',
    change: 'You can go back to any step above to change an answer.',
    notYet: (left: number) => `Almost there! ${left} ${left === 1 ? 'step is' : 'steps are'} still to do.`,
    continue: 'Carry on',
  },
};
