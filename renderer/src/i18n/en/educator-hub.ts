/** The school hub, seen from this machine: for every educator, enrolling and leaving for admins. */
const changes = (n: number) => `${n} ${n === 1 ? 'change' : 'changes'}`;

export const educatorHub = {
  title: 'School hub',
  intro: 'A school hub keeps the learners’ records of every computer in the school together: changes made here are sent to it, and changes made on other computers come back here.',
  loading: 'Reading the state of the school hub link…',

  // The status sentence, one per SyncStatusView state.
  notEnrolled: 'This machine is not part of a school hub.',
  notEnrolledMore: 'It keeps its records to itself. Enrolling it sends everything on it to the school’s hub and brings back what other computers of the school have; from then on it stays in step by itself, every minute while DALA is open. Work carries on as usual when the network is down.',
  upToDate: 'Up to date',
  upToDateAgo: (ago: string) => `Up to date · ${ago}`,
  pending: (n: number) => `${changes(n)} waiting · next sync within a minute`,
  offline: (n: number) =>
    n === 0 ? 'Offline: the hub could not be reached. Nothing is waiting to be sent.' : `Offline: ${changes(n)} waiting. They will be sent when the hub can be reached.`,
  revoked: 'This machine’s credential was revoked. An admin must enrol it again with a new code.',
  revokedAdmin: 'To enrol it again: leave the school hub below (the records stay here), then enrol with the new code the hub’s IT person gives you.',
  error: 'The hub refused the last sync. Try “Sync now” later, or ask the hub’s IT person.',
  waitingAfterError: (n: number) => (n === 0 ? 'Nothing is waiting to be sent.' : `${changes(n)} waiting to be sent.`),

  // Relative times ("2 min ago"), rough on purpose: the exact time is in the list below.
  justNow: 'just now',
  minutesAgo: (n: number) => `${n} min ago`,
  hoursAgo: (n: number) => `${n} h ago`,
  daysAgo: (n: number) => `${n} ${n === 1 ? 'day' : 'days'} ago`,

  detailsCaption: 'The school hub link',
  hubAddress: 'Hub address',
  school: 'School',
  lastSync: 'Last complete sync',
  lastAttempt: 'Last try',
  waiting: 'Changes waiting',
  never: 'Not yet',

  syncNow: 'Sync now',
  syncing: 'Sending and receiving changes…',
  synced: (pushed: number, pulled: number) => `Sent ${changes(pushed)}, received ${changes(pulled)}.`,
  syncFailed: 'The sync could not be run just now. Try again in a moment.',

  enrolTitle: 'Enrol this machine',
  enrolIntro: 'The hub’s IT person gives you its address and an enrolment code. One code serves all the school’s computers until it expires, a day after the hub made it.',
  hubUrlLabel: 'Hub address',
  hubUrlHint: 'For example https://hub.school.example:8443',
  codeLabel: 'Enrolment code',
  codeHint: 'Letters, digits and dashes, as printed by the hub.',
  machineNameLabel: 'Name of this machine (optional)',
  machineNameHint: 'How the IT person will see it in the hub’s list; the computer’s own name when left empty.',
  enrol: 'Enrol',
  enrolling: 'Asking the hub to enrol this machine…',
  enrolled: (school: string) => `This machine is now part of ${school}. Its records are sent to the hub within a few seconds.`,
  notEnrolledAgain: 'Nothing was changed: this machine is still not part of a school hub.',
  hubUrlMissing: 'Enter the hub’s address.',
  hubUrlInvalid: 'Enter the whole address, starting with https:// or http://, for example https://hub.school.example:8443.',
  codeMissing: 'Enter the enrolment code.',
  codeInvalid: 'The code must be the one the hub printed: at least 8 letters, digits or dashes.',
  machineNameTooLong: 'Keep the name under 100 characters.',
  enrolFailed: 'The machine could not be enrolled just now. Try again in a moment.',

  leave: 'Leave the school hub…',
  leaveTitle: 'Leave the school hub?',
  leaveText: 'This machine stops sending its changes to the school and stops receiving changes from other computers.',
  leaveWaiting: (n: number) => (n === 0 ? '' : `${changes(n)} not yet sent will not be sent.`),
  leaveSafety: 'All the learners’ records stay on this machine. An admin can enrol it again later with a new code.',
  leaveYes: 'Yes, leave the hub',
  leaving: 'Leaving the school hub…',
  left: 'This machine has left the school hub. Its records stay here.',
  leaveFailed: 'The machine could not leave the hub just now. Try again in a moment.',
};
