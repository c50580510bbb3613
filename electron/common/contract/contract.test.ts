import { describe, expect, it } from 'vitest';
import { accessLevelOf, CHANNEL_NAMES, contract, type ChannelName, type ParsedChannelInput } from './index';

const LEVELS = ['anyone', 'signUp', 'ownRecords', 'learnersEducator', 'classEducator', 'educator', 'admin'];

describe('the contract', () => {
  it('declares for every channel who may call it', () => {
    for (const name of CHANNEL_NAMES) {
      const { access, input } = contract[name] as { access: unknown; input: unknown };
      expect(typeof access === 'function' || LEVELS.includes(access as string), name).toBe(true);
      expect(input, name).toBeDefined();
    }
  });

  it('keeps what changes the machine for admins: restores, deletion, accounts, settings, replace imports', () => {
    const level = <C extends ChannelName>(name: C, input: unknown) => accessLevelOf(name, input as ParsedChannelInput<C>);
    for (const name of ['startRestore', 'restoreSnapshot', 'undoLastImport', 'deleteLearnerProfile', 'createEducator', 'updateSettings', 'listAuditLog'] as const) {
      expect(level(name, {}), name).toBe('admin');
    }
    expect(level('applyProfileImport', { importId: 'x', policy: 'replace' })).toBe('admin');
    expect(level('applyProfileImport', { importId: 'x', policy: 'merge' })).toBe('educator');
    expect(level('verifyDatabase', { fixOrphans: true })).toBe('admin');
  });

  it('lets anyone at the window only see names, classes and app info, and sign in', () => {
    const open = CHANNEL_NAMES.filter((name) => (contract[name] as { access: unknown }).access === 'anyone').sort();
    expect(open).toEqual(
      ['getAppInfo', 'getLearnerSignIn', 'getSession', 'getSettings', 'listClasses', 'listLearners', 'lockEducator', 'setUpFirstAdmin', 'signInLearner', 'signOutLearner', 'unlockEducator'].sort(),
    );
  });
});
