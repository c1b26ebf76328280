/**
 * Backup of one organisation: everything it owns (strategies, initiatives, actors,
 * indicators with their values and history, follow-up cycles with every revision and
 * comment, reports, foresight, users and the audit log) as one ZIP archive, and its
 * restore into an empty instance, verified table by table.
 * <p>
 * The archive holds, per table, the rows in PostgreSQL's COPY text format (exact for
 * every type) and a manifest with the schema version, the columns, the row counts and a
 * SHA-256 of each table. Reference data that every instance loads at start (the areas of
 * Sweden, Agenda 2030) and per-instance state (sessions, instances) stay out.
 * <p>
 * API: {@link se.stratlas.archive.OrganisationArchive}.
 */
@ApplicationModule(allowedDependencies = { "shared", "audit", "accounts", "areas" })
package se.stratlas.archive;

import org.springframework.modulith.ApplicationModule;
