/**
 * What makes Stratlas run as one application: the embedded PostgreSQL used when no
 * database is configured, the web shell (layout, home page, language switch, error pages)
 * and the problem details of the JSON API. Depends only on {@code shared}; other modules
 * do not depend on it.
 */
@ApplicationModule(allowedDependencies = "shared")
package se.stratlas.system;

import org.springframework.modulith.ApplicationModule;
