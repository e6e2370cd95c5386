import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { students } from '@/db/schema/registry';
import type { Education, StudentRecord } from './port';

export class EducationSimulator implements Education {
  constructor(private readonly db: DbOrTx) {}

  async studentRecords(iin: string): Promise<StudentRecord[]> {
    return this.db
      .select({
        source: students.source,
        institutionKk: students.institutionKk,
        institutionRu: students.institutionRu,
        regionCode: students.regionCode,
        fullTime: students.fullTime,
        fromDate: students.fromDate,
        toDate: students.toDate,
      })
      .from(students)
      .where(eq(students.iin, iin))
      .orderBy(asc(students.fromDate), asc(students.id));
  }
}
