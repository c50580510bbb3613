/** Quizzes, the matching game and their results. Short, kind sentences for readers of 8 to 12. */
export const activity = {
  notFound: 'This activity could not be found.',
  locked: (titles: string) => `This goal is not ready yet. Finish ${titles} first.`,
  backToPathway: 'Back to my pathway',
  goalLine: (subject: string, objective: string) => `${subject} · ${objective}`,
  themeLine: (interest: string) => `${interest} theme`,

  // Leaving before the end
  leave: 'Leave activity',
  leaveQuestion: 'Leave now? What you did so far will be saved, but the activity will not count as finished.',
  leaveConfirm: 'Yes, leave',
  leaveCancel: 'Keep going',

  // Quiz
  questionCounter: (n: number, total: number) => `Question ${n} of ${total}`,
  checkAnswer: 'Check answer',
  chooseFirst: 'Pick an answer first.',
  correct: 'Well done, that is right!',
  wrong: (answer: string) => `Not quite. The answer is ${answer}.`,
  yourAnswer: 'your answer',
  rightAnswer: 'right answer',
  nextQuestion: 'Next question',
  seeScore: 'See my score',

  // Matching game
  gameTitle: 'Match the pairs',
  leftColumn: 'Clues',
  rightColumn: 'Answers',
  gameHelp: 'Pick a clue on the left, then pick the answer that goes with it on the right.',
  matched: 'matched',
  selected: 'picked',
  pickLeftFirst: 'First pick a clue on the left.',
  pickedLeft: (left: string) => `You picked “${left}”. Now pick its answer.`,
  goodMatch: (left: string, right: string) => `Yes! “${left}” goes with “${right}”.`,
  notAMatch: (left: string, right: string) => `“${left}” and “${right}” do not go together. Try another answer!`,
  pairsLeft: (matched: number, total: number) => `${matched} of ${total} pairs matched`,

  // Result
  resultTitle: 'All done!',
  stoppedTitle: 'You stopped early',
  quizScore: (correct: number, total: number) => `You got ${correct} out of ${total} right.`,
  gameScore: (pairs: number, mistakes: number) =>
    `You matched all ${pairs} pairs${mistakes === 0 ? ' with no mistakes!' : ` with ${mistakes} ${mistakes === 1 ? 'mistake' : 'mistakes'}.`}`,
  gamePartial: (matched: number, pairs: number) => `You matched ${matched} of ${pairs} pairs.`,
  scorePercent: (percent: number) => `Score: ${percent}%`,
  saving: 'Saving your score…',
  saved: '✓ Your score is saved.',
  notSaved: 'Your score was not saved. The computer could not save it just now.',
  saveAgain: 'Save my score again',
  leaveUnsaved: 'If you go back now, this score will not be kept.',
  objectiveCompleted: (objective: string) => `You completed ${objective}!`,
  objectiveDone: (objective: string, percent: number) => `✓ ${objective} is done. Your best score is ${percent}%.`,
  keepPractising: (objective: string, need: number, best: number | null) =>
    `To finish ${objective} you need ${need}%.${best === null ? '' : ` Your best so far is ${best}%.`} Keep practising, you can do it!`,
  tryAgain: 'Try again',
};
