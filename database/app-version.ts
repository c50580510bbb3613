import packageJson from '../package.json';

/** The app's version, written into profile and backup files. */
export const APP_VERSION: string = packageJson.version;
