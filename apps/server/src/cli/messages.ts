// The command line's own words (usage errors, prompts, reports) and the operator's lines of the server (its log, a
// refused environment, `otklik serve`'s notices), Russian and English, worded in the CLI's language (OTKLIK_LANG,
// Russian by default) as it words the server's messages and the domain's refusals. Command names,
// flags, JSON fields and `--help` texts are not here: they are the same in every language.
import { type MessageLang, messageIn } from '@otklik/contract';
import { counted, catalogueEntry as entry, fixedEntry as fixed } from '@otklik/domain';
import { commandLineLanguage } from '../env';

export const CLI_MESSAGES = {
  // Parsing the arguments (./args).
  'usage.unknown-command': entry<{ readonly name: string; readonly known: string }>(
    (p) => `неизвестная команда «${p.name}»; есть: ${p.known}`,
    (p) => `unknown command "${p.name}"; known: ${p.known}`,
  ),
  'usage.unknown-option': entry<{ readonly option: string }>(
    (p) => `неизвестный параметр ${p.option}`,
    (p) => `unknown option ${p.option}`,
  ),
  'usage.needs-value': entry<{ readonly option: string }>(
    (p) => `у параметра ${p.option} нет значения`,
    (p) => `option ${p.option} needs a value`,
  ),
  'usage.invalid-value': entry<{ readonly detail: string }>(
    (p) => `неверное значение: ${p.detail}`,
    (p) => `invalid value: ${p.detail}`,
  ),
  'usage.unexpected-argument': entry<{ readonly value: string }>(
    (p) => `лишний аргумент «${p.value}»`,
    (p) => `unexpected argument "${p.value}"`,
  ),
  'usage.missing': entry<{ readonly what: string }>(
    (p) => `не указан ${p.what}`,
    (p) => `missing ${p.what}`,
  ),
  'usage.missing-org': fixed('укажите --org <организация>', 'missing --org <slug or id>'),
  'usage.organisation-not-found': entry<{ readonly org: string }>(
    (p) => `организация «${p.org}» не найдена`,
    (p) => `organisation "${p.org}" not found`,
  ),
  'usage.unreadable': entry<{ readonly file: string; readonly detail: string }>(
    (p) => `не удаётся прочитать ${p.file}: ${p.detail}`,
    (p) => `cannot read ${p.file}: ${p.detail}`,
  ),
  // Questions on a terminal (./prompt).
  'prompt.interrupted': fixed('прервано', 'interrupted'),
  // A line of an input file that was refused (import, replay).
  'line.refused': entry<{ readonly line: number; readonly text: string }>(
    (p) => `строка ${p.line}: ${p.text}`,
    (p) => `line ${p.line}: ${p.text}`,
  ),
  // otklik import.
  'import.format': fixed('формат: json или csv', 'the format is json or csv'),
  'import.reading': entry<{ readonly encoding: string; readonly timeZone: string }>(
    (p) => `Кодировка: ${p.encoding}; часовой пояс: ${p.timeZone}`,
    (p) => `Encoding: ${p.encoding}; time zone: ${p.timeZone}`,
  ),
  'import.progress': entry<{ readonly done: number; readonly total: number }>(
    (p) => `Импорт: ${p.done}/${p.total}`,
    (p) => `Import: ${p.done}/${p.total}`,
  ),
  'import.summary': entry<{
    readonly created: number;
    readonly existing: number;
    readonly errors: number;
    readonly total: number;
  }>(
    (p) => `Создано: ${p.created}, уже были: ${p.existing}, ошибок: ${p.errors} (всего строк: ${p.total})`,
    (p) => `Created: ${p.created}, already present: ${p.existing}, errors: ${p.errors} (lines: ${p.total})`,
  ),
  // otklik init.
  'init.ask-name': fixed('Название организации', 'Organisation name'),
  'init.ask-preset': entry<{ readonly presets: string }>(
    (p) => `Профиль регламента (${p.presets})`,
    (p) => `Regulation profile (${p.presets})`,
  ),
  'init.ask-zone': fixed('Часовой пояс', 'Time zone'),
  'init.ask-login': fixed('Логин администратора', 'Administrator login'),
  'init.ask-full-name': fixed('ФИО администратора', 'Administrator full name'),
  'init.ask-password': fixed('Пароль администратора', 'Administrator password'),
  'init.ask-again': fixed('Ещё раз', 'Again'),
  'init.passwords-differ': fixed('Пароли не совпали', 'The passwords differ'),
  'init.password-twice': fixed(
    '--password-stdin и OTKLIK_ADMIN_PASSWORD заданы оба: оставьте одно',
    '--password-stdin and OTKLIK_ADMIN_PASSWORD are both given: keep one',
  ),
  'init.no-password': fixed(
    'нет пароля: передайте его через --password-stdin или OTKLIK_ADMIN_PASSWORD (спросить негде: нет терминала)',
    'no password: use --password-stdin or OTKLIK_ADMIN_PASSWORD (no terminal to ask on)',
  ),
  'init.profile-not-json': entry<{ readonly path: string }>(
    (p) => `${p.path}: не JSON`,
    (p) => `${p.path}: not valid JSON`,
  ),
  'init.preset-or-file': fixed('--preset или --profile-file, не оба', 'give --preset or --profile-file, not both'),
  'init.missing': entry<{ readonly flags: readonly string[] }>(
    (p) => `не хватает: ${p.flags.join(', ')} (otklik init --help)`,
    (p) => `missing: ${p.flags.join(', ')} (otklik init --help)`,
  ),
  'init.preset-flag': fixed('--preset (или --profile-file)', '--preset (or --profile-file)'),
  'init.created': entry<{
    readonly name: string;
    readonly slug: string;
    readonly profile: string;
    readonly timeZone: string;
    readonly login: string;
    readonly regionAdministrator: number;
    readonly database: string;
    readonly url: string;
  }>(
    (p) =>
      [
        `Организация создана: ${p.name}`,
        `  короткое имя: ${p.slug}   профиль: ${p.profile}   часовой пояс: ${p.timeZone}`,
        `  администратор: ${p.login} (${p.regionAdministrator ? 'администратор региона' : 'администратор'})`,
        `  база данных: ${p.database}`,
        '',
        'Что дальше:',
        '  1. Запустите сервер:  otklik serve   (в production: systemd или docker compose, см. README)',
        `  2. Откройте ${p.url} и войдите как ${p.login}`,
        '  3. Администрирование → Подразделения, Сотрудники: отделы, исполнители, кураторы, их заместители;',
        '     затем ключи API для мониторинга и токены табло.',
        '  4. Резервная копия: otklik backup <файл>  (README, раздел «Install for production»)',
      ].join('\n'),
    (p) =>
      [
        `Organisation created: ${p.name}`,
        `  slug: ${p.slug}   profile: ${p.profile}   time zone: ${p.timeZone}`,
        `  administrator: ${p.login} (${p.regionAdministrator ? 'region administrator' : 'administrator'})`,
        `  database: ${p.database}`,
        '',
        'Next steps:',
        '  1. Start the server:  otklik serve   (in production: systemd or docker compose, see README)',
        `  2. Open ${p.url} and sign in as ${p.login}`,
        '  3. Administration → Departments, People: departments, executors, curators and their substitutes;',
        '     then API keys for monitoring and wall display tokens.',
        '  4. Backup: otklik backup <file>  (README, section "Install for production")',
      ].join('\n'),
  ),
  // otklik calendar.
  'calendar.unknown-subcommand': entry<{ readonly sub: string }>(
    (p) => `неизвестная подкоманда «${p.sub}»: import или list`,
    (p) => `unknown subcommand "${p.sub}": import or list`,
  ),
  'calendar.subcommand': fixed('укажите import или list', 'import or list'),
  'calendar.not-a-year': entry<{ readonly value: string }>(
    (p) => `--year: «${p.value}» — не год`,
    (p) => `--year: "${p.value}" is not a year`,
  ),
  'calendar.totals': entry<{
    readonly year: number;
    readonly workingDays: number;
    readonly daysOff: number;
    readonly hours40: number;
  }>(
    (p) =>
      `${p.year}: рабочих дней ${p.workingDays}, выходных и праздничных ${p.daysOff}, ` +
      `часов при 40-часовой неделе ${p.hours40}`,
    (p) => `${p.year}: working days ${p.workingDays}, days off ${p.daysOff}, hours (40-hour week) ${p.hours40}`,
  ),
  'calendar.dry-run': fixed('Проверено, ничего не сохранено (--dry-run)', 'Checked, nothing stored (--dry-run)'),
  'calendar.imported': entry<{ readonly replaced: number }>(
    (p) =>
      `Загружено для всех организаций${p.replaced ? ' (прежние данные этих лет заменены)' : ''}; ` +
      'сверьте итоги с постановлением Правительства о переносе выходных дней',
    (p) =>
      `Imported for every organisation${p.replaced ? ' (the earlier data of these years replaced)' : ''}; ` +
      'compare the totals with the Government decree on moved days off',
  ),
  'calendar.refused': fixed('файл не принят:', 'the file was not accepted:'),
  'calendar.none': fixed(
    'Загруженных лет нет: действуют постановления, встроенные в Otklik, иначе ТК РФ ст. 112',
    'No imported years: the decrees shipped with Otklik apply, otherwise the Labour Code art. 112',
  ),
  'calendar.year': entry<{
    readonly year: number;
    readonly workingDays: number;
    readonly hours40: number;
    readonly fileName: string;
    readonly importedAt: string;
  }>(
    (p) => `${p.year}: ${p.workingDays} раб. дн., ${p.hours40} ч — ${p.fileName}, ${p.importedAt}`,
    (p) => `${p.year}: ${p.workingDays} working days, ${p.hours40} h — ${p.fileName}, ${p.importedAt}`,
  ),
  // otklik config.
  'config.unset': fixed('(не задано)', '(unset)'),
  'config.default': fixed('(по умолчанию)', '(default)'),
  // otklik backup, restore, migrate, move-to-postgres, serve.
  'backup.written': entry<{ readonly file: string; readonly mib: string }>(
    (p) => `Резервная копия записана: ${p.file} (${p.mib} МиБ)`,
    (p) => `Backup written: ${p.file} (${p.mib} MiB)`,
  ),
  'database.rows': fixed('Строк в таблицах:', 'Rows per table:'),
  'restore.done': entry<{ readonly into: string }>(
    (p) => `Восстановлено в ${p.into}:`,
    (p) => `Restored into ${p.into}:`,
  ),
  'restore.kept': entry<{ readonly path: string }>(
    (p) => `Прежняя база сохранена в ${p.path}`,
    (p) => `The replaced database is kept in ${p.path}`,
  ),
  'migrate.done': entry<{ readonly database: string }>(
    (p) => `Миграции применены: ${p.database}`,
    (p) => `Migrations applied: ${p.database}`,
  ),
  'move.to-required': fixed('укажите --to <адрес PostgreSQL>', '--to <DATABASE_URL> is required'),
  'move.not-a-url': entry<{ readonly to: string }>(
    (p) => `--to: не адрес: ${p.to}`,
    (p) => `--to: not a URL: ${p.to}`,
  ),
  'move.not-postgres': fixed('--to: нужен адрес postgres://…', '--to: expected a postgres:// URL'),
  'move.moving': entry<{ readonly dataDir: string }>(
    (p) => `Перенос ${p.dataDir} → PostgreSQL`,
    (p) => `Moving ${p.dataDir} → PostgreSQL`,
  ),
  'move.done': entry<{ readonly target: string; readonly counts: string; readonly cases: number }>(
    (p) =>
      `Перенесено и проверено: ${p.target}\nСтрок в таблицах (равно в источнике и цели):\n${p.counts}\n` +
      `Обращений сверено с событиями: ${p.cases}\nДальше: DATABASE_URL=${p.target} otklik serve`,
    (p) =>
      `Moved and verified into ${p.target}\nRows per table (equal in source and target):\n${p.counts}\n` +
      `Cases replayed against their events: ${p.cases}\nNext: DATABASE_URL=${p.target} otklik serve`,
  ),
  // The operations' own progress lines and refusals (../operations: backup, restore, move-to-postgres).
  'backup.no-database': entry<{ readonly dir: string }>(
    (p) => `В каталоге ${p.dir} нет встроенной базы: нечего сохранять (проверьте OTKLIK_DATA_DIR)`,
    (p) => `There is no embedded database in ${p.dir}: nothing to back up (check OTKLIK_DATA_DIR)`,
  ),
  'backup.dumping': fixed('Снимок встроенной базы…', 'Dumping the embedded database…'),
  'backup.verifying': fixed(
    'Проверка: копия загружается и совпадает по числу строк…',
    'Verifying that the backup loads with equal row counts…',
  ),
  'backup.not-verified': entry<{ readonly table: string; readonly found: number; readonly expected: number }>(
    (p) => `Проверка копии не прошла: в таблице ${p.table} ${p.found} строк вместо ${p.expected}`,
    (p) => `The backup does not verify: table ${p.table} has ${p.found} rows instead of ${p.expected}`,
  ),
  'backup.file-not-found': entry<{ readonly file: string }>(
    (p) => `Файл ${p.file} не найден`,
    (p) => `File not found: ${p.file}`,
  ),
  'backup.is-directory': entry<{ readonly file: string }>(
    (p) => `${p.file} — это каталог, а не файл`,
    (p) => `${p.file} is a directory, not a file`,
  ),
  'backup.kind': entry<{ readonly kind: 'pglite' | 'postgres' }>(
    (p) => (p.kind === 'pglite' ? 'встроенной базы (PGlite)' : 'PostgreSQL (pg_dump)'),
    (p) => (p.kind === 'pglite' ? 'the embedded database (PGlite)' : 'PostgreSQL (pg_dump)'),
  ),
  'pg.tool-missing': entry<{ readonly tool: string; readonly root: string }>(
    (p) =>
      `${p.tool} не найден (ни в PATH, ни в ${p.root}/*/bin): установите клиент PostgreSQL той же или более ` +
      'новой версии, чем сервер (Debian: apt-get install postgresql-client)',
    (p) =>
      `${p.tool} was not found on PATH nor in ${p.root}/*/bin: install the PostgreSQL client tools, ` +
      'of the same or a newer version than the server (Debian: apt-get install postgresql-client)',
  ),
  'pg.tool-failed': entry<{ readonly tool: string; readonly code: number | null; readonly output: string }>(
    (p) => `${p.tool} завершился с кодом ${p.code}:\n${p.output}`,
    (p) => `${p.tool} failed (exit ${p.code}):\n${p.output}`,
  ),
  'restore.not-a-backup': entry<{ readonly file: string }>(
    (p) => `${p.file} не похож на резервную копию Otklik (ни дамп PGlite, ни архив pg_dump)`,
    (p) => `${p.file} is not an Otklik backup (neither a PGlite dump nor a pg_dump archive)`,
  ),
  'restore.postgres-backup': fixed(
    'Это резервная копия PostgreSQL (pg_dump): восстанавливайте её с DATABASE_URL на сервер PostgreSQL',
    'This is a PostgreSQL backup (pg_dump): restore it with DATABASE_URL set to a PostgreSQL server',
  ),
  'restore.pglite-backup': fixed(
    'Это резервная копия встроенной базы (PGlite): восстановите её без DATABASE_URL (в OTKLIK_DATA_DIR), а затем ' +
      'перенесите на сервер командой otklik move-to-postgres',
    'This is a backup of the embedded database (PGlite): restore it without DATABASE_URL (into OTKLIK_DATA_DIR), ' +
      'then move it with otklik move-to-postgres',
  ),
  'restore.backup-of': entry<{ readonly kind: string; readonly file: string }>(
    (p) => `Резервная копия ${p.kind}: ${p.file}`,
    (p) => `A backup of ${p.kind}: ${p.file}`,
  ),
  'restore.loading': fixed('Загрузка копии…', 'Loading the backup…'),
  'restore.not-empty': entry<{ readonly summary: string }>(
    (p) =>
      `База данных не пуста (${p.summary}): восстановление заменит её целиком. Если это и нужно, повторите с --force`,
    (p) =>
      `The target database is not empty (${p.summary}): restoring replaces it entirely. ` +
      'Repeat with --force if that is what you want',
  ),
  'restore.others-connected': entry<{ readonly who: string }>(
    (p) => `К базе подключены другие клиенты (${p.who}): остановите серверы Otklik перед восстановлением`,
    (p) => `Other clients are connected to the target database (${p.who}): stop the Otklik servers before restoring`,
  ),
  'database.newer': entry<{ readonly when: string }>(
    (p) =>
      'База данных обновлена более новой версией Otklik: в ней применены миграции, которых эта версия не знает ' +
      `(созданы ${p.when}). Запустите версию Otklik не старше той, что обновила базу, или восстановите резервную ` +
      'копию, сделанную до обновления (otklik restore)',
    (p) =>
      `The database was migrated by a newer Otklik: it has migrations this version does not know (created ${p.when}). ` +
      'Run the same or a newer Otklik, or restore a backup taken before the upgrade (otklik restore)',
  ),
  'move.no-database': entry<{ readonly dir: string }>(
    (p) => `В ${p.dir} нет встроенной базы: переносить нечего (проверьте OTKLIK_DATA_DIR)`,
    (p) => `There is no embedded database in ${p.dir}: nothing to move (check OTKLIK_DATA_DIR)`,
  ),
  'move.source-schema': fixed('Источник: проверка версии схемы…', 'Source: checking the schema version…'),
  'move.target-migrations': entry<{ readonly target: string }>(
    (p) => `Цель: ${p.target}: миграции…`,
    (p) => `Target: ${p.target}: migrations…`,
  ),
  'move.target-not-empty': entry<{ readonly rows: string }>(
    (p) => `Целевая база не пуста (${p.rows}): перенос возможен только в пустую базу`,
    (p) => `The target database is not empty (${p.rows}): move-to-postgres copies into an empty database only`,
  ),
  'move.verifying-counts': fixed('Проверка: число строк…', 'Verifying row counts…'),
  'move.replaying': fixed(
    'Проверка: проекции обращений против их событий…',
    'Replaying every case against its events…',
  ),
  'move.projection-differs': entry<{ readonly count: number; readonly numbers: string }>(
    (p) =>
      `Проекция не совпадает со сверткой событий у ${p.count} обращений (${p.numbers}): ` +
      'перенос отменён, целевая база осталась пустой',
    (p) =>
      `The stored projection differs from the fold of its events for ${p.count} cases (${p.numbers}): ` +
      'the move was rolled back and the target is empty',
  ),
  'move.references-filled': entry<{ readonly table: string; readonly n: number; readonly columns: string }>(
    (p) => `  ${p.table}: ${p.n} ссылок дозаполнено (${p.columns})`,
    (p) => `  ${p.table}: ${p.n} references filled in (${p.columns})`,
  ),
  'serve.host-required': fixed('--host: укажите адрес', '--host: an address is required'),
  'serve.database': entry<{ readonly database: string }>(
    (p) => `База данных: ${p.database}`,
    (p) => `Database: ${p.database}`,
  ),
  // otklik report.
  'report.month-required': fixed('укажите --month ГГГГ-ММ', 'missing --month <YYYY-MM>'),
  'report.format': entry<{ readonly value: string }>(
    (p) => `--format: csv или json, а не «${p.value}»`,
    (p) => `--format must be csv or json, got "${p.value}"`,
  ),
  'report.delimiter': entry<{ readonly value: string }>(
    (p) => `--delimiter: ';' или ',', а не «${p.value}»`,
    (p) => `--delimiter must be ';' or ',', got "${p.value}"`,
  ),
  'report.now': entry<{ readonly value: string }>(
    (p) => `--now: нужен момент с часовым поясом, например 2026-11-01T09:00:00+03:00, а не «${p.value}»`,
    (p) => `--now: an instant with an offset, e.g. 2026-11-01T09:00:00+03:00, got "${p.value}"`,
  ),
  'report.title': entry<{ readonly organisation: string; readonly month: string }>(
    (p) => `${p.organisation}: сводка за ${p.month}`,
    (p) => `${p.organisation}: monthly summary, ${p.month}`,
  ),
  // otklik replay's table.
  'replay.missing-profile': fixed(
    'укажите --profile <профиль или путь к файлу профиля JSON>',
    'missing --profile <preset-id | path to a profile JSON>',
  ),
  'replay.bad-lang': entry<{ readonly value: string }>(
    (p) => `--lang: ru или en, а не «${p.value}»`,
    (p) => `--lang takes ru or en, not "${p.value}"`,
  ),
  'replay.unknown-profile': entry<{ readonly profile: string; readonly known: string }>(
    (p) => `профиль «${p.profile}» не найден; есть: ${p.known}, или укажите путь к файлу профиля JSON`,
    (p) => `unknown profile "${p.profile}"; known presets: ${p.known}, or give a path to a profile JSON file`,
  ),
  'replay.no-profile-file': entry<{ readonly path: string }>(
    (p) => `файла профиля «${p.path}» нет`,
    (p) => `no such profile file "${p.path}"`,
  ),
  'replay.unreadable-profile-file': entry<{ readonly path: string; readonly detail: string }>(
    (p) => `не удаётся прочитать файл профиля «${p.path}»: ${p.detail}`,
    (p) => `cannot read the profile file "${p.path}": ${p.detail}`,
  ),
  'replay.profile-not-json': fixed('не JSON', 'not valid JSON'),
  'replay.invalid-profile-file': entry<{ readonly path: string; readonly problems: string }>(
    (p) => `файл профиля «${p.path}» неверен: ${p.problems}`,
    (p) => `the profile file "${p.path}" is invalid: ${p.problems}`,
  ),
  'replay.clocks': fixed('Сроки', 'Clocks'),
  'replay.no-clocks': fixed('(нет сроков с лимитом)', '(no clock with a limit)'),
  'replay.breaches': fixed('Нарушения', 'Breaches'),
  'replay.none': fixed('(нет)', '(none)'),
  'replay.held': fixed('Время у участников, раб. мин', 'Time held, working minutes'),
  // The environment (../env.ts): its variables' own checks, and the refusal that lists what is wrong.
  'env.invalid': entry<{ readonly lines: readonly string[] }>(
    (p) => `Неверные переменные окружения:\n${p.lines.join('\n')}`,
    (p) => `Invalid environment:\n${p.lines.join('\n')}`,
  ),
  'env.flag': fixed('ожидается 1/0, true/false, yes/no или on/off', 'expected 1/0, true/false, yes/no or on/off'),
  'env.postgres-url': fixed(
    'ожидается адрес вида postgres://пользователь:пароль@сервер:порт/база',
    'expected postgres://user:password@host:port/db',
  ),
  'env.metrics-token': fixed('не короче 16 символов', 'at least 16 characters'),
  'env.mail-from': fixed(
    'адрес отправителя, например «Отклик <otklik@example.ru>»',
    'a sender address, e.g. "Otklik <otklik@example.ru>"',
  ),
  'env.public-url': fixed(
    'ожидается адрес вида https://otklik.example.ru',
    'expected an absolute http(s) address, e.g. https://otklik.example.ru',
  ),
  'env.http-only': fixed('только http(s)', 'http(s) only'),
  'env.ldap-url': fixed('ожидается ldap://… или ldaps://…', 'expected ldap://… or ldaps://…'),
  'env.ldap-filter': fixed('фильтр должен содержать {login}', 'the filter must contain {login}'),
  'env.secret-key': fixed(
    'нужно 32 байта: 64 шестнадцатеричные цифры или base64 (openssl rand -hex 32)',
    '32 bytes are needed: 64 hex digits or base64 (openssl rand -hex 32)',
  ),
  'env.trust-proxy': fixed('список адресов или CIDR через запятую', 'a comma-separated list of addresses or CIDRs'),
  'env.oidc-client-id': fixed('нужен при OTKLIK_OIDC_ISSUER', 'required with OTKLIK_OIDC_ISSUER'),
  'env.oidc-public-url': fixed(
    'нужен для входа через OpenID Connect (адрес возврата)',
    'required for OpenID Connect (the redirect URI)',
  ),
  'env.oidc-issuer-https': entry<{ readonly issuer: string }>(
    (p) => `OTKLIK_OIDC_ISSUER должен быть https:// (http:// допустим только для 127.0.0.1): ${p.issuer}`,
    (p) => `OTKLIK_OIDC_ISSUER must be https:// (http:// only on 127.0.0.1): ${p.issuer}`,
  ),
  'env.ldap-base-dn': fixed('нужен при OTKLIK_LDAP_URL', 'required with OTKLIK_LDAP_URL'),
  'env.ldap-bind': fixed(
    'OTKLIK_LDAP_BIND_DN и OTKLIK_LDAP_BIND_PASSWORD задаются вместе',
    'set OTKLIK_LDAP_BIND_DN and OTKLIK_LDAP_BIND_PASSWORD together, or neither',
  ),
  // otklik serve.
  'serve.bad-port': entry<{ readonly value: string }>(
    (p) => `--port: нужно число 0–65535, а не «${p.value}»`,
    (p) => `--port: a number 0–65535, got "${p.value}"`,
  ),
  'serve.demo-mode': fixed(
    'Демо-режим (--demo): на пустой базе будут созданы демо-организации с паролем «demo». Не для работы.',
    'Demo mode (--demo): an empty database gets the demo organisations, password "demo". Not for real work.',
  ),
  'serve.port-in-use': entry<{ readonly port: number; readonly host: string }>(
    (p) => `порт ${p.port} на ${p.host} уже занят; укажите другой --port`,
    (p) => `port ${p.port} on ${p.host} is in use; give another --port`,
  ),
  'serve.first-run': entry<{ readonly url: string; readonly code: string }>(
    (p) =>
      `Первый запуск: организаций ещё нет. Откройте ${p.url}\n(код настройки ${p.code}) или создайте организацию командой \`otklik init\`.`,
    (p) => `First run: no organisation yet. Open ${p.url}\n(setup code ${p.code}) or create one with \`otklik init\`.`,
  ),
  'demo.logins': entry<{ readonly password: string }>(
    (p) => `Демо-входы (пароль «${p.password}»):`,
    (p) => `Demo logins (password "${p.password}"):`,
  ),
  // The node's log (health/registry.ts): a subsystem that fails, and recovers.
  'health.unhealthy': entry<{ readonly name: string; readonly detail: string }>(
    (p) => `health: ${p.name} неисправен: ${p.detail}`,
    (p) => `health: ${p.name} unhealthy: ${p.detail}`,
  ),
  'health.recovered': entry<{ readonly name: string; readonly detail: string }>(
    (p) => `health: ${p.name} восстановлен: ${p.detail}`,
    (p) => `health: ${p.name} recovered: ${p.detail}`,
  ),
  // The database (../db): a connection the code cannot read, a data directory another process holds.
  'db.unknown-sslmode': entry<{ readonly mode: string }>(
    (p) => `Неизвестный sslmode «${p.mode}» в DATABASE_URL (disable, prefer, require, verify-ca, verify-full)`,
    (p) => `unknown sslmode "${p.mode}" in DATABASE_URL (disable, prefer, require, verify-ca, verify-full)`,
  ),
  'db.data-dir-locked': entry<{
    readonly dataDir: string;
    readonly pid: number;
    readonly hostname: string;
    readonly startedAt: string;
  }>(
    (p) =>
      `Каталог данных ${p.dataDir} уже используется другим процессом Otklik (pid ${p.pid} на ${p.hostname}, ` +
      `запущен ${p.startedAt}). Остановите его или укажите другой OTKLIK_DATA_DIR.`,
    (p) =>
      `The data directory ${p.dataDir} is in use by another Otklik process (pid ${p.pid} on ${p.hostname}, ` +
      `started ${p.startedAt}). Stop it or set another OTKLIK_DATA_DIR.`,
  ),
  'db.lock-failed': entry<{ readonly path: string }>(
    (p) => `Не удалось захватить блокировку ${p.path}`,
    (p) => `could not take the data directory lock ${p.path}`,
  ),
  // otklik deadline: its flags, its requests (from flags or a --batch line) and how each deadline was reached.
  'deadline.needs-number': entry<{ readonly flag: string }>(
    (p) => `у параметра ${p.flag} нет значения, например ${p.flag} 120 (или ${p.flag} -240 — минуты назад)`,
    (p) => `${p.flag} needs a value, e.g. ${p.flag} 120 (or ${p.flag} -240 for minutes back)`,
  ),
  'deadline.whole-number': entry<{ readonly flag: string; readonly value: string }>(
    (p) => `${p.flag}: ожидается целое число, а не «${p.value}»`,
    (p) => `${p.flag} must be a whole number, got "${p.value}"`,
  ),
  'deadline.missing-profile': fixed('укажите --profile <профиль>', 'missing --profile <preset-id>'),
  'deadline.missing-from': fixed(
    'укажите --from <момент ISO-8601 со смещением от UTC>',
    'missing --from <ISO-8601 instant>',
  ),
  'deadline.unknown-profile': entry<{ readonly profile: string; readonly known: string }>(
    (p) => `профиль «${p.profile}» не найден; есть: ${p.known}`,
    (p) => `unknown profile "${p.profile}"; known: ${p.known}`,
  ),
  'deadline.say-what': fixed(
    'укажите, что прибавить: workMinutes, workDays, calendarDays или step',
    'say what to add: workMinutes, workDays, calendarDays or step',
  ),
  'deadline.conflicting': entry<{ readonly modes: readonly string[] }>(
    (p) => `несовместимые параметры: ${p.modes.join(' и ')}; укажите один`,
    (p) => `conflicting options: ${p.modes.join(' and ')}; give exactly one`,
  ),
  'deadline.category-without-step': fixed('category — только вместе со step', 'category only applies with step'),
  'deadline.high-without-step': fixed('high — только вместе со step', 'high only applies with step'),
  'deadline.batch-from-stdin': entry<{ readonly value: string }>(
    (p) => `--batch читает запросы со стандартного ввода, а не из «${p.value}»`,
    (p) => `--batch takes its requests from stdin, not from "${p.value}"`,
  ),
  'deadline.not-json': fixed('строка не в формате JSON', 'not valid JSON'),
  'deadline.rule-minutes': entry<{ readonly n: number }>(
    (p) =>
      counted(p.n, 'ru', {
        one: 'рабочая минута',
        few: 'рабочие минуты',
        many: 'рабочих минут',
        other: 'рабочей минуты',
      }),
    (p) => counted(p.n, 'en', { one: 'working minute', other: 'working minutes' }),
  ),
  'deadline.rule-work-days': entry<{ readonly n: number }>(
    (p) =>
      `${counted(p.n, 'ru', { one: 'рабочий день', few: 'рабочих дня', many: 'рабочих дней', other: 'рабочего дня' })} (до конца последнего)`,
    (p) => `${counted(p.n, 'en', { one: 'working day', other: 'working days' })} (end of the last one)`,
  ),
  'deadline.rule-calendar-days': entry<{ readonly n: number }>(
    (p) =>
      `${counted(p.n, 'ru', { one: 'календарный день', few: 'календарных дня', many: 'календарных дней', other: 'календарного дня' })} (до конца рабочего дня)`,
    (p) =>
      `${counted(p.n, 'en', { one: 'calendar day', other: 'calendar days' })} (rolled to the end of a working day)`,
  ),
} as const;

