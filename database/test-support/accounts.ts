/** The first admin tests set up on a fresh machine (any test that needs Educator tools unlocked). */
export const TEST_ADMIN = { username: 'admin', displayName: 'Test Admin', password: 'admin password 1' } as const;
