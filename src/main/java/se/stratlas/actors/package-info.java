/**
 * The actors a region works with: organisations of many kinds (kommun, lärosäte, företag,
 * …) with organisation number and the areas they work in, contact persons (name, title,
 * unit, contact details; nothing more personal) and partnerships with their members'
 * roles, linked to strategy elements. API: {@link se.stratlas.actors.ActorRegistry}, what
 * its screens show ({@link se.stratlas.actors.ActorPages}) and their records.
 */
@ApplicationModule(allowedDependencies = { "shared", "audit", "accounts", "areas", "strategy" })
package se.stratlas.actors;

import org.springframework.modulith.ApplicationModule;
