/**
 * The audit log: who created, changed or deleted what, when, field by field. Writing modules call
 * {@link org.citybridge.audit.AuditLog} inside their own transaction, so a write and its entry
 * commit together. Entries are never edited; only their actor can be pseudonymised on erasure.
 * Administrators read every entry; staff read those made by their own organisation's accounts.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system" })
package org.citybridge.audit;
