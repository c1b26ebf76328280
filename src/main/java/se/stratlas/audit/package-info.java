/**
 * The audit trail: every change users make is recorded with who, when and what (the
 * changed fields, before and after). Modules record through
 * {@link se.stratlas.audit.AuditTrail} and read an entity's history back from it. Depends
 * only on {@code shared}.
 */
@ApplicationModule(allowedDependencies = "shared")
package se.stratlas.audit;

import org.springframework.modulith.ApplicationModule;
