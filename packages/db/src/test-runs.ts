import { getDb } from './client';
import type { Prisma } from './generated/client';
import { isUuid } from './ids';
import { readSpec } from './specs';

/**
 * What a test run's results hold for: the spec, parsed first so stored JSON (jsonb keeps no key
 * order) and a draft compare alike, without the publish rule itself (changing it tests nothing new).
 */
function specKey(spec: unknown): string {
  const { testPolicy: _, ...tested } = readSpec(spec as Prisma.JsonValue);
  return JSON.stringify(tested);
}

/** What a versions list shows of a version's tests: its latest run. */
export interface TestRunSummary {
  passed: number;
  total: number;
  /** passed / total (0 when nothing ran). */
  passRate: number;
  createdAt: Date;
  /** The version the tests ran on (a snapshot with the same spec, for a published version). */
  flowVersionId: string;
}

/**
 * Test runs from the builder, stored on the version they ran on. A published version has the
 * spec of the snapshot its draft was tested as, so a version's results are those of the latest
 * run on any version of the flow with exactly its spec.
 */
export const testRuns = {
  /** Stores one run's counts and results on `flowVersionId`. */
  async record(flowVersionId: string, run: { passed: number; total: number; results: unknown }): Promise<void> {
    await getDb().testRun.create({
      data: {
        flowVersionId,
        passed: run.passed,
        total: run.total,
        results: run.results as Prisma.InputJsonValue,
      },
    });
  },

  /** The latest run for each version of the flow (by identical spec), keyed by version id. */
  async latestByVersion(flowId: string): Promise<Map<string, TestRunSummary>> {
    if (!isUuid(flowId)) return new Map();
    const rows = await getDb().flowVersion.findMany({
      where: { flowId },
      select: {
        id: true,
        spec: true,
        testRuns: { orderBy: { createdAt: 'desc' }, take: 1, select: { passed: true, total: true, createdAt: true } },
      },
    });
    const latestBySpec = new Map<string, TestRunSummary>();
    for (const row of rows) {
      const run = row.testRuns[0];
      if (!run) continue;
      const key = specKey(row.spec);
      const known = latestBySpec.get(key);
      if (!known || known.createdAt < run.createdAt) {
        latestBySpec.set(key, {
          passed: run.passed,
          total: run.total,
          passRate: run.total > 0 ? run.passed / run.total : 0,
          createdAt: run.createdAt,
          flowVersionId: row.id,
        });
      }
    }
    const byVersion = new Map<string, TestRunSummary>();
    for (const row of rows) {
      const run = latestBySpec.get(specKey(row.spec));
      if (run) byVersion.set(row.id, run);
    }
    return byVersion;
  },

  /** The latest run of a version of the flow whose spec is exactly `spec` (e.g. the draft), or null. */
  async latestForSpec(flowId: string, spec: unknown): Promise<TestRunSummary | null> {
    if (!isUuid(flowId)) return null;
    const key = specKey(spec);
    const rows = await getDb().flowVersion.findMany({ where: { flowId }, select: { id: true, spec: true } });
    const ids = rows.filter((row) => specKey(row.spec) === key).map((row) => row.id);
    if (ids.length === 0) return null;
    const run = await getDb().testRun.findFirst({
      where: { flowVersionId: { in: ids } },
      orderBy: { createdAt: 'desc' },
    });
    if (!run) return null;
    return {
      passed: run.passed,
      total: run.total,
      passRate: run.total > 0 ? run.passed / run.total : 0,
      createdAt: run.createdAt,
      flowVersionId: run.flowVersionId,
    };
  },
};
