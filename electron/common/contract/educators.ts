import { z } from 'zod';
import { educatorRole, password, username, type EducatorView } from '../accounts';
import { classId } from '../classes';
import { displayName } from '../dto';
import { channel } from './define';

const educatorId = z.uuid('must be an educator id');

/** Educator accounts: an admin's work. */
export const educatorContract = {
  listEducators: channel<EducatorView[]>()(z.strictObject({}), 'admin'),
  createEducator: channel<EducatorView>()(z.strictObject({ username, displayName, role: educatorRole, password }), 'admin', {
    audit: (input, output) => ({ action: 'educator_created', targetType: 'educator', targetId: output.id, detail: input.role }),
  }),
  updateEducator: channel<EducatorView>()(
    z.strictObject({ educatorId, displayName: displayName.optional(), role: educatorRole.optional() }).refine((u) => u.displayName !== undefined || u.role !== undefined, 'name a change: displayName or role'),
    'admin',
    { audit: (input) => ({ action: 'educator_updated', targetType: 'educator', targetId: input.educatorId, detail: input.role }) },
  ),
  resetEducatorPassword: channel<{ reset: true }>()(z.strictObject({ educatorId, password }), 'admin', {
    audit: (input) => ({ action: 'educator_password_reset', targetType: 'educator', targetId: input.educatorId }),
  }),
  setEducatorDisabled: channel<EducatorView>()(z.strictObject({ educatorId, disabled: z.boolean() }), 'admin', {
    audit: (input) => ({ action: input.disabled ? 'educator_disabled' : 'educator_enabled', targetType: 'educator', targetId: input.educatorId }),
  }),
  assignCoach: channel<EducatorView>()(z.strictObject({ educatorId, classId }), 'admin', {
    audit: (input) => ({ action: 'coach_assigned', targetType: 'class', targetId: input.classId, detail: input.educatorId }),
  }),
  unassignCoach: channel<EducatorView>()(z.strictObject({ educatorId, classId }), 'admin', {
    audit: (input) => ({ action: 'coach_unassigned', targetType: 'class', targetId: input.classId, detail: input.educatorId }),
  }),
};
