// Every action the audit log records, with its Russian and English label (the admin screen and the CSV use them).
export const AUDIT_ACTIONS = {
  'sign-in': 'вход / sign-in',
  'sign-in.failed': 'неудачный вход / failed sign-in',
  'sign-in.locked-out': 'блокировка входа / sign-in locked out',
  'sign-out': 'выход / sign-out',
  'password.changed': 'смена пароля / password changed',
  'person.created': 'сотрудник создан / person created',
  'person.updated': 'сотрудник изменён / person updated',
  'person.roles-changed': 'роли изменены / roles changed',
  'person.password-set': 'пароль назначен администратором / password set by an administrator',
  'department.created': 'подразделение создано / department created',
  'department.updated': 'подразделение изменено / department updated',
  'absence.created': 'отсутствие добавлено / absence added',
  'absence.updated': 'отсутствие изменено / absence updated',
  'absence.deleted': 'отсутствие удалено / absence removed',
  'place.created': 'место добавлено в справочник / place added',
  'place.deleted': 'место удалено из справочника / place removed',
  'channel-account.created': 'аккаунт сети добавлен / official account added',
  'profile.created': 'профиль создан / profile created',
  'profile.updated': 'профиль изменён / profile updated',
  'profile.selected': 'профиль организации выбран / organisation profile chosen',
  'calendar.overrides-set': 'календарь изменён / calendar overrides set',
  'calendar.time-zone-set': 'часовой пояс изменён / time zone set',
  'surge-thresholds.set': 'пороги всплесков изменены / surge thresholds set',
  'api-key.created': 'ключ API создан / API key created',
  'api-key.revoked': 'ключ API отозван / API key revoked',
  'display-token.created': 'ключ табло создан / display token created',
  'display-token.revoked': 'ключ табло отозван / display token revoked',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]];
