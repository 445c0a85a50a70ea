// zod pieces shared by the routers' inputs, with messages for the UI.
import { ROLES } from '@otklik/domain';
import { z } from 'zod';

export const zId = z.uuid({ message: 'validation.id' });
export const zName = z.string().trim().min(1, 'validation.name-required').max(200, 'validation.too-long');
/** A counter stored in a PostgreSQL integer column (a version, a case number, a sequence). */
export const zCounter = z.number().int().nonnegative().max(2_147_483_647, 'validation.number-too-large');
/** Milliseconds since 1970, up to the end of year 9999 (what a date field and PostgreSQL's timestamp both hold). */
export const zInstant = z.number().int().nonnegative().max(253_402_300_799_999, 'validation.date-after-9999');
/** 'system' is the server itself (scheduler, intake), never a person's role. */
export const zRole = z
  .enum(ROLES, { message: 'validation.unknown-role' })
  .refine((r) => r !== 'system', 'validation.system-role');
