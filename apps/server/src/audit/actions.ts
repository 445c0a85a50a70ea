// The audit log's actions and their labels live in @otklik/contract (the web words them too).
export {
  AUDIT_ACTION_NAMES,
  AUDIT_ACTIONS,
  type AuditAction,
  auditActionLabel,
} from '@otklik/contract';
