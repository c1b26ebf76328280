/**
 * Strategies as data: a strategy (RUS, the digitalisation strategy, Agenda 2030 as a
 * reference framework) has versions (utkast, remiss, antagen, upphörd) and each version a
 * tree of typed elements: övergripande mål, inriktning, prioritering, delprioritering,
 * fokusområde, åtgärd. Elements keep a stable key across versions, so versions can be
 * compared and elements of different strategies linked.
 * <p>
 * API: {@link se.stratlas.strategy.StrategyCatalog} (reading),
 * {@link se.stratlas.strategy.StrategyManagement} (changing),
 * {@link se.stratlas.strategy.StrategyTransfer} (export and import as one JSON document)
 * and the records they use. Depends on {@code shared}, {@code audit} and {@code accounts}
 * (the signed-in user in the web layer).
 */
@ApplicationModule(allowedDependencies = { "shared", "audit", "accounts" })
package se.stratlas.strategy;

import org.springframework.modulith.ApplicationModule;