export type CliMessageKey = keyof typeof CLI_MESSAGES;
export const isCliMessageKey = (key: string): key is CliMessageKey => Object.hasOwn(CLI_MESSAGES, key);
type CliParams<K extends CliMessageKey> = Parameters<(typeof CLI_MESSAGES)[K]['ru']>[0];

/** The CLI's language: OTKLIK_LANG, Russian when unset (a bad value is refused by main before any command runs). */
export function cliLang(): MessageLang {
  const raw = process.env.OTKLIK_LANG;
  // A batch asks once a line: the variable is checked again only when it changed.
  if (lastLang && lastLang.raw === raw) return lastLang.lang;
  const read = commandLineLanguage();
  lastLang = { raw, lang: read.ok ? read.lang : 'ru' };
  return lastLang.lang;
}
let lastLang: { readonly raw: string | undefined; readonly lang: MessageLang } | undefined;

/** One of the CLI's own messages in `lang` (default: the CLI's language). */
export function say<K extends CliMessageKey>(key: K, params: CliParams<K>, lang: MessageLang = cliLang()): string {
  return (CLI_MESSAGES[key][lang] as (p: CliParams<K>) => string)(params);
}

/** A message kept as a key and parameters (an import line's problem, a refusal) in the CLI's language: the server's
 *  catalogue or the domain's refusals; the key itself when neither has it. */
export function sayStored(
  message: { readonly key: string; readonly params: Readonly<Record<string, unknown>> },
  lang: MessageLang = cliLang(),
): string {
  return messageIn(message.key, message.params, lang) ?? message.key;
}
