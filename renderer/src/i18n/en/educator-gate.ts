import { MIN_PASSWORD_LENGTH } from '../../../../electron/common/accounts';

/** The lock in front of Educator tools: the first admin, unlocking, locking. For adults, plain. */
export const educatorGate = {
  checking: 'Checking who may use Educator tools…',
  checkFailed: 'The app could not check who is signed in. Check that DALA is still running, then try again.',

  setupTitle: 'Set up the first admin',
  setupIntro:
    'Nobody looks after this computer in DALA yet. Make the first educator account: it is an admin, who can do everything, add other educators and look after classes. Keep the password away from learners.',
  username: 'Username',
  usernameHint: 'Letters, digits, dot, dash and underscore only, for example “ms.okafor”.',
  displayName: 'Your name, as learners and colleagues know you',
  password: 'Password',
  passwordAgain: 'Password again',
  passwordRules: `At least ${MIN_PASSWORD_LENGTH} characters. A short sentence is easy to remember and hard to guess.`,
  setupButton: 'Make the admin account',
  settingUp: 'Making the account…',
  passwordsDiffer: 'The two passwords are not the same. Type them again.',
  passwordTooShort: `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`,
  usernameMissing: 'Type a username.',
  usernameInvalid: 'A username may contain only letters, digits, dot, dash and underscore.',
  nameMissing: 'Type your name.',

  unlockTitle: 'Unlock Educator tools',
  unlockIntro: 'Educator tools are for teachers and admins. Type your username and password.',
  unlockButton: 'Unlock',
  unlocking: 'Checking…',
  passwordMissing: 'Type your password.',
  lockedOut: (seconds: number) =>
    `Too many wrong tries. Wait ${seconds >= 120 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`}, then try again. An admin can reset your password.`,
  tryAgainNow: 'You can try again now.',
  failed: 'That did not work just now. Check that DALA is still running, then try again.',

  notices: {
    locked: 'Educator tools are locked.',
    idle: 'Educator tools locked themselves after a while without use. Unlock them again to carry on.',
    refused: 'Educator tools were locked: after a while without use, or because the educator accounts changed (a restore that replaces everything brings back the backup’s accounts). Unlock them again to carry on.',
  },

  signedInAs: (name: string, role: string) => `Unlocked for ${name} (${role})`,
  roles: { admin: 'admin', coach: 'coach' },
  lockButton: 'Lock',
  lockFailed: 'Educator tools could not be locked just now. Try again, or close the app.',
  changeMyPassword: 'Change my password',
  closeChangePassword: 'Close password change',

  ownPasswordTitle: 'Change my password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  newPasswordAgain: 'New password again',
  saveOwnPassword: 'Change password',
  ownPasswordSaved: 'Your password is changed. Use the new one next time.',
};
