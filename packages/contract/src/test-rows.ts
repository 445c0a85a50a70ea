// A wall row as the server sends it, for the tests of its schema and of the clients that apply it (one sample, so
// a field added to the row is added to every test at once). Test-only: nothing in the product imports it.
import type { WallRowMessage } from './realtime-events';

export const sampleWallRow = (id = 'c1'): WallRowMessage => ({
  view: 'wall',
  id,
  number: 41,
  status: 'assigned',
  currentStep: 'draft',
  dueAt: Date.UTC(2026, 11, 4, 9),
  responsibleDepartmentId: 'roads',
  responsibleDepartmentName: 'Дороги',
  category: 'ordinary',
  topic: 'дороги',
  location: 'Центральный район',
  network: 'vk',
  flags: [],
  clocks: [],
  isOpen: true,
  detectedAt: Date.UTC(2026, 11, 3, 9),
});
