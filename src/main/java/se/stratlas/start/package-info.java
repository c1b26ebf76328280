/**
 * The start page: what a signed-in user should do next (tasks and deadlines), how the
 * cycles they take part in are going per unit, which indicators are off target, what
 * changed lately, and for a new organisation a checklist of getting started that ticks
 * itself. Reads the other modules through their APIs; owns no data.
 */
@ApplicationModule(allowedDependencies = { "shared", "accounts", "audit", "strategy", "indicators", "followup" })
package se.stratlas.start;

import org.springframework.modulith.ApplicationModule;
