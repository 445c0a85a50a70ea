// zod pieces shared by the routers' inputs, with messages for the UI.
import { ROLES } from '@otklik/domain';
import { z } from 'zod';

export const zId = z.uuid({ message: 'неверный идентификатор / invalid id' });
export const zName = z
  .string()
  .trim()
  .min(1, 'Заполните название / required')
  .max(200, 'Слишком длинно (не более 200 символов) / too long');
export const zInstant = z.number().int().nonnegative();
/** 'system' is the server itself (scheduler, intake), never a person's role. */
export const zRole = z
  .enum(ROLES, { message: 'неизвестная роль / unknown role' })
  .refine((r) => r !== 'system', 'роль «system» только для сервера / the system role is reserved');
