/**
 * Notices: what the portal announces to whom. A feature that changes something another person
 * should hear of calls {@link org.citybridge.notice.Notices#announce} inside its own transaction,
 * so a change is never announced without being made, nor made without being announced. Each
 * notice is listed in the portal (with an unread count in the header) and mailed through the
 * outbox in the recipient's language, at once, in a daily digest, or not at all, as the recipient
 * chose per kind. People follow municipalities, agreements, instruments and events; a private
 * Atom feed per account carries the same notices.
 *
 * <p>
 * A low module: it reads the accounts table (addresses, languages, officers of a municipality)
 * read-only in SQL, and sends mail through {@link org.citybridge.system.OfficerMail#send}, which the
 * accounts feature implements, so every feature may call it without a cycle.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "audit" })
package org.citybridge.notice;
