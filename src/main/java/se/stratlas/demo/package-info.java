/**
 * The demo region: Region Västerbotten with its regional development strategy RUS
 * 2020–2030 and the remiss version of its digitalisation strategy 2022–2030, spelled as
 * in the seed documents; Region Norrbotten as a second organisation; demo users for every
 * role; the follow-up cycles of seeds 001 and 003. Loaded on start in demo mode (the
 * default with the embedded database), idempotently. It offers nothing to other modules,
 * so all of it sits in {@code internal}.
 */
@ApplicationModule(allowedDependencies = { "accounts", "strategy", "shared", "actors", "initiatives", "areas",
		"indicators", "followup", "foresight", "learning", "exchange", "health" })
package se.stratlas.demo;

import org.springframework.modulith.ApplicationModule;
