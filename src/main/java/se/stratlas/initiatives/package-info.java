/**
 * Initiatives (insatser, projekt, förstudier, uppdrag, mötesplatser, nätverk) that carry
 * the strategies out: funding, participants, contributions to strategy elements,
 * assessments against the directions, Agenda 2030 effects with goal conflicts;
 * applications and decisions with the direction gate; portfolio views, search, bulk
 * import and export.
 * <p>
 * API: {@link se.stratlas.initiatives.InitiativeCatalog},
 * {@link se.stratlas.initiatives.InitiativeManagement},
 * {@link se.stratlas.initiatives.InitiativeParts},
 * {@link se.stratlas.initiatives.Applications},
 * {@link se.stratlas.initiatives.Portfolio}, the screens'
 * {@link se.stratlas.initiatives.InitiativePages},
 * {@link se.stratlas.initiatives.InitiativeChoices} and exports, and the records they
 * use. The SQL and the import's row parser are in {@code internal}.
 */
@ApplicationModule(allowedDependencies = { "shared", "audit", "accounts", "areas", "strategy", "actors" })
package se.stratlas.initiatives;

import org.springframework.modulith.ApplicationModule;
