/** The users every emulated org has, and the account executives of the demo org. */
import type { Store } from '../store/store';

export const DEMO_USERS = {
  admin: {
    Username: 'admin@quorum.example',
    FirstName: 'Ada',
    LastName: 'Admin',
    Email: 'admin@quorum.example',
    Alias: 'aadmin',
  },
  integration: {
    Username: 'integration@quorum.example',
    FirstName: 'Quorum',
    LastName: 'Integration',
    Email: 'integration@quorum.example',
    Alias: 'quorum',
  },
};

export const REPS = [
  ['Sam', 'Rivera'],
  ['Nora', 'Klein'],
  ['Kenji', 'Watanabe'],
  ['Lin', 'Zhou'],
  ['Grace', 'Okafor'],
];

/** The users every emulated org has (admin and the integration user the service logs in as). */
export function seedUsers(store: Store): void {
  const users = store.table('User');
  const usernameField = users.def.fieldMap.get('username')!;
  for (const u of Object.values(DEMO_USERS)) {
    if (!users.findUnique(usernameField, u.Username))
      store.load('User', [{ ...u, IsActive: true }]);
  }
  store.userId = users.findUnique(usernameField, DEMO_USERS.integration.Username)!.Id as string;
}
