// The wall snapshot's output schema keeps the wall row's columns only: a board column (author, text, names) that
// reached the row by mistake is dropped before it is sent, and a row missing a column is refused.
import { describe, expect, it } from 'vitest';
import { zWallSnapshotRow } from './outputs';

const row = {
  id: '8d6f7a0e-2f6b-4a57-9d0f-3c2b1a0e9f11',
  number: 17,
  status: 'assigned',
  currentStep: 'answer',
  dueAt: new Date('2026-11-24T12:30:00+03:00'),
  responsibleDepartmentId: 'b1e0c9d2-6a43-4f0e-8c1a-2d3e4f5a6b7c',
  responsibleDepartmentName: 'ЖКХ',
  category: 'ordinary',
  topic: 'Дороги',
  location: 'Беляево',
  network: 'vk',
  flags: [],
  clocks: [],
  isOpen: true,
  detectedAt: new Date('2026-11-24T09:00:00+03:00'),
};

describe('wall snapshot rows', () => {
  it('drops columns the wall row does not have', () => {
    const sent = zWallSnapshotRow.parse({ ...row, author: 'Секретный Автор', excerpt: 'Личный текст' });
    expect(sent).toEqual(row);
    expect(JSON.stringify(sent)).not.toContain('Секретный');
  });

  it('refuses a row without its deadline column', () => {
    const { dueAt: _dueAt, ...partial } = row;
    expect(zWallSnapshotRow.safeParse(partial).success).toBe(false);
  });
});
