/**
 * Strategic learning: whether the strategy works and what the next version should say.
 * Per strategy element and follow-up cycle it keeps the strateg's assessment (på väg,
 * delvis, inte på väg, kan inte bedömas) with a motivation, lessons that cite their
 * evidence, and revision proposals that a second person decides and that are then applied
 * to a draft version of the strategy. Its learning page gathers the evidence from the
 * other modules through their APIs; it owns only its own records.
 */
@ApplicationModule(allowedDependencies = { "shared", "accounts", "audit", "areas", "strategy", "indicators",
		"initiatives", "followup", "foresight" })
package se.stratlas.learning;

import org.springframework.modulith.ApplicationModule;
