/**
 * Which files the transfer panels offer to choose. The main process reads and checks them (a
 * wrong or damaged file is refused there, with the reason); these only filter the file chooser.
 */

/** The ending every profile file has, protected or not; anything else dropped on the window is refused by name. */
export const PROFILE_EXTENSION = '.dalaprofile';
export const PROFILE_ACCEPT = `${PROFILE_EXTENSION},application/json`;

/** dala-backup-….json, .json.gz when compressed, .json.age when protected with a passphrase. */
export const BACKUP_ACCEPT = '.json,.gz,.age,application/json,application/gzip';

export const hasProfileExtension = (fileName: string): boolean => fileName.toLowerCase().endsWith(PROFILE_EXTENSION);
