/**
 * Health data for research and care development (seed 000, track 4; issue 19): the
 * region's health data sources (registers, care systems, 1177 Vårdguiden) with owner,
 * legal basis, refresh frequency and research link; their datasets with variables and
 * labels (sensitivity, GDPR art. 9 category, code system, provenance); loads of rows with
 * a quality and utility label along the EHDS dimensions computed from the data itself on
 * every load; access by application (ethics approval, legal basis, retention, team, an
 * output checker who is not the applicant) reviewed and decided by the data steward, with
 * questions back, an audit of every state and an end date after which access has expired;
 * and an availability overview with turnaround per dataset, also as open data.
 */
@ApplicationModule(allowedDependencies = { "shared", "audit", "accounts", "areas", "exchange" })
package se.stratlas.health;

import org.springframework.modulith.ApplicationModule;
