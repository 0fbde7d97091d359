// Every table, gathered so Drizzle's relational queries and the migrator see one schema.
export * from '../../modules/accounts/accounts.schema.ts';
export * from '../../modules/organisation/organisation.schema.ts';
export * from '../../modules/registration/registration.schema.ts';
export * from '../audit/audit.schema.ts';
export * from '../files/files.schema.ts';
export * from '../jobs/jobs.schema.ts';
export * from '../mail/mail.schema.ts';
