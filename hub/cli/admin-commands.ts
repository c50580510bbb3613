import type { HubAdministration, MachineListing } from '../store/hub-store';
import { openHubAdministration } from '../store/hub-administration';
import { databaseUrl, expectPositionals, parseCommandArguments, uuidArgument, validArgument } from './hub-arguments';
import { formatTable, printJson, printLines, type HubCliIo } from './hub-io';
import { z } from 'zod';

/**
 * The IT person's commands, run with the owner's URL (`dala_hub_owner`): migrations, schools,
 * enrolment codes, machines. Each opens the administration, does one thing, closes it.
 */

export interface HubAdminCommand {
  path: readonly [string, string] | readonly [string];
  usage: string;
  summary: string;
  run(args: readonly string[], io: HubCliIo): Promise<number>;
}

const URL_OPTION = { 'database-url': { type: 'string' } } as const;
const JSON_OPTION = { json: { type: 'boolean' } } as const;

async function withAdministration<T>(url: string, work: (admin: HubAdministration) => Promise<T>): Promise<T> {
  const admin = await openHubAdministration(url);
  try {
    return await work(admin);
  } finally {
    await admin.close();
  }
}

const schoolName = z.string().trim().min(1, 'needs a name').max(100, 'has at most 100 characters');

const enrolHint = (code: string) => `On each of the school's machines: dala sync enroll --hub https://HUB-ADDRESS --code ${code}  (or Educator tools → School hub, as an admin).`;

const machineRows = (machines: readonly MachineListing[]) =>
  formatTable([['machine id', 'name', 'school', 'enrolled', 'last seen', 'state'], ...machines.map((m) => [m.machineId, m.name, m.schoolName, m.enrolledAt, m.lastSeenAt ?? 'never', m.revokedAt ? `revoked ${m.revokedAt}` : 'active'])]);

const migrate: HubAdminCommand = {
  path: ['migrate'],
  usage: 'dala hub migrate --database-url OWNER_URL',
  summary: "creates or upgrades the hub's tables (refuses a database newer than this hub)",
  async run(args, io) {
    const { values, positionals } = parseCommandArguments(args, URL_OPTION, this.usage);
    expectPositionals(positionals, 0, this.usage, 'nothing');
    const { from, to } = await withAdministration(databaseUrl(values['database-url'], io.env, this.usage), (admin) => admin.migrate());
    printLines(io, [from === to ? `The hub database is up to date (schema version ${to}).` : `The hub database was upgraded from schema version ${from} to ${to}.`]);
    return 0;
  },
};

const schoolsCreate: HubAdminCommand = {
  path: ['schools', 'create'],
  usage: 'dala hub schools create --name NAME --database-url OWNER_URL [--json]',
  summary: 'adds a school and prints its id and an enrolment code valid for 24 hours',
  async run(args, io) {
    const { values, positionals } = parseCommandArguments(args, { ...URL_OPTION, ...JSON_OPTION, name: { type: 'string' } }, this.usage);
    expectPositionals(positionals, 0, this.usage, 'nothing');
    const name = validArgument(schoolName, values.name ?? '', '--name', this.usage);
    const school = await withAdministration(databaseUrl(values['database-url'], io.env, this.usage), (admin) => admin.createSchool(name));
    if (values.json) printJson(io, school);
    else
      printLines(io, [
        `School created: ${school.name}`,
        `  school id:       ${school.schoolId}`,
        `  enrolment code:  ${school.enrolmentCode}`,
        `  valid until:     ${school.codeExpiresAt} (any number of this school's machines may use it until then)`,
        enrolHint(school.enrolmentCode),
      ]);
    return 0;
  },
};

const schoolsList: HubAdminCommand = {
  path: ['schools', 'list'],
  usage: 'dala hub schools list --database-url OWNER_URL [--json]',
  summary: 'every school with its id and number of active machines',
  async run(args, io) {
    const { values, positionals } = parseCommandArguments(args, { ...URL_OPTION, ...JSON_OPTION }, this.usage);
    expectPositionals(positionals, 0, this.usage, 'nothing');
    const schools = await withAdministration(databaseUrl(values['database-url'], io.env, this.usage), (admin) => admin.listSchools());
    if (values.json) printJson(io, schools);
    else if (schools.length === 0) printLines(io, ['No schools yet: dala hub schools create --name NAME']);
    else printLines(io, formatTable([['school id', 'name', 'created', 'machines'], ...schools.map((s) => [s.schoolId, s.name, s.createdAt, s.machines])]));
    return 0;
  },
};

