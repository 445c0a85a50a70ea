// A board row for unit tests: every field at a neutral value, what a test is about given as `patch`.
import type { BoardCase } from './types';

export function boardCase(id: string, patch: Partial<BoardCase> = {}): BoardCase {
  return {
    id,
    number: 1,
    organisationId: 'org',
    organisationName: '',
    status: 'assigned',
    currentStep: 'draft',
    stepClock: null,
    overallDueAt: null,
    overallAtRiskAt: null,
    responsibleName: null,
    departmentId: null,
    departmentName: null,
    category: 'ordinary',
    high: false,
    network: 'vk',
    topic: null,
    location: null,
    detectedAt: 0,
    excerpt: '',
    authorName: null,
    sociallySignificant: false,
    repeat: false,
    publication: null,
    messageDeleted: false,
    isOpen: true,
    seq: 0,
    responsiblePersonId: null,
    ...patch,
  };
}
