/** Passphrases on files that leave the computer, and getting files in and out (text.transfer.protection). */
const megabytes = (bytes: number): string => (bytes < 1_048_576 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1_048_576).toFixed(1)} MB`);

export const transferProtection = {
  legend: 'Protection',
  protectLabel: 'Protect with a passphrase',
  protectHelp: 'Whoever finds the file, on a lost USB stick for example, cannot read it without the passphrase. You need the same passphrase to open it on the other computer.',
  whichLegend: 'Which passphrase',
  schoolChoice: 'Use the school passphrase',
  schoolHelp: 'The passphrase an admin set for this school. Computers where it is set open the file without anyone typing it.',
  ownChoice: 'Use a passphrase for this file only',
  passphrase: 'Passphrase',
  passphraseRules: 'At least 12 characters. Four or five ordinary words are easy to type and hard to guess.',
  passphraseAgain: 'Type the passphrase again',
  tooShort: 'Use at least 12 characters: four or five ordinary words are easy to type and hard to guess.',
  tooLong: 'Use at most 1024 characters.',
  onlySpaces: 'A passphrase needs more than spaces.',
  mismatch: 'The two passphrases are not the same. Type them again.',
  compressLabel: 'Compress (gzip)',
  compressHelp: 'Makes the file smaller, which helps with big backups. DALA opens it as it is.',

  promptTitle: (fileName: string) => `“${fileName}” is protected with a passphrase`,
  promptLabel: 'Passphrase for this file',
  promptButton: 'Open the file',
  promptEmpty: 'Type the passphrase the file was protected with.',
  promptTrying: 'Trying the passphrase…',

  choosing: 'Choose the file in the window that opened…',
  sendingLabel: 'Sending the file to DALA',
  sending: (fileName: string, sent: number, total: number) => `Sending ${fileName}: ${megabytes(sent)} of ${megabytes(total)}…`,
  sent: (fileName: string) => `${fileName} has reached DALA.`,

  saving: 'Saving the file…',
  saved: (fileName: string) => `Saved as ${fileName}.`,
  downloaded: (fileName: string) => `Saved as ${fileName}. Look in your downloads folder.`,
  notSaved: 'The file was not saved. Use “Save the file again” to choose where.',
  saveGone: 'DALA no longer keeps this file (it keeps files for an hour). Make it again.',
};
