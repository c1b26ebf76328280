package se.stratlas.strategy;

/**
 * A cross-cutting direction (inriktning) of a strategy's latest version, and whether it
 * is a gate for funding: an application cannot be granted while its assessment against a
 * gate direction is missing or not positive.
 */
public record Direction(StrategyElement element, boolean fundingGate) {
}