const codesCreate: HubAdminCommand = {
  path: ['codes', 'create'],
  usage: 'dala hub codes create --school SCHOOL_ID --database-url OWNER_URL [--json]',
  summary: 'a fresh enrolment code for a school, valid for 24 hours',
  async run(args, io) {
    const { values, positionals } = parseCommandArguments(args, { ...URL_OPTION, ...JSON_OPTION, school: { type: 'string' } }, this.usage);
    expectPositionals(positionals, 0, this.usage, 'nothing');
    const school = validArgument(uuidArgument, values.school ?? '', '--school', this.usage);
    const code = await withAdministration(databaseUrl(values['database-url'], io.env, this.usage), (admin) => admin.createEnrolmentCode(school));
    if (values.json) printJson(io, { schoolId: school, ...code });
    else printLines(io, [`Enrolment code: ${code.enrolmentCode}`, `Valid until:    ${code.codeExpiresAt}`, enrolHint(code.enrolmentCode)]);
    return 0;
  },
};

const codesRevoke: HubAdminCommand = {
  path: ['codes', 'revoke'],
  usage: 'dala hub codes revoke --school SCHOOL_ID --database-url OWNER_URL [--json]',
  summary: "makes every unexpired enrolment code of a school unusable (enrolled machines keep working)",
  async run(args, io) {
    const { values, positionals } = parseCommandArguments(args, { ...URL_OPTION, ...JSON_OPTION, school: { type: 'string' } }, this.usage);
    expectPositionals(positionals, 0, this.usage, 'nothing');
    const school = validArgument(uuidArgument, values.school ?? '', '--school', this.usage);
    const result = await withAdministration(databaseUrl(values['database-url'], io.env, this.usage), (admin) => admin.revokeEnrolmentCodes(school));
    if (values.json) printJson(io, { schoolId: school, ...result });
    else printLines(io, [`${result.revoked} enrolment code${result.revoked === 1 ? '' : 's'} revoked. Machines already enrolled keep working.`]);
    return 0;
  },
};

const machinesList: HubAdminCommand = {
  path: ['machines', 'list'],
  usage: 'dala hub machines list --database-url OWNER_URL [--school SCHOOL_ID] [--json]',
  summary: 'enrolled machines: id, name, school, last seen, revoked or active',
  async run(args, io) {
    const { values, positionals } = parseCommandArguments(args, { ...URL_OPTION, ...JSON_OPTION, school: { type: 'string' } }, this.usage);
    expectPositionals(positionals, 0, this.usage, 'nothing');
    const school = values.school === undefined ? undefined : validArgument(uuidArgument, values.school, '--school', this.usage);
    const machines = await withAdministration(databaseUrl(values['database-url'], io.env, this.usage), (admin) => admin.listMachines(school));
    if (values.json) printJson(io, machines);
    else if (machines.length === 0) printLines(io, ['No machines enrolled yet.']);
    else printLines(io, machineRows(machines));
    return 0;
  },
};

const machinesRevoke: HubAdminCommand = {
  path: ['machines', 'revoke'],
  usage: 'dala hub machines revoke MACHINE_ID --database-url OWNER_URL [--json]',
  summary: "revokes a machine's credential (a lost or stolen machine): the hub refuses it from now on",
  async run(args, io) {
    const { values, positionals } = parseCommandArguments(args, { ...URL_OPTION, ...JSON_OPTION }, this.usage);
    const [id] = expectPositionals(positionals, 1, this.usage, 'the machine id');
    const machineId = validArgument(uuidArgument, id, 'MACHINE_ID', this.usage);
    const machine = await withAdministration(databaseUrl(values['database-url'], io.env, this.usage), (admin) => admin.revokeMachine(machineId));
    if (values.json) printJson(io, machine);
    else printLines(io, [`Machine ${machine.machineId} (${machine.name}, ${machine.schoolName}) is revoked since ${machine.revokedAt ?? 'now'}; the hub refuses its credential from now on.`, 'To use it again, enrol it with a new code.']);
    return 0;
  },
};

export const HUB_ADMIN_COMMANDS: readonly HubAdminCommand[] = [migrate, schoolsCreate, schoolsList, codesCreate, codesRevoke, machinesList, machinesRevoke];
