// Every action the audit log records, with its label in Russian and English: the server's CSV and the web's admin
// screen word an entry by its action, so nobody has to split a two-language label.

export const AUDIT_ACTIONS = {
  'sign-in': { ru: 'вход', en: 'sign-in' },
  'sign-in.failed': { ru: 'неудачный вход', en: 'failed sign-in' },
  'sign-in.locked-out': { ru: 'блокировка входа', en: 'sign-in locked out' },
  'sign-out': { ru: 'выход', en: 'sign-out' },
  'password.changed': { ru: 'смена пароля', en: 'password changed' },
  'person.created': { ru: 'сотрудник создан', en: 'person created' },
  'person.updated': { ru: 'сотрудник изменён', en: 'person updated' },
  'person.roles-changed': { ru: 'роли изменены', en: 'roles changed' },
  'person.password-set': { ru: 'пароль назначен администратором', en: 'password set by an administrator' },
  'department.created': { ru: 'подразделение создано', en: 'department created' },
  'department.updated': { ru: 'подразделение изменено', en: 'department updated' },
  'absence.created': { ru: 'отсутствие добавлено', en: 'absence added' },
  'absence.updated': { ru: 'отсутствие изменено', en: 'absence updated' },
  'absence.deleted': { ru: 'отсутствие удалено', en: 'absence removed' },
  'place.created': { ru: 'место добавлено в справочник', en: 'place added' },
  'place.updated': { ru: 'место в справочнике изменено', en: 'place changed' },
  'place.deleted': { ru: 'место удалено из справочника', en: 'place removed' },
  'channel-account.created': { ru: 'аккаунт сети добавлен', en: 'official account added' },
  'channel-account.updated': { ru: 'аккаунт сети изменён', en: 'official account changed' },
  'channel-account.deleted': { ru: 'аккаунт сети удалён', en: 'official account removed' },
  'supervisors.set': {
    ru: 'руководители куратора и оператора назначены',
    en: 'supervisors of the curator and operator set',
  },
  'topic.created': { ru: 'тема добавлена', en: 'topic added' },
  'topic.updated': { ru: 'тема изменена', en: 'topic changed' },
  'organisation.created': { ru: 'организация создана', en: 'organisation created' },
  'organisation.renamed': { ru: 'организация переименована', en: 'organisation renamed' },
  'organisation.archived': { ru: 'организация в архиве', en: 'organisation archived' },
  'organisation.restored': { ru: 'организация восстановлена из архива', en: 'organisation restored' },
  'production-calendar.imported': { ru: 'производственный календарь загружен', en: 'production calendar imported' },
  'production-calendar.removed': {
    ru: 'год производственного календаря удалён',
    en: 'production calendar year removed',
  },
  'profile.created': { ru: 'профиль создан', en: 'profile created' },
  'profile.updated': { ru: 'профиль изменён', en: 'profile updated' },
  'profile.selected': { ru: 'профиль организации выбран', en: 'organisation profile chosen' },
  'calendar.overrides-set': { ru: 'календарь изменён', en: 'calendar overrides set' },
  'calendar.time-zone-set': { ru: 'часовой пояс изменён', en: 'time zone set' },
  'surge-thresholds.set': { ru: 'пороги всплесков изменены', en: 'surge thresholds set' },
  'api-key.created': { ru: 'ключ API создан', en: 'API key created' },
  'api-key.revoked': { ru: 'ключ API отозван', en: 'API key revoked' },
  'display-token.created': { ru: 'ключ табло создан', en: 'display token created' },
  'display-token.revoked': { ru: 'ключ табло отозван', en: 'display token revoked' },
} as const satisfies Record<string, { readonly ru: string; readonly en: string }>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]];

/** The label of an audit action in one language; the action itself for one this build does not know. */
export function auditActionLabel(action: string, lang: 'ru' | 'en'): string {
  return Object.hasOwn(AUDIT_ACTIONS, action) ? AUDIT_ACTIONS[action as AuditAction][lang] : action;
}
