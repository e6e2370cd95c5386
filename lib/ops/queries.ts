import 'server-only';
import { db } from '@/db';
import type { Cursor } from '@/lib/applications/cursor';
import { opsAlerts } from './alerts';
import { healthChecks } from './health';
import { failingJobs } from './jobs';
import { findStuckApplications, findStuckOutbox } from './stuck';

/** The pages' and routes' reads on the application's database (pages never touch db/ themselves). */
export const stuckApplicationsPage = (after?: Cursor) => findStuckApplications(db, { after });
export const stuckOutbox = () => findStuckOutbox(db);
export const failingJobsList = () => failingJobs(db);
export const adminAlerts = () => opsAlerts(db);
export const currentHealth = () => healthChecks(db);
