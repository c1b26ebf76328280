/**
 * Reference areas: Sweden, its 21 counties (regions) and 290 municipalities with their
 * official codes, loaded from the shipped reference file. API:
 * {@link se.stratlas.areas.Areas}.
 */
@ApplicationModule(allowedDependencies = "shared")
package se.stratlas.areas;

import org.springframework.modulith.ApplicationModule;
