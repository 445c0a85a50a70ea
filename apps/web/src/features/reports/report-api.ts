// Calls of the report pages: the monthly summary, the cases behind a number and the head's overview.
import { api } from '../../api/trpc';

export const loadMonthly = (month: string) => api.reports.monthlySummary.query({ month });
/** The cases behind one number of the summary read as of `asOf` (the summary's): the same report. */
export const loadDrillCases = (month: string, key: string, asOf: number) =>
  api.reports.drilldown.query({ month, key, asOf });
export const loadHeadOverview = () => api.reports.headOverview.query();

export type MonthlyResponse = Awaited<ReturnType<typeof loadMonthly>>;
export type DrillCase = Awaited<ReturnType<typeof loadDrillCases>>[number];
export type HeadOverviewData = Awaited<ReturnType<typeof loadHeadOverview>>;

export const loadRepeatCandidates = (caseId: string) => api.reports.repeatCandidates.query({ caseId });
export type RepeatSuggestion = Awaited<ReturnType<typeof loadRepeatCandidates>>[number];

export const loadSurges = () => api.reports.surges.query({ sinceDays: 30 });
export const loadSurgeThresholds = () => api.reports.surgeThresholds.query();
export type SurgeThresholdsValue = Awaited<ReturnType<typeof loadSurgeThresholds>>;
export const saveSurgeThresholds = (value: SurgeThresholdsValue) => api.reports.setSurgeThresholds.mutate(value);
