/**
 * Indicators that show whether the strategy works: typed periods (year, half-year,
 * tertial, quarter, month), indicator definitions, values by area, period and sex with
 * provenance, targets and computed indicators. API: {@link se.stratlas.indicators.Period}
 * and the other public types of this package. (Work in progress: see issue 4.)
 */
@ApplicationModule(allowedDependencies = { "shared", "areas", "accounts", "strategy", "audit" })
package se.stratlas.indicators;

import org.springframework.modulith.ApplicationModule;
