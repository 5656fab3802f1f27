// Admins: granting the admin role in chat (`admin hinzufügen`) and reading the audit log (`audit`).
// This file is the feature's face: the Teams edge and other features import from here, never from its files.

export { addAdminCommand, knownMembers, pickMember } from './add-admin-command';
export { auditCommand } from './audit-command';
