package se.stratlas.strategy;

import java.util.Locale;

/** Where a strategy version is in its life: utkast, remiss, antagen, upphörd. */
public enum StrategyStatus {

	UTKAST, REMISS, ANTAGEN, UPPHORD;

	public String messageKey() {
		return "strategy.status." + name().toLowerCase(Locale.ROOT);
	}

}
